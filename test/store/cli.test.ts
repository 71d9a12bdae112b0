// The store commands end to end on a SQLite file: output formats, exit codes, atomic export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { kazanReport, makeDoc } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'entente-store-cli-'));
const db = join(dir, 'seed.db');

type Result = { code: number; stdout: string; stderr: string };

/** Runs the command lines in order in one child process (starting the CLI is the slow part). */
function runAll(lines: string[][]): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.ENTENTE_DB;
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/run-cli.ts'), JSON.stringify(lines)], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => {
      try { resolve(JSON.parse(stdout) as Result[]); } catch { reject(new Error(`run-cli exited ${code}: ${stderr}`)); }
    });
  });
}

// Every command line the tests below look at, run once (in this order: ingest lines depend on each other).
const idb = join(dir, 'ingest.db');
const input = join(ROOT, 'test/store/fixtures/sample-talks.txt');
const LINES: string[][] = [
  ['events', '--db', db],
  ['events', '--db', db, '--dyad', 'RUS,UKR', '--format', 'jsonl'],
  ['events', '--db', db, '--actor', 'RUS', '--type', '04', '--format', 'csv', '--limit', '1'],
  ['events', '--db', db, '--since', 'May 2026'],
  ['events', '--db', db, '--dyad', 'RUS'],
  ['events', '--db', join(dir, 'nope.db')],
  ['events', '--db', db, '--actor', 'USA'],
  ['timeline', 'Russia', 'Ukraine', '--db', db, '--format', 'json'],
  ['timeline', 'RUS', 'AFG', '--by', 'week', '--db', db],
  ['timeline', 'RUS', 'AFG', '--by', 'day', '--db', db],
  ['search', 'shelling', '--db', db, '--format', 'jsonl'],
  ['search', 'zzznothing', '--db', db],
  ['export', '--db', db, '--format', 'gdelt', '--out', join(dir, 'events.tsv')],
  ['export', '--db', db, '--format', 'table'],
  ['actors', '--db', db, '--top', '2', '--format', 'jsonl'],
  ['ingest', input, '--db', idb, '--date', '2026-03-03', '--url', 'https://example.org/sample-talks'],
  // the same again (--timeout only makes the line distinct for run())
  ['ingest', input, '--db', idb, '--date', '2026-03-03', '--url', 'https://example.org/sample-talks', '--timeout', '30'],
  ['ingest', join(dir, 'missing.txt'), input, '--db', idb, '--date', '2026-03-03', '--url', 'https://example.org/sample-talks'],
  ['ingest', join(dir, 'missing.txt'), '--db', idb],
];
let results: Result[] = [];
async function run(args: string[]): Promise<Result> {
  const i = LINES.findIndex((l) => JSON.stringify(l) === JSON.stringify(args));
  assert.ok(i >= 0, `add ${args.join(' ')} to LINES`);
  assert.equal(LINES.findIndex((l, j) => j > i && JSON.stringify(l) === JSON.stringify(args)), -1, 'LINES must be distinct');
  return results[i]!;
}

before(async () => {
  const s = await openStore(db);
  await s.saveDoc(kazanReport('k1', 'https://one.example/k1', 'One', '2026-05-12'));
  await s.saveDoc(kazanReport('k2', 'https://two.example/k2', 'Two', '2026-05-13'));
  await s.saveDoc(makeDoc({
    id: 'u1', url: 'https://one.example/u1', site: 'One', published: '2026-06-02',
    sentences: ['Ukraine condemned Russia over the overnight shelling, a sample sentence.'],
    events: [{ actor: ['UKR'], recipient: ['RUS'], event: 'DISAPPROVE', cameo: '111', quad: 3, goldstein: -2, intensity: -2, date: '2026-06-01', sentence: 0, trigger: 'condemned' }],
  }));
  await s.close();
  results = await runAll(LINES);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('events: table by default, jsonl records as stored, dyad in both directions', async () => {
  const t = await run(['events', '--db', db]);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /^DATE +DYAD/);
  assert.equal(t.stdout.trim().split('\n').length, 4);
  assert.match(t.stderr, /1–3 of 3/);
  const j = await run(['events', '--db', db, '--dyad', 'RUS,UKR', '--format', 'jsonl']);
  assert.equal(j.code, 0, j.stderr);
  const recs = j.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; doc_id: string });
  assert.deepEqual(recs.map((r) => r.event), ['DISAPPROVE']);
  const k = await run(['events', '--db', db, '--actor', 'RUS', '--type', '04', '--format', 'csv', '--limit', '1']);
  assert.equal(k.code, 0, k.stderr);
  assert.equal(k.stdout.trim().split('\n').length, 2);
  assert.match(k.stderr, /1–1 of 2 \(next page: --cursor \S+\)/);
});

