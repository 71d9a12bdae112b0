import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BadInput, NotAnArticle } from '../../src/errors.js';
import { sniffFormat } from '../../src/sources/index.js';
import { collect, docs, errors, tmp } from './helpers.js';

const FIX = fileURLToPath(new URL('./fixtures/', import.meta.url));
const PAGE = '<!DOCTYPE html><html><head><title>Sample</title></head><body><p>Sample page about a treaty signed in Oslo.</p></body></html>';

test('a Markdown clipping file becomes a text document with its header as hints', async () => {
  const [d] = docs((await collect([join(FIX, 'sample-clipping.md')])).items);
  assert.equal(d!.kind, 'text');
  assert.equal(d!.hints!.published, '2026-03-03');
  assert.equal(d!.url, 'https://news.example.com/2026/03/03/norway-chile-blue-economy');
  assert.equal(d!.hints!.captions![0]!.credit, 'NTB');
  assert.equal(d!.content.split('\n\n').length, 5);
});

test('--date/--url/--title fill what plain text does not say, but never override the input', async () => {
  const opts = { date: '2026-01-02', url: 'https://cli.example.com/a', title: 'From the command line' };
  const [plain] = docs((await collect([join(FIX, 'sample-plain.txt')], opts)).items);
  // --date/--title are a fallback the article stage uses where the input (and a page's own meta) says nothing
  assert.deepEqual(plain!.hints!.fallback, { title: 'From the command line', published: '2026-01-02' });
  const { rawToArticle } = await import('../../src/article/index.js');
  assert.equal(rawToArticle(plain!).published, '2026-01-02');
  assert.equal(rawToArticle(plain!).title, 'From the command line');
  assert.equal(plain!.url, 'https://cli.example.com/a');
  const [clip] = docs((await collect([join(FIX, 'sample-clipping.md')], opts)).items);
  assert.equal(clip!.hints!.published, '2026-03-03');
  assert.equal(clip!.url, 'https://news.example.com/2026/03/03/norway-chile-blue-economy');
});

test('.html and .html.gz files; empty and binary files are one-line errors; the batch goes on', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.html'), PAGE);
  writeFileSync(join(dir, 'b.html.gz'), gzipSync(PAGE));
  writeFileSync(join(dir, 'empty.html'), '');
  writeFileSync(join(dir, 'blob.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  const { items } = await collect(['a.html', 'b.html.gz', 'empty.html', 'blob.html', 'missing.html'].map((f) => join(dir, f)));
  assert.equal(items.length, 5);
  const [a, b] = docs(items);
  assert.equal(a!.content, PAGE);
  assert.equal(b!.content, PAGE);
  assert.equal(b!.kind, 'html');
  const errs = errors(items);
  assert.ok(errs[0]!.error instanceof NotAnArticle && /empty\.html: the file is empty/.test(errs[0]!.error.message));
  assert.ok(errs[1]!.error instanceof NotAnArticle && /blob\.html: looks like a binary file/.test(errs[1]!.error.message));
  assert.match(errs[2]!.error.message, /missing\.html: no such file or directory — check the path/);
  for (const e of errs) assert.ok(!e.error.message.includes('\n'));
});

test('a directory is read recursively in sorted order; unknown files are skipped with a note', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'b.html'), PAGE);
  writeFileSync(join(dir, 'a.txt'), 'Plain sample text about a summit.\n');
  writeFileSync(join(dir, 'sub', 'c.md'), 'Sample Title\n\nMay 2, 2026\n\nSample body.\n');
  writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  writeFileSync(join(dir, '.hidden.html'), PAGE);
  symlinkSync(dir, join(dir, 'sub', 'loop')); // a link back up the tree is walked once, not forever
  const { items, notes } = await collect([dir]);
  assert.deepEqual(docs(items).map((d) => d.id), ['a.txt', 'b.html', join('sub', 'c.md')].map((f) => join(dir, f)));
  assert.equal(notes.length, 1);
  assert.match(notes[0]!, /photo\.jpg: skipped: unknown file type/);
  // the note rides on the batch, not on the document read after the skipped file
  assert.ok(docs(items).every((d) => !d.notes));
});

