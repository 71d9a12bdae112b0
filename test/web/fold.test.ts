// The web UI answering "how have Russia–Afghanistan relations moved, show me the sentences" over
// many articles: reports of one event from two outlets fold into one row with both articles, a
// record says who it is attributed to, and a period leaves no undated event out silently (API
// `undated`, a note under the chart). Debian's chromium via playwright-core against 127.0.0.1;
// sample records written for this test (test/server/fixtures.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { type BrowserContext } from 'playwright-core';
import { makeDoc, RUS, AFG } from '../server/fixtures.js';
import { makeStore, type TestStore } from '../server/store.js';
import { chromiumMissing, serveUi, type ServedUi } from '../helpers/chromium.js';

const missing = chromiumMissing;

let store: TestStore;
let ui: ServedUi | null = null;
let base: string;
let browser: BrowserContext | null = null;

before(async () => {
  store = await makeStore();
  const deal = (id: string, site: string, sentence: string, quote?: string) => {
    const d = makeDoc({
      id, url: `https://${site}/2025/11/deal`, title: `Fuel deal (${site})`, published: '2025-11-19',
      events: [{ sentence, actor: RUS, trigger: 'signed', recipient: AFG, cameo: '057', event: 'AGREE', quad: 1, goldstein: 8, date: '2025-11-18', dateText: 'Tuesday', quote }],
    });
    d.article.site = site;
    return d;
  };
  await store.store.saveDoc(deal('deal-a', 'alpha.invalid', 'Russia signed a fuel deal with the Taliban in Kazan on Tuesday.'));
  await store.store.saveDoc(deal('deal-b', 'beta.invalid', 'Russia signed a wheat and fuel deal with the Taliban on Tuesday, "a new stage", an envoy said.', 'a new stage'));
  const undated = makeDoc({
    id: 'doc-undated', url: 'https://beta.invalid/undated', title: 'Earlier talks', published: '2025-12-01',
    events: [{ sentence: 'Russia had earlier hosted the Taliban for talks.', actor: RUS, trigger: 'hosted', recipient: AFG, cameo: '043', event: 'CONSULT', quad: 1, goldstein: 2.8, date: '2025-12-01' }],
  });
  Object.assign(undated.events[0]!, { date: null, date_precision: null, date_source: null });
  await store.store.saveDoc(undated);
  ui = await serveUi(store.store);
  base = ui.base;
  browser = ui.browser;
});

after(async () => {
  await ui?.close();
  await store?.cleanup();
});

test('GET /api/timeline: with since/until, `undated` counts the events between them that have no date', async () => {
  const withSince = await (await fetch(`${base}api/timeline?a=RUS&b=AFG&by=year&since=2025`)).json() as { undated?: number; rows: unknown[] };
  assert.equal(withSince.undated, 1);
  assert.equal(withSince.rows.length, 1);
  const all = await (await fetch(`${base}api/timeline?a=RUS&b=AFG&by=year`)).json() as { undated?: number; unbucketed: number };
  assert.equal(all.undated, undefined, 'no period asked: the undated one is in `unbucketed`');
  assert.equal(all.unbucketed, 1);
  const ev = await (await fetch(`${base}api/events?dyad=RUS,AFG&since=2025`)).json() as { undated?: number; total: number };
  assert.deepEqual([ev.total, ev.undated], [2, 1]);
  const evAll = await (await fetch(`${base}api/events?dyad=RUS,AFG`)).json() as { undated?: number; total: number };
  assert.deepEqual([evAll.total, evAll.undated], [3, undefined]);
});

test('UI: reports of one event fold into one row with both articles; attribution and the undated note are shown', { skip: missing && 'chromium missing', timeout: 60_000 }, async () => {
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${base}#/?a=RUS&b=AFG&by=year&since=2025`);
  await page.waitForSelector('#timeline-undated');
  assert.match(await page.textContent('#timeline-undated') ?? '', /^1 more event between them has no date/);

  await page.goto(`${base}#/events?dyad=RUS,AFG&since=2025`);
  await page.waitForSelector('#events-table tbody tr');
  assert.equal(await page.$$eval('#events-table tbody tr', (t) => t.length), 2, 'unfolded: one row per report');
  assert.equal(await page.textContent('#events-undated'), ' · 1 undated event left out by Since/Until');
  assert.match(await page.textContent('#events-table') ?? '', /2 reports of this event in 2 articles, 2 outlets · all of them/);
  assert.match(await page.textContent('#events-table') ?? '', /according to Russia/);

  await page.click('#fold-reports');
  await page.click('#event-filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('group=1'));
  await page.waitForSelector('#events-table .ev-folded');
  assert.equal(await page.$$eval('#events-table tbody tr', (t) => t.length), 1, 'folded: one row for the event');
  // the other report's own sentence under the first one (which comes first is the store's order)
  const folded = await page.textContent('#events-table .ev-folded') ?? '';
  const main = await page.textContent('#events-table .ev-sentence') ?? '';
  assert.match(folded + main, /“Russia signed a (wheat and fuel|fuel) deal/);
  assert.ok(!folded.includes(main), 'the folded report is the other one');
  const articles = await page.$$eval('#events-table .ev-article', (as) => as.map((a) => a.textContent));
  assert.deepEqual(articles.sort(), ['Fuel deal (alpha.invalid)', 'Fuel deal (beta.invalid)']);
  assert.match(await page.textContent('.pager') ?? '', /1–2 of 2 reports \(1 event on this page\)/);
  assert.deepEqual(errors, []);
  await page.close();
});
