// The store the server tests run against: a real SQLite store in a fresh temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store/types.js';
import { openStore } from '../../src/store/index.js';

export interface TestStore { store: Store; dir: string; cleanup: () => Promise<void> }

export async function makeStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-server-'));
  const store = await openStore(join(dir, 'test.db'));
  return { store, dir, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
