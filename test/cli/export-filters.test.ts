// A researcher's file of one question's events: `entente export` with the filters of `entente events`
// writes every match (events pages them), `--group` folds reports however many match, and filters that
// can only be typos (a type no codebook has, a day no calendar has) are usage errors, not "0 events".
// Stores are temp SQLite files filled with sample records written for these tests (test/server/fixtures.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import type { Store, StoredEvent } from '../../src/store/types.js';
import { makeDoc, sampleDocs, RUS, AFG } from '../server/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';
import { CSV_COLUMNS, GDELT_COLUMNS } from '../../src/events/formats.js';
import { exportChunks, matchingEvents } from '../../src/server/export.js';
import { groupPage } from '../../src/cli/store.js';

let dir: string;
let db: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-export-'));
  db = join(dir, 'x.db');
  store = await openStore(db);
  for (const d of sampleDocs()) await store.saveDoc(d);
  // sample sentences written for this test: a negated act and three reports of one meeting in two outlets
  await store.saveDoc(makeDoc({
    id: 'doc-neg', url: 'https://samples.entente.invalid/x/neg', title: 'Embassy stays', published: '2025-08-16',
    events: [{ sentence: 'Russia will not close its embassy to the Taliban, the ministry said.', actor: RUS, trigger: 'close', recipient: AFG, cameo: '161', event: 'SANCTION', quad: 4, goldstein: -4, date: '2025-08-16', negated: true, modality: 'future' }],
  }));
  for (const [id, site] of [['m-1', 'alpha.invalid'], ['m-2', 'beta.invalid']] as const) {
    const d = makeDoc({
      id, url: `https://${site}/2024/03/meeting`, title: `Meeting (${site})`, published: '2024-03-02',
      events: [{ sentence: `Russia hosted the Taliban for talks in Kazan on Friday, ${site} reported.`, actor: RUS, trigger: 'hosted', recipient: AFG, cameo: '043', event: 'CONSULT', quad: 1, goldstein: 2.8, date: '2024-03-01', dateText: 'Friday' }],
    });
    d.article.site = site;
    await store.saveDoc(d);
  }
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('export --dyad --since --format csv: every matching event, one header, the same rows as `events` finds', async () => {
  const out = join(dir, 'rus-afg.csv');
  const r = await runCli(['store'], ['export', '--dyad', 'RUS,AFG', '--since', '2025', '--format', 'csv', '--out', out, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const want = await store.events({ dyad: ['RUS', 'AFG'], since: '2025', limit: 1000 });
  const rows = parseCsv(readFileSync(out, 'utf8'));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length - 1, want.total);
  assert.deepEqual(rows.slice(1).map((x) => x[0]), want.events.map((e) => e.record.id), 'newest event first, as `events`');
  assert.ok(rows.slice(1).every((x) => x[CSV_COLUMNS.indexOf('date')]! >= '2025'));
  assert.match(r.stderr, new RegExp(`^entente export: ${want.total} events matching written to `));
  // each row names its article: title, publication date and outlet (source criticism in a spreadsheet)
  const row = rows.find((x) => x[CSV_COLUMNS.indexOf('article_title')] === 'Embassy stays')!;
  assert.deepEqual(['article_published', 'outlet', 'sentence_text'].map((c) => row[CSV_COLUMNS.indexOf(c as (typeof CSV_COLUMNS)[number])]),
    ['2025-08-16', 'samples.entente.invalid', 'Russia will not close its embassy to the Taliban, the ministry said.']);
  // without a filter: every stored event, as before
  const all = await runCli(['store'], ['export', '--format', 'csv', '--db', db]);
  assert.equal(parseCsv(all.stdout).length - 1, (await store.stats()).events);
});

test('export: a filter that matches nothing writes an empty file (the header) and exits 1; a name says what it matched', async () => {
  const r = await runCli(['store'], ['export', '--dyad', 'RUS,AFG', '--since', '2030', '--format', 'csv', '--db', db]);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, CSV_COLUMNS.join(',') + '\n');
  assert.match(r.stderr, /entente export: 0 events matching/);
  // a name that is one actor, not a country, is said so before the export (as `events` and `timeline` say it)
  const n = await runCli(['store'], ['export', '--dyad', 'Russia,Taliban', '--since', '2030', '--format', 'csv', '--db', db]);
  assert.equal(n.code, 1, n.stderr);
  assert.match(n.stderr, /^entente export: "Taliban" = .+ only; AFG counts every actor of that country\n/);
});

test('gdelt has no row for a negated record (no column says "not"); csv keeps it with negated = true; stderr counts it', async () => {
  const g = await runCli(['store'], ['export', '--dyad', 'RUS,AFG', '--format', 'gdelt', '--db', db]);
  assert.equal(g.code, 0, g.stderr);
  const codes = g.stdout.trim().split('\n').map((l) => l.split('\t')[GDELT_COLUMNS.indexOf('EventCode')]);
  assert.ok(!codes.includes('161'), 'the denied embassy closure is no GDELT event');
  assert.match(g.stderr, /1 negated record \("will not evacuate"\) left out of --format gdelt .*--format csv or jsonl has them/);
  const c = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--format', 'csv', '--db', db]);
  const rows = parseCsv(c.stdout);
  const neg = rows.find((x) => x[CSV_COLUMNS.indexOf('cameo')] === '161')!;
  assert.equal(neg[CSV_COLUMNS.indexOf('negated')], 'true');
  const e = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--format', 'gdelt', '--db', db]);
  assert.match(e.stderr, /entente events: 1 negated record/);
});

