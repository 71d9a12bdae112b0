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
