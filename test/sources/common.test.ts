import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iterateDocs, parseSize, sourceOptions, UsageError } from '../../src/cli/common.js';
import { tmp } from './helpers.js';

test('source flags are validated into SourceOptions', () => {
  assert.deepEqual(sourceOptions({ date: '2026-05-14', timeout: '2.5', maxBytes: '500KB', title: 'T', url: 'https://x.example/a' }), {
    date: '2026-05-14', timeoutMs: 2500, maxBytes: 512_000, title: 'T', url: 'https://x.example/a',
  });
  assert.equal(parseSize('10MB'), 10 * 1024 * 1024);
  assert.equal(parseSize('2048'), 2048);
  assert.equal(parseSize('lots'), null);
  assert.throws(() => sourceOptions({ date: '2026-13-01' }), UsageError);
  assert.throws(() => sourceOptions({ timeout: '0' }), /--timeout "0": expected a number of seconds/);
  assert.throws(() => sourceOptions({ maxBytes: 'big' }), /--max-bytes "big"/);
  assert.throws(() => sourceOptions({ url: 'not a url' }), /--url "not a url": not a URL/);
});

test('iterateDocs: one stderr line per problem, a summary, counts; a throwing handler counts as failed', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.txt'), 'Sample text one.\n');
  writeFileSync(join(dir, 'b.txt'), 'Sample text two.\n');
  writeFileSync(join(dir, 'skip.bin'), 'x');
  const lines: string[] = [];
  const stderr = { write: (s: string) => lines.push(s) };
  const seen: string[] = [];
  const counts = await iterateDocs([dir, join(dir, 'missing.txt')], {}, (raw) => {
    if (raw.id.endsWith('b.txt')) throw new Error('handler failed on purpose');
    seen.push(raw.id);
  }, { stderr, setExitCode: false });
  assert.deepEqual(counts, { read: 1, failed: 2, empty: 0 });
  assert.deepEqual(seen, [join(dir, 'a.txt')]);
  assert.deepEqual(lines, [
    `entente: ${join(dir, 'b.txt')}: handler failed on purpose\n`,
    `entente: ${join(dir, 'skip.bin')}: note: skipped: unknown file type (entente reads .html .htm .md .txt .json .jsonl .xml .rss .atom .warc, optionally .gz)\n`,
    `entente: ${join(dir, 'missing.txt')}: no such file or directory — check the path\n`,
    'entente: 1 document read, 2 failed, 1 note\n',
  ]);
});

test('iterateDocs with no inputs is a usage error, not an empty batch', async () => {
  const lines: string[] = [];
  const counts = await iterateDocs([], {}, () => {}, { stderr: { write: (s: string) => lines.push(s) }, setExitCode: false });
  assert.deepEqual(counts, { read: 0, failed: 0, empty: 0 });
  assert.deepEqual(lines, ['entente: no input given — give files, directories, URLs, or - for stdin\n']);
});
