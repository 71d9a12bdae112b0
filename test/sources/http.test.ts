import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { FetchError, NotAnArticle } from '../../src/errors.js';
import { fetchUrl } from '../../src/sources/http.js';
import { collect, docs, errors, serve, type TestServer } from './helpers.js';

let srv: TestServer;
const PAGE = '<!DOCTYPE html><html><head><title>Sample page</title></head><body><article><p>Sample article text for the tests.</p></article></body></html>';

before(async () => {
  srv = await serve((req, res) => {
    const u = new URL(req.url!, 'http://x');
    const p = u.pathname;
    if (p === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (p.startsWith('/hop/')) {
      const n = Number(p.slice(5));
      if (n === 0) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(PAGE);
      } else {
        res.writeHead(n % 2 ? 301 : 302, { location: `/hop/${n - 1}` });
        res.end();
      }
    } else if (p === '/short') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><meta http-equiv="refresh" content="0; URL=\'/hop/0\'"></head><body>Redirecting…</body></html>');
    } else if (p === '/reloads') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><meta http-equiv="refresh" content="300"></head><body><p>Live page</p></body></html>');
    } else if (p === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (p === '/hang') {
      // never answers: the client's timeout must end it
    } else if (p === '/drip') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>first bytes'); // then nothing
    } else if (p === '/huge') {
      // 50 MB, streamed without a Content-Length: the client must stop at its cap
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => { sent = Infinity; });
      pump();
    } else if (p === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from([0x3c, 0x70, 0x3e, 0xcc, 0xe8, 0xf0, 0x3c, 0x2f, 0x70, 0x3e]))); // <p>Мир</p>
    } else if (p === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    } else if (p === '/wrong-charset') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(Buffer.from('<p>Le ministre a déclaré</p>', 'latin1'));
    } else if (p === '/broken') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><div><p>Unclosed paragraph about talks in Rome<div><span>and more');
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not here</h1>');
    }
  });
});
after(() => srv.close());

test('a page is fetched with a clear User-Agent and becomes an html document', async () => {
  const { items } = await collect([`${srv.base}/page`]);
  const [d] = docs(items);
  assert.equal(d!.kind, 'html');
  assert.equal(d!.content, PAGE);
  assert.equal(d!.url, `${srv.base}/page`);
  assert.match(d!.contentType!, /text\/html/);
  assert.match(String(srv.requests.at(-1)!.headers['user-agent']), /^entente\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/entente\)$/);
});

test('redirects are followed by hand, at most 5', async () => {
  const ok = await fetchUrl(`${srv.base}/hop/5`);
  assert.equal(ok.redirects, 5);
  assert.equal(ok.url, `${srv.base}/hop/0`);
  await assert.rejects(fetchUrl(`${srv.base}/hop/6`), (e: Error) => e instanceof FetchError && /more than 5 redirects/.test(e.message));
  await assert.rejects(fetchUrl(`${srv.base}/loop`), /more than 5 redirects/);
  const short = await fetchUrl(`${srv.base}/short`);
  assert.equal(short.url, `${srv.base}/hop/0`);
  assert.equal(short.redirects, 1);
  assert.equal((await fetchUrl(`${srv.base}/reloads`)).url, `${srv.base}/reloads`);
});

test('HTTP 404 is a one-line FetchError naming the URL and the fix', async () => {
  const { items } = await collect([`${srv.base}/missing`]);
  const [e] = errors(items);
  assert.ok(e!.error instanceof FetchError);
  assert.equal(e!.error.message, `${srv.base}/missing: HTTP 404 Not Found — check the URL`);
});

test('a server that never answers, or stops sending, times out', async () => {
  const t0 = Date.now();
  await assert.rejects(fetchUrl(`${srv.base}/hang`, { timeoutMs: 300 }), /no response within 0.3 s .*--timeout/);
  await assert.rejects(fetchUrl(`${srv.base}/drip`, { timeoutMs: 300 }), /no data within 0.3 s/);
  assert.ok(Date.now() - t0 < 5000);
});

