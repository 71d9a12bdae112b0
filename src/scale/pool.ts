// Codes documents on all cores with worker threads (piscina), keeping input order and a bounded
// number of documents in flight, so memory does not grow with the corpus.
import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import type { CodedDoc, RawDocument } from '../types.js';
import { prepareDoc, type PreparedDoc } from '../store/prepare.js';
import type { CodeTask, CodeWorkerData } from './code-worker.js';
import { BUSY_SLOTS } from './busy.js';
import { stripTokens } from './strip.js';
import { envInt } from '../env-int.js';

export interface Coder {
  code(raw: RawDocument): Promise<CodedDoc>;
  /**
   * Codes a document for the store: its rows (store/prepare.ts), computed in the worker. What
   * ingest sends to Store.saveDocs; cheaper to clone back and to write than a CodedDoc.
   */
  prepare(raw: RawDocument): Promise<PreparedDoc>;
  /** Loads the pipeline resources (in one worker, or here): rejects with the error of an invalid data file. */
  ready(): Promise<void>;
  readonly workers: number;
  /**
   * Worker threads behind this coder (0: all coding on this thread). With `workers` ≥ 2 and the
   * hybrid mode it is workers − 1: this thread codes too (see createCoder).
   */
  readonly threads?: number;
  /** True when this thread codes (its heap holds the pipeline, so callers leave its GC to V8). */
  readonly codesHere?: boolean;
  /** documents queued in each worker thread at once (callers keep at least threads × this in flight) */
  readonly tasksPerWorker?: number;
  /**
   * Wall time (ms) each worker thread has spent in tasks since it started, by thread (for
   * benchmarks: busy time against elapsed time shows whether the workers wait for this thread).
   */
  workerBusyMs?(): number[];
  /** Hybrid mode: documents coded on this thread so far (the rest went to the worker threads). */
  codedHere?(): number;
  close(): Promise<void>;
}

export interface CoderOptions {
  /** worker threads; 0 or 1 = code in this thread (no pool). Default: available cores. */
  workers?: number;
  defaultDate?: string | null;
  /** old-generation cap of each worker's heap, MB (default WORKER_HEAP_MB) */
  heapMb?: number;
  /** young-generation size of each worker's heap, MB (default workerYoungMb()) */
  youngMb?: number;
  /** documents queued in each worker thread at once (default TASKS_PER_WORKER; hybrid HYBRID_TASKS_PER_WORKER) */
  tasksPerWorker?: number;
  /**
   * 'hybrid': with N workers, N − 1 worker threads and this thread codes what they leave
   * (POOL_MODE); 'threads': N worker threads, this thread only dispatches and stores.
   * Default: ENTENTE_POOL_MODE, else POOL_MODE.
   */
  mode?: PoolMode;
}

export type PoolMode = 'hybrid' | 'threads';

/** V8's heap growing percent in the hybrid mode (see createCoder). */
export const HYBRID_HEAP_GROWING_PERCENT = 60;

/**
 * A main-isolate heap limit above this was not capped at start (V8's default on 64 bits is ~2–4 GB;
 * launch.ts caps ingest's at MAIN_OLD_SPACE_MB = 512 MB + the young generation).
 */
const UNCAPPED_HEAP_BYTES = 1024 * 2 ** 20;

/**
 * Default pool mode (see createCoder). Hybrid (with the main isolate capped at start, launch.ts) won
 * one quiet A/B in session 9 (efficiency 0.86 vs threads 0.80) and held a 100,000-article text stream
 * at 455 MB under a 192 MB main cap, but at that cap its main thread ran out of memory on the naeb HTML
 * pages, and with the cap raised its memory is not yet measured: threads stays the default.
 */
export const POOL_MODE: PoolMode = 'threads';

/**
 * Documents queued in the worker threads in the hybrid mode. Deeper than the threads mode's: here a
 * deeper queue adds no busy thread (2 isolates code on 2 cores), and 8 ran dry during a 64-document
 * store batch on this thread (worker outside tasks 14–19% → 6% with 16, quiet).
 */
