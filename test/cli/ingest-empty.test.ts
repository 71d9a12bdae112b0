// `entente ingest` of a JSONL with a record that has no article text (a navigation-only page), a
// real one and a broken line: the empty one is stored but named on stderr and counted, and the
// summary gives the broken line's reason without its line number. Sample records written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-ingest-empty-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('ingest: a record with no article text is stored, named and counted; a bad line is summed up without its line number', async () => {
  const jsonl = join(dir, 'in.jsonl');
  writeFileSync(
    jsonl,
    [
      JSON.stringify({ id: 'e1', url: 'http://127.0.0.1/front', html: '<html><head><title>World</title></head><body><nav><a href="/a">Home</a> <a href="/b">World</a></nav></body></html>' }),
      JSON.stringify({ id: 'r1', text: 'The foreign ministers of Norway and Chile met in Oslo on Monday and signed a fisheries agreement.', published: '2026-03-03' }),
      '{not json',
    ].join('\n') + '\n',
  );
  const r = await runCli(['store'], ['ingest', jsonl, '--db', join(dir, 'e.db')]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stderr.includes(`entente: ${jsonl}:1: no article text in this record`), r.stderr);
  assert.match(r.stderr, /, 2 stored, .*, 1 failed \(1× not valid JSON\), 1 with no article text, /);
  assert.doesNotMatch(r.stderr, /\d× \d+:/, 'no dangling line number in the summary');
});
