// The API's routes as data: one table feeds both fastify's input validation and the OpenAPI
// document at /api/openapi.json, so the documentation cannot drift from what is enforced.
import { DATE_ARG, DAY_ARG } from './args.js';

const date = { type: 'string', pattern: DATE_ARG.source, description: 'YYYY, YYYY-MM or YYYY-MM-DD (inclusive)' };
const limit = (max: number, dflt: number) => ({ type: 'integer', minimum: 1, maximum: max, default: dflt, description: `page size (1..${max})` });
const offset = { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0, description: 'rows to skip' };
const exclude = { type: 'string', pattern: '^(negated|hypothetical|future|claimed|historical)(,(negated|hypothetical|future|claimed|historical))*$', description: 'leave out records of these kinds: comma-separated negated, hypothetical, future, claimed, historical (e.g. negated,hypothetical)' };
const actorArg = { type: 'string', minLength: 1, maxLength: 200, description: 'country code ("RUS"), entity id ("person/sergei-lavrov") or name ("Taliban")' };

export interface RouteSpec {
  method: 'GET' | 'POST';
  url: string;
  /** fastify path (":id" params); url is the OpenAPI form ("{id}") */
  path: string;
  summary: string;
  querystring?: Record<string, unknown>;
  params?: Record<string, unknown>;
  body?: Record<string, unknown>;
  /** OpenAPI schema of the 200 answer */
  response: Record<string, unknown>;
  /** media types of the 200 answer when it is not JSON (a file download) */
  produces?: string[];
  write?: boolean;
}

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, properties, required });

// Response schemas: documentation only (fastify does not serialise through them, so the
// EventRecord contract reaches the client untouched).
const entity = { type: 'object', description: 'Entity (see README "Formats"): entity_text, name, id, kind, country_code, sector, code, office, sentence, start, end' };
const eventRecord = {
  type: 'object',
  description: 'EventRecord, the product contract: id, doc_id, link, event_text, date, date_precision, date_source, date_text, actor[], recipient[], event, mode, context, cameo, quad_code, goldstein, intensity, negated, modality, speaker, via, quote, event_loc, text_info, confidence',
  properties: { actor: { type: 'array', items: entity }, recipient: { type: 'array', items: entity } },
};
const evidence = {
  type: ['object', 'null'],
  description: 'with evidence=1: {sentence, start (the sentence\'s offset in the article text: record spans minus start index the sentence), article: {id, title, url, published, outlet, ingested_at}}',
};
const storedEvent = {
  type: 'object',
  properties: {
    key: { type: 'string', description: 'store-wide event key; URL-encode it in /api/events/{key}' },
    article_id: { type: 'string' },
    outlet: { type: ['string', 'null'] },
    cluster: { type: 'object', properties: { id: { type: 'string' }, mentions: { type: 'integer' }, articles: { type: 'integer' }, outlets: { type: 'integer' } } },
    record: eventRecord,
  },
};

/** The filters of /api/events, shared by /api/export. */
const eventFilters = {
  actor: actorArg, recipient: actorArg,
  dyad: { type: 'string', pattern: '^[^,]+,[^,]+$', maxLength: 401, description: 'two actors "A,B" (events between them in either direction)' },
  type: { type: 'string', pattern: '^([A-Za-z_]{2,30}|\\d{2,4})$', description: 'a PLOVER type (CONSULT) or a CAMEO code prefix (05, 054)' },
  since: date, until: date,
  min_confidence: { type: 'number', minimum: 0, maximum: 1 },
  q: { type: 'string', minLength: 1, maxLength: 300, description: 'full-text query over the event sentence' },
  text: { type: 'string', minLength: 1, maxLength: 300, description: 'the same as q (the name of the CLI option, entente events --text)' },
  article: { type: 'string', minLength: 1, maxLength: 500, description: 'only events of this article id' },
  cluster: { type: 'string', minLength: 1, maxLength: 200, description: 'only events of this cluster id' },
  exclude,
};