test('a 50 MB page is cut off at the size cap while streaming', async () => {
  const { items } = await collect([`${srv.base}/huge`]);
  const [e] = errors(items);
  assert.match(e!.error.message, /larger than 10 MB — raise --max-bytes/);
  await assert.rejects(fetchUrl(`${srv.base}/huge`, { maxBytes: 100_000 }), /larger than 97.7 KB/);
});

test('gzip content-encoding and a header charset are decoded', async () => {
  const [d] = docs((await collect([`${srv.base}/gzip`])).items);
  assert.equal(d!.content, '<p>Мир</p>');
});

test('a wrong declared charset falls back to windows-1252 with a note', async () => {
  const { items, notes } = await collect([`${srv.base}/wrong-charset`]);
  const [item] = items;
  assert.ok(item!.ok);
  assert.equal(item.doc.content, '<p>Le ministre a déclaré</p>');
  assert.match(notes[0]!, /not valid UTF-8; decoded as windows-1252/);
  assert.deepEqual(item.notes, notes);
  // the document itself carries it, for its Messages
  assert.deepEqual(item.doc.notes, notes);
});

test('a redirected page is read with a note naming where it went', async () => {
  const { items, notes } = await collect([`${srv.base}/short`]);
  const [d] = docs(items);
  assert.equal(d!.url, `${srv.base}/hop/0`);
  assert.deepEqual(notes, [`${srv.base}/short: redirected to ${srv.base}/hop/0`]);
  assert.deepEqual(d!.notes, notes);
});

test('non-HTML content is refused; broken HTML is still read; the batch goes on', async () => {
  const { items } = await collect([`${srv.base}/image`, `${srv.base}/broken`, 'ftp://example.com/x']);
  assert.equal(items.length, 3);
  assert.ok(!items[0]!.ok && items[0]!.error instanceof NotAnArticle);
  assert.match((items[0] as { error: Error }).error.message, /not a web page \(Content-Type image\/png\)/);
  assert.ok(items[1]!.ok && items[1]!.doc.content.includes('Unclosed paragraph'));
  assert.ok(!items[2]!.ok && /unsupported URL scheme/.test(items[2]!.error.message));
});

test('a refused connection is a clear error', async () => {
  const s = await serve(() => {});
  const base = s.base;
  await s.close();
  await assert.rejects(fetchUrl(`${base}/x`, { timeoutMs: 2000 }), /connection refused — check the URL/);
});

test('several URLs are fetched a few at a time and come out in input order', async () => {
  let inFlight = 0;
  let most = 0;
  const s = await serve((req, res) => {
    inFlight++;
    most = Math.max(most, inFlight);
    const n = Number(req.url!.slice(1));
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<p>Sample page ${n}</p>`);
    }, n === 1 ? 300 : 100); // the first is the slowest: order must not follow arrival
  });
  try {
    const urls = [1, 2, 3, 4, 5, 6].map((n) => `${s.base}/${n}`);
    const ds = docs((await collect(urls)).items);
    assert.deepEqual(ds.map((d) => d.content), [1, 2, 3, 4, 5, 6].map((n) => `<p>Sample page ${n}</p>`));
    assert.ok(most >= 2 && most <= 4, `in flight at once: ${most}`);
  } finally {
    await s.close();
  }
});

test('a transient failure (503, 429) is tried once more; a 404 is not', async () => {
  const hits = new Map<string, number>();
  const s = await serve((req, res) => {
    const n = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, n);
    if (req.url === '/flaky' && n === 1) {
      res.writeHead(503, { 'retry-after': '0' });
      res.end();
    } else if (req.url === '/down') {
      res.writeHead(503);
      res.end();
    } else if (req.url === '/flaky') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>Back again.</p>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  try {
    assert.equal((await fetchUrl(`${s.base}/flaky`, { retryDelayMs: 10 })).bytes.toString(), '<p>Back again.</p>');
    await assert.rejects(fetchUrl(`${s.base}/down`, { retryDelayMs: 10 }), /HTTP 503 Service Unavailable — the server failed; try again later/);
    await assert.rejects(fetchUrl(`${s.base}/gone`, { retryDelayMs: 10 }), /HTTP 404/);
    assert.deepEqual(Object.fromEntries(hits), { '/flaky': 2, '/down': 2, '/gone': 1 });
  } finally {
    await s.close();
  }
});
