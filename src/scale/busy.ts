// Busy time of the coding worker threads, shared with the thread that made the pool: each worker
// takes a slot of a SharedArrayBuffer and adds the wall time of its tasks to it, so a benchmark
// can see whether the workers ever wait for work (busy time against elapsed time) without a
// message round trip. A small module: the pool (main thread) must not load the worker's pipeline.

/** Slots in the buffer: a worker that dies is replaced and takes a new one (later ones wrap). */
export const BUSY_SLOTS = 64;

/** Adds to this thread's slot (taken on first use) the wall time of `fn`. */
export function busyCounter(stats: SharedArrayBuffer | undefined): <T>(fn: () => T) => T {
  if (!stats) return (fn) => fn();
  let slot = -1;
  const busy = new Float64Array(stats, 8, BUSY_SLOTS);
  return (fn) => {
    if (slot < 0) slot = Atomics.add(new Int32Array(stats, 0, 1), 0, 1) % BUSY_SLOTS;
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      busy[slot]! += performance.now() - t0;
    }
  };
}
