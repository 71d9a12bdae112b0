// The analyst's queries over a store: a timeline and an event list that can leave out negated and
// hypothetical records (statements, not acts), events with their sentences, a hint for a name the
// knowledge base does not know, and an export that names a bad --out. Stores are temp SQLite
// files filled with sample records written for these tests (test/server/fixtures.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { makeDoc, sampleDocs, RUS, AFG } from '../server/fixtures.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
let db: string;
let store: Store;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-query-'));
  db = join(dir, 'q.db');
  store = await openStore(db);
  for (const d of sampleDocs()) await store.saveDoc(d);
  // a local clipping: no title, URL or outlet
  const local = makeDoc({
    id: '/home/analyst/clippings/envoy.txt', url: null, title: '', published: '2024-02-20',
    events: [{ sentence: 'Kenya recalled its envoy from Somalia on Tuesday.', actor: { text: 'Kenya', name: 'Kenya', id: 'KEN', code: 'KEN', country: 'KEN' }, trigger: 'recalled', recipient: { text: 'Somalia', name: 'Somalia', id: 'SOM', code: 'SOM', country: 'SOM' }, cameo: '161', event: 'SANCTION', quad: 4, goldstein: -4, date: '2024-02-20' }],
  });
  local.article.site = null;
  await store.saveDoc(local);
  await store.saveDoc(makeDoc({
    id: 'doc-neg', url: 'https://samples.entente.invalid/a/neg', title: 'Embassy stays', published: '2025-08-16',
    events: [
      { sentence: 'Russia will not close its embassy to the Taliban in Kabul, the ministry said.', actor: RUS, trigger: 'close', recipient: AFG, cameo: '161', event: 'SANCTION', quad: 4, goldstein: -4, date: '2025-08-16', negated: true, modality: 'future' },
      { sentence: 'Russia would expel envoys of the Taliban if the talks failed.', actor: RUS, trigger: 'expel', recipient: AFG, cameo: '174', event: 'COERCE', quad: 4, goldstein: -5, date: '2025-08-16', modality: 'hypothetical' },
    ],
  }));
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('store: exclude leaves negated / hypothetical records out of the timeline and the event list (dyad and general paths)', async () => {
  const all = await store.timeline({ a: 'RUS', b: 'AFG', by: 'year' });
  const acts = await store.timeline({ a: 'RUS', b: 'AFG', by: 'year', exclude: ['negated', 'hypothetical'] });
  const row = (t: typeof all) => t.rows.find((r) => r.period === '2025' && r.direction === 'a->b')!;
  assert.equal(row(all).count - row(acts).count, 2);
  assert.equal(row(all).quad[4] - row(acts).quad[4], 2);
  assert.equal(row(acts).quad[4], 0);
  const fut = await store.timeline({ a: 'RUS', b: 'AFG', by: 'year', exclude: ['future'] });
  assert.equal(row(all).count - row(fut).count, 1, 'the negated record is also future');
  const ev = await store.events({ dyad: ['RUS', 'AFG'], limit: 100 });
  const evActs = await store.events({ dyad: ['RUS', 'AFG'], limit: 100, exclude: ['negated', 'hypothetical'] });
  assert.equal(ev.total - evActs.total, 2);
  assert.ok(evActs.events.every((e) => !e.record.negated && e.record.modality !== 'hypothetical'));
  const byActor = await store.events({ actor: 'RUS', exclude: ['negated'], limit: 100 });
  assert.ok(byActor.events.every((e) => !e.record.negated));
});

test('entente timeline --exclude, and a hint for a name the KB does not know', async () => {
  const r = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--by', 'year', '--exclude', 'negated,hypothetical', '--db', db, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const t = JSON.parse(r.stdout);
  assert.equal(t.rows.find((x: any) => x.period === '2025' && x.direction === 'a->b').quad['4'], 0);
  const bad = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--exclude', 'maybe', '--db', db]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--exclude "maybe": expected a comma-separated list of negated, hypothetical, future, claimed, historical/);
  const unknown = await runCli(['store'], ['timeline', 'Narnia', 'AFG', '--db', db]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /entente timeline: "Narnia": not a name the knowledge base knows — give a country code \(RUS\)/);
});

