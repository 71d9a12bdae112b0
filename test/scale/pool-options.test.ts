// The pool's knobs for throughput experiments: the worker young generation
// (ENTENTE_WORKER_YOUNG_MB), tasks queued per worker, and the workers' busy time (busy.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HYBRID_TASKS_PER_WORKER, POOL_MODE, TASKS_PER_WORKER, WORKER_YOUNG_MB, createCoder, workerYoungMb } from '../../src/scale/pool.js';
import { busyCounter, BUSY_SLOTS } from '../../src/scale/busy.js';

test('ENTENTE_WORKER_YOUNG_MB sets the worker young generation; unset gives the default; a bad value names the variable', () => {
  assert.equal(workerYoungMb({}), WORKER_YOUNG_MB);
  assert.equal(workerYoungMb({ ENTENTE_WORKER_YOUNG_MB: '' }), WORKER_YOUNG_MB);
  assert.equal(workerYoungMb({ ENTENTE_WORKER_YOUNG_MB: '48' }), 48);
  for (const v of ['x', '4', '300', '16.5']) assert.throws(() => workerYoungMb({ ENTENTE_WORKER_YOUNG_MB: v }), /ENTENTE_WORKER_YOUNG_MB=.*whole number of MB from 8 to 256/);
});

test('busyCounter adds the wall time of each call to its own slot, and passes results and errors through', () => {
  const stats = new SharedArrayBuffer(8 + 8 * BUSY_SLOTS);
  const a = busyCounter(stats);
  const b = busyCounter(stats);
  const spin = (ms: number) => { const t = performance.now(); while (performance.now() - t < ms); return 7; };
  assert.equal(a(() => spin(5)), 7);
  assert.equal(b(() => spin(1)), 7);
  assert.throws(() => a(() => { throw new Error('boom'); }), /boom/);
  const busy = new Float64Array(stats, 8, BUSY_SLOTS);
  assert.equal(new Int32Array(stats, 0, 1)[0], 2);
  // wall time: at least the spin (a loaded machine can only add to it)
  assert.ok(busy[0]! >= 5 && busy[1]! >= 1);
  // no buffer: the function just runs
  assert.equal(busyCounter(undefined)(() => 3), 3);
});

test('a 2-worker coder reports its tasks per worker and each worker thread\'s busy time', async () => {
  const coder = createCoder({ workers: 2, mode: 'threads', tasksPerWorker: 3 });
  try {
    assert.equal(coder.tasksPerWorker, 3);
    const docs = Array.from({ length: 8 }, (_, i) => coder.code({ id: `d${i}`, kind: 'text', origin: `sample ${i}`, content: `Sample text ${i}: France and Germany signed a trade agreement in Paris on Monday.` }));
    const coded = await Promise.all(docs);
    assert.deepEqual(coded.map((d) => d.id), docs.map((_, i) => `d${i}`));
    const busy = coder.workerBusyMs!();
    assert.equal(busy.length, 2);
    assert.ok(busy.every((ms) => ms > 0));
  } finally {
    await coder.close();
  }
  assert.equal(createCoder({ workers: 1 }).tasksPerWorker ?? TASKS_PER_WORKER, TASKS_PER_WORKER);
});

test('the default pool mode is threads; hybrid queues HYBRID_TASKS_PER_WORKER in its worker thread, threads TASKS_PER_WORKER', async () => {
  assert.equal(POOL_MODE, 'threads');
  const hybrid = createCoder({ workers: 2, mode: 'hybrid' });
  const threads = createCoder({ workers: 2, mode: 'threads' });
  try {
    assert.equal(hybrid.threads, 1);
    assert.equal(hybrid.codesHere, true);
    assert.equal(hybrid.tasksPerWorker, HYBRID_TASKS_PER_WORKER);
    assert.equal(threads.threads, 2);
    assert.equal(threads.tasksPerWorker, TASKS_PER_WORKER);
  } finally {
    await hybrid.close();
    await threads.close();
  }
});