export const HYBRID_TASKS_PER_WORKER = 16;

/** The pool mode: ENTENTE_POOL_MODE when set ('hybrid' or 'threads'), else POOL_MODE. */
export function poolMode(env: NodeJS.ProcessEnv = process.env): PoolMode {
  const v = env.ENTENTE_POOL_MODE;
  if (v === undefined || v === '') return POOL_MODE;
  if (v !== 'hybrid' && v !== 'threads') throw new Error(`ENTENTE_POOL_MODE=${v}: give 'hybrid' (this thread codes too) or 'threads' (worker threads only) (or unset it for the default ${POOL_MODE})`);
  return v;
}

/**
 * Documents queued in each worker at once (see createCoder); callers keep at least workers × this in
 * flight. 16 with none left in piscina's queue (session 8) halved the workers' time outside tasks
 * (~20% → ~10%) but raised CPU per article as much (main thread, 3 threads + GC helpers on 2 cores
 * more of the time), no gain in 5 quiet interleaved runs: kept at 8 (BENCHMARKS.md "Scale").
 */
export const TASKS_PER_WORKER = 8;

/** Old-generation cap of a worker's heap (MB): see createCoder. */
export const WORKER_HEAP_MB = 128;

/** The worker heap cap: ENTENTE_WORKER_HEAP_MB when set (a whole number ≥ 128), else WORKER_HEAP_MB. */
export function workerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  return envInt(env, 'ENTENTE_WORKER_HEAP_MB', WORKER_HEAP_MB, 128, Infinity, 'a whole number of MB, at least 128 (a worker holds ~60 MB of pipeline data)');
}

/** Young-generation size of a worker's heap (MB): see createCoder. */
export const WORKER_YOUNG_MB = 16;