test('events: bad arguments are usage errors (2); a missing store is exit 3; no match is exit 1', async () => {
  const bad = await run(['events', '--db', db, '--since', 'May 2026']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^entente events: --since "May 2026": expected YYYY, YYYY-MM or YYYY-MM-DD\n$/);
  const dy = await run(['events', '--db', db, '--dyad', 'RUS']);
  assert.equal(dy.code, 2);
  const missing = await run(['events', '--db', join(dir, 'nope.db')]);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /no store at .*nope\.db: run `entente ingest/);
  assert.equal(existsSync(join(dir, 'nope.db')), false);
  const none = await run(['events', '--db', db, '--actor', 'USA']);
  assert.equal(none.code, 1);
  assert.equal(none.stdout, '');
});

test('timeline: both directions per period, as json', async () => {
  const r = await run(['timeline', 'Russia', 'Ukraine', '--db', db, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const t = JSON.parse(r.stdout) as { rows: { period: string; direction: string; count: number; goldstein_mean: number }[] };
  assert.deepEqual(t.rows.map((x) => [x.period, x.direction, x.count, x.goldstein_mean]), [['2026-06', 'b->a', 1, -2]]);
  const w = await run(['timeline', 'RUS', 'AFG', '--by', 'week', '--db', db]);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stdout, /2026-W20 +RUS→AFG +2 +2 +0 +0 +0 +1\.00 +1\.00/);
  assert.equal((await run(['timeline', 'RUS', 'AFG', '--by', 'day', '--db', db])).code, 2);
});

test('search prints matching sentences with snippets', async () => {
  const r = await run(['search', 'shelling', '--db', db, '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const hits = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { snippet: string });
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.snippet, /\[shelling\]/);
  assert.equal((await run(['search', 'zzznothing', '--db', db])).code, 1);
});

test('export writes the whole store atomically, gdelt rows carry cluster counts', async () => {
  const out = join(dir, 'events.tsv');
  const r = await run(['export', '--db', db, '--format', 'gdelt', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  assert.equal(rows.length, 3);
  // The two Kazan reports (two outlets, a day apart) are one event: NumMentions 2, NumSources 2, NumArticles 2.
  const kazan = rows.filter((c) => c[26] === '040');
  assert.deepEqual(kazan.map((c) => c.slice(31, 34)), [['2', '2', '2'], ['2', '2', '2']]);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  assert.equal((await run(['export', '--db', db, '--format', 'table'])).code, 2);
});

test('actors without inputs lists the top actors of the store', async () => {
  const r = await run(['actors', '--db', db, '--top', '2', '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; events: number });
  assert.deepEqual(rows.map((x) => [x.id, x.events]), [['RUS', 3], ['org/taliban', 2]]);
});

test('ingest runs the pipeline, stores once, and reports what it did', async () => {
  const r = await run(['ingest', input, '--db', idb, '--date', '2026-03-03', '--url', 'https://example.org/sample-talks']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /entente ingest: 1 read, 1 stored, 0 replaced, 0 unchanged, 0 failed, \d+ events\n$/);
  const again = await run(['ingest', input, '--db', idb, '--date', '2026-03-03', '--url', 'https://example.org/sample-talks', '--timeout', '30']);
  assert.match(again.stderr, /1 read, 0 stored, 0 replaced, 1 unchanged, 0 failed, 0 events/);
  const mixed = await run(['ingest', join(dir, 'missing.txt'), input, '--db', idb, '--date', '2026-03-03', '--url', 'https://example.org/sample-talks']);
  assert.equal(mixed.code, 0);
  assert.match(mixed.stderr, /missing\.txt/);
  assert.match(mixed.stderr, /2 read, 0 stored, 0 replaced, 1 unchanged, 1 failed/);
  const nothing = await run(['ingest', join(dir, 'missing.txt'), '--db', idb]);
  assert.equal(nothing.code, 1);
  const s = await openStore(idb);
  const st = await s.stats();
  await s.close();
  assert.equal(st.articles, 1);
  assert.equal(st.sentences >= 3, true);
});
