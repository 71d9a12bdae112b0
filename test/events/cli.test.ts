// `entente code` and `entente annotate` end to end on a JSONL batch (sample texts written for this test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let input = '';

const run = (args: string[]) => runCli(['code', 'annotate'], args);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-events-'));
  input = join(dir, 'batch.jsonl');
  writeFileSync(input, [
    JSON.stringify({ id: 'sample-1', text: 'Russia and China agreed on Monday to expand military cooperation with Iran.', date: '2026-05-11' }),
    JSON.stringify({ id: 'sample-2', text: 'France accused Russia of meddling in the election.', date: '2026-05-12' }),
  ].join('\n') + '\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('code --format jsonl: events carry the record id as doc_id', async () => {
  const r = await run(['code', input]);
  assert.equal(r.code, 0, r.stderr);
  const events = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.ok(events.length >= 1, 'at least one event');
  for (const e of events) assert.ok(['sample-1', 'sample-2'].includes(e.doc_id));
});

test('a bad --format is a usage error (exit 2) naming the value', async () => {
  const bad = await run(['code', input, '--format', 'xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format "xml"/);
});

test('annotate on JSONL prints one JSON document per record with every stage', async () => {
  const r = await run(['annotate', input, '--no-tokens']);
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => d.id), ['sample-1', 'sample-2']);
  for (const k of ['article', 'sentences', 'mentions', 'times', 'quotes', 'events', 'messages']) assert.ok(k in docs[0], k);
});
