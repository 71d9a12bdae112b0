import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { feedsFromOpml, watchFeeds } from '../../src/scale/watch.js';
import type { RawDocument } from '../../src/types.js';

// Sample feed items written for this test (not real reporting).
const item = (n: number) => `<item><guid>sample-${n}</guid><title>Sample item ${n}</title><link>http://127.0.0.1/a/${n}</link>
<pubDate>Mon, 0${n} Jun 2025 10:00:00 GMT</pubDate><content:encoded><![CDATA[${'<p>Kazakhstan and Uzbekistan signed a water-sharing agreement on Monday, officials said.</p>'.repeat(4)}]]></content:encoded></item>`;
const feed = (items: number[]) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Sample feed</title>${items.map(item).join('')}</channel></rss>`;

test('watch: conditional polling, only new items ingested, backoff on errors, state survives a restart', async () => {
  let items = [1, 2];
  let etag = '"v1"';
  let fail = false;
  const requests: Array<Pick<IncomingMessage, 'headers'>> = [];
  const server = createServer((req, res) => {
    requests.push({ headers: req.headers });
    if (fail) return res.writeHead(503).end();
    if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed(items));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  const statePath = join(mkdtempSync(join(tmpdir(), 'entente-watch-')), 'state.json');
  const got: RawDocument[] = [];
  let clock = 1_000_000;
  const opts = { feeds: [url], statePath, once: true, hostDelaySec: 0, intervalSec: 60, ingest: async (d: RawDocument) => (got.push(d), 1), now: () => clock };
  try {
    let s = await watchFeeds(opts);
    assert.equal(s.ingested, 2);
    assert.deepEqual(got.map((d) => d.hints?.title), ['Sample item 1', 'Sample item 2']);

    clock += 61_000;
    s = await watchFeeds(opts); // a fresh call reads the saved state, as after a restart
    assert.equal(s.notModified, 1);
    assert.equal(requests.at(-1)!.headers['if-none-match'], '"v1"');
    assert.equal(got.length, 2);

    items = [1, 2, 3];
    etag = '"v2"';
    clock += 61_000;
    s = await watchFeeds(opts);
    assert.equal(s.ingested, 1, 'only the new item');
    assert.equal(got.at(-1)!.hints?.title, 'Sample item 3');

    fail = true;
    clock += 61_000;
    s = await watchFeeds(opts);
    assert.equal(s.errors, 1);
    const st = JSON.parse(readFileSync(statePath, 'utf8')).feeds[url];
    assert.equal(st.failures, 1);
    assert.ok(st.nextPoll - clock >= 120_000, 'backs off beyond the normal interval');
    const before = requests.length;
    clock += 61_000; // not yet due
    await watchFeeds(opts);
    assert.equal(requests.length, before, 'no request while backing off');
  } finally {
    server.close();
  }
});

test('OPML subscription lists give their feed URLs', () => {
  const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline text="A" type="rss" xmlUrl="http://127.0.0.1/a.xml"/><outline text="B" xmlUrl="http://127.0.0.1/b.xml"/></outline></body></opml>`;
  assert.deepEqual(feedsFromOpml(opml, 'subs.opml'), ['http://127.0.0.1/a.xml', 'http://127.0.0.1/b.xml']);
});

test('watch once: a feed polled less than --interval ago is polled again (cron); one backing off waits, unless its backoff ends within a tenth of the interval', async () => {
  let fail = false;
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    if (fail) return res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"x"' }).end(feed([1]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  const statePath = join(mkdtempSync(join(tmpdir(), 'entente-watch-')), 'state.json');
  let clock = 5_000_000;
  const opts = { feeds: [url], statePath, once: true, hostDelaySec: 0, intervalSec: 300, ingest: async () => 1, now: () => clock };
  try {
    await watchFeeds(opts);
    clock += 299_000; // cron, one second early
    let s = await watchFeeds(opts);
    assert.equal(s.polls, 1);
    assert.deepEqual(s.notDue, []);
    fail = true;
    clock += 300_000;
    s = await watchFeeds(opts); // fails: backoff 600 s
    assert.equal(s.errors, 1);
    clock += 300_000;
    const before = requests;
    s = await watchFeeds(opts);
    assert.equal(requests, before, 'still backing off');
    assert.equal(s.notDue.length, 1);
    assert.equal(s.notDue[0]!.failures, 1);
    assert.match(s.notDue[0]!.lastError ?? '', /503/);
    fail = false;
    clock += 280_000; // 20 s before the backoff ends: within the slack
    s = await watchFeeds(opts);
    assert.equal(requests, before + 1);
    assert.equal(s.feedsOk, 1);
  } finally {
    server.close();
  }
});
