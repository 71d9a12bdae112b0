// Streaming, parallel, resumable ingest: the engine behind `entente ingest`.
//
//   readInputs (streamed) → coder pool (worker threads, bounded in-flight, input order kept)
//     → store.saveDocs in batched transactions → checkpoint (input position + recent hashes)
//
// Memory stays flat: at most `inFlight` documents are being coded, `ahead` coded ones wait for an
// earlier one and `batchSize` wait for the store, whatever the corpus size. After Ctrl-C or a crash, the same command skips the inputs
// already stored (position) and the few items of the last batch whose checkpoint was not yet
// written (content hash), so no article is coded twice beyond that one batch, and none is
// stored twice (the store is idempotent by content hash anyway).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Store } from '../store/types.js';
import type { Message, RawDocument, Severity } from '../types.js';
import { isUserNote } from '../types.js';
import { cutOrigin } from '../errors.js';
import type { PreparedDoc } from '../store/prepare.js';
import type { SourceItem } from '../sources/index.js';
import type { Coder } from './pool.js';
import { orderedMap, TASKS_PER_WORKER } from './pool.js';
import { payloadHash } from './queue.js';
import { heapGuard } from './heap.js';

export interface IngestCounts {
  read: number;
  stored: number;
  replaced: number;
  unchanged: number;
  failed: number;
  /** skipped because a previous run already stored them (resume) */
  resumed: number;
  events: number;
  /** failure reasons → count, for the summary */
  reasons: Record<string, number>;
}

export interface Checkpoint {
  /** identifies the run: the inputs and the database */
  key: string;
  /** items of the input stream (documents and read errors alike) fully handled */
  position: number;
  /** payload hashes of the most recent batches (covers the window between a commit and the checkpoint write) */
  recent: string[];
}

export interface IngestOptions {
  store: Store;
  coder: Coder;
  batchSize?: number;
  /** documents being coded at once; default (the coder's tasks per worker + 4) × workers */
  inFlight?: number;
  /**
   * coded documents that may wait for an earlier one still being coded, while more are sent to the
   * workers (orderedMap's `ahead`); default AHEAD_PER_WORKER × workers
   */
  ahead?: number;
  /**
   * Documents a store batch writes between two turns of the event loop, while this thread goes on
   * receiving coded documents and dispatching new ones (Store.saveDocs `slice`); 0 = the batch is
   * written in one go and nothing is dispatched meanwhile. Default STORE_SLICE with worker threads,
   * 0 with 1 worker (this thread codes: nothing to overlap).
   */
  storeSlice?: number;
  /**
   * SQLite: the WAL is checkpointed on a worker thread, not inside this thread's COMMITs, which held
   * dispatch (Store SaveDocsOptions.backgroundCheckpoints). Default off: in the quiet A/B of session 11
   * (6 interleaved runs) it cut the coding threads' time outside tasks in every run (4.8–7.9% → 3.3–4.5%)
   * but was faster in only 4 of 6 pairs (machine phases ±25%), and its thread costs ~8 MB of RSS.
   */
  backgroundCheckpoints?: boolean;
  /** file holding the checkpoint; null = not resumable */
  checkpointPath?: string | null;
  /** identifies the run (inputs + db) so a checkpoint of another run is not applied */
  runKey?: string;
  signal?: AbortSignal;
  /**
   * After a store batch, collect garbage when this thread's heap holds this much (MB) beyond its
   * live data; null = leave it to V8. Default 32 when only workers code (see heap.ts); off when this
   * thread codes too (its heap is the pipeline's, which V8 sizes well, and a full collection of it
   * per batch would cost more than it saves).
   */
  heapLimitMb?: number | null;
  /**
   * Called once per input item. `empty`: stored, but no article text was found in it (a page of
   * links, an empty record: the coder's 'article:empty' message); still stored, so the checkpoint
   * and the store's content hash treat it like any other item, but the user is told. `notes`: what
   * `entente code` notes about a document (not English; no publication date and no --date), so the
   * CLI can tell why a timeline is empty.
   */
  onItem?: (e: { origin: string; ok: boolean; error?: string; empty?: boolean; notes?: Message[] }) => void;
}

