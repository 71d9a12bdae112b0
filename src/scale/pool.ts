// Codes documents on all cores with worker threads (piscina), keeping input order and a bounded
// number of documents in flight, so memory does not grow with the corpus.
import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CodedDoc, RawDocument } from '../types.js';
import { prepareDoc, type PreparedDoc } from '../store/prepare.js';
import type { CodeTask } from './code-worker.js';
import { stripTokens } from './strip.js';

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
  close(): Promise<void>;
}

export interface CoderOptions {
  /** worker threads; 0 or 1 = code in this thread (no pool). Default: available cores. */
  workers?: number;
  defaultDate?: string | null;
  /** old-generation cap of each worker's heap, MB (default WORKER_HEAP_MB) */
  heapMb?: number;
}

/** Documents queued in each worker at once (see createCoder); callers keep at least workers × this in flight. */
export const TASKS_PER_WORKER = 8;

/** Old-generation cap of a worker's heap (MB): see createCoder. */
export const WORKER_HEAP_MB = 128;

/** The worker heap cap: ENTENTE_WORKER_HEAP_MB when set (a whole number ≥ 128), else WORKER_HEAP_MB. */
export function workerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.ENTENTE_WORKER_HEAP_MB;
  if (v === undefined || v === '') return WORKER_HEAP_MB;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 128) throw new Error(`ENTENTE_WORKER_HEAP_MB=${v}: give a whole number of MB, at least 128 (a worker holds ~60 MB of pipeline data) (or unset it for the default ${WORKER_HEAP_MB})`);
  return n;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function createCoder(opts: CoderOptions = {}): Coder {
  const workers = opts.workers ?? defaultWorkers();
  const defaultDate = opts.defaultDate ?? null;
  if (workers <= 1) {
    // the pipeline module (KB, lexicons, NLP model) loads on first use, so that a process which
    // only dispatches to workers never loads it
    let loaded: Promise<(raw: RawDocument) => CodedDoc> | null = null;
    const load = () => (loaded ??= import('../pipeline.js').then(({ createPipeline, processRaw }) => {
      const p = createPipeline({ defaultDate });
      return (raw: RawDocument) => stripTokens(processRaw(raw, p));
    }));
    return {
      workers: 1,
      code: async (raw) => (await load())(raw),
      prepare: async (raw) => prepareDoc((await load())(raw)),
      ready: async () => void (await load()),
      close: async () => {},
    };
  }
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
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 60_000, concurrentTasksPerWorker: TASKS_PER_WORKER, resourceLimits: { maxOldGenerationSizeMb: cap, maxYoungGenerationSizeMb: 16 } });
  // A worker that dies (out of memory on a huge page) fails the documents it held and is replaced;
  // with no document in hand piscina reports it as a pool 'error', which must not end the run.
  pool.on('error', (e: Error) => process.stderr.write(`entente: a coding worker stopped (${e.message}); it was replaced\n`));
  const explain = (e: unknown): never => {
    if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new Error(`the coding worker ran out of memory (heap cap ${cap} MB) on this document or one coded beside it: set ENTENTE_WORKER_HEAP_MB higher (e.g. 256) and run again (resumable)`);
    }
    throw e;
  };
  return {
    workers,
    code: (raw) => (pool.run({ raw, defaultDate } satisfies CodeTask) as Promise<CodedDoc>).catch(explain),
    prepare: (raw) => (pool.run({ raw, defaultDate, prepare: true } satisfies CodeTask) as Promise<PreparedDoc>).catch(explain),
    ready: async () => void (await pool.run({ raw: null, defaultDate } satisfies CodeTask)),
    close: () => pool.destroy(),
  };
}

/**
 * Maps `source` through `fn` with at most `limit` in flight, yielding results in input order.
 * Backpressure: the source is not read further while `limit` items are pending.
 */
export async function* orderedMap<T, R>(source: AsyncIterable<T>, limit: number, fn: (x: T) => Promise<R>): AsyncGenerator<{ input: T; result?: R; error?: Error }> {
  const pending: Array<Promise<{ input: T; result?: R; error?: Error }>> = [];
  for await (const x of source) {
    pending.push(fn(x).then((result) => ({ input: x, result }), (error: Error) => ({ input: x, error })));
    if (pending.length >= limit) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
