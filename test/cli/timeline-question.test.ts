// "How have Russia–Afghanistan relations moved, and show me the sentences" over many articles:
// reports of one event in several outlets fold into one row (`events --group`), each report keeps
// its sentence, attribution and article; undated events are counted, not silently dropped, when a
// period is asked for; the timeline ends with a trend both directions together, quiet years shown.
// The store is a temp SQLite file filled with sample records written for this test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { makeDoc, RUS, AFG } from '../server/fixtures.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
let db: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-question-'));
  db = join(dir, 'q.db');
  store = await openStore(db);
  // one deal, reported by two outlets (sample sentences); the second one says who reported it
  const deal = (id: string, site: string, sentence: string, trigger: string, quote?: string) => {
    const d = makeDoc({
      id, url: `https://${site}/2025/11/deal`, title: `Fuel deal (${site})`, published: '2025-11-19',
      events: [{ sentence, actor: RUS, trigger, recipient: AFG, cameo: '057', event: 'AGREE', quad: 1, goldstein: 8, date: '2025-11-18', dateText: 'Tuesday', quote }],
    });
    d.article.site = site;
    return d;
  };
  await store.saveDoc(deal('deal-a', 'alpha.invalid', 'Russia signed a fuel deal with the Taliban in Kazan on Tuesday.', 'signed'));
  await store.saveDoc(deal('deal-b', 'beta.invalid', 'Russia signed a wheat and fuel deal with the Taliban on Tuesday, "a new stage", an envoy said.', 'signed', 'a new stage'));
  // a conflictual year, then a quiet one (2024: nothing), then the deal year
  await store.saveDoc(makeDoc({
    id: 'doc-2023', url: 'https://alpha.invalid/2023/list', title: 'List stays', published: '2023-09-29',
    events: [{ sentence: 'Russia refused to remove the Taliban from its list on Friday.', actor: RUS, trigger: 'refused', recipient: AFG, cameo: '1241', event: 'REJECT', quad: 3, goldstein: -4, date: '2023-09-29', dateText: 'Friday' }],
  }));
  // an undated event: the article says "had earlier" with no date (time unknown, not the article's day)
  const undated = makeDoc({
    id: 'doc-undated', url: 'https://beta.invalid/undated', title: 'Earlier talks', published: '2025-12-01',
    events: [{ sentence: 'Russia had earlier hosted the Taliban for talks.', actor: RUS, trigger: 'hosted', recipient: AFG, cameo: '043', event: 'CONSULT', quad: 1, goldstein: 2.8, date: '2025-12-01' }],
  });
  Object.assign(undated.events[0]!, { date: null, date_precision: null, date_source: null });
  await store.saveDoc(undated);
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('events --group folds the reports of one event from two outlets, each with its sentence, attribution and article', async () => {
  const plain = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--since', '2025', '--db', db]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout.trim().split('\n').length, 3, 'header + the two reports as rows');
  const g = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--since', '2025', '--group', '--evidence', '--db', db]);
  assert.equal(g.code, 0, g.stderr);
  const lines = g.stdout.split('\n');
  assert.equal(lines.filter((l) => /^2025-11-18 /.test(l)).length, 1, 'one row for the event');
  assert.match(g.stdout, /\n {4}2 reports here \(the event: 2 reports in 2 articles, 2 outlets\):\n/);
  assert.match(g.stdout, /\n {6}“Russia signed a fuel deal with the Taliban in Kazan on Tuesday\.”\n {6}Fuel deal \(alpha\.invalid\) · 2025-11-19 · https:\/\/alpha\.invalid\/2025\/11\/deal\n/);
  assert.match(g.stdout, /\n {6}according to Russia\n {6}Fuel deal \(beta\.invalid\) · 2025-11-19 · https:\/\/beta\.invalid\/2025\/11\/deal\n/);
  assert.match(g.stderr, /entente events: 1–1 of 1 event \(2 reports\); 1 more undated event left out by --since\/--until/);
  // jsonl: one line per event with its cluster and every report (with --evidence, its sentence)
  const j = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--group', '--evidence', '--format', 'jsonl', '--db', db]);
  const recs = j.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(recs.length, 3, 'the deal, the 2023 refusal, the undated talks');
  assert.equal(recs[0].events.length, 2);
  assert.equal(recs[0].cluster.outlets, 2);
  assert.ok(recs[0].events.every((e: any) => e.evidence.sentence.includes('Taliban')));
  assert.equal(recs[2].events[0].date, null, 'undated last');
  // refused where it cannot fold
  const csv = await runCli(['store'], ['events', '--group', '--format', 'csv', '--db', db]);
  assert.equal(csv.code, 2);
  assert.match(csv.stderr, /--group works with --format table, jsonl or json/);
  const cur = await runCli(['store'], ['events', '--group', '--cursor', 'x', '--db', db]);
  assert.equal(cur.code, 2);
  assert.match(cur.stderr, /--group pages by event: give --offset, not --cursor/);
});

