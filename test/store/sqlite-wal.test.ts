// The SQLite connection's WAL checkpoint threshold (ENTENTE_SQLITE_WAL_PAGES, sqlite.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb, walCheckpointPages, WAL_CHECKPOINT_PAGES } from '../../src/store/sqlite.js';

test('wal_autocheckpoint: WAL_CHECKPOINT_PAGES unless ENTENTE_SQLITE_WAL_PAGES sets it; a bad value is refused with the range', async () => {
  assert.equal(walCheckpointPages({}), WAL_CHECKPOINT_PAGES);
  assert.equal(walCheckpointPages({ ENTENTE_SQLITE_WAL_PAGES: '' }), WAL_CHECKPOINT_PAGES);
  assert.equal(walCheckpointPages({ ENTENTE_SQLITE_WAL_PAGES: '8000' }), 8000);
  for (const bad of ['10', 'lots', '2.5', '2000000']) assert.throws(() => walCheckpointPages({ ENTENTE_SQLITE_WAL_PAGES: bad }), /ENTENTE_SQLITE_WAL_PAGES=.*100 to 1000000/);
  const db = new SqliteDb(join(mkdtempSync(join(tmpdir(), 'entente-wal-')), 'w.db'));
  try {
    assert.deepEqual(await db.all('PRAGMA wal_autocheckpoint'), [{ wal_autocheckpoint: WAL_CHECKPOINT_PAGES }]);
  } finally {
    await db.close();
  }
});

// SqliteDb.backgroundCheckpoints: a worker thread's connection copies the WAL into the database file
// (here with the writer's own checkpoints out of the way: 1,000,000 pages), and close() ends it.
import { statSync } from 'node:fs';
import { openStore } from '../../src/store/index.js';
import { kazanReport } from './helpers.js';

test('background checkpoints: another thread copies committed pages into the database file; close() stops it', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'entente-wal-')), 'bg.db');
  const before = process.env.ENTENTE_SQLITE_WAL_PAGES;
  process.env.ENTENTE_SQLITE_WAL_PAGES = '1000000';
  const s = await openStore(path);
  if (before === undefined) delete process.env.ENTENTE_SQLITE_WAL_PAGES;
  else process.env.ENTENTE_SQLITE_WAL_PAGES = before;
  try {
    const size0 = statSync(path).size;
    const docs = (k: number) => Array.from({ length: 20 }, (_, i) => kazanReport(`bg${k}-${i}`, `https://one.example/bg${k}-${i}`, 'One', '2026-03-02'));
    // a batch without: the pages stay in the WAL
    await s.saveDocs(docs(0));
    assert.equal(statSync(path).size, size0);
    for (let k = 1; k <= 4; k++) assert.deepEqual(new Set((await s.saveDocs(docs(k), { backgroundCheckpoints: true })).map((r) => r.status)), new Set(['stored']));
    // every CHECKPOINT_EVERY_COMMITS (4) commits: the worker's checkpoint runs after the 4th batch
    const t0 = Date.now();
    while (statSync(path).size === size0 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
    assert.ok(statSync(path).size > size0, 'the database file grew: pages were checkpointed');
    assert.equal((await s.stats()).articles, 100);
  } finally {
    await s.close();
  }
  const again = await openStore(path);
  try {
    assert.equal((await again.stats()).articles, 100);
    assert.equal((await again.searchSentences({ q: 'Kazan' })).total, 100);
  } finally {
    await again.close();
  }
});

test('background checkpoints: a checkpointer thread that ends on its own is not restarted by the next batches', async () => {
  const db = new SqliteDb(join(mkdtempSync(join(tmpdir(), 'entente-wal-')), 'fail.db'));
  type Inner = { checkpointer: { worker: { terminate(): Promise<number> }; exited: Promise<void> } | null };
  const inner = db as unknown as Inner;
  try {
    db.backgroundCheckpoints();
    const first = inner.checkpointer;
    assert.ok(first, 'the thread started');
    db.backgroundCheckpoints();
    assert.equal(inner.checkpointer, first, 'idempotent while it runs');
    // the thread ends without close() (as on an error): wal_autocheckpoint takes over for good
    await first.worker.terminate();
    await first.exited;
    await new Promise((r) => setImmediate(r));
    assert.equal(inner.checkpointer, null);
    db.backgroundCheckpoints();
    assert.equal(inner.checkpointer, null, 'not restarted');
    await db.tx(async (t) => t.exec('CREATE TABLE t (x)'));
  } finally {
    await db.close();
  }
});