test('a --type no codebook has and a day no calendar has are usage errors (2) naming the fix, in events, export and timeline', async () => {
  for (const cmd of ['events', 'export']) {
    const t = await runCli(['store'], [cmd, '--type', 'CONSLUT', '--db', db]);
    assert.equal(t.code, 2, t.stderr);
    assert.match(t.stderr, new RegExp(`^entente ${cmd}: --type "CONSLUT": expected a PLOVER type \\(AGREE, CONSULT, .*ASSAULT\\) or the start of a CAMEO code`));
    assert.equal((await runCli(['store'], [cmd, '--type', '99', '--db', db])).code, 2, 'no CAMEO code starts 99');
  }
  const ok = await runCli(['store'], ['events', '--type', 'consult', '--db', db]);
  assert.equal(ok.code, 0, 'a PLOVER type in any case');
  assert.equal((await runCli(['store'], ['events', '--type', '04', '--db', db])).code, 0, 'a CAMEO prefix');
  const day = await runCli(['store'], ['events', '--since', '2025-02-29', '--db', db]);
  assert.equal(day.code, 2);
  assert.equal(day.stderr, 'entente events: --since "2025-02-29": no such day (the month has 28)\n');
  assert.equal((await runCli(['store'], ['timeline', 'RUS', 'AFG', '--until', '2025-04-31', '--db', db])).code, 2);
  assert.equal((await runCli(['store'], ['events', '--since', '2024-02-29', '--db', db])).code, 0, 'a leap day');
  const kb = await runCli(['kb'], ['kb', 'lookup', 'Russia', '--date', '2026-02-30']);
  assert.equal(kb.code, 2);
  assert.equal(kb.stderr, 'entente kb lookup: --date "2026-02-30": no such day\n');
});

test('matchingEvents pages through the store: the same events in the same order as one big page', async () => {
  const q = { dyad: ['RUS', 'AFG'] as [string, string] };
  const one = (await store.events({ ...q, limit: 1000 })).events.map((e) => e.key);
  const paged: string[] = [];
  for await (const e of matchingEvents(store, q, 2)) paged.push(e.key);
  assert.deepEqual(paged, one);
  // exportChunks over pages and chunks smaller than the result writes each event once
  const counts = { events: 0, leftOut: 0 };
  let text = '';
  for await (const t of exportChunks(store, 'jsonl', q, counts, 2)) text += t;
  assert.deepEqual(text.trim().split('\n').map((l) => (JSON.parse(l) as StoredEvent['record']).id), (await store.events({ ...q, limit: 1000 })).events.map((e) => e.record.id));
  assert.equal(counts.events, one.length);
});

test('--group pages by event over any number of reports: read a page of the store at a time, the same groups as folding all', async () => {
  const q = { dyad: ['RUS', 'AFG'] as [string, string] };
  const all = (await store.events({ ...q, limit: 1000 })).events;
  const whole = await groupPage(store, q, 0, 1000);
  assert.equal(whole.reports, all.length);
  assert.equal(whole.events, new Set(all.map((e) => e.cluster.id)).size);
  const meeting = whole.groups.find((g) => g.reports.length === 2);
  assert.ok(meeting, 'the two outlets\' reports of the Kazan talks are one event');
  // page size 1: the store is read one report at a time; pages of 2 events cover the same groups in order
  const pages = [];
  for (let from = 0; from < whole.events; from += 2) {
    const p = await groupPage(store, q, from, 2, 1);
    assert.deepEqual([p.events, p.reports], [whole.events, whole.reports]);
    pages.push(...p.groups);
  }
  assert.deepEqual(pages.map((g) => [g.cluster.id, g.reports.map((e) => e.key)]), whole.groups.map((g) => [g.cluster.id, g.reports.map((e) => e.key)]));
  const r = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--group', '--limit', '2', '--offset', '2', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`^entente events: 3–4 of ${whole.events} events \\(${whole.reports} reports\\) \\(next page: --offset 4\\)`));
});

test('timeline --format csv: a series for pandas/R, one row per period and direction, quiet months as zeros', async () => {
  const r = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--by', 'month', '--format', 'csv', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const rows = parseCsv(r.stdout);
  assert.deepEqual(rows[0], ['period', 'source', 'target', 'events', 'quad1', 'quad2', 'quad3', 'quad4', 'goldstein_mean', 'intensity_mean']);
  const t = await store.timeline({ a: 'RUS', b: 'AFG', by: 'month' });
  const periods = [...new Set(t.rows.map((x) => x.period))].sort();
  // every month from the first to the last, both directions
  const [y0, m0] = periods[0]!.split('-').map(Number) as [number, number];
  const [y1, m1] = periods[periods.length - 1]!.split('-').map(Number) as [number, number];
  const months = (y1 - y0) * 12 + (m1 - m0) + 1;
  assert.equal(rows.length - 1, months * 2);
  const sum = (k: number) => rows.slice(1).reduce((s, x) => s + Number(x[k]), 0);
  assert.equal(sum(3), t.rows.reduce((s, x) => s + x.count, 0));
  const quiet = rows.find((x) => x[0] === '2024-06' && x[1] === 'RUS')!;
  assert.deepEqual(quiet.slice(3), ['0', '0', '0', '0', '0', '', ''], 'a quiet month is a row of zeros, no mean');
  const met = rows.find((x) => x[0] === '2024-03' && x[1] === 'RUS' && x[2] === 'AFG')!;
  assert.deepEqual(met.slice(3, 9), ['2', '2', '0', '0', '0', '2.8']);
  assert.equal((await runCli(['store'], ['timeline', 'RUS', 'AFG', '--format', 'xml', '--db', db])).code, 2);
});
