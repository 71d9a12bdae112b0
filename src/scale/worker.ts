// The queue worker: claims items from the PostgreSQL queue, codes them on this machine's
// cores, stores them, and completes them. Any number of these run on any number of machines
// against one database. Killed mid-item, it loses nothing: the lease expires and another
// worker takes the item; the store's content-hash idempotence keeps the article single.
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Store } from '../store/types.js';
import { TASKS_PER_WORKER, type Coder } from './pool.js';
import type { WorkQueue } from './queue.js';
import { heapGuard } from './heap.js';

export interface WorkerOptions {
  queue: WorkQueue;
  store: Store;
  coder: Coder;
  /** worker name shown by `entente status`; default host:pid */
  name?: string;
  /** items claimed at a time; default 2 × coder.workers (plus the worker threads' queues when this thread codes too) */
  batch?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** stop when the queue is empty instead of polling */
  exitWhenEmpty?: boolean;
  pollMs?: number;
  /** seconds between heartbeats (`entente status` shows a worker silent for 4 of them as stale); default 15 */
  heartbeatSeconds?: number;
  signal?: AbortSignal;
  onItem?: (e: { id: number; origin: string; ok: boolean; events: number; status?: string; error?: string }) => void;
}

export interface WorkerSummary {
  done: number;
  failed: number;
  events: number;
}

// timers/promises removes its abort listener when the timer ends: a hand-made one left one per
// sleep on the signal (an idle worker printed MaxListenersExceededWarning after 11 polls)
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  ms <= 0 || signal?.aborted ? Promise.resolve() : delay(ms, undefined, { signal }).catch(() => {});

export async function runWorker(o: WorkerOptions): Promise<WorkerSummary> {
  const name = o.name ?? `${hostname()}:${process.pid}`;
  // when this thread codes too (hybrid pool), it codes only what the worker threads' queues leave:
  // claim enough to fill those and give it its share
  const batch = o.batch ?? Math.max(2, o.coder.workers * 2 + (o.coder.codesHere && o.coder.threads ? o.coder.threads * (o.coder.tasksPerWorker ?? TASKS_PER_WORKER) : 0));
  const lease = o.leaseSeconds ?? 120;
  const maxAttempts = o.maxAttempts ?? 5;
  const summary: WorkerSummary = { done: 0, failed: 0, events: 0 };
  // coded documents pass through this thread: keep its heap small between batches (heap.ts);
  // not when this thread codes itself
  const guard = (o.coder.codesHere ?? o.coder.workers <= 1) ? null : heapGuard(32);
  const beat = o.heartbeatSeconds ?? 15;
  await o.queue.registerWorker(name, beat);
  // a timer, not the loop: a long batch must not read as a dead worker (a lost beat is retried by the next)
  const heartbeat = setInterval(() => { void o.queue.heartbeat(name).catch(() => {}); }, beat * 1000);
  heartbeat.unref();
  try {
    await work();
  } finally {
    clearInterval(heartbeat);
    // recorded on any way out (empty queue, Ctrl-C, an error): a killed worker records nothing and goes stale
    await o.queue.workerExited(name, summary).catch(() => {});
  }
  return summary;

  async function work(): Promise<void> {
    while (!o.signal?.aborted) {
      const items = await o.queue.claim(name, batch, lease, maxAttempts);
      if (!items.length) {
        // Exit only when nothing is left at all: items held by a dead worker come back when their lease ends.
        if (o.exitWhenEmpty && (await o.queue.unfinished()) === 0) break;
        await sleep(o.pollMs ?? (o.exitWhenEmpty ? 500 : 2000), o.signal);
        continue;
      }
      // Keep the leases alive while a slow batch is being coded.
      const held = new Set(items.map((i) => i.id));
      const keepAlive = setInterval(() => { void o.queue.extend(name, [...held], lease).catch(() => {}); }, (lease * 1000) / 3);
      try {
        const coded = await Promise.all(items.map((it) => o.coder.prepare(it.raw).then((doc) => ({ it, doc }), (error: Error) => ({ it, error }))));
        const finished: number[] = [];
        const failed = async (id: number, origin: string, message: string) => {
          await o.queue.fail(name, id, message, maxAttempts);
          held.delete(id);
          summary.failed++;
          o.onItem?.({ id, origin, ok: false, events: 0, error: message });
        };
        for (const c of coded) {
          if ('error' in c) {
            await failed(c.it.id, c.it.raw.origin, c.error.message);
            continue;
          }
          try {
            const r = await o.store.saveDoc(c.doc);
            finished.push(c.it.id);
            summary.done++;
            summary.events += r.events;
            o.onItem?.({ id: c.it.id, origin: c.it.raw.origin, ok: true, events: r.events, status: r.status });
          } catch (err) {
            await failed(c.it.id, c.it.raw.origin, (err as Error).message);
          }
        }
        await o.queue.complete(name, finished);
        guard?.();
      } finally {
        clearInterval(keepAlive);
      }
    }
  }
}
