// Shared by the store commands: --db, opening the store with one-line errors, actor arguments.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { StorageUnavailable } from '../errors.js';
import { DEFAULT_DB, isPostgresUrl, openStore, type SqlStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { redact } from '../store/postgres.js';

/** Exit code when the store cannot be opened or written (0 ok, 1 nothing read/found, 2 usage). */
export const EXIT_STORE = 3;

export function addDbOption(cmd: Command): Command {
  return cmd.option('--db <path|url>', `SQLite file or postgres:// URL (env ENTENTE_DB)`, process.env.ENTENTE_DB || DEFAULT_DB);
}

export class StoreOpenError extends Error {}

/**
 * Opens the store named by --db. Query commands pass mustExist: a missing SQLite file is a
 * mistake (wrong --db), not an empty store to create.
 */
export async function openDb(db: string, mustExist: boolean): Promise<Store & SqlStore> {
  if (mustExist && !isPostgresUrl(db) && db !== ':memory:' && !existsSync(db)) {
    throw new StoreOpenError(`no store at ${db}: run \`entente ingest <inputs> --db ${db}\` first, or give --db <path|postgres://…>`);
  }
  try {
    return await openStore(db);
  } catch (err) {
    const msg = err instanceof StorageUnavailable ? err.message : `cannot open store ${redact(db)}: ${(err as Error).message}`;
    throw new StoreOpenError(msg);
  }
}

/** Runs a store command: a store that cannot be opened is one line on stderr and exit code 3. */
export async function withStore<T>(command: string, db: string, mustExist: boolean, fn: (s: Store & SqlStore) => Promise<T>): Promise<T | undefined> {
  let store: (Store & SqlStore) | undefined;
  try {
    store = await openDb(db, mustExist);
  } catch (err) {
    process.stderr.write(`entente ${command}: ${(err as Error).message}\n`);
    process.exitCode = EXIT_STORE;
    return undefined;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export { DATE_ARG } from '../server/args.js';

export { lookupActorName, resolveActorArg } from '../store/resolve.js';
