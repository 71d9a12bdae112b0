// Keeps the heap of a long-running dispatching thread (ingest's main thread) small.
//
// Why: coded documents arrive from the workers, wait in a store batch long enough to be promoted
// to the old generation, and become garbage when the batch is written. V8 collects the old
// generation lazily (its limit grows with the heap), so the main thread's heap swung 50 → 155 MB
// while its live data is ~10 MB; the memory held that way stays in the process's RSS.
// `--max-old-space-size` would bound it, but V8 reads that flag only when the process starts.
// So after each store batch, when the heap holds more than `limitMb`, we run a full collection
// ourselves: its cost is proportional to the live data (small here), not to the garbage.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFn: (() => void) | null | undefined;

/** V8's full collection, or null when it cannot be had in this process. */
function fullGc(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  gcFn = typeof globalThis.gc === 'function' ? (globalThis.gc as () => void) : null;
  if (!gcFn) {
    try {
      // --expose-gc applies to contexts created after it is set: a fresh context hands us `gc`.
      setFlagsFromString('--expose-gc');
      const fn = runInNewContext('gc') as unknown;
      gcFn = typeof fn === 'function' ? (fn as () => void) : null;
    } catch {
      gcFn = null;
    }
  }
  return gcFn;
}

/**
 * Returns a check to call at quiet points (after a store batch): a full collection when the heap
 * holds more than limitMb beyond what survived the previous one (so a thread whose live data
 * grows is not collected over and over for nothing). True when it collected.
 */
export function heapGuard(limitMb: number): () => boolean {
  const slack = limitMb * 2 ** 20;
  let limit = slack;
  return () => {
    if (getHeapStatistics().used_heap_size <= limit) return false;
    const gc = fullGc();
    if (!gc) return false;
    gc();
    limit = getHeapStatistics().used_heap_size + slack;
    return true;
  };
}
