// GET /api/export: every event matching the filters of /api/events as a file (CSV for pandas/R, JSONL,
// PLOVER, GDELT), what the UI's events page offers as "Download all N matching events"; and the filter
// values the route schemas cannot refuse (a type no codebook has, a day no calendar has) answered 400.
// Sample records written for these tests (test/server/fixtures.ts); chromium part skipped without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { CSV_COLUMNS, GDELT_COLUMNS } from '../../src/events/formats.js';
import { makeDoc, sampleDocs, RUS, AFG } from './fixtures.js';
import { makeStore, type TestStore } from './store.js';
import { chromiumMissing, serveUi, type ServedUi } from '../helpers/chromium.js';

let store: TestStore;
let app: FastifyInstance;

before(async () => {
  store = await makeStore();
  for (const d of sampleDocs()) await store.store.saveDoc(d);
  // sample sentence written for this test: a negated act
  await store.store.saveDoc(makeDoc({
    id: 'doc-neg', url: 'https://samples.entente.invalid/x/neg', title: 'Embassy stays', published: '2025-08-16',
    events: [{ sentence: 'Russia will not close its embassy to the Taliban, the ministry said.', actor: RUS, trigger: 'close', recipient: AFG, cameo: '161', event: 'SANCTION', quad: 4, goldstein: -4, date: '2025-08-16', negated: true, modality: 'future' }],
  }));
  app = buildServer({ store: store.store });
});
after(async () => {
  await app?.close();
  await store?.cleanup();
});

const get = (url: string) => app.inject({ method: 'GET', url });

test('GET /api/export?format=csv&dyad=…: every matching event, a CSV attachment named for the dyad', async () => {
  const r = await get('/api/export?format=csv&dyad=RUS,AFG&since=2025');
  assert.equal(r.statusCode, 200, r.body);
  assert.match(r.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
  assert.equal(r.headers['content-disposition'], 'attachment; filename="entente-events-RUS-AFG.csv"');
  const lines = r.body.trim().split('\n');
  assert.equal(lines[0], CSV_COLUMNS.join(','));
  const want = await store.store.events({ dyad: ['RUS', 'AFG'], since: '2025', limit: 1000 });
  assert.equal(lines.length - 1, want.total);
  assert.ok(want.total > 2);
  // the default format is csv; jsonl is the event contract, one record per line, the same events
  assert.equal((await get('/api/export?dyad=RUS,AFG&since=2025')).body, r.body);
  const j = await get('/api/export?format=jsonl&dyad=RUS,AFG&since=2025');
  assert.match(j.headers['content-type'] as string, /^application\/x-ndjson/);
  assert.deepEqual(j.body.trim().split('\n').map((l) => JSON.parse(l).id), want.events.map((e) => e.record.id));
  const json = await get('/api/export?format=json&type=CONSULT');
  assert.deepEqual((JSON.parse(json.body) as { event: string }[]).map((e) => e.event), ['CONSULT']);
});

test('GET /api/export?format=gdelt: 61 columns, no row for the negated record; an empty match is an empty file', async () => {
  const g = await get('/api/export?format=gdelt&dyad=RUS,AFG');
  assert.equal(g.statusCode, 200);
  assert.match(g.headers['content-disposition'] as string, /\.gdelt\.tsv"$/);
  const rows = g.body.trim().split('\n').map((l) => l.split('\t'));
  assert.ok(rows.length > 0 && rows.every((x) => x.length === 61));
  assert.ok(!rows.some((x) => x[GDELT_COLUMNS.indexOf('EventCode')] === '161'));
  const none = await get('/api/export?format=plover&since=2031');
  assert.equal(none.statusCode, 200);
  assert.equal(none.body, '');
});

test('GET /api/timeline?format=csv: the series as a file, the same as `entente timeline --format csv`', async () => {
  const r = await get('/api/timeline?a=RUS&b=AFG&by=month&format=csv');
  assert.equal(r.statusCode, 200, r.body);
  assert.match(r.headers['content-type'] as string, /^text\/csv/);
  assert.equal(r.headers['content-disposition'], 'attachment; filename="entente-timeline-RUS-AFG-by-month.csv"');
  const { timelineCsv } = await import('../../src/server/export.js');
  assert.equal(r.body, timelineCsv(await store.store.timeline({ a: 'RUS', b: 'AFG', by: 'month' }), 'RUS', 'AFG'));
  assert.match(r.body, /^period,source,target,events,quad1,quad2,quad3,quad4,goldstein_mean,intensity_mean\n/);
  assert.equal((await get('/api/timeline?a=RUS&b=AFG')).headers['content-type'], 'application/json; charset=utf-8', 'json stays the default');
});

test('typos the schemas cannot see: type=CONSLUT, since=2025-02-29 → 400 naming the parameter; unknown parameters too', async () => {
  for (const path of ['/api/events', '/api/export']) {
    const t = await get(`${path}?type=CONSLUT`);
    assert.equal(t.statusCode, 400);
    assert.match(t.json().error, /^bad request: parameter "type": "CONSLUT" is no PLOVER type \(AGREE, CONSULT/);
    const d = await get(`${path}?since=2025-02-29`);
    assert.equal(d.statusCode, 400);
    assert.match(d.json().error, /parameter "since": no such day, 2025-02-29/);
  }
  assert.equal((await get('/api/timeline?a=RUS&b=AFG&until=2025-04-31')).statusCode, 400);
  assert.equal((await get('/api/events?type=consult&since=2024-02-29')).statusCode, 200, 'any case; a leap day');
  assert.equal((await get('/api/export?limit=5')).statusCode, 400, 'export has no paging');
});

test('the events page offers the matching events as files, with its filters', { skip: chromiumMissing && 'chromium missing', timeout: 60_000 }, async () => {
  let ui: ServedUi | null = null;
  try {
    ui = await serveUi(store.store);
    const page = await ui.browser!.newPage();
    await page.goto(`${ui.base}#/events?dyad=RUS,AFG&since=2025`);
    await page.waitForSelector('#events-download a');
    const text = await page.textContent('#events-download');
    const total = (await store.store.events({ dyad: ['RUS', 'AFG'], since: '2025' })).total;
    assert.match(text ?? '', new RegExp(`Download all ${total} matching events: CSV · JSONL · PLOVER · GDELT`));
    const href = await page.getAttribute('#events-download a[data-format=csv]', 'href');
    assert.equal(href, '/api/export?dyad=RUS%2CAFG&since=2025&format=csv');
    const res = await page.request.get(new URL(href!, ui.base).toString());
    assert.equal(res.status(), 200);
    assert.equal((await res.text()).trim().split('\n').length - 1, total);
    // the overview: the chart's series and its events, with the dyad form's bounds
    await page.goto(`${ui.base}#/?a=RUS&b=AFG&by=year&since=2025`);
    await page.waitForSelector('#timeline-download a');
    const links = await page.$$eval('#timeline-download a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['/api/timeline?a=RUS&b=AFG&by=year&since=2025&format=csv', '/api/export?dyad=RUS%2CAFG&since=2025&format=csv']);
    const series = await (await page.request.get(new URL(links[0]!, ui.base).toString())).text();
    assert.match(series, /^period,source,target,/);
  } finally {
    await ui?.close();
  }
});
