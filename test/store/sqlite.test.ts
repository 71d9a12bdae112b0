// The Store suite on SQLite (files in a temp directory, removed afterwards).
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeSuite } from './store.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));
storeSuite('sqlite', async () => join(dir, `t${++n}.db`));

// Schema 5 drops the per-row full-text trigger (the store fills the index per article): sentences
// indexed by the trigger before the upgrade and by the store after it are all found, and FTS5's
// own integrity check agrees with the content table.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.js';
import { kazanReport } from './helpers.js';

it('sqlite: upgrading to schema 5 keeps the full-text index whole (trigger rows, then per-article rows)', async () => {
  const db = join(dir, 'fts-upgrade.db');
  const v4 = await openStore(db, { schemaVersion: 4 });
  await v4.saveDoc(kazanReport('before', 'https://one.example/before', 'One', '2026-03-02'));
  await v4.close();
  const v5 = await openStore(db);
  try {
    assert.equal(await v5.schemaVersion(), 5);
    assert.equal(await v5.db.get("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_ai'"), undefined);
    await v5.saveDocs([kazanReport('after', 'https://two.example/after', 'Two', '2026-03-03'), kazanReport('before', 'https://one.example/before', 'One', '2026-03-02')]);
    // replaced by a new version: its old sentences leave the index
    await v5.saveDoc(kazanReport('after', 'https://two.example/after', 'Two', '2026-03-04'));
    assert.equal((await v5.searchSentences({ q: 'Kazan' })).total, 2);
    assert.equal((await v5.searchSentences({ q: 'report before' })).total, 1);
    assert.equal((await v5.searchSentences({ q: '"2026-03-03"' })).total, 0);
    assert.equal((await v5.searchSentences({ q: '"2026-03-04"' })).total, 1);
    await v5.db.run("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')");
  } finally {
    await v5.close();
  }
});