test('entente events --evidence prints each sentence and its article; jsonl gets an evidence field; fixed-column formats refuse it', async () => {
  const t = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--evidence', '--db', db]);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /\n {4}“Russia met the Taliban in Moscow on Thursday to discuss trade\.”\n {4}Russia and the Taliban hold talks · 2025-04-18 · https:\/\/samples\.entente\.invalid\/a\/1\n/);
  const j = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--evidence', '--format', 'jsonl', '--exclude', 'negated', '--db', db]);
  const lines = j.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(lines.length >= 3);
  for (const e of lines) {
    assert.equal(e.evidence.sentence.slice(e.text_info.trigger.start - e.evidence.start, e.text_info.trigger.end - e.evidence.start), e.text_info.trigger.text);
    assert.equal(e.negated, false);
  }
  const csv = await runCli(['store'], ['events', '--evidence', '--format', 'csv', '--db', db]);
  assert.equal(csv.code, 2);
  assert.match(csv.stderr, /--evidence works with --format table, jsonl, json or plover/);
  // plover: each record's sentence (PLOVER `text`) and article (`cite_info`), read from the store
  const pl = await runCli(['store'], ['events', '--evidence', '--dyad', 'RUS,AFG', '--format', 'plover', '--db', db]);
  assert.equal(pl.code, 0, pl.stderr);
  const recs = pl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(recs.length >= 1);
  for (const p of recs) {
    assert.equal(typeof p.text, 'string');
    assert.equal(p.text.slice(p.entente.trigger.start - p.text_info.start, p.entente.trigger.end - p.text_info.start), p.entente.trigger.text);
    assert.equal(typeof p.link, 'string', 'the event cluster');
  }
  // csv from the store: the sentence's text, then its article (a local clipping: no title, no outlet)
  const c = await runCli(['store'], ['events', '--dyad', 'KEN,SOM', '--format', 'csv', '--db', db]);
  assert.equal(c.code, 0, c.stderr);
  assert.match(c.stdout.trim().split('\n')[0]!, /,sentence_text,article_title,article_published,outlet$/);
  assert.match(c.stdout.trim().split('\n')[1]!, /,Kenya recalled its envoy from Somalia on Tuesday\.,,2024-02-20,$/);
});

test('entente events: a row says what keeps a record from being a plain act, negation beside modality', async () => {
  const r = await runCli(['store'], ['events', '--dyad', 'RUS,AFG', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /SANCTION\/161 \(not, future\) /);
  assert.match(r.stdout, /COERCE\/174 \(hypothetical\) /);
  assert.doesNotMatch(r.stdout, /\(asserted\)/);
});

test('entente export --out into a missing directory names the flag and the directory, before reading the store', async () => {
  const r = await runCli(['store'], ['export', '--out', join(dir, 'no-such-dir', 'x.jsonl'), '--db', db]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `entente export: --out "${join(dir, 'no-such-dir', 'x.jsonl')}": no directory ${join(dir, 'no-such-dir')} — create it or give another --out\n`);
});

test('events --evidence names a local file without title or URL by its path, not by the internal article id', async () => {
  const t = await runCli(['store'], ['events', '--dyad', 'KEN,SOM', '--evidence', '--db', db]);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /“Kenya recalled its envoy from Somalia on Tuesday\.”\n {4}\/home\/analyst\/clippings\/envoy\.txt · 2024-02-20( · |\n)/);
});

test('timeline summary: singular for one event in one period', async () => {
  const t = await runCli(['store'], ['timeline', 'KEN', 'SOM', '--by', 'week', '--db', db]);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stderr, /entente timeline: 1 event in 1 week\n/);
});

test('export --format gdelt: 61 columns; an event from a file with no outlet has NumSources 1 beside NumArticles 1', async () => {
  const r = await runCli(['store'], ['events', '--dyad', 'KEN,SOM', '--format', 'gdelt', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const cols = r.stdout.split('\n')[0]!.split('\t'); // not trim(): the trailing columns are empty
  assert.equal(cols.length, 61);
  const { GDELT_COLUMNS } = await import('../../src/events/formats.js');
  const at = (name: string) => cols[GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number])];
  assert.equal(at('NumArticles'), '1');
  assert.equal(at('NumSources'), '1');
  // DATEADDED (GDELT 2.0 codebook: YYYYMMDDHHMMSS, when the event entered the database) = when the store saved the article
  const stored = (await store.getArticle((await store.events({ dyad: ['KEN', 'SOM'] })).events[0]!.articleId))!.ingested_at;
  assert.match(at('DATEADDED')!, /^\d{14}$/);
  assert.equal(at('DATEADDED'), stored.replace(/[-:T]/g, '').slice(0, 14));
});

test('search: an untitled article is shown by its path in the TITLE column', async () => {
  const r = await runCli(['store'], ['search', 'envoy', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\/home\/analyst\/clippings\/envoy\.txt/);
});

test('search: the store gives each hit its document id (what names an untitled hit)', async () => {
  const page = await store.searchSentences({ q: 'envoy' });
  assert.equal(page.hits[0]?.docId, '/home/analyst/clippings/envoy.txt', 'the store gives the document id with the hit');
});

test('search: an empty query is a usage error (2) naming the fix, not "0 of 0 sentences"', async () => {
  for (const q of ['', '   ']) {
    const r = await runCli(['store'], ['search', q, '--db', db]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /give words to find/);
  }
});

test('timeline table: no INTENSITY column while every PLOVER intensity is null (json keeps intensity_mean)', async () => {
  const r = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--by', 'year', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout.split('\n')[0]!, /GOLDSTEIN$/);
  const j = await runCli(['store'], ['timeline', 'RUS', 'AFG', '--by', 'year', '--format', 'json', '--db', db]);
  assert.ok(JSON.parse(j.stdout).rows.every((x: { intensity_mean: unknown }) => x.intensity_mean === null));
});
