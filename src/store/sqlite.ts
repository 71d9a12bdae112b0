// SQLite adapter (better-sqlite3, synchronous under an async face). WAL mode so readers
// (the HTTP server) are not blocked by an ingest in another process.
import Database from 'better-sqlite3';
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

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly lock = new Mutex();
  private inTx = false;

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
        return r;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        this.inTx = false;
      }
    });
  }
  async close(): Promise<void> {
    await this.lock.run(async () => undefined);
    this.stmts.clear();
    this.db.close();
  }
}
