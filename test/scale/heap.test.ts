// heapGuard (src/scale/heap.ts): collects when the heap is over the limit, never under it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getHeapStatistics } from 'node:v8';
import { heapGuard } from '../../src/scale/heap.js';

test('heapGuard: a full collection over the limit frees the garbage; under it, nothing runs', () => {
  assert.equal(heapGuard(1e6)(), false);
  let junk: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item ${i}` }));
  const before = getHeapStatistics().used_heap_size;
  assert.ok(junk.length);
  junk = null;
  const guard = heapGuard(1);
  assert.equal(guard(), true);
  assert.ok(getHeapStatistics().used_heap_size < before - 5 * 2 ** 20, 'the dropped objects were collected');
  // the next limit counts from what survived: no second collection without new garbage
  assert.equal(guard(), false);
});
