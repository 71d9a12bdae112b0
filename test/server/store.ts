// The store the server tests run against: a real SQLite store in a fresh temp dir, or, when
// ENTENTE_SERVER_STORE=postgres (set by api-postgres.test.ts), a fresh schema on ENTENTE_TEST_PG.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Store } from '../../src/store/types.js';
import { openStore } from '../../src/store/index.js';

export interface TestStore { store: Store; cleanup: () => Promise<void> }

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

export async function makeStore(): Promise<TestStore> {
  const pgUrl = process.env.ENTENTE_TEST_PG;
  if (process.env.ENTENTE_SERVER_STORE === 'postgres' && pgUrl) {
    // generated from the pid and clock (letters, digits, _): safe in DDL
    const schema = `srv${process.pid}_${Date.now().toString(36)}`;
    await admin(pgUrl, `CREATE SCHEMA ${schema}`);
    const sep = pgUrl.includes('?') ? '&' : '?';
    const store = await openStore(`${pgUrl}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
    return { store, cleanup: async () => { await store.close(); await admin(pgUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`); } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'entente-server-'));
  const store = await openStore(join(dir, 'test.db'));
  return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
