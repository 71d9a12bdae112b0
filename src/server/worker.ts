// Runs the pipeline for POST /api/ingest on a worker thread: coding is synchronous CPU work
// (seconds for a long article), and on the main thread it would stall every other request.
// It also makes the time limit real: a document that takes too long is stopped by terminating
// the thread, which the next ingest replaces.
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodedDoc, RawDocument } from '../types.js';
import { BadInput, DataError, NotAnArticle } from '../errors.js';

/** The document took longer than the limit. */
export class CodingTimeout extends Error {}

interface Pending {
  resolve: (doc: CodedDoc) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

// error classes that cross the thread boundary by name, so callers can still decide by type
const KNOWN: Record<string, new (message: string) => Error> = { NotAnArticle, BadInput, DataError };

export class CodingWorker {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();

  constructor(private readonly timeoutMs = 60_000) {}

  private spawn(): Worker {
    // Under tsx (tests) this file is .ts and so is the thread's. A worker does not run the
    // parent's --import preloads (Node 20), so the thread registers tsx's loader itself first.
    const file = fileURLToPath(import.meta.url).replace(/worker\.(ts|js)$/, 'coding-thread.$1');
    const w = file.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`, { eval: true })
      : new Worker(file);
    w.on('message', (m: { id: number; doc?: CodedDoc; error?: { name: string; message: string } }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.doc) p.resolve(m.doc);
      else {
        const Cls = KNOWN[m.error?.name ?? ''] ?? Error;
        p.reject(new Cls(m.error?.message ?? 'coding failed'));
      }
      if (!this.pending.size) w.unref();
    });
    const failAll = (err: Error) => {
      if (this.worker === w) this.worker = null;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(err);
        this.pending.delete(id);
      }
    };
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => failAll(new Error(`the coding thread stopped (exit code ${code})`)));
    return w;
  }

  code(raw: RawDocument): Promise<CodedDoc> {
    const w = (this.worker ??= this.spawn());
    w.ref();
    const id = ++this.seq;
    return new Promise<CodedDoc>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CodingTimeout(`${raw.origin}: coding took longer than ${this.timeoutMs / 1000} s: stopped (is the text very long?)`));
        // the thread may be stuck in this document: replace it (other pending documents fail too)
        if (this.worker === w) this.worker = null;
        void w.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, raw });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
