// `entente watch --once` from the CLI, feeds served from 127.0.0.1: an error line names the feed once
// and is not followed by "0 new items", a round where no feed could be polled exits 1, and --db
// defaults to $ENTENTE_DB like the other store commands. Sample feed written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-watch-cli-'));
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Sample feed</title><item><guid>s1</guid><title>Sample item</title><link>http://127.0.0.1/a/1</link>
<pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>Kazakhstan and Uzbekistan signed a water-sharing agreement on Monday, officials said.</description></item></channel></rss>`;
const server = createServer((req, res) => {
  if (req.url === '/feed.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss);
  if (req.url === '/page.html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Not a feed.</p></body></html>');
  res.writeHead(404).end('not found');
});
let base = '';
test.before(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('watch --once: every poll failed → exit 1, each error names the feed once, no "0 new items" after it', async () => {
  const db = join(dir, 'fail.db');
  const r = await runCli(['scale'], ['watch', `${base}/nofeed.xml`, `${base}/page.html`, '--once', '--host-delay', '0', '--db', db]);
  assert.equal(r.code, 1, r.stderr);
  for (const f of [`${base}/nofeed.xml`, `${base}/page.html`]) {
    const lines = r.stderr.split('\n').filter((l) => l.includes(f));
    assert.ok(lines.length >= 1, r.stderr);
    for (const l of lines) assert.equal(l.split(f).length - 1, 1, `origin said once: ${l}`);
    assert.ok(!lines.some((l) => /new items?$/.test(l)), r.stderr);
  }
});

test('watch --once: a feed polled → exit 0; --db defaults to $ENTENTE_DB', async () => {
  const db = join(dir, 'env.db');
  const saved = process.env.ENTENTE_DB;
  process.env.ENTENTE_DB = db; // the child inherits it
  try {
    const r = await runCli(['scale'], ['watch', `${base}/feed.xml`, `${base}/nofeed.xml`, '--once', '--host-delay', '0']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /feed\.xml: 1 new item/);
    assert.ok(r.stderr.includes(`state in ${db}.watch.json`), r.stderr);
    assert.ok(existsSync(db), 'the store named by ENTENTE_DB was written');
  } finally {
    if (saved === undefined) delete process.env.ENTENTE_DB;
    else process.env.ENTENTE_DB = saved;
  }
});

test('watch --once twice within --interval (cron at the interval): the second round polls again; a feed backing off is named with its next poll', async () => {
  const db = join(dir, 'cron.db');
  const args = ['watch', `${base}/feed.xml`, `${base}/gone.xml`, '--once', '--host-delay', '0', '--db', db];
  const first = await runCli(['scale'], args);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /one round/);
  const second = await runCli(['scale'], args); // seconds later, well within the default 300 s
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /feed\.xml: 0 new items/, 'the healthy feed is polled again');
  assert.match(second.stderr, /gone\.xml: not polled — backing off after 1 failed poll \(last: HTTP 404[^)]*\); next poll at \d{4}-\d\d-\d\dT[\d:.]+Z or later/);
  assert.match(second.stderr, /1 poll \(0 not modified\), 1 feed not due/);
  const onlyGone = await runCli(['scale'], ['watch', `${base}/gone.xml`, '--once', '--host-delay', '0', '--db', db]);
  assert.equal(onlyGone.code, 1, 'no feed could be read: every feed is backing off');
  assert.match(onlyGone.stderr, /0 polls .*1 feed not due/);
});
