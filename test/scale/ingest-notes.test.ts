import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoder } from '../../src/scale/pool.js';
import { ingestStream } from '../../src/scale/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { Message } from '../../src/types.js';

test('ingest tells onItem the notes `entente code` prints: no publication date (without --date), none for a dated article', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-notes-'));
  const store = await openStore(join(dir, 'n.db'));
  const coder = createCoder({ workers: 1 });
  const seen = new Map<string, Message[] | undefined>();
  // sample texts written for this test
  async function* items() {
    yield { ok: true as const, doc: { id: 'undated', kind: 'text' as const, origin: 'undated.txt', content: 'The foreign minister of France met his German counterpart in Paris on Monday to discuss trade.' } };
    yield { ok: true as const, doc: { id: 'dated', kind: 'text' as const, origin: 'dated.txt', content: 'The foreign minister of Spain met his Italian counterpart in Rome on Tuesday to discuss fishing rights.', hints: { published: '2021-03-02' } } };
  }
  try {
    const r = await ingestStream(items(), { store, coder, onItem: (e) => seen.set(e.origin, e.notes) });
    assert.equal(r.stored, 2);
    const notes = seen.get('undated.txt');
    assert.ok(notes?.some((m) => m.origin === 'time:no-article-date' && /--date/.test(m.text)), JSON.stringify(notes));
    assert.equal(seen.get('dated.txt'), undefined);
  } finally {
    await coder.close();
    await store.close();
  }
});
