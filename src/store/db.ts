// A minimal async SQL adapter so one Store implementation (store.ts) runs on both engines.
// SQL is written once with "?" placeholders; the PostgreSQL adapter numbers them ($1, $2, ...).
// Every statement is parameterised: values never go into SQL text.

export type Param = string | number | null;
export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T | undefined>;
  run(sql: string, params?: Param[]): Promise<number>;
  /** Several statements without parameters (DDL in migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn in one transaction: committed when fn resolves, rolled back when it throws.
   * Transactions are serialised per store (and, on PostgreSQL, across processes when lockKey is given).
   */
  tx<T>(fn: (db: Db) => Promise<T>, lockKey?: number): Promise<T>;
  close(): Promise<void>;
  /** SQLite: checkpoint the WAL off this thread from now on (SqliteDb.backgroundCheckpoints); absent elsewhere. */
  backgroundCheckpoints?(): void;
}

/** A promise-chain mutex: runs tasks one at a time, in call order. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** "(?,?,?)" for n values. */
export function placeholders(n: number): string {
  return '(' + new Array(n).fill('?').join(',') + ')';
}
