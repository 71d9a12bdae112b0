import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCorpus } from './corpus.js';
import { createCoder, type Coder } from '../../src/scale/pool.js';
import { ingestStream } from '../../src/scale/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { SourceItem } from '../../src/sources/index.js';

function items(n: number, bad: number[] = []): SourceItem[] {
  return syntheticCorpus(n).map((r, i) =>
    bad.includes(i)
      ? { ok: false, origin: `corpus.jsonl:${i + 1}`, error: new Error(`corpus.jsonl:${i + 1}: not JSON — fix or remove the line`) }
      : { ok: true, doc: { id: r.id, kind: 'text', origin: `corpus.jsonl:${i + 1}`, content: r.text, hints: { published: r.date } } },
  );
}
async function* stream(xs: SourceItem[], onRead?: (i: number) => void) {
  let i = 0;
  for (const x of xs) { onRead?.(i++); yield x; }
}
function counting(c: Coder): Coder & { calls: number } {
  const w = {
    calls: 0, workers: c.workers, close: () => c.close(), ready: () => c.ready(),
    code: (raw: Parameters<Coder['code']>[0]) => { w.calls++; return c.code(raw); },
    prepare: (raw: Parameters<Coder['prepare']>[0]) => { w.calls++; return c.prepare(raw); },
  };
  return w;
}

test('ingest: interrupted run resumes where it stopped, codes no article twice beyond one batch, stores each once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-ingest-'));
  const db = join(dir, 'e.db');
  const cpPath = join(dir, 'cp.json');
  const xs = items(120, [7]);
  const store = await openStore(db);
  const coder = counting(createCoder({ workers: 1 }));
  try {
    const ac = new AbortController();
    const first = await ingestStream(stream(xs, (i) => { if (i === 70) ac.abort(); }), { store, coder, batchSize: 16, checkpointPath: cpPath, runKey: 'k', signal: ac.signal });
    assert.equal(first.completed, false);
    const storedFirst = (await store.stats()).articles;
    assert.ok(storedFirst >= 48 && storedFirst < 120, `stored ${storedFirst} before the stop`);
    const callsFirst = coder.calls;

    const second = await ingestStream(stream(xs), { store, coder, batchSize: 16, checkpointPath: cpPath, runKey: 'k' });
    assert.equal(second.completed, true);
    assert.equal(second.unchanged, 0, 'nothing already stored was coded and offered again');
    assert.ok(second.resumed >= 48);
    assert.equal(coder.calls, 119, 'every article coded exactly once over both runs');
    assert.ok(callsFirst > 0);
    const stats = await store.stats();
    assert.equal(stats.articles, 119);
    assert.equal(first.failed + second.failed, 1, 'the bad line is reported once');

    // a third run with no checkpoint: the store's content hash keeps everything single
    const third = await ingestStream(stream(xs), { store, coder, batchSize: 16 });
    assert.equal(third.unchanged, 119);
    assert.equal((await store.stats()).articles, 119);
  } finally {
    await coder.close();
    await store.close();
  }
});

/** Every stored row but the time of ingest, table by table, in a fixed order. */
async function dump(store: Awaited<ReturnType<typeof openStore>>): Promise<Record<string, unknown[]>> {
  const order: Record<string, string> = {
    articles: 'id', sentences: 'article_id, idx', entities: 'id', mentions: 'article_id, idx', quotes: 'article_id, idx', messages: 'article_id, idx',
    events: 'key', event_records: 'pk', event_actors: 'event_pk, role, pos', event_dyads: 'a_key, b_key, day_sort, event_pk', event_clusters: 'id',
  };
  const out: Record<string, unknown[]> = {};
  for (const [t, o] of Object.entries(order)) out[t] = (await store.db.all<Record<string, unknown>>(`SELECT * FROM ${t} ORDER BY ${o}`)).map(({ ingested_at: _, ...r }) => r);
  out.fts = await store.db.all("SELECT s.article_id, s.idx FROM sentences_fts f JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH 'said' ORDER BY 1, 2");
  return out;
}

test('ingest on 2 workers (2 threads, 1 thread + this one, and the default mode) stores exactly what one thread stores (workers send the store rows)', async () => {
  const xs = items(40);
  const dir = mkdtempSync(join(tmpdir(), 'entente-ingest2-'));
  const results: number[] = [];
  const dumps: Record<string, unknown[]>[] = [];
  // mode undefined: what `entente ingest --workers 2` runs (ENTENTE_POOL_MODE, else POOL_MODE)
  for (const [workers, mode] of [[1, 'threads'], [2, 'threads'], [2, 'hybrid'], [2, undefined]] as const) {
    const store = await openStore(join(dir, `w${workers}-${mode ?? 'default'}.db`));
    const coder = createCoder({ workers, mode });
    try {
      const r = await ingestStream(stream(xs), { store, coder, batchSize: 8 });
      assert.equal(r.stored, 40);
      results.push(r.events);
      dumps.push(await dump(store));
    } finally {
      await coder.close();
      await store.close();
    }
  }
  assert.equal(results[0], results[1]);
  assert.equal(results[0], results[2]);
  assert.equal(results[0], results[3]);
  assert.ok(results[0]! > 40);
  assert.ok(dumps[0]!.fts!.length > 0);
  for (const k of [1, 2, 3]) for (const t of Object.keys(dumps[0]!)) assert.deepEqual(dumps[k]![t], dumps[0]![t], `table ${t} (configuration ${k})`);

  // the same documents given to the store as coded documents (saveDoc's path) store the same rows
  const store = await openStore(join(dir, 'coded.db'));
  const coder = createCoder({ workers: 1 });
  try {
    const docs = [];
    for (const x of xs) if (x.ok) docs.push(await coder.code(x.doc));
    await store.saveDocs(docs);
    const d = await dump(store);
    for (const t of Object.keys(d)) assert.deepEqual(d[t], dumps[0]![t], `table ${t} (coded documents)`);
  } finally {
    await coder.close();
    await store.close();
  }
});