/** The worker young-generation size: ENTENTE_WORKER_YOUNG_MB when set (a whole number, 8–256), else WORKER_YOUNG_MB. */
export function workerYoungMb(env: NodeJS.ProcessEnv = process.env): number {
  return envInt(env, 'ENTENTE_WORKER_YOUNG_MB', WORKER_YOUNG_MB, 8, 256, 'a whole number of MB from 8 to 256');
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

type Code = (raw: RawDocument) => CodedDoc;

/** Coding on this thread: the pipeline module (KB, lexicons, NLP model) loads on first use, so that a process which only dispatches to workers never loads it. */
function inThread(defaultDate: string | null): () => Promise<Code> {
  let loaded: Promise<Code> | null = null;
  return () => (loaded ??= import('../pipeline.js').then(({ createPipeline, processRaw }) => {
    const p = createPipeline({ defaultDate });
    return (raw: RawDocument) => stripTokens(processRaw(raw, p));
  }));
}

export function createCoder(opts: CoderOptions = {}): Coder {
  const workers = opts.workers ?? defaultWorkers();
  const defaultDate = opts.defaultDate ?? null;
  if (workers <= 1) {
    const load = inThread(defaultDate);
    return {
      workers: 1,
      threads: 0,
      codesHere: true,
      code: async (raw) => (await load())(raw),
      prepare: async (raw) => prepareDoc((await load())(raw)),
      ready: async () => void (await load()),
      close: async () => {},
    };
  }
  const mode = opts.mode ?? poolMode();
  const threads = mode === 'hybrid' ? workers - 1 : workers;
  // Under tsx (tests, eval scripts) this module is .ts and the worker must be too; workers inherit
  // the parent's execArgv (--import tsx), so the .ts file loads there as well.
  const self = fileURLToPath(import.meta.url);
  const filename = self.replace(/pool\.(ts|js)$/, 'code-worker.$1');
  // A worker's live heap is ~60 MB once it has coded a few documents (KB, lexicon, model and their
  // lazily built parts; session 4 moved the alias trie and the quote-cue weights into typed arrays
  // off the heap); capping the old generation at 128 MB makes V8 collect instead of growing lazily,
  // so a long run's memory stays flat (100,000 articles: peak 477 MB with 2 workers). Before that
  // cut, 112 MB ran out of memory on ordinary news pages (extraction holds a page's DOM beside the
  // pipeline) and throttled coding by constant collection.
  // concurrentTasksPerWorker: each worker holds a few queued documents, so it keeps coding while
  // the main thread is busy (a store batch is written synchronously and would otherwise leave both
  // workers idle until it returns).
  const cap = opts.heapMb ?? workerHeapMb();
  const young = opts.youngMb ?? workerYoungMb();
  const tasks = opts.tasksPerWorker ?? (mode === 'hybrid' ? HYBRID_TASKS_PER_WORKER : TASKS_PER_WORKER);
  // each worker adds the wall time of its tasks to its own slot (code-worker.ts): Coder.workerBusyMs
  const stats = new SharedArrayBuffer(8 + 8 * BUSY_SLOTS);
  const slots = new Int32Array(stats, 0, 1);
  const busy = new Float64Array(stats, 8, BUSY_SLOTS);
  const pool = new Piscina({ filename, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, concurrentTasksPerWorker: tasks, resourceLimits: { maxOldGenerationSizeMb: cap, maxYoungGenerationSizeMb: young }, workerData: { stats } satisfies CodeWorkerData });
  // A worker that dies (out of memory on a huge page) fails the documents it held and is replaced;
  // with no document in hand piscina reports it as a pool 'error', which must not end the run.
  pool.on('error', (e: Error) => process.stderr.write(`entente: a coding worker stopped (${e.message}); it was replaced\n`));
  const explain = (e: unknown): never => {
    if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new Error(`the coding worker ran out of memory (heap cap ${cap} MB) on this document or one coded beside it: set ENTENTE_WORKER_HEAP_MB higher (e.g. 256) and run again (resumable)`);
    }
    throw e;
  };
  const run = (raw: RawDocument | null, prepare: boolean) => pool.run({ raw, defaultDate, prepare } satisfies CodeTask).catch(explain) as Promise<CodedDoc | PreparedDoc>;
  // hybrid: this thread codes too (see pullHere)
  const load = mode === 'hybrid' ? inThread(defaultDate) : null;
  if (load) {
    // This thread's heap cannot be capped once the process runs (--max-old-space-size is read at
    // start): bin/entente starts ingest/worker/watch with caps (launch.ts). Uncapped (node run
    // otherwise), V8 let this heap grow to ~2× the pipeline's live data and more: a 10,000-article
    // stream peaked at 737 MB against < 500 for the threads mode. The heap growing factor is read at
    // each collection, so then setting it here bounds this thread's heap to ~1.6× its live data
    // (~110 MB), like a worker's cap. Not when capped: under a 256 MB cap V8's own factor is at most
    // 1.3, and the flag is process-wide (it would raise the worker threads' factor to 1.6 too).
    // A value given on node's command line (A/B runs: bench:scale --node-flags) is kept.
    const capped = getHeapStatistics().heap_size_limit <= UNCAPPED_HEAP_BYTES;
    if (!capped && !process.execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) setFlagsFromString(`--heap-growing-percent=${HYBRID_HEAP_GROWING_PERCENT}`);
  }
  const here = { n: 0 };
  const submit = load ? pullHere(run, threads * tasks, load, here) : run;
  return {
    workers,
    threads,
    codesHere: load !== null,
    tasksPerWorker: tasks,
    workerBusyMs: () => Array.from(busy.subarray(0, Math.min(Atomics.load(slots, 0), BUSY_SLOTS))),
    ...(load ? { codedHere: () => here.n } : {}),
    code: (raw) => submit(raw, false) as Promise<CodedDoc>,
    prepare: (raw) => submit(raw, true) as Promise<PreparedDoc>,
    // hybrid: both sides load the data (this thread's load also validates it before reading)
    ready: async () => void (await Promise.all([load?.(), run(null, false)])),
    close: () => pool.destroy(),
  };
}

type Submit = (raw: RawDocument, prepare: boolean) => Promise<CodedDoc | PreparedDoc>;

