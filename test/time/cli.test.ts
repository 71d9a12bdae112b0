// `entente dates` end to end on local inputs (stdin, a temporary JSONL file): no network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const run = (args: string[], stdin = '') => runCli(['dates'], ['dates', ...args], stdin);

// sample text written for this test
const SAMPLE = 'The envoys met on Monday and agreed to meet again next month. (Sample text.)\n';

test('dates --format json on plain text: an array of expressions with offsets into the text as given', async () => {
  const r = await run(['-', '--date', '2026-05-14', '--format', 'json'], SAMPLE);
  assert.equal(r.code, 0, r.stderr);
  const arr = JSON.parse(r.stdout) as { text: string; start: number; end: number; type: string; value: string; precision: string; vague: boolean }[];
  assert.deepEqual(arr.map((t) => [t.text, t.value, t.precision]), [['Monday', '2026-05-11', 'day'], ['next month', '2026-06', 'month']]);
  for (const t of arr) assert.equal(SAMPLE.slice(t.start, t.end), t.text);
  assert.deepEqual(Object.keys(arr[0]!), ['text', 'start', 'end', 'type', 'value', 'precision', 'vague']);
});

test('dates on JSONL: one {id,date,times} line per record; a record without a date is resolved as far as it can be, with a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-dates-'));
  try {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'a', text: 'Talks were held last July. (Sample.)', date: '2026-05-14' }),
      JSON.stringify({ id: 'b', text: 'Talks were held on Thursday and in 2021. (Sample.)' }),
    ].join('\n') + '\n');
    const r = await run([file, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; date: string | null; times: { text: string; value: string | null }[] });
    assert.deepEqual(lines.map((l) => [l.id, l.date, l.times.map((t) => [t.text, t.value])]), [
      ['a', '2026-05-14', [['last July', '2025-07']]],
      ['b', null, [['Thursday', null], ['2021', '2021']]],
    ]);
    assert.match(r.stderr, /no reference date/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dates table, and usage errors exit 2 with a one-line message', async () => {
  const t = await run(['-', '--date', '2026-05-14'], SAMPLE);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /reference date 2026-05-14\): 2 expressions/);
  assert.match(t.stdout, /18-24\s+DATE\s+2026-05-11\s+day\s+weekday \/ year\+month\+day/);
  const bad = await run(['-', '--format', 'xml'], SAMPLE);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^entente dates: --format "xml": expected one of table, json\n$/);
  const badDate = await run(['-', '--date', '14/05/2026'], SAMPLE);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--date "14\/05\/2026": expected YYYY-MM-DD/);
});
