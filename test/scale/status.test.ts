// `entente status` tells running workers from exited and stale ones: a clean exit is recorded,
// and a worker whose heartbeat stopped (killed, hung) is "stale", never "running". Needs a
// PostgreSQL (ENTENTE_TEST_PG, see scripts/pg-test-cluster.sh). Sample texts written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { WorkQueue } from '../../src/scale/queue.js';
import type { RawDocument } from '../../src/types.js';
import { runCli } from '../helpers/cli.js';

const PG = process.env.ENTENTE_TEST_PG;
const skip = PG ? false : 'ENTENTE_TEST_PG not set (CI sets it; see scripts/pg-test-cluster.sh)';
const raw = (i: number): RawDocument => ({ id: `s-${i}`, kind: 'text', origin: `sample#${i}`, content: `Kazakhstan and Uzbekistan signed a water agreement on Monday, officials said (sample ${i}).`, hints: { published: '2025-06-02' } });

async function freshDb(): Promise<string> {
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  const name = `entente_st_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return PG!.replace(/\/[^/]*$/, `/${name}`);
}

test('queue status: running, exited (with what it did), stale (heartbeat too old), unknown (items only)', { skip }, async () => {
  const url = await freshDb();
  const q = await WorkQueue.open(url);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await q.enqueue([raw(1), raw(2)]);
    await q.registerWorker('live', 60);
    await q.registerWorker('dead', 10);
    await q.registerWorker('gone', 10);
    const held = await q.claim('dead', 1, 120);
    await q.workerExited('gone', { done: 3, failed: 1, events: 7 });
    await q.claim('old', 1, 120); // a worker of a version before heartbeats
    await sql.query(`UPDATE entente_workers SET last_seen = now() - interval '41 seconds' WHERE name = 'dead'`); // > 4 × 10 s
    await q.heartbeat('gone'); // a late beat does not revive an exited worker
    const s = await q.status();
    const by = Object.fromEntries(s.workers.map((w) => [w.worker, w]));
    assert.equal(by['live']!.state, 'running');
    assert.equal(by['dead']!.state, 'stale');
    assert.equal(by['dead']!.running, held.length);
    assert.equal(by['gone']!.state, 'exited');
    assert.deepEqual(by['gone']!.summary, { done: 3, failed: 1, events: 7 });
    assert.ok(by['gone']!.exited_at);
    assert.equal(by['old']!.state, 'unknown');
    await q.registerWorker('gone', 10); // the same name starting again is running
    assert.equal((await q.status()).workers.find((w) => w.worker === 'gone')!.state, 'running');
  } finally {
    await sql.end();
    await q.close();
  }
});

test('entente status after `worker --exit-when-empty`: the worker is shown exited with its count, not running', { skip, timeout: 120_000 }, async () => {
  const url = await freshDb();
  const q = await WorkQueue.open(url);
  try {
    await q.enqueue([raw(1), raw(2), raw(3)]);
  } finally {
    await q.close();
  }
  const w = await runCli(['scale'], ['worker', '--db', url, '--workers', '1', '--exit-when-empty', '--name', 'sample-worker']);
  assert.equal(w.code, 0, w.stderr);
  const st = await runCli(['scale'], ['status', '--db', url]);
  assert.equal(st.code, 0, st.stderr);
  const line = st.stdout.split('\n').find((l) => l.includes('sample-worker'));
  assert.ok(line, st.stdout);
  assert.match(line!, /exited \d{4}-\d\d-\d\dT[\d:.]+Z \(\d+ s ago\): 3 stored, 0 failed/);
  assert.doesNotMatch(line!, /running/);
  const json = JSON.parse((await runCli(['scale'], ['status', '--db', url, '--format', 'json'])).stdout);
  assert.equal(json.workers[0].state, 'exited');
});

test('an idle worker polls many times without piling listeners on its stop signal (no MaxListenersExceededWarning)', { skip, timeout: 60_000 }, async () => {
  const { runWorker } = await import('../../src/scale/worker.js');
  const url = await freshDb();
  const q = await WorkQueue.open(url);
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.name);
  process.on('warning', onWarning);
  const ac = new AbortController();
  try {
    // an empty queue: the coder and store are never used
    const coder = { workers: 1, codesHere: true, prepare: () => Promise.reject(new Error('unused')), close: async () => {} } as never;
    const run = runWorker({ queue: q, store: {} as never, coder, name: 'idle', pollMs: 5, signal: ac.signal });
    await new Promise((r) => setTimeout(r, 400)); // dozens of polls
    ac.abort();
    assert.deepEqual(await run, { done: 0, failed: 0, events: 0 });
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(warnings.filter((w) => w === 'MaxListenersExceededWarning'), []);
    assert.equal((await q.status()).workers.find((w) => w.worker === 'idle')!.state, 'exited', 'Ctrl-C is a clean exit');
  } finally {
    process.off('warning', onWarning);
    await q.close();
  }
});
