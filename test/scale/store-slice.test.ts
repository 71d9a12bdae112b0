// A store batch written in slices while ingest goes on dispatching (IngestOptions.storeSlice,
// Store.saveDocs `slice`): the overlap is real, the batch stays one transaction, and a crash in
// the middle of one leaves neither its rows nor its checkpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { syntheticCorpus } from './corpus.js';
import { createCoder, type Coder } from '../../src/scale/pool.js';
import { ingestStream, STORE_SLICE } from '../../src/scale/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import type { SourceItem } from '../../src/sources/index.js';

const items = (n: number): SourceItem[] => syntheticCorpus(n).map((r, i) => ({ ok: true, doc: { id: r.id, kind: 'text', origin: `c.jsonl:${i + 1}`, content: r.text, hints: { published: r.date } } }));
async function* stream(xs: SourceItem[]) {
  for (const x of xs) yield x;
}

/** Two "worker threads" (the coding is in this thread, each result arrives after a timer, as a worker's message does). */
function twoWorkers(calls: string[]): Coder {
  const inner = createCoder({ workers: 1 });
  return {
    workers: 2, threads: 2, codesHere: false, tasksPerWorker: 4, close: () => inner.close(), ready: () => inner.ready(),
    code: (raw) => inner.code(raw),
    prepare: async (raw) => {
      calls.push(raw.id);
      const p = await inner.prepare(raw);
      await sleep(0);
      return p;
    },
  };
}

/** The store, with a record of how many documents had been sent to be coded when each batch began and ended. */
function watching(store: Store, calls: string[], spans: Array<[number, number]>): Store {
  return new Proxy(store, {
    get(target, prop, recv) {
      if (prop === 'saveDocs') {
        return async (...a: Parameters<Store['saveDocs']>) => {
          const start = calls.length;
          const r = await target.saveDocs(...a);
          spans.push([start, calls.length]);
          return r;
        };
      }
      const v = Reflect.get(target, prop, recv) as unknown;
      return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
    },
  });
}

test('storeSlice: with worker threads, documents are dispatched while a batch is written; in one go (0), none are', async () => {
  assert.ok(STORE_SLICE > 0);
  for (const slice of [4, 0]) {
    const dir = mkdtempSync(join(tmpdir(), 'entente-slice-'));
    const calls: string[] = [];
    const spans: Array<[number, number]> = [];
    const store = await openStore(join(dir, 'e.db'));
    const coder = twoWorkers(calls);
    try {
      const r = await ingestStream(stream(items(96)), { store: watching(store, calls, spans), coder, batchSize: 32, ...(slice ? {} : { storeSlice: 0 }) });
      assert.equal(r.stored, 96);
      assert.equal(spans.length, 3);
      // the first two batches are written while 32 + 16 documents remain to be dispatched
      const during = spans.slice(0, 2).map(([a, b]) => b - a);
      if (slice) assert.ok(during.every((d) => d > 0), `dispatched during the writes: ${during}`);
      else assert.deepEqual(during, [0, 0]);
      const ids = (await store.db.all<{ doc_id: string }>('SELECT doc_id FROM articles ORDER BY rowid')).map((x) => x.doc_id);
      assert.deepEqual(ids, syntheticCorpus(96).map((x) => x.id), 'stored in input order');
    } finally {
      await coder.close();
      await store.close();
    }
  }
});

test('storeSlice: a crash in the middle of a sliced batch rolls back the whole batch and writes no checkpoint for it; the rerun stores every article once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-slice-crash-'));
  const cpPath = join(dir, 'cp.json');
  const xs = items(80);
  const calls: string[] = [];
  const store = await openStore(join(dir, 'e.db'));
  const coder = twoWorkers(calls);
  let batches = 0;
  // the second batch fails after 6 of its 16 documents were written (two slices of 4 past, the
  // event loop has run between them): a crash inside the transaction
  const crashing = new Proxy(store, {
    get(target, prop, recv) {
      if (prop === 'saveDocs') {
        return (docs: Parameters<Store['saveDocs']>[0], opts: Parameters<Store['saveDocs']>[1]) => {
          if (++batches !== 2) return target.saveDocs(docs, opts);
          const list = [...docs];
          const failing = Object.assign([...list], {
            *[Symbol.iterator]() {
              for (let i = 0; i < list.length; i++) {
                if (i === 6) throw new Error('simulated crash mid-transaction');
                yield list[i]!;
              }
            },
          });
          return target.saveDocs(failing, opts);
        };
      }
      const v = Reflect.get(target, prop, recv) as unknown;
      return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
    },
  });
  try {
    await assert.rejects(ingestStream(stream(xs), { store: crashing, coder, batchSize: 16, storeSlice: 4, checkpointPath: cpPath, runKey: 'k' }), /simulated crash/);
    assert.equal((await store.stats()).articles, 16, 'only the first batch is stored: the second rolled back whole');
    assert.ok(existsSync(cpPath));
    assert.equal((JSON.parse(readFileSync(cpPath, 'utf8')) as { position: number }).position, 16, 'the checkpoint covers the first batch only');
    const second = await ingestStream(stream(xs), { store, coder, batchSize: 16, storeSlice: 4, checkpointPath: cpPath, runKey: 'k' });
    assert.equal(second.completed, true);
    assert.equal(second.resumed, 16);
    assert.equal(second.stored, 64);
    assert.equal(second.unchanged, 0);
    const ids = (await store.db.all<{ doc_id: string }>('SELECT doc_id FROM articles ORDER BY rowid')).map((x) => x.doc_id);
    assert.deepEqual(ids, syntheticCorpus(80).map((x) => x.id), 'every article stored once, in input order');
    assert.equal(existsSync(cpPath), false, 'a completed run removes its checkpoint');
  } finally {
    await coder.close();
    await store.close();
  }
});

test('saveDocs with a slice: the same statuses (a failing document rolled back alone) and the same rows as in one go', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-slice-save-'));
  const coder = createCoder({ workers: 1 });
  const a = await openStore(join(dir, 'a.db'));
  const b = await openStore(join(dir, 'b.db'));
  try {
    const docs = await Promise.all(syntheticCorpus(11).map((r) => coder.prepare({ id: r.id, kind: 'text', origin: r.id, content: r.text, hints: { published: r.date } })));
    // a document that cannot be stored (an event row without its columns) fails alone
    const bad = { ...docs[5]!, docId: 'bad', key: 'bad', hash: 'bad', articleId: 'bad', events: [{ ...docs[5]!.events[0]!, row: [] }] };
    const list = [...docs.slice(0, 5), bad, ...docs.slice(5)];
    const rs = await a.saveDocs(list, { slice: 3 });
    const rb = await b.saveDocs(list);
    assert.deepEqual(rs.map((r) => r.status), rb.map((r) => r.status));
    assert.equal(rs.filter((r) => r.status === 'failed').length, 1);
    assert.equal(rs[5]!.status, 'failed');
    const dump = async (s: typeof a) => s.db.all('SELECT key, article_id, cluster_id, event FROM events ORDER BY pk');
    assert.deepEqual(await dump(a), await dump(b));
    assert.equal((await a.stats()).articles, 11);
  } finally {
    await coder.close();
    await a.close();
    await b.close();
  }
});
