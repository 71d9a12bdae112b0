import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { checkListenRules, isLoopbackHost } from '../../src/server/index.js';
import { isPrivateAddress } from '../../src/server/net.js';
import { ROUTES } from '../../src/server/schemas.js';
import { createPipeline, type Pipeline } from '../../src/pipeline.js';
import { sampleDocs } from './fixtures.js';
import { makeStore, type TestStore } from './store.js';

let store: TestStore;
let app: FastifyInstance;
// created on first ingest only: the read tests do not depend on the KB loading
let loaded: Pipeline | null = null;
const pipeline = (): Pipeline => (loaded ??= createPipeline());

before(async () => {
  store = await makeStore();
  for (const d of sampleDocs()) await store.store.saveDoc(d);
  app = buildServer({ store: store.store, pipeline });
});
after(async () => {
  await app?.close();
  await store.cleanup();
});

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as any, headers: r.headers };
};

test('openapi document lists every route', async () => {
  const { status, body } = await get('/api/openapi.json');
  assert.equal(status, 200);
  assert.match(body.openapi, /^3\./);
  for (const r of ROUTES) assert.ok(body.paths[r.url]?.[r.method.toLowerCase()], `${r.method} ${r.url} documented`);
  const params = body.paths['/api/events'].get.parameters.map((p: any) => p.name);
  for (const p of ['actor', 'recipient', 'dyad', 'type', 'since', 'until', 'min_confidence', 'q', 'limit', 'offset']) assert.ok(params.includes(p), p);
});

test('events: filters, totals and pagination', async () => {
  const all = await get('/api/events?limit=100');
  assert.equal(all.status, 200);
  assert.equal(all.body.total, 6);
  const rec = all.body.events[0].record;
  for (const f of ['id', 'doc_id', 'event_text', 'date', 'actor', 'recipient', 'cameo', 'quad_code', 'goldstein', 'modality', 'text_info', 'confidence']) assert.ok(f in rec, f);

  const p1 = await get('/api/events?limit=2&offset=0');
  const p2 = await get('/api/events?limit=2&offset=2');
  assert.equal(p1.body.events.length, 2);
  assert.equal(p1.body.total, 6);
  assert.notDeepEqual(p1.body.events.map((e: any) => e.key), p2.body.events.map((e: any) => e.key));

  // keyset paging walks every event exactly once
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await get(`/api/events?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    seen.push(...page.body.events.map((e: any) => e.key));
    cursor = page.body.next_cursor;
  } while (cursor);
  assert.deepEqual([...new Set(seen)].sort(), all.body.events.map((e: any) => e.key).sort());
  assert.equal(seen.length, 6);

  const pak = await get('/api/events?actor=PAK');
  assert.equal(pak.body.total, 1);
  assert.equal(pak.body.events[0].record.cameo, '195');
  const dyad = await get('/api/events?dyad=RUS,AFG');
  assert.equal(dyad.body.total, 3);
  const type = await get('/api/events?type=ACCUSE');
  assert.equal(type.body.total, 1);
  const since = await get('/api/events?since=2025-10&until=2025-12');
  assert.equal(since.body.total, 3);
  const words = await get('/api/events?q=sovereignty');
  assert.equal(words.body.total, 1);
  assert.equal((await get('/api/events?text=sovereignty')).body.total, 1, 'text= is the CLI name for q=');
});

test('bad parameters are 400 with a message naming the parameter', async () => {
  const cases: [string, RegExp][] = [
    ['/api/events?limit=0', /limit/],
    ['/api/events?limit=5000', /limit/],
    ['/api/events?limit=abc', /limit/],
    ['/api/events?offset=-1', /offset/],
    ['/api/events?since=yesterday', /since/],
    ['/api/events?since=2024-13', /since/], // the CLI's rule: months 01–12 (src/server/args.ts)
    ['/api/timeline?a=RUS&b=AFG&until=2024-02-32', /until/],
    ['/api/events?min_confidence=2', /min_confidence/],
    ['/api/events?dyad=RUS', /dyad/],
    ['/api/events?actr=RUS', /unknown parameter "actr"/],
    ['/api/timeline?a=RUS', /missing parameter "b"/],
    ['/api/timeline?a=RUS&b=AFG&by=day', /by/],
    ['/api/search', /missing parameter "q"/],
    ['/api/actors?top=0', /top/],
    ['/api/events?cursor=garbage', /cursor/],
  ];
  for (const [url, re] of cases) {
    const r = await get(url);
    assert.equal(r.status, 400, url);
    assert.match(r.body.error, re, url);
  }
  const r = await get('/api/nope');
  assert.equal(r.status, 404);
});

test('actor names are resolved through the KB lookup; codes go to the store as they are', async () => {
  const asked: string[] = [];
  const named = buildServer({ store: store.store, pipeline, resolveName: (n, date) => (asked.push(`${n}@${date}`), n === 'Islamabad' ? ['PAK'] : []) });
  try {
    const r = (await named.inject({ method: 'GET', url: '/api/events?actor=Islamabad' })).json();
    assert.equal(r.total, 1);
    assert.equal(r.events[0].record.actor[0].id, 'PAK');
    const t = (await named.inject({ method: 'GET', url: '/api/timeline?a=Islamabad&b=AFG&until=2025-12-31' })).json();
    assert.equal(t.rows.length, 2);
    assert.equal((await named.inject({ method: 'GET', url: '/api/events?actor=Nowhere' })).json().total, 0);
    assert.deepEqual(asked, ['Islamabad@null', 'Islamabad@2025-12-31', 'Nowhere@null'], 'AFG, a code, was not looked up; names resolve as of until');
  } finally {
    await named.close();
  }
});

test('one event by key (URL-encoded) and 404s', async () => {
  const page = await get('/api/events?limit=1');
  const key = page.body.events[0].key;
  const one = await get(`/api/events/${encodeURIComponent(key)}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.key, key);
  assert.equal((await get('/api/events/no-such-key')).status, 404);
  assert.equal((await get('/api/articles/no-such-article')).status, 404);
});