const RECENT_MAX = 2048;

/**
 * Coded documents per worker that may wait for an earlier one still being coded (IngestOptions.ahead).
 * 0: head-of-line waits behind a long article were 0.4–3.7% of the wall (session 8 probe), and the
 * one quiet A/B that raised this (with 16 tasks per worker) showed no gain.
 */
export const AHEAD_PER_WORKER = 0;

/**
 * IngestOptions.storeSlice with worker threads. A 64-document batch written in one go held this
 * thread ~60–70 ms, during which it dispatched nothing: both coding threads ran out of work and were
 * 21–24.5% of the wall outside their tasks (session 9).
 */
export const STORE_SLICE = 4;

export function runKey(inputs: string[], db: string): string {
  return createHash('sha256').update(JSON.stringify({ inputs, db })).digest('hex').slice(0, 16);
}

function loadCheckpoint(path: string, key: string): Checkpoint {
  if (existsSync(path)) {
    try {
      const c = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
      if (c.key === key && Number.isInteger(c.position)) return c;
    } catch {
      // an unreadable checkpoint is ignored: at worst articles are coded again and stored once
    }
  }
  return { key, position: 0, recent: [] };
}

function saveCheckpoint(path: string, c: Checkpoint): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(c));
  renameSync(tmp, path);
}