export const ROUTES: RouteSpec[] = [
  {
    method: 'GET', url: '/api/events', path: '/api/events', summary: 'Coded events, filtered and paginated (newest event date first)',
    querystring: obj({
      ...eventFilters,
      limit: limit(1000, 50), offset,
      cursor: { type: 'string', maxLength: 500, description: 'keyset cursor from next_cursor (faster than offset on deep pages)' },
      evidence: { type: 'string', enum: ['1', 'true', '0', 'false'], description: 'add each event\'s evidence: its sentence and its article\'s title, URL and date ("show me the sentences")' },
    }),
    response: obj({ total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, next_cursor: { type: ['string', 'null'] }, undated: { type: 'integer', description: 'with since/until: the matching events that have no date, which the bounds leave out' }, events: { type: 'array', items: { ...storedEvent, properties: { ...storedEvent.properties, evidence } } } }),
  },
  {
    method: 'GET', url: '/api/export', path: '/api/export',
    summary: 'Every event matching the filters of /api/events (no paging), as a file to download: csv (pandas.read_csv, R read.csv), jsonl, json, gdelt (tab-separated, the GDELT 2.0 event table), plover (PLOVER JSON lines); the same as `entente export` with those filters',
    querystring: obj({ format: { type: 'string', enum: ['csv', 'jsonl', 'json', 'gdelt', 'plover'], default: 'csv', description: 'the file format (README "Formats")' }, ...eventFilters }),
    response: { type: 'string', description: 'the events, newest event date first (gdelt has no row for a negated record, plover none for a record with no PLOVER category: README "Formats")' },
    produces: ['text/csv', 'application/x-ndjson', 'application/json', 'text/tab-separated-values'],
  },
  {
    method: 'GET', url: '/api/events/{key}', path: '/api/events/:key', summary: 'One event by its key',
    params: obj({ key: { type: 'string', minLength: 1, maxLength: 1000 } }, ['key']),
    response: storedEvent,
  },
  {
    method: 'GET', url: '/api/timeline', path: '/api/timeline', summary: 'Dyad timeline: per period and direction, counts by quad class and mean Goldstein/intensity',
    querystring: obj({
      a: actorArg, b: actorArg, by: { type: 'string', enum: ['month', 'week', 'year'], default: 'month' }, since: date, until: date, min_confidence: { type: 'number', minimum: 0, maximum: 1 }, exclude,
      format: { type: 'string', enum: ['json', 'csv'], default: 'json', description: 'csv: the series as a file, one row per period and direction (period, source, target, events, quad1-4, goldstein_mean, intensity_mean), quiet months/years as zeros (entente timeline --format csv)' },
    }, ['a', 'b']),
    produces: ['application/json', 'text/csv'],
    response: { type: 'object', description: 'Timeline: {by, rows: [{period, direction ("a->b"|"b->a"), count, quad: {1,2,3,4}, goldstein_mean, intensity_mean (null: no PLOVER intensity table yet)}], unbucketed, undated? (with since/until: the events between them with no date at all, which the period leaves out), note? (only when empty: an unknown name, or no events in the period)}' },
  },
  {
    method: 'GET', url: '/api/actors', path: '/api/actors', summary: 'Most frequent actors',
    querystring: obj({ top: { type: 'integer', minimum: 1, maximum: 500, default: 20 }, role: { type: 'string', enum: ['actor', 'recipient', 'any'], default: 'any' }, since: date, until: date }),
    response: obj({ actors: { type: 'array', items: { type: 'object', description: 'TopActor: id, name, kind, country_code, code, events, as_actor, as_recipient' } } }),
  },
  {
    method: 'GET', url: '/api/network', path: '/api/network', summary: 'Actor network: the top actors and the event counts between each pair (both directions)',
    querystring: obj({ top: { type: 'integer', minimum: 2, maximum: 20, default: 10 }, since: date, until: date, min_confidence: { type: 'number', minimum: 0, maximum: 1 } }),
    response: obj({
      nodes: { type: 'array' }, edges: { type: 'array', description: '{source, target, count, quad: {1,2,3,4}, goldstein_mean}: source acted on target' },
      hidden: { type: 'array', items: { type: 'string' }, description: 'names of generic actors with no country ("Officials") ranked among the top and left out' },
    }),
  },
  {
    method: 'GET', url: '/api/search', path: '/api/search', summary: 'Full-text search over article sentences',
    querystring: obj({ q: { type: 'string', minLength: 1, maxLength: 300 }, limit: limit(200, 20), offset }, ['q']),
    response: { type: 'object', description: 'SearchPage: {total, hits: [{articleId, docId (the document id: a local file\'s path), title, published, sentence, text, snippet}]}' },
  },
  {
    method: 'GET', url: '/api/articles', path: '/api/articles', summary: 'Stored articles, newest published first',
    querystring: obj({ limit: limit(500, 50), offset }),
    response: { type: 'object', description: '{total, articles: [{id, title, url, outlet, published, language, events, ingested_at}]}' },
  },
  {
    method: 'GET', url: '/api/articles/{id}', path: '/api/articles/:id', summary: 'One article with all its annotations (sentences, mentions, times, quotes, events, messages)',
    params: obj({ id: { type: 'string', minLength: 1, maxLength: 1000 } }, ['id']),
    response: { type: 'object', description: 'StoredArticle' },
  },
  {
    method: 'GET', url: '/api/stats', path: '/api/stats', summary: 'Store counts, date range, and whether writes need a token',
    response: { type: 'object' },
  },
  {
    method: 'POST', url: '/api/ingest', path: '/api/ingest', write: true,
    summary: 'Ingest one article: {url} (fetched by the server) or {text, title?, date?, url?}; runs the pipeline and stores the result',
    body: obj({
      url: { type: 'string', minLength: 1, maxLength: 2048, description: 'page to fetch (http/https; private addresses refused unless --allow-private-urls); with text: the article URL only' },
      text: { type: 'string', minLength: 1, maxLength: 200_000, description: 'article text (plain, or a Markdown clipping), up to 200,000 characters' },
      title: { type: 'string', maxLength: 1000, description: 'the title; with url, only when the page has none' },
      date: { type: 'string', pattern: DAY_ARG.source, description: 'the publication date as YYYY-MM-DD (the reference date for relative dates); with url, only when the page states none' },
    }),
    response: obj({ status: { type: 'string', enum: ['stored', 'replaced', 'unchanged'] }, article_id: { type: 'string' }, events: { type: 'integer' }, title: { type: ['string', 'null'] }, messages: { type: 'array' } }),
  },
];

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [['query', r.querystring], ['path', r.params]] as const) {
      const props = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>;
      const req = (schema?.required ?? []) as string[];
      for (const [name, s] of Object.entries(props)) {
        const { description, ...rest } = s;
        parameters.push({ name, in: where, required: where === 'path' || req.includes(name), description, schema: rest });
      }
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      parameters,
      responses: {
        200: { description: 'OK', content: Object.fromEntries((r.produces ?? ['application/json']).map((t) => [t, { schema: r.response }])) },
        400: { description: 'A bad parameter: {error}', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ...(r.params ? { 404: { description: 'Not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
        ...(r.write ? {
          401: { description: 'Missing or wrong bearer token' },
          403: { description: 'URL refused (private address)' },
          502: { description: 'The URL could not be fetched' },
        } : {}),
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: r.body } } };
    if (r.write) op.security = [{ bearer: [] }, {}];
    (paths[r.url] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'entente API', version, description: 'Events (PLOVER/CAMEO) coded from news articles, with their evidence. Read endpoints are open; POST needs `Authorization: Bearer <token>` when the server was started with --token.' },
    paths,
    components: {
      schemas: { Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
