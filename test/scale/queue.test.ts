import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { WorkQueue } from '../../src/scale/queue.js';
import type { RawDocument } from '../../src/types.js';

const PG = process.env.ENTENTE_TEST_PG;
const raw = (i: number): RawDocument => ({ id: `doc-${i}`, kind: 'text', origin: `test#${i}`, content: `Sample text number ${i}.` });

async function freshDb(): Promise<string> {
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  const name = `entente_q_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return PG!.replace(/\/[^/]*$/, `/${name}`);
}

test('PostgreSQL work queue: dedup, claim with SKIP LOCKED, lease expiry, fail and retry', { skip: PG ? false : 'ENTENTE_TEST_PG not set (CI sets it; see scripts/pg-test-cluster.sh)' }, async () => {
  const url = await freshDb();
  const q = await WorkQueue.open(url);
  try {
    assert.equal(await q.enqueue([raw(1), raw(2), raw(3)]), 3);
    assert.equal(await q.enqueue([raw(1), raw(4)]), 1, 'the same content is not queued twice');
    const a = await q.claim('w1', 2, 60);
    const b = await q.claim('w2', 10, 60);
    assert.deepEqual(a.map((x) => x.raw.id), ['doc-1', 'doc-2']);
    assert.deepEqual(b.map((x) => x.raw.id), ['doc-3', 'doc-4'], 'concurrent claims never share an item');
    await q.complete('w1', a.map((x) => x.id));
    // w2 "dies": its lease expires and the items go to another worker
    await q.extend('w2', b.map((x) => x.id), -1);
    const c = await q.claim('w3', 10, 60);
    assert.deepEqual(c.map((x) => x.raw.id), ['doc-3', 'doc-4']);
    assert.equal(c[0]!.attempts, 2);
    await q.complete('w2', b.map((x) => x.id)); // a stale holder cannot complete
    let s = await q.status();
    assert.equal(s.done, 2);
    assert.equal(s.running, 2);
    await q.fail('w3', c[0]!.id, 'boom', 2);
    await q.complete('w3', [c[1]!.id]);
    s = await q.status();
    assert.equal(s.failed, 1);
    assert.equal(s.done, 3);
    assert.equal(s.recent_failures[0]!.error, 'boom');
    assert.equal(await q.retryFailed(), 1);
    assert.equal((await q.claim('w4', 10, 60)).length, 1);
  } finally {
    await q.close();
  }
});
