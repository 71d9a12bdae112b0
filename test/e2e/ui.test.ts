// Real-browser test of the web UI: Debian's chromium driven by playwright-core against a server
// on 127.0.0.1 with a SQLite store in a temp dir. Offline: the page loads nothing from elsewhere.
// SCREENSHOTS=dir keeps a screenshot of every page (for looking at the UI by eye).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { makeDoc, sampleDocs } from '../server/fixtures.js';
import { makeStore, type TestStore } from '../server/store.js';
import { CHROMIUM, chromiumMissing, serveUi, type ServedUi } from '../helpers/chromium.js';

const missing = chromiumMissing;
if (missing) process.stderr.write(`\n# SKIPPED test/e2e/ui.test.ts: no chromium at ${CHROMIUM} (install chromium or set ENTENTE_CHROMIUM)\n\n`);

let store: TestStore;
let ui: ServedUi | null = null;
let browser: BrowserContext;
let base: string;
const shots = process.env.SCREENSHOTS ?? null;

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: join(shots, `entente-${name}.png`), fullPage: true });
}

before(async () => {
  if (missing) return;
  store = await makeStore();
  for (const d of sampleDocs()) await store.store.saveDoc(d);
  // a local clipping with no title or URL (sample sentence written for this test)
  await store.store.saveDoc(makeDoc({
    id: '/home/analyst/clippings/envoy.txt', url: null, title: '', published: '2024-02-20',
    events: [{ sentence: 'Kenya recalled its envoy from Somalia on Tuesday.', actor: { text: 'Kenya', name: 'Kenya', id: 'KEN', code: 'KEN', country: 'KEN' }, trigger: 'recalled', recipient: { text: 'Somalia', name: 'Somalia', id: 'SOM', code: 'SOM', country: 'SOM' }, cameo: '161', event: 'SANCTION', quad: 4, goldstein: -4, date: '2024-02-20' }],
  }));
  ui = await serveUi(store.store);
  base = ui.base;
  browser = ui.browser!;
});

after(async () => {
  await ui?.close();
  await store?.cleanup();
});

async function newPage(): Promise<{ page: Page; errors: string[]; external: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return { page, errors, external };
}

test('ingest pasted text → timeline → event → evidence highlighted', { skip: missing && 'chromium missing', timeout: 60_000 }, async () => {
  const { page, errors, external } = await newPage();
  // a sample written for this test, not real reporting
  const text = [
    'Russia and Afghanistan Sign Wheat Agreement',
    '',
    'March 3, 2027',
    '',
    'Russia signed an agreement with Afghanistan on Tuesday to supply wheat and fuel, the Russian Foreign Ministry said.',
    '',
    'Officials said the first shipments would arrive in April.',
  ].join('\n');
  await page.goto(`${base}#/ingest`);
  await page.fill('#ingest-text', text);
  await shot(page, 'ingest-form');
  await page.click('#ingest-submit');
  await page.waitForSelector('#ingested-article');
  const status = await page.textContent('#ingest-status');
  assert.match(status ?? '', /stored/);
  const nEvents = Number(/(\d+) events?\b/.exec(status ?? '')?.[1]);
  assert.ok(nEvents >= 1, `the pasted article yields events: ${status}`);
  await shot(page, 'ingest-done');

  // the timeline for the dyad now has a bar in 2027-03
  await page.goto(`${base}#/?a=RUS&b=AFG&by=month`);
  await page.waitForSelector('#timeline svg .bar');
  const periods = await page.$$eval('#timeline svg .bar', (els) => els.map((e) => `${e.getAttribute('data-period')} ${e.getAttribute('data-direction')}`));
  assert.ok(periods.some((p) => p.startsWith('2027-03')), `2027-03 bar in ${periods.join(', ')}`);
  assert.ok(periods.includes('2025-10 a->b'), 'fixture bars are there too');
  await page.waitForSelector('#network svg .node');
  await shot(page, 'overview');

  // click the bar → the events of that month
  await page.click('#timeline svg .bar[data-period="2027-03"]');
  await page.waitForSelector('#events-table .event-link');
  await shot(page, 'events');
  const rows = await page.$$eval('#events-table tbody tr', (trs) => trs.map((t) => t.textContent ?? ''));
  assert.ok(rows.length >= 1 && rows.every((r) => r.includes('2027-03')), rows.join(' | '));

  // → the event page: the evidence sentence with its parts highlighted
  await page.click('#events-table .event-link');
  await page.waitForSelector('#evidence mark');
  await shot(page, 'event');
  const evidence = await page.textContent('#evidence');
  assert.match(evidence ?? '', /Russia signed an agreement with Afghanistan/);
  const kinds = await page.$$eval('#evidence mark', (ms) => ms.flatMap((m) => (m.getAttribute('data-kinds') ?? '').split(' ')));
  for (const k of ['actor', 'trigger']) assert.ok(kinds.includes(k), `${k} highlighted (${kinds.join(',')})`);
  const trigger = await page.$$eval('#evidence mark', (ms) => ms.filter((m) => m.getAttribute('data-kinds')?.includes('trigger')).map((m) => m.textContent).join(''));
  assert.ok(trigger.length > 0);

  // → the article page with every annotation
  await page.click('#article-link');
  await page.waitForSelector('#article-body mark');
  await shot(page, 'article');
  assert.equal(await page.textContent('#article-title'), 'Russia and Afghanistan Sign Wheat Agreement');

  assert.deepEqual(errors, []);
  assert.deepEqual(external, [], 'nothing fetched from outside the server');
  await page.close();
});