test('timeline, actors, network, search, articles, stats', async () => {
  const t = await get('/api/timeline?a=RUS&b=AFG&by=month');
  assert.equal(t.status, 200);
  const ab = t.body.rows.filter((r: any) => r.direction === 'a->b');
  const ba = t.body.rows.filter((r: any) => r.direction === 'b->a');
  assert.deepEqual(ab.map((r: any) => r.period), ['2025-04', '2025-10']);
  assert.deepEqual(ba.map((r: any) => r.period), ['2025-05']);
  assert.equal(ab[1].quad[2], 1);

  const actors = await get('/api/actors?top=2');
  assert.equal(actors.body.actors.length, 2);
  assert.equal(actors.body.actors[0].id, 'AFG');

  const net = await get('/api/network?top=4');
  assert.equal(net.body.nodes.length, 4);
  const e = net.body.edges.find((x: any) => x.source === 'PAK' && x.target === 'AFG');
  assert.equal(e.count, 1);
  assert.equal(e.quad[4], 1);

  const s = await get('/api/search?q=sovereignty');
  assert.equal(s.body.total, 1);
  const list = await get('/api/articles?limit=10');
  assert.equal(list.body.total, 3);
  const st = await get('/api/stats');
  assert.equal(st.body.events, 6);
  assert.equal(st.body.write_requires_token, false);
});

test('article text with HTML comes back as data, never interpreted; pages carry a CSP', async () => {
  const list = await get('/api/articles?limit=10');
  const id = list.body.articles.find((a: any) => a.title.includes('Script')).id;
  const a = await get(`/api/articles/${encodeURIComponent(id)}`);
  assert.ok(a.body.text.includes('<script>window.__xss = 1</script>'));
  assert.equal(a.body.events.length, 1);
  const page = await app.inject({ method: 'GET', url: '/' });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.headers['content-security-policy'] as string, /script-src 'self'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  const js = await app.inject({ method: 'GET', url: '/app.js' });
  assert.equal(js.statusCode, 200);
  assert.doesNotMatch(js.body, /innerHTML/);
  assert.equal((await app.inject({ method: 'GET', url: '/../package.json' })).statusCode, 404);
});

