import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseClipping } from '../../src/sources/clipping.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIX = join(ROOT, 'test/sources/fixtures');

const run = (args: string[], stdin?: string) => runCli(['extract'], ['extract', ...args], stdin);

test('extract one clipping → Markdown in the clipping layout that parses back to the same article', async () => {
  const r = await run([join(FIX, 'sample-clipping.md')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.split('\n\n');
  assert.equal(lines[0], 'Norway and Chile Agree to Expand ‘Blue Economy’ Cooperation, Ministers Say');
  assert.equal(lines[1], 'March 3, 2026');
  assert.equal(lines[2], 'Delegations at the signing ceremony in Oslo. **NTB**');
  assert.ok(r.stdout.endsWith('Original url:\n\n<https://news.example.com/2026/03/03/norway-chile-blue-economy>\n'));
  const original = parseClipping(await import('node:fs').then((fs) => fs.readFileSync(join(FIX, 'sample-clipping.md'), 'utf8')), { markdown: true });
  const back = parseClipping(r.stdout, { markdown: true });
  assert.equal(back.hints.title, original.hints.title);
  assert.equal(back.hints.published, original.hints.published);
  assert.equal(back.hints.url, original.hints.url);
  assert.equal(back.content, original.content);
});

test('extract --format json gives every Article field (stdin with --date/--title); several inputs give JSONL, errors on stderr, a summary, exit 0', async () => {
  const one = await run(['-', '--date', '2026-05-01', '--title', 'Given Title', '--format', 'json'], 'Delegates met in Bern on Monday. (Sample text.)\n');
  assert.equal(one.code, 0, one.stderr);
  const a = JSON.parse(one.stdout);
  for (const k of ['id', 'url', 'title', 'published', 'authors', 'site', 'language', 'body', 'blocks', 'captions', 'links']) assert.ok(k in a, k);
  assert.equal(a.id, 'stdin');
  assert.equal(a.title, 'Given Title');
  assert.equal(a.published, '2026-05-01');
  assert.match(a.body, /^Delegates met in Bern on Monday\./);

  const many = await run([join(FIX, 'sample-clipping.md'), join(FIX, 'sample-records.jsonl'), join(FIX, 'no-such-file.html')]);
  assert.equal(many.code, 0);
  const rows = many.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((x) => x.id), [join(FIX, 'sample-clipping.md'), 'rec-1', 'rec-2']);
  const err = many.stderr.trim().split('\n');
  assert.equal(err.length, 4);
  assert.match(err[0]!, /^entente: .*sample-records\.jsonl:4: not valid JSON/);
  assert.match(err[1]!, /^entente: .*sample-records\.jsonl:5: record has no "text" or "html" field/);
  assert.match(err[2]!, /^entente: .*no-such-file\.html: no such file or directory — check the path$/);
  assert.equal(err[3], 'entente: 3 documents read, 3 failed');
});

test('exit codes: 1 when nothing could be read, 2 for usage errors', async () => {
  const none = await run([join(FIX, 'no-such-file.html')]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no such file or directory/);
  const badDate = await run([join(FIX, 'sample-plain.txt'), '--date', '14/05/2026']);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /^entente extract: --date "14\/05\/2026": expected YYYY-MM-DD/);
  assert.equal(badDate.stdout, '');
});

test('--date and --title fill what a page does not say: a dated, titled page keeps its own (a batch of mixed inputs is not re-dated)', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'entente-hints-'));
  try {
    // sample pages written for this test
    const body = '<article><h1>Sample</h1><p>Delegates of Norway and Chile met in Oslo on Monday to discuss fisheries, officials said in a statement.</p><p>They agreed to meet again in the spring.</p></article>';
    writeFileSync(join(dir, 'dated.html'), `<html><head><title>Own Title</title><meta property="article:published_time" content="2026-02-10T09:00:00Z"></head><body>${body}</body></html>`);
    writeFileSync(join(dir, 'undated.html'), `<html><head><title>Own Title</title></head><body>${body}</body></html>`);
    const r = await run([join(dir, 'dated.html'), join(dir, 'undated.html'), '--date', '2026-05-01', '--title', 'Given Title', '--format', 'jsonl']);
    assert.equal(r.code, 0, r.stderr);
    const [dated, undated] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { title: string; published: string | null });
    assert.equal(dated!.published, '2026-02-10T09:00:00Z', 'the page\'s own date wins');
    assert.equal(dated!.title, 'Own Title');
    assert.equal(undated!.published, '2026-05-01', '--date fills a page with none');
    const bad = await run([join(dir, 'undated.html'), '--date', '2026-02-30']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'entente extract: --date "2026-02-30": no such day\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