/**
 * The hybrid mode's dispatch: N busy isolates on N cores, not N coders plus a busy
 * dispatching/storing thread (session 5: with 2 worker threads the main thread's ~1.2 ms of store
 * work per article and two worker isolates' GC/JIT helpers oversubscribed the 2 cores). The worker
 * threads are kept full (`poolCap` documents, TASKS_PER_WORKER each, through `run`); what they
 * cannot take waits here, and this thread codes from that queue one document per turn of the event
 * loop, between its store batches and the workers' results. So it pulls: it codes less when it has
 * more store work.
 */
function pullHere(run: Submit, poolCap: number, load: () => Promise<Code>, here: { n: number }): Submit {
  type Job = { raw: RawDocument; prepare: boolean; resolve: (x: CodedDoc | PreparedDoc) => void; reject: (e: unknown) => void };
  const waiting: Job[] = [];
  let head = 0;
  let inPool = 0;
  let scheduled = false;
  const next = (): Job | undefined => {
    if (head >= waiting.length) return undefined;
    const j = waiting[head++]!;
    if (head > 1024) { waiting.splice(0, head); head = 0; }
    return j;
  };
  const toPool = (j: Job) => {
    inPool++;
    run(j.raw, j.prepare).then(j.resolve, j.reject).finally(() => {
      inPool--;
      const w = next();
      if (w) toPool(w);
    });
  };
  const codeHere = async () => {
    scheduled = false;
    const j = next();
    if (!j) return;
    try {
      const doc = (await load())(j.raw);
      here.n++;
      j.resolve(j.prepare ? prepareDoc(doc) : doc);
    } catch (e) {
      j.reject(e);
    }
    schedule();
  };
  // setImmediate: the workers' results and the caller's store batches get their turn between two documents
  const schedule = () => {
    if (!scheduled && head < waiting.length) {
      scheduled = true;
      setImmediate(() => void codeHere());
    }
  };
  return (raw, prepare) => new Promise<CodedDoc | PreparedDoc>((resolve, reject) => {
    const j: Job = { raw, prepare, resolve, reject };
    if (inPool < poolCap) toPool(j);
    else {
      waiting.push(j);
      schedule();
    }
  });
}

/**
 * Maps `source` through `fn` with at most `limit` calls unsettled at once, yielding results in
 * input order. `ahead`: how many settled results may wait behind an unsettled one (the head) while
 * further items are dispatched. With `ahead` 0 the window is `limit` items in input order, so one
 * slow item (a long article) stops dispatch until it settles and the other worker drains its queue
 * and idles (head-of-line blocking); with `ahead` > 0 a settled call frees its dispatch slot at
 * once and only the buffer of results waiting for the head bounds memory.
 * Backpressure: the source is not read further while `limit` calls are unsettled or
 * `limit + ahead` results are pending.
 */
export async function* orderedMap<T, R>(source: AsyncIterable<T>, limit: number, fn: (x: T) => Promise<R>, ahead = 0): AsyncGenerator<{ input: T; result?: R; error?: Error }> {
  type Out = { input: T; result?: R; error?: Error };
  // each entry's `out` is set when its call settles
  const pending: Array<{ out?: Out }> = [];
  let unsettled = 0;
  // resolves the wait below when any call settles (not only the head)
  let wake: (() => void) | null = null;
  const it = source[Symbol.asyncIterator]();
  let done = false;
  for (;;) {
    // dispatch first: the workers' queues are topped up before this thread turns to storing
    while (!done && unsettled < limit && pending.length < limit + ahead) {
      const n = await it.next();
      if (n.done) {
        done = true;
        break;
      }
      const x = n.value;
      const e: { out?: Out } = {};
      unsettled++;
      void fn(x).then((result) => ({ input: x, result }), (error: Error) => ({ input: x, error })).then((out) => {
        e.out = out;
        unsettled--;
        wake?.();
      });
      pending.push(e);
    }
    const head = pending[0];
    if (!head) return;
    if (head.out) {
      pending.shift();
      yield head.out;
      continue;
    }
    // the head is unsettled: wait for any call to settle (it may free a dispatch slot)
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
