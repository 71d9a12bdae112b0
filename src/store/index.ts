// openStore: picks the engine from the --db value. postgres:// or postgresql:// → PostgreSQL;
// anything else is a SQLite file path (":memory:" for a throwaway store).
import { SqliteDb } from './sqlite.js';
import { PostgresDb } from './postgres.js';
import { SqlStore } from './store.js';
import type { Store } from './types.js';

export type * from './types.js';
export { SqlStore, SCHEMA_VERSION } from './store.js';
export { resolveActorArg } from './resolve.js';
export { prepareDoc, isPrepared, type PreparedDoc } from './prepare.js';

export const DEFAULT_DB = './entente.db';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export interface OpenOptions {
  /** Stop migrating at this schema version (tests of the upgrade path). */
  schemaVersion?: number;
}

export async function openStore(db: string = DEFAULT_DB, opts: OpenOptions = {}): Promise<Store & SqlStore> {
  const adapter = isPostgresUrl(db) ? await PostgresDb.open(db) : new SqliteDb(db);
  try {
    return await SqlStore.open(adapter, opts.schemaVersion);
  } catch (err) {
    await adapter.close().catch(() => undefined);
    throw err;
  }
}
