import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BadInput } from '../../src/errors.js';
import { chunked, collect, docs, errors, httpResponse, tmp, warcGz, warcRecord } from './helpers.js';

// Sample pages written for these tests.
const PAGE_A = '<!DOCTYPE html><html><head><title>A</title></head><body><p>Sample page A: ministers met in Accra.</p></body></html>';
const PAGE_B = '<html><head><meta charset="windows-1252"></head><body><p>Sample page B: the minister déclared talks open.</p></body></html>';
const PAGE_C = '<html><body><p>Sample page C: envoys arrived in Lima.</p></body></html>';

function crawl(): Buffer[] {
  return [
    warcRecord('warcinfo', { 'WARC-Date': '2026-03-01T00:00:00Z', 'Content-Type': 'application/warc-fields' }, 'software: sample-writer\r\n'),
    warcRecord('request', { 'WARC-Target-URI': 'https://a.example/news/1', 'Content-Type': 'application/http; msgtype=request' }, 'GET /news/1 HTTP/1.1\r\nHost: a.example\r\n\r\n'),
    warcRecord('response', { 'WARC-Target-URI': 'https://a.example/news/1', 'WARC-Date': '2026-03-01T10:00:00Z', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse(200, { 'Content-Type': 'text/html; charset=utf-8' }, PAGE_A)),
    // chunked and gzipped, charset from <meta>
    warcRecord('response', { 'WARC-Target-URI': 'https://b.example/story', 'WARC-Date': '2026-03-01T10:05:00Z', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse(200, { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip' }, chunked(gzipSync(Buffer.from(PAGE_B, 'latin1'))))),
    // not HTML, not 2xx: skipped
    warcRecord('response', { 'WARC-Target-URI': 'https://a.example/logo.png', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse(200, { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]))),
    warcRecord('response', { 'WARC-Target-URI': 'https://a.example/old', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse(301, { Location: 'https://a.example/news/1' }, '')),
  ];
}

test('a .warc.gz (one gzip member per record) yields each HTML response with its URL and date', async () => {
  const dir = tmp();
  const f = join(dir, 'crawl.warc.gz');
  writeFileSync(f, warcGz(crawl()));
  const { items } = await collect([f]);
  assert.equal(errors(items).length, 0);
  const ds = docs(items);
  assert.deepEqual(ds.map((d) => [d.id, d.url, d.fetchedAt]), [
    ['https://a.example/news/1', 'https://a.example/news/1', '2026-03-01T10:00:00Z'],
    ['https://b.example/story', 'https://b.example/story', '2026-03-01T10:05:00Z'],
  ]);
  assert.equal(ds[0]!.content, PAGE_A);
  assert.equal(ds[1]!.content, PAGE_B);
  assert.equal(ds[1]!.kind, 'html');
  assert.match(ds[0]!.origin, /crawl\.warc\.gz@\d+$/);
});

test('a malformed record is reported with its offset and skipped; the next records are read', async () => {
  const recs = crawl();
  const bad = Buffer.from('GARBAGE LINE\r\nmore garbage\r\n\r\n');
  const noLength = Buffer.from('WARC/1.1\r\nWARC-Type: response\r\n\r\n');
  const badHttp = warcRecord('response', { 'WARC-Target-URI': 'https://c.example/bad', 'Content-Type': 'application/http; msgtype=response' }, 'not an http response at all');
  const last = warcRecord('response', { 'WARC-Target-URI': 'https://c.example/ok', 'Content-Type': 'application/http; msgtype=response' },
    httpResponse(200, { 'Content-Type': 'text/html' }, PAGE_C));
  const all = Buffer.concat([recs[2]!, bad, noLength, badHttp, last]);
  const dir = tmp();
  const f = join(dir, 'mixed.warc');
  writeFileSync(f, all);
  const { items } = await collect([f]);
  assert.deepEqual(docs(items).map((d) => d.id), ['https://a.example/news/1', 'https://c.example/ok']);
  const errs = errors(items);
  assert.equal(errs.length, 3);
  for (const e of errs) assert.ok(e.error instanceof BadInput && !e.error.message.includes('\n'));
  assert.equal(errs[0]!.origin, `${f}@${recs[2]!.length}`);
  assert.match(errs[0]!.error.message, /expected a "WARC\/1.x" record header, found "GARBAGE LINE"/);
  assert.match(errs[1]!.error.message, /without a valid Content-Length/);
  assert.match(errs[2]!.error.message, /malformed HTTP response for https:\/\/c\.example\/bad/);
});

test('a truncated WARC and a file with no records are reported', async () => {
  const dir = tmp();
  const rec = crawl()[2]!;
  writeFileSync(join(dir, 'cut.warc'), rec.subarray(0, rec.length - 40));
  writeFileSync(join(dir, 'none.warc'), 'hello\nthis is not a warc\n');
  const errs = errors((await collect([join(dir, 'cut.warc'), join(dir, 'none.warc')])).items);
  assert.match(errs[0]!.error.message, /cut\.warc@0: record is truncated \(\d+ of \d+ bytes\): the file ends early .* — the records before it were read; copy or write the file again for the rest$/);
  assert.match(errs.at(-1)!.error.message, /none\.warc: no WARC records found/);
  // one failure for a file that is no WARC at all, not its bad "header" and then the file
  const only = errors((await collect([join(dir, 'none.warc')])).items);
  assert.equal(only.length, 1, only.map((e) => e.error.message).join(' | '));
});

test('a record above the size cap is skipped without being read into memory', async () => {
  const dir = tmp();
  const big = warcRecord('response', { 'WARC-Target-URI': 'https://big.example/', 'Content-Type': 'application/http; msgtype=response' },
    httpResponse(200, { 'Content-Type': 'text/html' }, '<p>' + 'x'.repeat(200_000) + '</p>'));
  writeFileSync(join(dir, 'big.warc'), Buffer.concat([big, crawl()[2]!]));
  const { items } = await collect([join(dir, 'big.warc')], { maxBytes: 100_000 });
  assert.match(errors(items)[0]!.error.message, /above the size cap of 97.7 KB; skipped \(raise --max-bytes\)/);
  assert.deepEqual(docs(items).map((d) => d.id), ['https://a.example/news/1']);
});
