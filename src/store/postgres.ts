// PostgreSQL adapter (pg Pool). Placeholders "?" are numbered for pg; bigint/numeric come
// back as JS numbers (counts and averages here are far below 2^53).
import pg from 'pg';
import { StorageUnavailable } from '../errors.js';
import { Mutex, type Db, type Param } from './db.js';

const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** "a = ? AND b = ?" → "a = $1 AND b = $2". Our SQL never has "?" inside string literals. */
export function numberPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

class PgConn implements Db {
  readonly dialect = 'postgres' as const;
  private readonly sqlCache = new Map<string, string>();
  constructor(protected readonly q: Queryable) {}
  protected text(sql: string): string {
    let t = this.sqlCache.get(sql);
    if (t === undefined) {
      t = numberPlaceholders(sql);
      if (this.sqlCache.size > 500) this.sqlCache.clear();
      this.sqlCache.set(sql, t);
    }
    return t;
  }
  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return (await this.q.query(this.text(sql), params)).rows as T[];
  }
  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await this.q.query(this.text(sql), params)).rows[0] as T | undefined;
  }
  async run(sql: string, params: Param[] = []): Promise<number> {
    return (await this.q.query(this.text(sql), params)).rowCount ?? 0;
  }
  async exec(sql: string): Promise<void> {
    await this.q.query(sql);
  }
  tx<T>(_fn: (db: Db) => Promise<T>): Promise<T> {
    throw new Error('nested transactions are not supported');
  }
  async close(): Promise<void> {}
}

export class PostgresDb extends PgConn {
  private readonly lock = new Mutex();
  private constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  static async open(url: string): Promise<PostgresDb> {
    const pool = new pg.Pool({ connectionString: url, max: 4, types });
    // An idle client's connection error must not crash the process: it is reported on the next query.
    pool.on('error', () => undefined);
    try {
      const c = await pool.connect();
      c.release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new StorageUnavailable(`cannot connect to PostgreSQL at ${redact(url)}: ${(err as Error).message} (is the server running? check --db)`, { cause: err });
    }
    return new PostgresDb(pool);
  }

  override tx<T>(fn: (db: Db) => Promise<T>, lockKey?: number): Promise<T> {
    return this.lock.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        // Serialises writers across processes (two ingests into one database).
        if (lockKey !== undefined) await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
        const r = await fn(new PgConn(client));
        await client.query('COMMIT');
        return r;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    });
  }

  override async close(): Promise<void> {
    await this.lock.run(async () => undefined);
    await this.pool.end();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
