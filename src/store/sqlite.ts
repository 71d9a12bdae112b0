// SQLite adapter (better-sqlite3, synchronous under an async face). WAL mode so readers
// (the HTTP server) are not blocked by an ingest in another process.
import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { StorageUnavailable } from '../errors.js';
import { Mutex, type Db, type Param } from './db.js';
import { envInt } from '../env-int.js';

/**
 * wal_autocheckpoint (pages; SQLite's default 1000 = ~4 MB). A 64-document ingest batch dirties more
 * than 1000 pages, so at 1000 every COMMIT checkpointed (copies + fsyncs, ~40–60 ms of main-thread
 * wall, mostly off CPU, in a probe); at 10000 (~40 MB of WAL on disk, not in memory) about one batch
 * in nine does. Quiet A/B 2026-11-28 10:20–10:41 (5 runs, with store slices of 4): efficiency 0.91
 * vs 0.87 at 1000, per CPU-second 126.4 vs 121.6 — within the machine's noise, one set.
 */
export const WAL_CHECKPOINT_PAGES = 10000;

/** ENTENTE_SQLITE_WAL_PAGES when set (a whole number of pages, 100–1,000,000), else WAL_CHECKPOINT_PAGES. */
export function walCheckpointPages(env: NodeJS.ProcessEnv = process.env): number {
  return envInt(env, 'ENTENTE_SQLITE_WAL_PAGES', WAL_CHECKPOINT_PAGES, 100, 1_000_000, 'a whole number of pages from 100 to 1000000');
}

/**
 * Commits between two background checkpoints (backgroundCheckpoints). A PASSIVE checkpoint copies
 * each page once however often it was rewritten since the previous one: every commit (64-document
 * ingest batches, 2,000 corpus documents written twice, loaded probe) cost 0.27–0.34 ms of CPU per
 * document for COMMIT + checkpoints, every 4 commits 0.24–0.25, like the writer's own checkpoints
 * at 10,000 pages (0.23): the CPU is the same, but off the writing thread.
 */
export const CHECKPOINT_EVERY_COMMITS = 4;

const require = createRequire(import.meta.url);

/**
 * The checkpointer thread (backgroundCheckpoints): a second connection to the same file that copies
 * the WAL back into the database (PASSIVE checkpoints: it never waits for, nor blocks, the writer or
 * readers) every `every` commits the writing thread reports. Plain JavaScript evaluated in the
 * worker, so it runs the same from dist/ and under tsx. On any error it stops: the writer's
 * wal_autocheckpoint takes over, and nothing is lost (checkpoints only copy committed pages).
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db = null;
let commits = 0;
const stop = () => { try { db?.close(); } catch {} db = null; parentPort.close(); };
parentPort.on('message', (m) => {
  if (m === 'close') return stop();
  if (++commits % workerData.every) return;
  try {
    db ??= new Database(workerData.path);
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    stop();
  }
});
`;

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly lock = new Mutex();
  private inTx = false;
  private checkpointer: { worker: Worker; exited: Promise<void> } | null = null;
  /** the checkpointer thread ended on its own (an error): the next batches do not start another */
  private checkpointerFailed = false;

  constructor(readonly path: string) {
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commits.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      // 16 MiB of page cache (was 64): a long ingest fills whatever it is given, and a miss costs
      // one read from the OS page cache, which keeps the file's hot pages anyway.
      this.db.pragma('cache_size = -16384');
      // WAL pages before a commit checkpoints them into the database (WAL_CHECKPOINT_PAGES): the
      // checkpoint's writes and fsyncs block this thread inside COMMIT, where ingest dispatches nothing
      this.db.pragma(`wal_autocheckpoint = ${walCheckpointPages()}`);
    } catch (err) {
      throw new StorageUnavailable(`cannot open SQLite database ${path}: ${(err as Error).message} (check the path and its permissions, or give --db)`, { cause: err });
    }
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      // Bound the cache: multi-row inserts produce one statement text per row count.
      if (this.stmts.size > 500) this.stmts.clear();
      this.stmts.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.stmt(sql).all(...params) as T[];
  }
  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return this.stmt(sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: Param[] = []): Promise<number> {
    const s = this.stmt(sql);
    if (s.reader) { s.all(...params); return 0; }
    return s.run(...params).changes;
  }
  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      this.inTx = true;
      try {
        const r = await fn(this);
        this.db.exec('COMMIT');
        this.checkpointer?.worker.postMessage('commit');
        return r;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        this.inTx = false;
      }
    });
  }
  /**
   * Checkpoints the WAL from a second connection on a worker thread (CHECKPOINTER), every `every`
   * commits, instead of inside this thread's COMMITs. Why: a checkpoint (copying ~40 MB of pages and
   * fsyncs: 150–340 ms of wall, 35–96 ms of CPU, loaded) blocked `entente ingest`'s main thread once
   * every ~7 batches, and with it the dispatch of documents to the coding threads, whose queues ran
   * dry. The wal_autocheckpoint stays as a backstop. Idempotent; not for ':memory:'.
   */
  backgroundCheckpoints(every: number = CHECKPOINT_EVERY_COMMITS): void {
    if (this.checkpointer || this.checkpointerFailed || this.path === ':memory:' || this.path === '') return;
    const worker = new Worker(CHECKPOINTER, {
      eval: true,
      workerData: { path: this.path, every, sqlite: require.resolve('better-sqlite3') },
      // a connection and a few statements: the smallest heap V8 allows is plenty
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    });
    // a failed checkpointer leaves the checkpoints to wal_autocheckpoint for this connection's life
    // (saveDocs asks for the thread every batch: without the flag a failing one would be restarted)
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.on('error', () => undefined);
    worker.unref();
    this.checkpointer = { worker, exited };
    void exited.then(() => {
      if (this.checkpointer?.worker === worker) {
        this.checkpointer = null;
        this.checkpointerFailed = true;
      }
    });
  }

  async close(): Promise<void> {
    await this.lock.run(async () => undefined);
    const c = this.checkpointer;
    this.checkpointer = null;
    if (c) {
      // (unref'd while it runs, so a store left open does not keep the process alive)
      c.worker.ref();
      c.worker.postMessage('close');
      await c.exited;
    }
    this.stmts.clear();
    this.db.close();
  }
}
