// The HTTP API and the static web UI, as a fastify instance built around one Store.
// buildServer() does not listen: tests drive it with inject(); src/server/index.ts listens.

import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { timingSafeEqual, createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store, EventQuery, ExcludeKind, StoredEvent, Timeline } from '../store/types.js';
import { createPipeline, processRaw, type Pipeline } from '../pipeline.js';
import type { CodedDoc, RawDocument } from '../types.js';
import { CodingWorker } from './worker.js';
import { lookup } from '../actors/index.js';
import { ROUTES, openApiDocument } from './schemas.js';
import { ingest, IngestError, type IngestRequest } from './ingest.js';
import { StorageUnavailable } from '../errors.js';
import { eventEvidence } from './evidence.js';
import { undatedBetween, undatedEvents } from './undated.js';
import { isCalendarDate, isCodeOrId, isKnownActorArg, unknownNamesNote } from './args.js';
import { exportChunks, timelineCsv } from './export.js';
import { FORMAT_FILES, isKnownEventType, ploverTypes, type EventFormat } from '../events/formats.js';
import { Readable } from 'node:stream';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerOptions {
  store: Store;
  /** Bearer token required on write endpoints; null = writes open (loopback only). */
  token?: string | null;
  allowPrivateUrls?: boolean;
  /**
   * When the server listens on loopback without a token, only requests whose Host header names
   * a loopback host are answered: a web page elsewhere cannot reach the API through DNS rebinding.
   */
  checkHost?: boolean;
  /**
   * Pipeline for POST /api/ingest, run in this thread; created on first use (loading the KB
   * takes a moment). When not given, ingest codes on a worker thread (see worker.ts).
   */
  pipeline?: Pipeline | (() => Pipeline);
  /** Time limit for coding one ingested document on the worker thread (default 60 s). */
  codingTimeoutMs?: number;
  webDir?: string;
  logger?: boolean;
  /** Limits for URL ingest. */
  fetchTimeoutMs?: number;
  fetchMaxBytes?: number;
  /**
   * Resolves a name the user typed ("Taliban", "Lavrov") to KB entity ids; the store also
   * matches codes and stored names itself. Default: the pipeline's KB lookup.
   */
  resolveName?: (name: string, date: string | null) => string[];
  /** Injected DNS resolver for tests. */
  resolve?: Parameters<typeof ingest>[1]['resolve'];
  version?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

// The UI loads nothing from elsewhere and runs no inline script: a CSP says so, so an
// escaping mistake cannot turn into script execution.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

function loadWeb(dir: string): Map<string, { type: string; body: Buffer; etag: string }> {
  const files = new Map<string, { type: string; body: Buffer; etag: string }>();
  const walk = (d: string, prefix: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else if (CONTENT_TYPES[extname(name)]) {
        const body = readFileSync(p);
        files.set(`/${prefix}${name}`, { type: CONTENT_TYPES[extname(name)]!, body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
      }
    }
  };
  walk(dir, '');
  return files;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = createHash('sha256').update(m[1]!).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** (argument, as-of date or null) → what the store should match. */
type ActorResolver = (arg: string, date?: unknown) => Promise<string | string[]>;

/** `exclude=negated,hypothetical` (the route schema checks each kind) → the kinds. */
const excludeKinds = (v: string) => v.split(',') as ExcludeKind[];

/** Query string (validated by the route schema) → store query. */
async function eventQuery(q: Record<string, unknown>, actorArg: ActorResolver): Promise<EventQuery> {
  const out: EventQuery = { limit: q.limit as number, offset: q.offset as number };
  // names resolve as of the end of the asked period ("the president" of then), else today's KB view
  if (q.actor) out.actor = await actorArg(q.actor as string, q.until);
  if (q.recipient) out.recipient = await actorArg(q.recipient as string, q.until);
  if (q.dyad) {
    const [a, b] = (q.dyad as string).split(',');
    out.dyad = [await actorArg(a!, q.until), await actorArg(b!, q.until)];
  }
  if (q.type) out.type = q.type as string;
  if (q.since) out.since = q.since as string;
  if (q.until) out.until = q.until as string;
  if (q.min_confidence !== undefined) out.minConfidence = q.min_confidence as number;
  if (q.exclude) out.exclude = excludeKinds(q.exclude as string);
  if (q.q || q.text) out.text = (q.q ?? q.text) as string;
  if (q.article) out.articleId = q.article as string;
  if (q.cluster) out.clusterId = q.cluster as string;
  if (q.cursor) out.cursor = q.cursor as string;
  return out;
}

/** Store shape → API shape: snake_case wrapper, the EventRecord untouched under `record`. */
function eventOut(e: StoredEvent) {
  return { key: e.key, article_id: e.articleId, outlet: e.outlet, cluster: e.cluster, record: e.record };
}

/** ajv's message, except for patterns: the schema's description says what is expected in words. */
function humanMessage(v: { keyword?: string; message?: string; parentSchema?: unknown } | undefined): string {
  const desc = (v?.parentSchema as { description?: string } | undefined)?.description;
  if (v?.keyword === 'pattern' && desc) return `must be ${desc}`;
  return v?.message ?? 'is invalid';
}

export function buildServer(opts: ServerOptions): FastifyInstance {
  const { store } = opts;
  const token = opts.token ?? null;
  const app = Fastify({
    logger: opts.logger ?? false,
    // pasted text is capped at 200,000 characters by the schema; JSON escaping can double it
    bodyLimit: 1024 * 1024,
    // fastify's default silently drops unknown query parameters; a typo ("actr=") should be a 400
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false, verbose: true } },
    requestTimeout: 60_000,
  });
  const web = loadWeb(opts.webDir ?? join(ROOT, 'web'));
  const version = opts.version ?? (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const openapi = openApiDocument(version);
  let pipeline: Pipeline | null = typeof opts.pipeline === 'object' ? opts.pipeline : null;
  // An injected pipeline codes in this thread (tests, embedding); otherwise a worker thread does.
  const worker = opts.pipeline ? null : new CodingWorker(opts.codingTimeoutMs);
  const code = async (raw: RawDocument): Promise<CodedDoc> => (worker ? worker.code(raw) : processRaw(raw, pipelineSync()));
  app.addHook('onClose', async () => { await worker?.close(); });

  // Codes ("RUS") and ids ("person/x") go to the store as they are; anything else is also
  // looked up in the KB, so "Taliban" finds the events of the entity the coder resolved it to.
  const resolveName = opts.resolveName ?? ((name: string, date: string | null) => {
    const e = lookup(pipelineSync().kb, name, date);
    return e ? [e.id] : [];
  });
  let pipelineSync = (): Pipeline => {
    if (!pipeline) pipeline = typeof opts.pipeline === 'function' ? opts.pipeline() : createPipeline();
    return pipeline;
  };
  /** the KB's ids for a name, as of `date` when it is a day */
  const kbIds = (arg: string, date: unknown) => resolveName(arg, typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null);
  const actorArg: ActorResolver = async (raw, date) => {
    const arg = raw.trim();
    if (isCodeOrId(arg)) return arg;
    let ids: string[] = [];
    try {
      ids = kbIds(arg, date);
    } catch (err) {
      app.log.warn(err); // a KB that fails to load must not break reads: fall back to the store's own matching
      pipelineSync = () => { throw err; };
    }
    const all = [...new Set([arg, ...ids])];
    return all.length === 1 ? arg : all;
  };

  /** Whether an actor argument is a code or id, or a name the KB resolves (as of `date`); a KB that fails to load says yes. */
  const knownName = (raw: string, date: unknown): boolean => {
    const arg = raw.trim();
    if (isCodeOrId(arg)) return true;
    try {
      return isKnownActorArg(arg, kbIds(arg, date));
    } catch {
      return true;
    }
  };

  app.addHook('onRequest', async (req, reply) => {
    if (opts.checkHost && !LOOPBACK_HOST.test(req.headers.host ?? '')) {
      return reply.code(403).send({ error: `Host "${req.headers.host ?? ''}" refused: this server answers loopback names only (start it with --token to serve other hosts)` });
    }
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('content-security-policy', CSP);
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  // What the route schemas cannot say: a date that is no day of the calendar ("2021-02-30"), a type
  // that names no PLOVER type or CAMEO code (a typo would answer "no events")
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const q = (req.query ?? {}) as Record<string, unknown>;
    for (const k of ['since', 'until']) {
      if (typeof q[k] === 'string' && !isCalendarDate(q[k] as string)) return reply.code(400).send({ error: `bad request: parameter "${k}": no such day, ${q[k]} (see /api/openapi.json)` });
    }
    if (typeof q.type === 'string' && !isKnownEventType(q.type)) {
      return reply.code(400).send({ error: `bad request: parameter "type": "${q.type}" is no PLOVER type (${ploverTypes().join(', ')}) and starts no CAMEO code (see /api/openapi.json)` });
    }
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err.validation) {
      const v = err.validation[0];
      const where = err.validationContext ?? 'request';
      const param = (v?.params as { additionalProperty?: string; missingProperty?: string } | undefined);
      const name = param?.additionalProperty ?? param?.missingProperty ?? v?.instancePath?.replace(/^\//, '') ?? '';
      const what = param?.additionalProperty ? `unknown ${where === 'querystring' ? 'parameter' : 'field'} "${name}"`
        : param?.missingProperty ? `missing ${where === 'querystring' ? 'parameter' : 'field'} "${name}"`
        : `${where === 'querystring' ? 'parameter' : where === 'body' ? 'field' : where} "${name}" ${humanMessage(v)}`;
      return reply.code(400).send({ error: `bad request: ${what} (see /api/openapi.json)` });
    }
    if (err instanceof StorageUnavailable) return reply.code(503).send({ error: `the store is unavailable: ${err.message}` });
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) app.log.error(err);
    return reply.code(status).send({ error: status >= 500 ? `internal error: ${err.message}` : err.message });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: `no such endpoint: ${req.method} ${req.url.split('?')[0]} (see /api/openapi.json)` });
    return reply.code(404).type('text/plain; charset=utf-8').send('not found');
  });

  const requireToken = async (req: FastifyRequest, reply: FastifyReply) => {
    if (token && !tokenMatches(req.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'this endpoint needs "Authorization: Bearer <token>" (the --token the server was started with)' });
    }
  };

  const spec = (path: string, method = 'GET') => {
    const r = ROUTES.find((x) => x.path === path && x.method === method);
    if (!r) throw new Error(`route ${method} ${path} missing from ROUTES`);
    const schema: Record<string, unknown> = {};
    if (r.querystring) schema.querystring = r.querystring;
    if (r.params) schema.params = r.params;
    if (r.body) schema.body = r.body;
    return { schema };
  };

  // ------------------------------------------------------------------ read endpoints
  app.get('/api/openapi.json', async () => openapi);

  app.get('/api/events', spec('/api/events'), async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    let page, query;
    try {
      query = await eventQuery(q, actorArg);
      page = await store.events(query);
    } catch (err) {
      // the store rejects a cursor it did not issue with a plain Error (no type to test): with a
      // cursor given, a non-storage failure is the caller's cursor
      if (q.cursor && !(err instanceof StorageUnavailable)) return reply.code(400).send({ error: `bad request: parameter "cursor": ${(err as Error).message}` });
      throw err;
    }
    const events: Record<string, unknown>[] = page.events.map(eventOut);
    if (q.evidence === '1' || q.evidence === 'true') {
      const ev = await eventEvidence(store, page.events);
      events.forEach((e, i) => (e.evidence = ev[i]));
    }
    // since/until leave undated events out: say how many (absent without a bound)
    const undated = q.since || q.until ? { undated: await undatedEvents(store, query) } : {};
    return { total: page.total, limit: q.limit, offset: q.offset, next_cursor: page.nextCursor, ...undated, events };
  });

  // A file of every matching event (the UI's download): streamed a chunk at a time, so memory does not
  // grow with the store; a filter that matches nothing is an empty file (a CSV header), not an error.
  app.get('/api/export', spec('/api/export'), async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const format = q.format as EventFormat;
    const query = await eventQuery(q, actorArg);
    delete query.limit; delete query.offset;
    const file = FORMAT_FILES[format];
    const name = `entente-events${q.dyad ? `-${String(q.dyad).replace(/[^A-Za-z0-9]+/g, '-')}` : ''}.${file.ext}`;
    const counts = { events: 0, leftOut: 0 };
    const body = Readable.from(exportChunks(store, format, query, counts));
    return reply.type(file.type).header('content-disposition', `attachment; filename="${name}"`).send(body);
  });

  app.get('/api/events/:key', spec('/api/events/:key'), async (req, reply) => {
    const { key } = req.params as { key: string };
    const e = await store.getEvent(key);
    if (!e) return reply.code(404).send({ error: `no event with key "${key}"` });
    return eventOut(e);
  });

  app.get('/api/timeline', spec('/api/timeline'), async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const A = await actorArg(q.a as string, q.until), B = await actorArg(q.b as string, q.until);
    const minConfidence = q.min_confidence as number | undefined, exclude = q.exclude ? excludeKinds(q.exclude as string) : undefined;
    const t = await store.timeline({
      a: A, b: B, by: q.by as 'month', since: q.since as string | undefined, until: q.until as string | undefined, minConfidence, exclude,
    });
    if (q.format === 'csv') {
      const name = `entente-timeline-${`${q.a}-${q.b}`.replace(/[^A-Za-z0-9]+/g, '-')}-by-${q.by}.csv`;
      return reply.type('text/csv; charset=utf-8; header=present').header('content-disposition', `attachment; filename="${name}"`).send(timelineCsv(t, q.a as string, q.b as string));
    }
    // since/until leave undated events out (their time is unknown, not outside the period): how many,
    // so the chart is not read as all there is (a year timeline buckets every dated event)
    const undated = q.since || q.until ? await undatedBetween(store, A, B, minConfidence, exclude) : undefined;
    const extra = undated !== undefined ? { undated } : {};
    if (t.rows.length || t.unbucketed) return { a: q.a, b: q.b, ...t, ...extra };
    // an empty chart must not read as "no relations": say whether a name is unknown or the period empty
    const unknown = [q.a as string, q.b as string].filter((x) => !knownName(x, q.until));
    const note = unknown.length
      ? unknownNamesNote(unknown, '/api/actors')
      : `no events between them${q.since || q.until ? ' in this period' : ''} in this store`;
    return { a: q.a, b: q.b, ...t, ...extra, note };
  });

  app.get('/api/actors', spec('/api/actors'), async (req) => {
    const q = req.query as Record<string, unknown>;
    return { actors: await store.topActors({ top: q.top as number, role: q.role as 'any', since: q.since as string | undefined, until: q.until as string | undefined }) };
  });

  // The network is top-N actors × pairwise timelines aggregated by year: N(N-1)/2 grouped
  // queries, each served by the store's indexes; cached briefly because the UI's front page asks for it.
  const networkCache = new Map<string, { at: number; value: unknown }>();
  app.get('/api/network', spec('/api/network'), async (req) => {
    const q = req.query as Record<string, unknown>;
    const key = JSON.stringify(q);
    const hit = networkCache.get(key);
    if (hit && Date.now() - hit.at < 10_000) return hit.value;
    const since = q.since as string | undefined, until = q.until as string | undefined;
    // a generic actor the coder could not place ("officials", id new/…, no country) is no one an analyst
    // can follow: the network shows the top N others and says how many it left out
    const top = q.top as number;
    const ranked = await store.topActors({ top: top * 2, role: 'any', since, until });
    const generic = (n: { id: string; country_code: string | null }) => n.id.startsWith('new/') && !n.country_code;
    const nodes = ranked.filter((n) => !generic(n)).slice(0, top);
    // the generic actors ranked above the last node shown; all of them when fewer than `top` others were found
    const shownUpTo = nodes.length < top ? ranked.length : ranked.indexOf(nodes[top - 1]!) + 1;
    const hidden = ranked.slice(0, shownUpTo).filter(generic).map((n) => n.name);
    const edges: { source: string; target: string; count: number; quad: Record<1 | 2 | 3 | 4, number>; goldstein_mean: number | null }[] = [];
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const t: Timeline = await store.timeline({ a: nodes[i]!.id, b: nodes[j]!.id, by: 'year', since, until, minConfidence: q.min_confidence as number | undefined });
        for (const dir of ['a->b', 'b->a'] as const) {
          const rows = t.rows.filter((r) => r.direction === dir);
          const count = rows.reduce((s, r) => s + r.count, 0);
          if (!count) continue;
          const quad = { 1: 0, 2: 0, 3: 0, 4: 0 } as Record<1 | 2 | 3 | 4, number>;
          let gsum = 0, gn = 0;
          for (const r of rows) {
            for (const k of [1, 2, 3, 4] as const) quad[k] += r.quad[k];
            if (r.goldstein_mean !== null) { gsum += r.goldstein_mean * r.count; gn += r.count; }
          }
          const [s, d] = dir === 'a->b' ? [nodes[i]!, nodes[j]!] : [nodes[j]!, nodes[i]!];
          edges.push({ source: s.id, target: d.id, count, quad, goldstein_mean: gn ? gsum / gn : null });
        }
      }
    }
    const value = { nodes, edges, hidden };
    networkCache.set(key, { at: Date.now(), value });
    if (networkCache.size > 50) networkCache.delete(networkCache.keys().next().value!);
    return value;
  });

  app.get('/api/search', spec('/api/search'), async (req) => {
    const q = req.query as Record<string, unknown>;
    return store.searchSentences({ q: q.q as string, limit: q.limit as number, offset: q.offset as number });
  });

  app.get('/api/articles', spec('/api/articles'), async (req) => {
    const q = req.query as Record<string, unknown>;
    return store.listArticles({ limit: q.limit as number, offset: q.offset as number });
  });

  app.get('/api/articles/:id', spec('/api/articles/:id'), async (req, reply) => {
    const { id } = req.params as { id: string };
    const a = await store.getArticle(id);
    if (!a) return reply.code(404).send({ error: `no article with id "${id}"` });
    return { ...a, events: a.events.map(eventOut) };
  });

  // stats() counts whole tables: cached for a few seconds (the overview asks on every visit)
  let statsCache: { at: number; value: unknown } | null = null;
  app.get('/api/stats', async () => {
    if (statsCache && Date.now() - statsCache.at < 5_000) return statsCache.value;
    const value = { ...(await store.stats()), store: store.kind, version, write_requires_token: token !== null };
    statsCache = { at: Date.now(), value };
    return value;
  });

  // ------------------------------------------------------------------ write endpoints
  // At most two ingests at once: the pipeline is synchronous CPU work; more would only queue up.
  let busy = 0;
  app.post('/api/ingest', { ...spec('/api/ingest', 'POST'), preHandler: requireToken }, async (req, reply) => {
    if (busy >= 2) return reply.code(503).header('retry-after', '5').send({ error: 'the server is already ingesting; try again in a few seconds' });
    busy++;
    try {
      const result = await ingest(req.body as IngestRequest, {
        store, code, allowPrivateUrls: opts.allowPrivateUrls ?? false,
        timeoutMs: opts.fetchTimeoutMs, maxBytes: opts.fetchMaxBytes, resolve: opts.resolve,
      });
      networkCache.clear();
      statsCache = null;
      return result;
    } catch (err) {
      if (err instanceof IngestError) return reply.code(err.status).send({ error: err.message });
      throw err;
    } finally {
      busy--;
    }
  });

  // ------------------------------------------------------------------ the UI
  const sendFile = (path: string, req: FastifyRequest, reply: FastifyReply) => {
    const f = web.get(path);
    if (!f) return reply.callNotFound();
    if (req.headers['if-none-match'] === f.etag) return reply.code(304).send();
    return reply.type(f.type).header('etag', f.etag).header('cache-control', 'no-cache').send(f.body);
  };
  app.get('/', (req, reply) => sendFile('/index.html', req, reply));
  app.get('/*', (req, reply) => sendFile(req.url.split('?')[0]!, req, reply));

  return app;
}
