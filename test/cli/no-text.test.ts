// A page with no article text, a non-English article or a text without a date must not end in
// silence: one line on stderr naming the input and what to do, and exit code 1 when no input gave
// any article text. The pages here are samples written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { iterateDocs, noTextLine } from '../../src/cli/common.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-notext-'));
const navOnly = join(dir, 'section-front.html');
writeFileSync(navOnly, '<html><head><title>World news</title></head><body><nav><a href="/a">Home</a> <a href="/b">World</a></nav><footer>Sample footer</footer></body></html>');
const story = join(dir, 'story.txt');
writeFileSync(story, 'Sample talks\n\nMarch 3, 2026\n\nThe foreign ministers of Norway and Chile met in Oslo on Monday and signed a fisheries agreement.\n');
const undated = join(dir, 'undated.txt');
writeFileSync(undated, 'The foreign ministers of Norway and Chile met in Oslo on Monday and signed a fisheries agreement.\n');
const french = join(dir, 'depeche.txt');
writeFileSync(french, 'Exemple\n\n3 mars 2026\n\nLes ministres des Affaires étrangères de la Norvège et du Chili se sont rencontrés lundi à Oslo et ont signé un accord sur la pêche.\n');
test.after(() => rmSync(dir, { recursive: true, force: true }));

for (const cmd of ['code', 'extract', 'dates', 'actors', 'annotate']) {
  test(`${cmd}: a page with no article text is named on stderr with the fix, exit 1`, async () => {
    const r = await runCli([cmd], [cmd, navOnly]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.trim().split('\n');
    const line = lines.find((l) => l.includes('no article text found'));
    assert.ok(line, r.stderr);
    assert.ok(line.startsWith(`entente: ${navOnly}: no article text found`), line);
    // `extract` is what the others send the user to; it does not send them to itself
    if (cmd === 'extract') assert.doesNotMatch(line, /entente extract/);
    else assert.match(line, /entente extract /);
    assert.equal(lines.at(-1), 'entente: 1 document read (1 with no article text), 0 failed');
  });
}

test('code: a batch with one empty page goes on, counts it, exits 0; non-English and undated inputs get a note', async () => {
  const r = await runCli(['code'], ['code', navOnly, story, french, undated]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.trim().split('\n').length >= 1, 'the story is coded');
  assert.match(r.stderr, /section-front\.html: no article text found/);
  assert.match(r.stderr, new RegExp(`${french.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: note: article language is "fr"`));
  assert.match(r.stderr, /undated\.txt: note: no publication date: relative dates stay unresolved \(give --date YYYY-MM-DD\)/);
  const undatedLine = r.stderr.split('\n').find((l) => l.includes('undated.txt: note: no publication date'))!;
  assert.equal(undatedLine.split(undated).length - 1, 1, `the input named once: ${undatedLine}`);
  assert.match(r.stderr, /entente: 4 documents read \(1 with no article text\), 0 failed/);
  // --date fills the reference date: no note about it
  const withDate = await runCli(['code'], ['code', undated, '--date', '2026-03-03']);
  assert.equal(withDate.code, 0);
  assert.doesNotMatch(withDate.stderr, /no publication date/);
});

test('iterateDocs: notes of one kind are capped per batch and the rest summed up in the summary line', async () => {
  let err = '';
  const jsonl = join(dir, 'undated.jsonl');
  writeFileSync(jsonl, Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `s${i}`, text: 'Delegates met in Bern. (Sample.)' })).join('\n') + '\n');
  const c = await iterateDocs([jsonl], {}, () => ({ messages: [{ origin: 'time:no-article-date', severity: 'warning', text: 'no publication date' }] }), { stderr: { write: (s: string) => (err += s) }, setExitCode: false });
  assert.deepEqual(c, { read: 6, failed: 0, empty: 0 });
  assert.equal(err.split('\n').filter((l) => l.includes('note: no publication date')).length, 3);
  assert.match(err, /6 documents read, 0 failed \(not shown: 3 more time:no-article-date; `entente annotate` lists every message\)/);
});

test('noTextLine: a record (JSONL line, JSON element, WARC record, feed item, stdin) is told to fix the record, a file or URL to check it with extract', () => {
  for (const o of ['a.jsonl:3', 'a.json[2]', 'c.warc.gz@5120', 'https://x.test/feed#item4', '-']) assert.match(noTextLine(o), /no article text in this record/, o);
  assert.match(noTextLine('https://x.test:8080/a/b'), /`entente extract https:\/\/x\.test:8080\/a\/b`/);
  assert.match(noTextLine("my page's copy.html"), /`entente extract 'my page'\\''s copy\.html'`/);
  assert.doesNotMatch(noTextLine('page.html', false), /entente extract/);
});