test('the analyst path: a dyad since a year → its events with their sentences, spans highlighted, and links to the article', { skip: missing && 'chromium missing', timeout: 60_000 }, async () => {
  const { page, errors, external } = await newPage();
  await page.goto(`${base}#/?a=RUS&b=AFG&by=year&since=2025`);
  await page.waitForSelector('#timeline svg .bar');
  const periods = await page.$$eval('#timeline svg .bar', (els) => els.map((e) => e.getAttribute('data-period') ?? ''));
  assert.ok(periods.length && periods.every((p) => p >= '2025'), `bars since 2025: ${periods.join(', ')}`);
  assert.equal(await page.inputValue('#dyad-form input[name="since"]'), '2025');
  await page.click('#dyad-events');
  await page.waitForSelector('#events-table .ev-sentence mark');
  await shot(page, 'dyad-events');
  const rows = await page.$$eval('#events-table tbody tr', (trs) => trs.map((t) => ({
    date: t.querySelector('td')?.textContent ?? '',
    sentence: t.querySelector('.ev-sentence')?.textContent ?? '',
    trigger: Array.from(t.querySelectorAll('.ev-sentence mark')).filter((m) => m.getAttribute('data-kinds')?.includes('trigger')).map((m) => m.textContent).join(''),
    article: t.querySelector('a.ev-article')?.getAttribute('href') ?? '',
  })));
  assert.ok(rows.length >= 1);
  for (const r of rows) {
    assert.ok(r.date >= '2025', `dated since 2025: ${r.date}`);
    assert.ok(r.trigger.length > 0 && r.sentence.includes(r.trigger), `trigger highlighted in its sentence: ${r.sentence}`);
    assert.match(r.article, /^#\/article\//);
  }
  await page.click('#events-table a.ev-article');
  await page.waitForSelector('#article-body');
  assert.deepEqual(errors, []);
  assert.deepEqual(external, [], 'nothing fetched from outside the server');
  await page.close();
});

test('article text containing HTML and <script> is shown as text, never run', { skip: missing && 'chromium missing', timeout: 60_000 }, async () => {
  const { page, errors } = await newPage();
  const list = await (await fetch(`${base}api/articles?limit=50`)).json() as { articles: { id: string; title: string }[] };
  const id = list.articles.find((a) => a.title.includes('<script>'))!.id;
  await page.goto(`${base}#/article/${encodeURIComponent(id)}`);
  await page.waitForSelector('#article-body p');
  await shot(page, 'escaping-article');
  assert.equal(await page.textContent('#article-title'), 'Script <script>alert("title")</script> test');
  const body = await page.textContent('#article-body');
  assert.ok(body?.includes('<script>window.__xss = 1</script>'), 'the markup shows literally');
  assert.ok(body?.includes('<b>Bold?</b> & "ampersands"'));
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null), null);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss2?: number }).__xss2 ?? null), null);
  assert.equal(await page.$$eval('main script, main img, main b', (els) => els.length), 0, 'no element was created from article text');

  // the event page of the same article: quote with markup, highlighted, still text
  const ev = await (await fetch(`${base}api/events?article=${encodeURIComponent(id)}`)).json() as { events: { key: string }[] };
  await page.goto(`${base}#/event/${encodeURIComponent(ev.events[0]!.key)}`);
  await page.waitForSelector('#evidence mark');
  await shot(page, 'escaping-event');
  const kinds = await page.$$eval('#evidence mark', (ms) => ms.flatMap((m) => (m.getAttribute('data-kinds') ?? '').split(' ')));
  for (const k of ['actor', 'recipient', 'trigger', 'date', 'quote']) assert.ok(kinds.includes(k), `${k} highlighted`);
  assert.ok((await page.textContent('#evidence'))?.includes('"<img src=x onerror=alert(1)>"'));
  assert.equal(await page.$$eval('main img, main script', (els) => els.length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('event table filters on the server; the search box finds sentences', { skip: missing && 'chromium missing', timeout: 60_000 }, async () => {
  const { page, errors } = await newPage();
  await page.goto(`${base}#/events`);
  await page.waitForSelector('#events-table');
  await page.fill('#event-filters input[name="actor"]', 'PAK');
  await page.click('#event-filters button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('actor=PAK'));
  await page.waitForSelector('#events-table tbody tr');
  const rows = await page.$$eval('#events-table tbody tr', (trs) => trs.map((t) => t.textContent ?? ''));
  assert.equal(rows.length, 1);
  assert.match(rows[0]!, /ASSAULT 195/);
  await page.fill('#event-filters input[name="since"]', 'not-a-date');
  await page.click('#event-filters button[type="submit"]');
  await page.waitForSelector('.error');
  assert.match((await page.textContent('.error')) ?? '', /since/);
  // the header search box: sentence hits with the matched word marked
  await page.fill('#search-q', 'sovereignty');
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('ul.hits li mark');
  assert.equal((await page.textContent('ul.hits li mark'))?.toLowerCase(), 'sovereignty');
  await shot(page, 'search');
  assert.deepEqual(errors.filter((e) => !/400/.test(e)), []);
  await page.close();
});

test('an untitled local file is named by its path in the evidence cell, the event page, the article page and search', { skip: missing && 'chromium missing', timeout: 60_000 }, async () => {
  const { page, errors } = await newPage();
  await page.goto(`${base}#/events?dyad=KEN,SOM`);
  await page.waitForSelector('#events-table a.ev-article');
  assert.equal(await page.textContent('#events-table a.ev-article'), '/home/analyst/clippings/envoy.txt');
  await page.click('#events-table a.ev-article');
  await page.waitForSelector('#article-title');
  assert.equal(await page.textContent('#article-title'), '/home/analyst/clippings/envoy.txt');
  // the search page names it the same way (it showed an empty link: the title is '')
  await page.goto(`${base}#/search?q=envoy`);
  await page.waitForSelector('ul.hits a.hit-article');
  assert.equal(await page.textContent('ul.hits a.hit-article'), '/home/analyst/clippings/envoy.txt');
  assert.deepEqual(errors, []);
  await page.close();
});
