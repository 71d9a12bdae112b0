// `entente ingest` of undated clippings says so, as `entente code` does: three notes per kind,
// the rest counted in the summary (an undated batch stores every event with date "-" otherwise
// silently). Sample texts written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

test('ingest: undated inputs get a note each (3 shown, the rest counted); --date silences them', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-ingest-notes-'));
  try {
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (let i = 1; i <= 5; i++) writeFileSync(join(inputs, `clip-${i}.txt`), `Kazakhstan and Uzbekistan signed water agreement number ${i} on Monday, officials said.\n`);
    const r = await runCli(['store'], ['ingest', inputs, '--workers', '1', '--db', join(dir, 'a.db')]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.split(/[\r\n]+/).filter((l) => l.includes('note: no publication date'));
    assert.equal(lines.length, 3, r.stderr);
    assert.match(lines[0]!, /^entente: \S+clip-\d\.txt: note: no publication date: relative dates stay unresolved \(give --date YYYY-MM-DD\)$/);
    assert.match(r.stderr, /5 stored, .*5 notes \(not shown: 2 more time:no-article-date; `entente annotate` lists every message\)/);
    const dated = await runCli(['store'], ['ingest', inputs, '--workers', '1', '--date', '2025-06-02', '--db', join(dir, 'b.db')]);
    assert.equal(dated.code, 0, dated.stderr);
    assert.doesNotMatch(dated.stderr, /note:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