test('JSONL records: text or html, bad lines reported as file:line, the rest still read', async () => {
  const f = join(FIX, 'sample-records.jsonl');
  const { items } = await collect([f]);
  const ds = docs(items);
  assert.deepEqual(ds.map((d) => [d.id, d.kind]), [['rec-1', 'text'], ['rec-2', 'html']]);
  assert.equal(ds[0]!.hints!.title, 'Border Agreement Signed');
  assert.equal(ds[0]!.hints!.published, '2026-06-01');
  assert.equal(ds[0]!.url, 'https://records.example.com/1');
  assert.equal(ds[0]!.origin, `${f}:1`);
  const errs = errors(items);
  assert.equal(errs.length, 2);
  assert.ok(errs[0]!.error instanceof BadInput);
  assert.match(errs[0]!.error.message, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: not valid JSON .* — fix or remove the line$`));
  assert.match(errs[1]!.error.message, /:5: record has no "text" or "html" field/);
});

test('a .json file holds one record or an array', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'one.json'), JSON.stringify({ id: 'j1', text: 'Sample text one.', date: '2026-02-03' }, null, 2));
  writeFileSync(join(dir, 'many.json'), JSON.stringify([{ id: 'j2', text: 'Sample two.' }, { nope: 1 }, { id: 'j3', html: PAGE }]));
  writeFileSync(join(dir, 'bad.json'), '{"id": "x", ');
  const { items } = await collect(['one.json', 'many.json', 'bad.json'].map((f) => join(dir, f)));
  assert.deepEqual(docs(items).map((d) => d.id), ['j1', 'j2', 'j3']);
  const errs = errors(items);
  assert.match(errs[0]!.error.message, /many\.json\[1\]: record has no "text" or "html" field/);
  assert.match(errs[1]!.error.message, /bad\.json: not valid JSON/);
});

test('stdin ("-") is told apart: HTML, JSONL, pretty JSON, gzip, plain text', async () => {
  const read = async (data: string | Buffer) => (await collect(['-'], { stdin: Readable.from([Buffer.from(data)]) })).items;
  const [h] = docs(await read(PAGE));
  assert.equal(h!.kind, 'html');
  assert.equal(h!.origin, 'stdin');
  const j = docs(await read('{"id":"s1","text":"One."}\n{"id":"s2","text":"Two."}\n'));
  assert.deepEqual(j.map((d) => [d.id, d.origin]), [['s1', 'stdin:1'], ['s2', 'stdin:2']]);
  const pretty = docs(await read('{\n  "id": "p1",\n  "text": "Pretty printed."\n}\n'));
  assert.deepEqual(pretty.map((d) => d.id), ['p1']);
  const gz = docs(await read(gzipSync(PAGE)));
  assert.equal(gz[0]!.content, PAGE);
  const t = docs(await read('Sample Headline\n\nJune 1, 2026\n\nSample body text.\n'));
  assert.equal(t[0]!.kind, 'text');
  assert.equal(t[0]!.hints!.title, 'Sample Headline');
  const empty = await read('   \n');
  assert.ok(!empty[0]!.ok && /stdin: empty input/.test(empty[0]!.error.message));
});

test('format sniffing', () => {
  const f = (s: string) => sniffFormat(Buffer.from(s));
  assert.equal(f('WARC/1.1\r\n'), 'warc');
  assert.equal(f('<?xml version="1.0"?>\n<rss version="2.0">'), 'feed');
  assert.equal(f('<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(f('<!doctype html><html>'), 'html');
  assert.equal(f('[{"id":1}]'), 'json');
  assert.equal(f('{"id":1,"text":"x"}'), 'jsonl');
  assert.equal(f('# Title\n\nBody with a [link](#).'), 'markdown');
  assert.equal(f('Just words.'), 'text');
});

test('a local file above --max-bytes is refused; a BOM before the first JSONL record is fine', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'big.html'), `<html><body><p>${'word '.repeat(60_000)}</p></body></html>`);
  writeFileSync(join(dir, 'bom.jsonl'), '\uFEFF{"id":"b1","text":"Sample text after a BOM."}\r\n{"id":"b2","text":"Second."}\r\n');
  const { items } = await collect([join(dir, 'big.html'), join(dir, 'bom.jsonl')], { maxBytes: 100_000 });
  assert.match(errors(items)[0]!.error.message, /big\.html: larger than 97.7 KB — raise --max-bytes/);
  assert.deepEqual(docs(items).map((d) => d.id), ['b1', 'b2']);
});

test('a JSON array is streamed element by element: a bad element is reported alone, a cut-off array at the end', async () => {
  const dir = tmp();
  const recs = [{ id: 'a1', text: 'Text with "quotes", [brackets] and {braces}.' }, { id: 'a2', html: PAGE }];
  writeFileSync(join(dir, 'arr.json'), `[\n${JSON.stringify(recs[0])},\n{"id": "bad", text: oops},\n${JSON.stringify(recs[1])}\n]\n`);
  writeFileSync(join(dir, 'cut.json'), `[${JSON.stringify(recs[0])}, {"id": "a3", "te`);
  const { items } = await collect([join(dir, 'arr.json'), join(dir, 'cut.json')]);
  assert.deepEqual(docs(items).map((d) => d.id), ['a1', 'a2', 'a1']);
  assert.equal(docs(items)[0]!.content, recs[0]!.text);
  const errs = errors(items);
  assert.match(errs[0]!.error.message, /arr\.json\[1\]: not valid JSON/);
  assert.match(errs[1]!.error.message, /cut\.json: not valid JSON after element 1: the array is not closed/);
});

test('an .xml file that is an XHTML page is read as a page, not refused as a feed', async () => {
  const dir = tmp();
  const xhtml = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>S</title></head><body><p>Sample XHTML page.</p></body></html>';
  writeFileSync(join(dir, 'page.xml'), xhtml);
  const [d] = docs((await collect([join(dir, 'page.xml')])).items);
  assert.equal(d!.kind, 'html');
  assert.equal(d!.content, xhtml);
});
