import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BadInput } from '../../src/errors.js';
import { parseFeed, parseFeedDate } from '../../src/sources/feed.js';
import { readFeedText } from '../../src/sources/index.js';
import { readFileSync } from 'node:fs';
import { collect, docs, errors, serve, tmp, type TestServer } from './helpers.js';

const FIX = fileURLToPath(new URL('./fixtures/', import.meta.url));

test('RSS 2.0 file: content:encoded carries the article; a summary-only item is kept with a note', async () => {
  const { items, notes } = await collect([join(FIX, 'sample-rss.xml')]);
  const [full, summary] = docs(items);
  assert.equal(full!.kind, 'html');
  assert.equal(full!.id, 'https://wire.example.com/2026/04/02/lisbon-fisheries');
  assert.equal(full!.origin, `${join(FIX, 'sample-rss.xml')}#item1`);
  assert.match(full!.content, /<article><p>Fisheries ministers from Portugal and Morocco/);
  assert.deepEqual(full!.hints, {
    title: 'Ministers Meet in Lisbon on Fisheries & Trade', published: '2026-04-02T09:15:00+01:00',
    url: 'https://wire.example.com/2026/04/02/lisbon-fisheries', authors: ['Ana Ribeiro'], tags: ['Europe'], site: 'Sample Wire', language: 'en',
  });
  // relative link resolved against the channel link; a file feed does not fetch pages by default
  assert.equal(summary!.url, 'https://wire.example.com/2026/04/03/summit-postponed');
  assert.equal(summary!.hints!.published, '2026-04-03T18:00:00+00:00');
  assert.match(summary!.content, /A regional summit was postponed/);
  assert.match(notes.join('\n'), /#item2: the feed gives only a summary/);
});

test('Atom (html and xhtml content) and JSON Feed', async () => {
  const atom = docs((await collect([join(FIX, 'sample-atom.xml')])).items);
  assert.deepEqual(atom.map((d) => d.url), ['https://atom.example.org/news/envoys-nairobi', 'https://atom.example.org/news/ports-deal']);
  assert.equal(atom[0]!.hints!.published, '2026-02-10T08:30:00+03:00');
  assert.deepEqual(atom[0]!.hints!.authors, ['Wanjiru Kamau']);
  assert.match(atom[0]!.content, /<p>Envoys from Kenya and Ethiopia held talks/);
  assert.match(atom[1]!.content, /<p>Two port authorities signed a deal on Wednesday\.<\/p>/);
  const json = docs((await collect([join(FIX, 'sample-feed.json')])).items);
  assert.equal(json.length, 1);
  assert.equal(json[0]!.kind, 'text');
  assert.equal(json[0]!.hints!.title, 'Foreign Ministers Speak by Phone');
  assert.deepEqual(json[0]!.hints!.authors, ['Lee Min-jun']);
  assert.match(json[0]!.content, /^The foreign ministers of South Korea and Vietnam/);
});

test('a malformed feed is a one-line BadInput with a line number', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'cut.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut</title>\n<item><title>One</title></channel></rss>');
  writeFileSync(join(dir, 'trunc.rss'), '<rss version="2.0"><channel><item><title>One</title>');
  writeFileSync(join(dir, 'notfeed.xml'), '<?xml version="1.0"?><catalog><book/></catalog>');
  const errs = errors((await collect(['cut.xml', 'trunc.rss', 'notfeed.xml'].map((f) => join(dir, f)))).items);
  assert.equal(errs.length, 3);
  for (const e of errs) assert.ok(e.error instanceof BadInput && !e.error.message.includes('\n'));
  assert.match(errs[0]!.error.message, /cut\.xml: malformed XML at line 3: found <\/channel> where <\/item> was expected/);
  assert.match(errs[1]!.error.message, /trunc\.rss: malformed XML .* ends inside <item> \(truncated\?\)/);
  assert.match(errs[2]!.error.message, /<catalog> is not an RSS or Atom feed/);
});

