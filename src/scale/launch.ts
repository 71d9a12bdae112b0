// Node flags for the long-running commands that code in this process (ingest, worker, watch).
//
// Why: V8 reads its heap limits only when the process starts. A thread that codes holds the
// pipeline (KB, lexicons, NLP model: ~65 MB live) and, left at V8's defaults (old generation
// ~4 GB, 16 MB semi-spaces), its heap grows lazily far past that: the hybrid pool mode's 10,000-
// article stream peaked at 605–737 MB (session 6) against < 500 MB for the whole process. The worker
// threads get their limits from the pool (pool.ts resourceLimits); the main thread gets them here,
// from bin/entente, which starts node with these flags (a `#!/bin/sh` line that `exec`s node on the
// same file: no launcher process stays behind, so the exit code, signals and stdio are node's own).
// bin/entente spells the same defaults in its shell line: test/scale/launch.test.ts checks they agree.

/** Commands bin/entente starts with mainIsolateFlags(). */
export const LAUNCHED_COMMANDS = ['ingest', 'worker', 'watch'] as const;

/**
 * Old-generation cap of the main isolate (MB). Well above the worker's cap (WORKER_HEAP_MB = 128):
 * running out of memory here ends the process (a worker that does is replaced), and a thread that
 * codes here also holds the documents in flight and a store batch. 192 MB ran out on the naeb HTML
 * pages in the hybrid mode (session 9; 320 MB held, RSS 623–646 MB); 512 leaves room for a large page
 * while still bounding the heap (V8's default is ~4 GB, growing by up to 4× live data; ≤ 1.4× here).
 */
export const MAIN_OLD_SPACE_MB = 512;

/** Semi-space cap of the main isolate (MB; V8's default is 16, a young generation of up to 48 MB). */
export const MAIN_SEMI_SPACE_MB = 8;

/**
 * The node flags bin/entente gives the LAUNCHED_COMMANDS: ENTENTE_NODE_FLAGS when set (split on
 * spaces; empty = none), else the caps above.
 */
export function mainIsolateFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const v = env.ENTENTE_NODE_FLAGS;
  if (v !== undefined) return v.split(/\s+/).filter(Boolean);
  return [`--max-old-space-size=${MAIN_OLD_SPACE_MB}`, `--max-semi-space-size=${MAIN_SEMI_SPACE_MB}`];
}