test('POST /api/ingest with pasted text runs the pipeline and stores the article', async () => {
  const text = 'Russia and China Sign Energy Deal\n\nMay 14, 2026\n\nRussia and China signed an energy agreement in Beijing on Thursday, officials said.\n\nThe deal covers gas supplies.';
  const r = await app.inject({ method: 'POST', url: '/api/ingest', payload: { text } });
  assert.equal(r.statusCode, 200, r.body);
  const body = r.json();
  assert.equal(body.status, 'stored');
  assert.equal(body.title, 'Russia and China Sign Energy Deal');
  const a = await get(`/api/articles/${encodeURIComponent(body.article_id)}`);
  assert.equal(a.status, 200);
  assert.equal(a.body.article.published?.slice(0, 10), '2026-05-14');
  assert.ok(a.body.text.startsWith('Russia and China signed'));
  const again = await app.inject({ method: 'POST', url: '/api/ingest', payload: { text } });
  assert.equal(again.json().status, 'unchanged');

  for (const [payload, re] of [
    [{}, /url.*text/],
    [{ text: '   ' }, /empty/],
    [{ text: 'x', date: '2026-02-30' }, /date/],
    [{ text: 'x', date: 'May 1' }, /date/],
    [{ text: 'x', extra: 1 }, /unknown field "extra"/],
    [{ text: 'x'.repeat(200_001) }, /field "text" must NOT have more than 200000 characters/],
  ] as [object, RegExp][]) {
    const bad = await app.inject({ method: 'POST', url: '/api/ingest', payload });
    assert.equal(bad.statusCode, 400, JSON.stringify(payload));
    assert.match(bad.json().error, re);
  }
  const form = await app.inject({ method: 'POST', url: '/api/ingest', payload: 'text=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.statusCode, 415, 'only JSON bodies: a cross-site form cannot post');
});

test('without an injected pipeline, ingest codes on a worker thread, with a time limit', { timeout: 120_000 }, async () => {
  const threaded = buildServer({ store: store.store });
  const slow = buildServer({ store: store.store, codingTimeoutMs: 1 });
  try {
    const text = 'Pakistan and China Hold Talks\n\nJune 2, 2026\n\nPakistan and China signed a trade agreement in Beijing on Monday, officials said.';
    const r = await threaded.inject({ method: 'POST', url: '/api/ingest', payload: { text } });
    assert.equal(r.statusCode, 200, r.body);
    const a = (await threaded.inject({ method: 'GET', url: `/api/articles/${encodeURIComponent(r.json().article_id)}` })).json();
    assert.equal(a.article.title, 'Pakistan and China Hold Talks');
    assert.ok(a.sentences.length >= 1);
    const t = await slow.inject({ method: 'POST', url: '/api/ingest', payload: { text: `${text} Another sentence.` } });
    assert.equal(t.statusCode, 422, t.body);
    assert.match(t.json().error, /longer than/);
  } finally {
    await threaded.close();
    await slow.close();
  }
});

test('token: write endpoints need the bearer token; reads stay open', async () => {
  const secured = buildServer({ store: store.store, pipeline, token: 'sekret-token-123' });
  try {
    const payload = { text: 'Russia and China signed an agreement on Monday.', date: '2026-05-11' };
    assert.equal((await secured.inject({ method: 'POST', url: '/api/ingest', payload })).statusCode, 401);
    assert.equal((await secured.inject({ method: 'POST', url: '/api/ingest', payload, headers: { authorization: 'Bearer wrong-token-000' } })).statusCode, 401);
    const ok = await secured.inject({ method: 'POST', url: '/api/ingest', payload, headers: { authorization: 'Bearer sekret-token-123' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await secured.inject({ method: 'GET', url: '/api/events' })).statusCode, 200);
    assert.equal((await secured.inject({ method: 'GET', url: '/api/stats' })).json().write_requires_token, true);
  } finally {
    await secured.close();
  }
  assert.match(checkListenRules('0.0.0.0', null) ?? '', /--token/);
  assert.match(checkListenRules('192.168.1.5', undefined) ?? '', /--token/);
  assert.equal(checkListenRules('0.0.0.0', 'long-enough-token'), null);
  assert.match(checkListenRules('0.0.0.0', 'short') ?? '', /at least 8/);
  assert.equal(checkListenRules('127.0.0.1', null), null);
  assert.equal(checkListenRules('localhost', null), null);
  assert.ok(isLoopbackHost('::1') && isLoopbackHost('[::1]') && !isLoopbackHost('::'));
});

test('Host check: a loopback server without a token answers loopback names only (DNS rebinding)', async () => {
  const guarded = buildServer({ store: store.store, pipeline, checkHost: true });
  try {
    assert.equal((await guarded.inject({ method: 'GET', url: '/api/stats', headers: { host: '127.0.0.1:8080' } })).statusCode, 200);
    assert.equal((await guarded.inject({ method: 'GET', url: '/api/stats', headers: { host: 'localhost:8080' } })).statusCode, 200);
    const evil = await guarded.inject({ method: 'GET', url: '/api/stats', headers: { host: 'attacker.example:8080' } });
    assert.equal(evil.statusCode, 403);
    assert.match(evil.json().error, /Host/);
  } finally {
    await guarded.close();
  }
});

test('private address classification', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:c0a8:101::1']) {
    assert.equal(isPrivateAddress(ip), true, ip);
  }
  for (const ip of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(isPrivateAddress(ip), false, ip);
});

test('URL ingest refuses private, loopback and link-local addresses unless --allow-private-urls', async () => {
  // a real page on 127.0.0.1, so the allowed case fetches for real (offline)
  const page = '<html><head><title>Local sample</title><meta name="date" content="2026-05-14"></head><body><article><h1>Local sample</h1><p>Russia and China signed an energy agreement in Beijing on Thursday, officials said on the record.</p><p>The agreement covers gas supplies for ten years, according to a statement.</p></article></body></html>';
  const srv = http.createServer((req, res) => {
    if (req.url === '/redirect') { res.writeHead(302, { location: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/page` }); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  try {
    for (const url of [`http://127.0.0.1:${port}/page`, `http://localhost:${port}/page`, 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/']) {
      const r = await app.inject({ method: 'POST', url: '/api/ingest', payload: { url } });
      assert.equal(r.statusCode, 403, url);
      assert.match(r.json().error, /allow-private-urls/);
    }
    // a public-looking name that resolves to a private address is refused at connect time
    const fakeDns = ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) => cb(null, [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }])) as any;
    const dnsApp = buildServer({ store: store.store, pipeline, resolve: fakeDns });
    const r = await dnsApp.inject({ method: 'POST', url: '/api/ingest', payload: { url: 'http://news.example.com/a' } });
    await dnsApp.close();
    assert.equal(r.statusCode, 403);
    assert.match(r.json().error, /10\.0\.0\.7/);
    const scheme = await app.inject({ method: 'POST', url: '/api/ingest', payload: { url: 'file:///etc/passwd' } });
    assert.equal(scheme.statusCode, 502);
    assert.match(scheme.json().error, /http/);

    const open = buildServer({ store: store.store, pipeline, allowPrivateUrls: true });
    try {
      const ok = await open.inject({ method: 'POST', url: '/api/ingest', payload: { url: `http://127.0.0.1:${port}/redirect` } });
      assert.equal(ok.statusCode, 200, ok.body);
      const a = (await open.inject({ method: 'GET', url: `/api/articles/${encodeURIComponent(ok.json().article_id)}` })).json();
      assert.match(a.text, /Russia and China signed/);
      assert.equal(a.article.url, `http://127.0.0.1:${port}/page`);
    } finally {
      await open.close();
    }
  } finally {
    srv.close();
  }
});

test('events?evidence=1: each event with its sentence (the record spans index it) and its article', async () => {
  const plain = await get('/api/events?limit=100');
  assert.ok(plain.body.events.every((e: any) => !('evidence' in e)), 'no evidence unless asked');
  for (const flag of ['1', 'true']) {
    const r = await get(`/api/events?limit=100&evidence=${flag}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.events.length, plain.body.events.length);
    for (const e of r.body.events) {
      const x = e.evidence;
      const ti = e.record.text_info;
      assert.equal(x.start, ti.start);
      assert.equal(x.sentence.length, ti.end - ti.start);
      // the trigger and every actor span fall inside the sentence and read the same there
      assert.equal(x.sentence.slice(ti.trigger.start - x.start, ti.trigger.end - x.start), ti.trigger.text);
      for (const a of [...e.record.actor, ...e.record.recipient]) {
        if (a.start >= ti.start && a.end <= ti.end) assert.equal(x.sentence.slice(a.start - x.start, a.end - x.start), a.entity_text);
      }
      assert.equal(x.article.id, e.article_id);
      const art = await get(`/api/articles/${encodeURIComponent(e.article_id)}`);
      assert.equal(x.article.title, art.body.article.title);
      assert.equal(x.sentence, art.body.text.slice(ti.start, ti.end));
    }
  }
  const bad = await get('/api/events?evidence=maybe');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /evidence/);
  const doc = await get('/api/openapi.json');
  assert.ok(doc.body.paths['/api/events'].get.parameters.some((p: any) => p.name === 'evidence'));
});

test('an empty timeline says why: an unknown name, or no events in the period', async () => {
  const full = await get('/api/timeline?a=RUS&b=AFG&by=year');
  assert.ok(full.body.rows.length > 0);
  assert.ok(!('note' in full.body));
  const later = await get('/api/timeline?a=RUS&b=AFG&since=2099');
  assert.equal(later.body.rows.length, 0);
  assert.equal(later.body.note, 'no events between them in this period in this store');
  const typo = await get('/api/timeline?a=Narnia&b=AFG');
  assert.equal(typo.status, 200);
  assert.match(typo.body.note, /^"Narnia": not a name the knowledge base knows — give a country code \(RUS\)/);
});

test('exclude= leaves kinds of record out of /api/timeline and /api/events; a bad kind is a 400', async () => {
  const all = await get('/api/timeline?a=AFG&b=RUS&by=year');
  const noFuture = await get('/api/timeline?a=AFG&b=RUS&by=year&exclude=future,negated');
  const n = (t: any) => t.body.rows.reduce((s: number, r: any) => s + r.count, 0);
  assert.equal(n(all) - n(noFuture), 1, 'the sample\'s one future record');
  const ev = await get('/api/events?dyad=RUS,AFG&exclude=future&limit=100');
  assert.equal(ev.status, 200);
  assert.ok(ev.body.events.every((e: any) => e.record.modality !== 'future'));
  const bad = await get('/api/events?exclude=maybe');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /exclude/);
});
