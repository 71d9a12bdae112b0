// Many machines, simulated: three `entente worker` processes against one PostgreSQL, one killed
// with SIGKILL mid-run. Afterwards every article is stored exactly once and the event count
// equals a single-process run over the same input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { syntheticCorpus } from './corpus.js';
import { createPipeline, processRaw } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import { WorkQueue } from '../../src/scale/queue.js';

const PG = process.env.ENTENTE_TEST_PG;
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'scripts', 'dev-cli.ts');

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}
function done(p: ChildProcess): Promise<{ code: number | null; signal: string | null; err: string }> {
  let err = '';
  p.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve) => p.on('close', (code, signal) => resolve({ code, signal, err })));
}

test('three workers, one killed mid-run: every article stored once, events as in one process', { skip: PG ? false : 'ENTENTE_TEST_PG not set (CI sets it; see scripts/pg-test-cluster.sh)', timeout: 240_000 }, async () => {
  const N = 240;
  const records = syntheticCorpus(N);
  const dir = mkdtempSync(join(tmpdir(), 'entente-scale-'));
  const input = join(dir, 'corpus.jsonl');
  writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');

  // the single-process reference
  const p = createPipeline();
  let expectedEvents = 0;
  for (const r of records) expectedEvents += processRaw({ id: r.id, kind: 'text', origin: r.id, content: r.text, hints: { published: r.date } }, p).events.length;

  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  const name = `entente_w_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = PG!.replace(/\/[^/]*$/, `/${name}`);

  const enq = await done(run(['enqueue', input, '--db', db]));
  assert.equal(enq.code, 0, enq.err);

  const workers = [0, 1, 2].map((i) => run(['worker', '--db', db, '--workers', '1', '--batch', '4', '--lease', '3', '--exit-when-empty', '--name', `w${i}`]));
  const finished = workers.map(done);
  // kill worker 0 once the run is under way (some items done, some left)
  const q = await WorkQueue.open(db);
  const t0 = Date.now();
  for (;;) {
    const s = await q.status();
    if (s.done >= N / 5 || Date.now() - t0 > 120_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  workers[0]!.kill('SIGKILL');
  const results = await Promise.all(finished);
  assert.equal(results[0]!.signal, 'SIGKILL');
  assert.equal(results[1]!.code, 0, results[1]!.err);
  assert.equal(results[2]!.code, 0, results[2]!.err);
  const s = await q.status();
  await q.close();
  assert.equal(s.done, N);
  assert.equal(s.failed, 0);

  const store = await openStore(db);
  try {
    const stats = await store.stats();
    assert.equal(stats.articles, N, 'every article stored exactly once');
    assert.equal(stats.events, expectedEvents, 'same event count as a single-process run');
    assert.ok(expectedEvents > N, `the corpus codes events (${expectedEvents})`);
  } finally {
    await store.close();
  }
});
