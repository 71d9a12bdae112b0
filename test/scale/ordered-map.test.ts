import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCorpus } from './corpus.js';
import { createCoder, orderedMap, type Coder } from '../../src/scale/pool.js';
import { ingestStream } from '../../src/scale/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { SourceItem } from '../../src/sources/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function* count(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

test('orderedMap yields in input order, errors included, within its bounds (unsettled ≤ limit, pending ≤ limit + ahead)', async () => {
  for (const ahead of [0, 5]) {
    let unsettled = 0, maxUnsettled = 0, started = 0;
    const seen: number[] = [];
    const fn = async (x: number) => {
      started++;
      maxUnsettled = Math.max(maxUnsettled, ++unsettled);
      // completion order differs from input order
      await sleep((x * 7) % 5);
      unsettled--;
      if (x === 13) throw new Error('thirteen');
      return x * 2;
    };
    for await (const r of orderedMap(count(40), 4, fn, ahead)) {
      // everything started is either yielded or pending, and pending is bounded
      assert.ok(started - seen.length <= 4 + ahead + 1, `pending ${started - seen.length} (ahead ${ahead})`);
      seen.push(r.input);
      if (r.input === 13) assert.equal(r.error?.message, 'thirteen');
      else assert.equal(r.result, r.input * 2);
    }
    assert.deepEqual(seen, Array.from({ length: 40 }, (_, i) => i));
    assert.ok(maxUnsettled <= 4, `at most 4 unsettled (ahead ${ahead}): ${maxUnsettled}`);
  }
});

test('orderedMap with ahead: a slow first item does not stop dispatch of the next ones (no head-of-line blocking)', async () => {
  for (const [ahead, want] of [[0, 3], [6, 9]] as const) {
    const started: number[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const fn = async (x: number) => {
      started.push(x);
      if (x === 0) await slow;
      return x;
    };
    const it = orderedMap(count(20), 3, fn, ahead);
    const first = it.next();
    // let the fast ones settle while item 0 holds the head
    await sleep(20);
    assert.equal(started.length, want, `ahead ${ahead}: dispatched while the head waits`);
    release();
    assert.equal((await first).value?.input, 0);
    const rest: number[] = [];
    for await (const r of it) rest.push(r.input);
    assert.deepEqual(rest, Array.from({ length: 19 }, (_, i) => i + 1));
  }
});

test('ingest with an ahead buffer and out-of-order completion: stopped mid-run, resumed, every article coded once and stored once, in input order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-ooo-'));
  const cpPath = join(dir, 'cp.json');
  const xs: SourceItem[] = syntheticCorpus(90).map((r, i) => i === 11
    ? { ok: false, origin: `c.jsonl:${i + 1}`, error: new Error(`c.jsonl:${i + 1}: not JSON`) }
    : { ok: true, doc: { id: r.id, kind: 'text', origin: `c.jsonl:${i + 1}`, content: r.text, hints: { published: r.date } } });
  async function* stream(onRead?: (i: number) => void) {
    let i = 0;
    for (const x of xs) { onRead?.(i++); yield x; }
  }
  const inner = createCoder({ workers: 1 });
  const coded: string[] = [];
  // two "workers" (in flight (4 + 4) × 2, 8 coded documents may wait for the head) with documents
  // finishing out of input order (every fifth one slow)
  let n = 0;
  const coder: Coder = {
    workers: 2, threads: 2, codesHere: false, tasksPerWorker: 4, close: () => inner.close(), ready: () => inner.ready(),
    code: (raw) => inner.code(raw),
    prepare: async (raw) => {
      coded.push(raw.id);
      await sleep(n++ % 5 === 0 ? 15 : 1);
      return inner.prepare(raw);
    },
  };
  const store = await openStore(join(dir, 'e.db'));
  try {
    const ac = new AbortController();
    const first = await ingestStream(stream((i) => { if (i === 50) ac.abort(); }), { store, coder, batchSize: 8, ahead: 8, checkpointPath: cpPath, runKey: 'k', signal: ac.signal });
    assert.equal(first.completed, false);
    const second = await ingestStream(stream(), { store, coder, batchSize: 8, ahead: 8, checkpointPath: cpPath, runKey: 'k' });
    assert.equal(second.completed, true);
    assert.equal(second.unchanged, 0, 'nothing already stored was coded and offered again');
    assert.equal(coded.length, 89, 'every article coded exactly once over both runs');
    assert.equal(new Set(coded).size, 89);
    assert.equal(first.failed + second.failed, 1, 'the bad line is reported once');
    assert.equal((await store.stats()).articles, 89);
    // stored in input order whatever the completion order (so 1 and 2 workers store the same rows)
    const ids = (await store.db.all<{ doc_id: string }>('SELECT doc_id FROM articles ORDER BY rowid')).map((r) => r.doc_id);
    assert.deepEqual(ids, xs.filter((x) => x.ok).map((x) => (x as { doc: { id: string } }).doc.id));
  } finally {
    await coder.close();
    await store.close();
  }
});