test('events --group --evidence: a widely reported event shows its first 10 reports and where the rest are', async () => {
  const dir2 = mkdtempSync(join(tmpdir(), 'entente-wide-'));
  const db2 = join(dir2, 'w.db');
  const s2 = await openStore(db2);
  try {
    for (let i = 0; i < 12; i++) {
      const d = makeDoc({
        id: `wire-${i}`, url: `https://outlet${i}.invalid/strike`, title: `Strike (${i})`, published: '2025-10-13',
        events: [{ sentence: `Russia condemned the Taliban on Sunday, copy ${i} said.`, actor: RUS, trigger: 'condemned', recipient: AFG, cameo: '111', event: 'ACCUSE', quad: 3, goldstein: -2, date: '2025-10-12', dateText: 'Sunday' }],
      });
      d.article.site = `outlet${i}.invalid`;
      await s2.saveDoc(d);
    }
  } finally {
    await s2.close();
  }
  const r = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--group', '--evidence', '--db', db2]);
  rmSync(dir2, { recursive: true, force: true });
  assert.equal(r.code, 0, r.stderr);
  assert.equal((r.stdout.match(/“Russia condemned/g) ?? []).length, 10);
  assert.match(r.stdout, /\n {6}… 2 more reports: entente events --cluster '[^']+' --evidence\n/);
  assert.match(r.stderr, /1–1 of 1 event \(12 reports\)/);
});

test('a name that is one actor, not a country, is said so, with the code that counts the whole country', async () => {
  // the KB's Taliban government (data/kb): only that actor, not every Afghan one
  const t = await runCli(['store'], ['timeline', 'Russia', 'Taliban', '--by', 'year', '--db', db]);
  assert.match(t.stderr, /entente timeline: "Taliban" = .+ \(gov\/[^)]+\) only; AFG counts every actor of that country\n/);
  assert.doesNotMatch(t.stderr, /"Russia" =/, 'a country name is the country');
  const e = await runCli(['store'], ['events', '--dyad', 'Russia,Taliban', '--db', db]);
  assert.match(e.stderr, /entente events: "Taliban" = .+ only; AFG counts every actor of that country\n/);
});

test('events: the row says when a record is not a plain act (modality beside negation)', async () => {
  const r = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--db', db]);
  assert.match(r.stdout, /REJECT\/1241 /);
  assert.doesNotMatch(r.stdout, /\(asserted\)/);
});

test('timeline: a trend for both directions, the quiet year shown, undated events counted when a period is asked for', async () => {
  const r = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--by', 'year', '--since', '2021', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\nBoth directions: cooperation \(quad 1\+2\) and conflict \(quad 3\+4\) events, mean Goldstein/);
  assert.match(r.stdout, /\n2023 +0 +1 +-4\.0 +-\n/);
  assert.match(r.stdout, /\n2024 +no events\n/);
  assert.match(r.stdout, /\n2025 +2 +0 +\+8\.0 +\+\+\n/);
  assert.match(r.stderr, /entente timeline: 3 events in 2 years; 1 more undated between them, left out by --since\/--until/);
  // by month, a run of quiet months is one row
  const m = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--db', db]);
  assert.match(m.stdout, /\n2023-10–2025-10 +no events \(25 months\)\n2025-11 +2 +0 /);
  // without a period the undated one is in the existing count; json is unchanged (no trend table)
  const all = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--by', 'year', '--db', db]);
  assert.match(all.stderr, /entente timeline: 3 events in 2 years, 1 more without a year-precision date\n/);
  const j = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--by', 'year', '--format', 'json', '--db', db]);
  assert.deepEqual(Object.keys(JSON.parse(j.stdout)).sort(), ['a', 'b', 'by', 'rows', 'unbucketed']);
});