test('feed dates: RFC 822 with zones, RFC 3339', () => {
  assert.equal(parseFeedDate('Thu, 14 May 2026 10:31:00 +0300'), '2026-05-14T10:31:00+03:00');
  assert.equal(parseFeedDate('14 May 2026 10:31 EST'), '2026-05-14T10:31:00-05:00');
  assert.equal(parseFeedDate('2026-05-14T10:31:00Z'), '2026-05-14T10:31:00Z');
  assert.equal(parseFeedDate('yesterday'), null);
  assert.throws(() => parseFeed('{"version":"https://jsonfeed.org/version/1.1", "items": 3}', 'f.json'), /without an "items" array/);
});

describe_url_feeds();
function describe_url_feeds() {
  let srv: TestServer;
  const ARTICLE = '<!DOCTYPE html><html><head><title>Full story</title></head><body><article><p>The full sample story about a ceasefire.</p></article></body></html>';
  before(async () => {
    srv = await serve((req, res) => {
      if (req.url === '/feed') {
        const base = `http://127.0.0.1:${(req.socket.localPort)}`;
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>${base}/</link>
<item><title>Ceasefire Agreed</title><link>/story/1</link><description>Short teaser.</description></item>
<item><title>Gone</title><link>/story/404</link><description>Teaser of a deleted story.</description></item>
</channel></rss>`);
      } else if (req.url === '/feed-as-xml') {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end('<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title></feed>');
      } else if (req.url === '/story/1') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(ARTICLE);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  after(() => srv.close());

  test('a feed URL: summary-only items are fetched from their page; a failed fetch keeps the summary with a note', async () => {
    const { items, notes } = await collect([`${srv.base}/feed`]);
    const ds = docs(items);
    assert.equal(ds.length, 2);
    assert.equal(ds[0]!.content, ARTICLE);
    assert.equal(ds[0]!.url, `${srv.base}/story/1`);
    assert.equal(ds[0]!.hints!.title, 'Ceasefire Agreed');
    assert.equal(ds[0]!.kind, 'html');
    assert.equal(ds[1]!.content, 'Teaser of a deleted story.');
    assert.match(notes.join('\n'), /#item2: could not fetch the item's page \(.*HTTP 404/);
    // with fetching off, no item page is requested
    const before = srv.requests.length;
    const off = docs((await collect([`${srv.base}/feed`], { fetchFeedPages: false })).items);
    assert.equal(off[0]!.content, 'Short teaser.');
    assert.equal(srv.requests.length, before + 1);
  });

  test('a feed served as text/xml is recognised by its root element', async () => {
    const { items, notes } = await collect([`${srv.base}/feed-as-xml`]);
    assert.equal(items.length, 0);
    assert.match(notes[0]!, /the feed has no items/);
  });
}

test('readFeedText reads a feed already fetched (for watchers)', async () => {
  const items = [];
  for await (const it of readFeedText(readFileSync(join(FIX, 'sample-atom.xml'), 'utf8'), 'https://atom.example.org/feed', { fetchFeedPages: false })) items.push(it);
  assert.deepEqual(docs(items).map((d) => d.origin), ['https://atom.example.org/feed#item1', 'https://atom.example.org/feed#item2']);
  const bad = [];
  for await (const it of readFeedText('<rss><channel>', 'https://x.example/feed')) bad.push(it);
  assert.ok(!bad[0]!.ok && bad[0]!.error instanceof BadInput);
});

test('a web page given as a feed (entente watch https://site/news) says so and names the feed the page advertises', () => {
  const page = '\uFEFF<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sample news</title>'
    + '<link rel="stylesheet" href="/s.css"><link type="application/rss+xml" rel="alternate" href="/rss/world.xml" title="World"></head><body><p>Sample</p></body></html>';
  assert.throws(() => parseFeed(page, 'https://news.example.org/world', 'https://news.example.org/world'), (e: Error) => {
    assert.ok(e instanceof BadInput);
    assert.equal(e.message, 'https://news.example.org/world: a web page, not a feed — give the site\'s RSS/Atom feed URL (this page names https://news.example.org/rss/world.xml), or give the page to `entente ingest` to read it once');
    return true;
  });
  assert.throws(() => parseFeed('<html><body><p>No feed link</p></body></html>', 'p.html'), /p\.html: a web page, not a feed — .*look for an RSS link/);
  // feeds themselves are untouched, also with a comment or doctype before the root
  assert.equal(parseFeed('<!-- c --><rss version="2.0"><channel><title>t</title></channel></rss>', 'f.xml').kind, 'rss');
});