function reason(msg: string, origin = ''): string {
  // "origin: message — advice" → a short reason for the summary; the origin is cut whole, with a
  // record's place in its file and a URL's scheme (errors.ts cutOrigin)
  const m = cutOrigin(msg, origin).split(/ — |;|\(/)[0]!.trim();
  return m.length > 60 ? m.slice(0, 57) + '…' : m;
}

/**
 * What the user is told about a stored document (as `entente code` tells it): a language other
 * than English, or no publication date when no --date stood in for it.
 */
function notesOf(doc: PreparedDoc): Message[] {
  const out: Message[] = [];
  for (const [, origin, severity, text, start, end] of doc.messages) {
    if (isUserNote({ origin: origin as string, severity: severity as string })) {
      out.push({ origin: origin as string, severity: severity as Severity, text: text as string, ...(start != null ? { start: start as number } : {}), ...(end != null ? { end: end as number } : {}) });
    }
  }
  return out;
}

type Slot = { pos: number; item: SourceItem; hash?: string };

export async function ingestStream(source: AsyncIterable<SourceItem>, o: IngestOptions): Promise<IngestCounts & { completed: boolean }> {
  const counts: IngestCounts = { read: 0, stored: 0, replaced: 0, unchanged: 0, failed: 0, resumed: 0, events: 0, reasons: {} };
  const batchSize = o.batchSize ?? 64;
  // enough in flight to fill every worker's queue (tasksPerWorker) plus a few waiting for their turn
  // in input order. Session 8 tried exactly workers × 16, all in the workers' own queues (none in
  // piscina's queue on this thread, which dispatches nothing during a synchronous store batch): the
  // workers' time outside tasks halved, CPU per article rose as much, no gain (BENCHMARKS.md "Scale").
  const inFlight = o.inFlight ?? Math.max(2, o.coder.workers * ((o.coder.tasksPerWorker ?? TASKS_PER_WORKER) + 4));
  const ahead = o.ahead ?? AHEAD_PER_WORKER * o.coder.workers;
  const slice = o.storeSlice ?? (o.coder.workers > 1 ? STORE_SLICE : 0);
  const backgroundCheckpoints = o.backgroundCheckpoints ?? false;
  const cp = o.checkpointPath ? loadCheckpoint(o.checkpointPath, o.runKey ?? 'default') : null;
  const recent = new Set(cp?.recent ?? []);
  const guard = o.heapLimitMb === null || (o.heapLimitMb === undefined && (o.coder.codesHere ?? o.coder.workers <= 1)) ? null : heapGuard(o.heapLimitMb ?? 32);
  const fail = (origin: string, msg: string) => {
    counts.failed++;
    const r = reason(msg, origin);
    counts.reasons[r] = (counts.reasons[r] ?? 0) + 1;
    o.onItem?.({ origin, ok: false, error: msg });
  };

  // number the stream, skip what a previous run handled, stop reading on abort
  async function* numbered(): AsyncGenerator<Slot> {
    let pos = 0;
    for await (const item of source) {
      if (o.signal?.aborted) return;
      const p = pos++;
      if (cp && p < cp.position) {
        counts.resumed++;
        continue;
      }
      if (item.ok) {
        const h = payloadHash(item.doc);
        if (recent.has(h)) {
          counts.resumed++;
          continue;
        }
        yield { pos: p, item, hash: h };
      } else yield { pos: p, item };
    }
  }

  type Batch = Array<{ slot: Slot; doc: PreparedDoc }>;
  let batch: Batch = [];
  let lastPos = (cp?.position ?? 0) - 1;
  // Writes one batch (one transaction), then its checkpoint (`end`: the input position it covers).
  const write = async (b: Batch, end: number) => {
    if (b.length) {
      const results = await o.store.saveDocs(b.map((x) => x.doc), { slice, backgroundCheckpoints });
      results.forEach((r, i) => {
        const x = b[i]!;
        if (r.status === 'failed') return fail(x.slot.item.ok ? x.slot.item.doc.origin : '', r.error);
        counts[r.status]++;
        counts.events += r.events;
        const empty = x.doc.messages.some((m) => m[1] === 'article:empty');
        const notes = notesOf(x.doc);
        o.onItem?.({ origin: (x.slot.item as { doc: RawDocument }).doc.origin, ok: true, ...(empty ? { empty } : {}), ...(notes.length ? { notes } : {}) });
        if (x.slot.hash) recent.add(x.slot.hash);
      });
      // keep the set bounded: only the last batches matter for the resume window
      if (recent.size > RECENT_MAX * 2) {
        const keep = [...recent].slice(-RECENT_MAX);
        recent.clear();
        for (const h of keep) recent.add(h);
      }
      guard?.();
    }
    if (cp && o.checkpointPath) {
      cp.position = end;
      cp.recent = [...recent].slice(-RECENT_MAX);
      saveCheckpoint(o.checkpointPath, cp);
    }
  };
  // With `slice` > 0 a batch is written while this thread goes on receiving results and dispatching
  // (overlap); batches still go one at a time, in input order: the next one starts after the
  // previous one's COMMIT and checkpoint, so resume and the stored rows are as with no overlap.
  let writing: Promise<void> | null = null;
  const settle = async () => {
    const w = writing;
    writing = null;
    if (w) await w;
  };
  const flush = async () => {
    await settle();
    const b = batch;
    batch = [];
    const w = write(b, lastPos + 1);
    if (slice > 0) {
      writing = w;
      // awaited at the next flush (or the end); not an unhandled rejection meanwhile
      w.catch(() => undefined);
    } else await w;
  };

  // workers send back the store's rows (PreparedDoc), not the coded document
  const code = async (slot: Slot): Promise<PreparedDoc | null> => (slot.item.ok ? o.coder.prepare(slot.item.doc) : null);
  try {
    for await (const r of orderedMap(numbered(), inFlight, code, ahead)) {
      const slot = r.input;
      if (!slot.item.ok) {
        fail(slot.item.origin, slot.item.error.message);
      } else if (r.error) {
        counts.read++;
        fail(slot.item.doc.origin, `${slot.item.doc.origin}: ${r.error.message}`);
      } else {
        counts.read++;
        batch.push({ slot, doc: r.result! });
      }
      lastPos = slot.pos;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await settle();
  } catch (err) {
    // a batch being written is committed or rolled back before this throws (the first error wins)
    await settle().catch(() => undefined);
    throw err;
  }
  const completed = !o.signal?.aborted;
  if (completed && o.checkpointPath) rmSync(o.checkpointPath, { force: true });
  return { ...counts, completed };
}
