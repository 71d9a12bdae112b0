// Shared by the store commands: --db, opening the store with one-line errors, actor arguments.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { StorageUnavailable } from '../errors.js';
import { DEFAULT_DB, isPostgresUrl, openStore, type SqlStore } from '../store/index.js';
import type { Store } from '../store/types.js';

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
    const msg = err instanceof StorageUnavailable ? err.message : `cannot open store ${db}: ${(err as Error).message}`;
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

/** "2026", "2026-05", "2026-05-14" */
export const DATE_ARG = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

let kbPromise: Promise<((text: string, date: string | null) => string | null) | null> | null = null;

/** The KB's lookup, loaded on first need (names only); null when the actors module cannot load one. */
function kbLookup(): Promise<((text: string, date: string | null) => string | null) | null> {
  kbPromise ??= (async () => {
    try {
      const actors = await import('../actors/index.js');
      if (typeof (actors as { lookup?: unknown }).lookup !== 'function') return null;
      const kb = actors.loadKB();
      return (text: string, date: string | null) => actors.lookup(kb, text, date)?.id ?? null;
    } catch {
      return null;
    }
  })();
  return kbPromise;
}

/**
 * An actor argument as typed by the user → what the store matches. Codes ("RUS") and ids
 * ("person/…") pass through; a name is also resolved through the KB as of `date` (the store
 * matches the name against stored entity names as well, so either path finds it).
 */
export async function resolveActorArg(text: string, date: string | null = null): Promise<string[]> {
  const t = text.trim();
  if (/^[A-Z]{3}$/.test(t) || t.includes('/')) return [t];
  const look = await kbLookup();
  const id = look ? look(t, date && date.length === 10 ? date : null) : null;
  return id && id !== t ? [t, id] : [t];
}
