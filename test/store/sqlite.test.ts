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
    assert.equal(await v5.schemaVersion(), 6);
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

// The full-text index is filled once per write transaction (SqlStore.ftsCatchUp), not per article.
// Inside one batch: an article written and then replaced (its old sentences must be indexed before
// the delete trigger takes them out, and their ids are reused), a replacement that fails after its
// catch-up (rolled back with its savepoint), and a plain failure: the index matches the content
// table after the batch and after the next one.
it('sqlite: one batch that stores, replaces and fails articles leaves the full-text index whole', async () => {
  const s = await openStore(join(dir, 'fts-batch.db'));
  try {
    await s.saveDoc(kazanReport('old', 'https://one.example/old', 'One', '2026-03-01'));
    const failing = (id: string, url: string, day: string) => {
      const d = kazanReport(id, url, 'One', day);
      (d.events[0] as { cameo: unknown }).cameo = null;
      return d;
    };
    const r = await s.saveDocs([
      kazanReport('a', 'https://two.example/a', 'Two', '2026-03-02'),
      kazanReport('a', 'https://two.example/a', 'Two', '2026-03-03'),
      failing('old', 'https://one.example/old', '2026-03-04'),
      kazanReport('b', 'https://three.example/b', 'Three', '2026-03-05'),
      failing('a', 'https://two.example/a', '2026-03-06'),
      failing('c', 'https://four.example/c', '2026-03-07'),
      kazanReport('d', 'https://five.example/d', 'Five', '2026-03-08'),
      kazanReport('d', 'https://five.example/d', 'Five', '2026-03-09'),
    ]);
    assert.deepEqual(r.map((x) => x.status), ['stored', 'replaced', 'failed', 'stored', 'failed', 'failed', 'stored', 'replaced']);
    const found = async (q: string) => (await s.searchSentences({ q })).total;
    await s.db.run("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')");
    assert.equal(await found('Kazan'), 4);
    for (const [day, n] of [['2026-03-01', 1], ['2026-03-02', 0], ['2026-03-03', 1], ['2026-03-04', 0], ['2026-03-05', 1], ['2026-03-06', 0], ['2026-03-07', 0], ['2026-03-08', 0], ['2026-03-09', 1]] as const) {
      assert.equal(await found(`"${day}"`), n, day);
    }
    // the next transaction starts from a whole index
    await s.saveDoc(kazanReport('d', 'https://five.example/d', 'Five', '2026-03-10'));
    await s.db.run("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')");
    assert.equal(await found('"2026-03-09"'), 0);
    assert.equal(await found('"2026-03-10"'), 1);
    assert.equal(await found('Kazan'), 4);
  } finally {
    await s.close();
  }
});
