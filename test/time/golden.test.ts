// Golden fixture: every time expression of a sample article (written for these tests), with the
// reference date pinned. UPDATE=1 node scripts/run-tests.mjs test/time rewrites the expected file;
// review the diff before committing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractTimes } from '../../src/time/index.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));

test('sample article: every expression, its span, value, precision and role', () => {
  const text = readFileSync(dir + 'sample-article.txt', 'utf8');
  const { times, messages } = extractTimes(text, '2026-05-14');
  assert.deepEqual(messages, []);
  const got = times.map((t) => ({ text: t.text, start: t.start, end: t.end, type: t.type, value: t.value, precision: t.precision, role: t.role ?? null, range: t.range ?? null }));
  for (const t of got) assert.equal(text.slice(t.start, t.end), t.text);
  const path = dir + 'sample-article.times.json';
  if (process.env.UPDATE) writeFileSync(path, JSON.stringify(got, null, 2) + '\n');
  assert.deepEqual(got, JSON.parse(readFileSync(path, 'utf8')));
});
