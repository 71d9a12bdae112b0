// The worker heap cap can be raised for throughput (ENTENTE_WORKER_HEAP_MB); a bad value is a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POOL_MODE, WORKER_HEAP_MB, poolMode, workerHeapMb } from '../../src/scale/pool.js';

test('ENTENTE_WORKER_HEAP_MB sets the worker heap cap; unset or empty gives the default', () => {
  assert.equal(workerHeapMb({}), WORKER_HEAP_MB);
  assert.equal(workerHeapMb({ ENTENTE_WORKER_HEAP_MB: '' }), WORKER_HEAP_MB);
  assert.equal(workerHeapMb({ ENTENTE_WORKER_HEAP_MB: '192' }), 192);
});

test('a value that is not a whole number of at least 128 MB names the variable and the fix', () => {
  for (const v of ['abc', '64', '200.5']) {
    assert.throws(() => workerHeapMb({ ENTENTE_WORKER_HEAP_MB: v }), /ENTENTE_WORKER_HEAP_MB=.*whole number of MB, at least 128/);
  }
});

test('ENTENTE_POOL_MODE picks the pool mode; unset gives the default; anything else names the choices', () => {
  assert.equal(poolMode({}), POOL_MODE);
  assert.equal(poolMode({ ENTENTE_POOL_MODE: 'hybrid' }), 'hybrid');
  assert.equal(poolMode({ ENTENTE_POOL_MODE: 'threads' }), 'threads');
  assert.throws(() => poolMode({ ENTENTE_POOL_MODE: 'fast' }), /ENTENTE_POOL_MODE=fast: give 'hybrid'.*or 'threads'/);
});
