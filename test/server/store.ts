// The store the server tests run against.
import type { Store } from '../../src/store/types.js';
import { MemoryStore } from './memory-store.js';

export interface TestStore { store: Store; cleanup: () => Promise<void> }

export async function makeStore(): Promise<TestStore> {
  const store = new MemoryStore();
  return { store, cleanup: () => store.close() };
}
