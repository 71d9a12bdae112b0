// Output formats for events: jsonl/json (the contract, DESIGN.md "Output format"), csv, gdelt
// (GDELT 2.0 event table columns), plover (PLOVER JSON records). Shared by `entente code` and the
// store's `entente events --format ...` / export.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity, EventRecord } from '../types.js';

export const EVENT_FORMATS = ['jsonl', 'json', 'csv', 'gdelt', 'plover'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** What each format's file is: its media type and the extension a download gets. */
export const FORMAT_FILES: Record<EventFormat, { type: string; ext: string }> = {
  jsonl: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  csv: { type: 'text/csv; charset=utf-8; header=present', ext: 'csv' },
  gdelt: { type: 'text/tab-separated-values; charset=utf-8', ext: 'gdelt.tsv' },
  plover: { type: 'application/x-ndjson; charset=utf-8', ext: 'plover.jsonl' },
};

export function isEventFormat(f: string): f is EventFormat {
  return (EVENT_FORMATS as readonly string[]).includes(f);
}

// ------------------------------------------------------------------ CSV

export const CSV_COLUMNS = [
  'id', 'doc_id', 'date', 'date_precision', 'date_source', 'actor_codes', 'actor_names', 'recipient_codes', 'recipient_names',
  'event', 'mode', 'cameo', 'quad_code', 'goldstein', 'negated', 'modality', 'speaker', 'via', 'event_loc', 'event_loc_country',
  'trigger', 'trigger_start', 'trigger_end', 'sentence', 'confidence', 'event_text', 'link',
  // an intent/refusal/threat record's announced act (EventRecord.intended); last, so earlier columns keep their place
  'intended_event', 'intended_cameo', 'intended_negated',
  // the evidence sentence's text (`sentence` is its index), for reading the events in a spreadsheet
  'sentence_text',
  // the article the record was read from (source criticism: which outlet, published when), when known
  'article_title', 'article_published', 'outlet',
] as const;

/** One RFC 4180 cell: empty for null/undefined, quoted when it holds a quote, comma or line break. */
export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const codes = (es: Entity[]): string => es.map((e) => e.code).join(';');
const names = (es: Entity[]): string => es.map((e) => e.name).join(';');

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n';
}
/**
 * One CSV row; `sentenceText` = the evidence sentence (Doc.text.slice(text_info.start, end)) when the caller
 * has it, `article` its article's title, publication date and outlet (PloverContext's title/published/publication).
 */
export function toCsvRow(e: EventRecord, sentenceText?: string | null, article?: Pick<PloverContext, 'title' | 'published' | 'publication'>): string {
  const row = [
    e.id, e.doc_id, e.date, e.date_precision, e.date_source, codes(e.actor), names(e.actor), codes(e.recipient), names(e.recipient),
    e.event, e.mode, e.cameo, e.quad_code, e.goldstein, e.negated, e.modality, e.speaker?.name, e.via?.name, e.event_loc?.name, e.event_loc?.country_code,
    e.text_info.trigger.text, e.text_info.trigger.start, e.text_info.trigger.end, e.text_info.sentence, e.confidence, e.event_text, e.link,
    e.intended?.event, e.intended?.cameo, e.intended ? e.intended.negated : null,
    sentenceText,
    article?.title, article?.published, article?.publication,
  ];
  return row.map(csvCell).join(',') + '\n';
}

// ------------------------------------------------------------------ GDELT 2.0
// The 61 columns of the GDELT 2.0 event table, tab-separated, no header, in the order of the GDELT
// Event Codebook V2.0 (GDELT Project, 2015-02-19; its column list as linwoodc3/gdelt2HeaderRows
// GDELT_2.0_Column_Labels_Header_Row_Sep2016.csv @ 4cf1a78 gives it, every column NULLABLE). GDELT 1.0
// had 57 (backfile) or 58 (daily) columns: the three ADM2 codes are new in 2.0. Mapping (fields we
// cannot fill stay empty):
//   GLOBALEVENTID  an INTEGER as the codebook types it, unique per row: a 53-bit hash of our record id
//     and the row's actor × recipient pair (one row per pair), the same for the same record in every run
//   SQLDATE/MonthYear/Year/FractionDate  the event's own date (`date`: a date in the text, else the
//     article's publication day; never the crawl or ingest day). A month- or year-precision date uses
//     day/month 01 (the precision is lost: use jsonl when it matters). An undated event (time unknown:
//     an undated article, "had earlier expelled") keeps all four empty rather than a made-up day.
//     FractionDate = YYYY + ((MM−1)×30 + DD)/365, 4 decimals: the codebook prints (MONTH×30+DAY)/365
//     but also says the fraction runs 0–0.9999 (the printed form passes 1 in December; GDELT's own
//     files give 20150218 → 2015.1315, i.e. month − 1).
//   ActorNCode     Entity.code (CAMEO-style, e.g. RUSGOV); ActorNName = name; ActorNCountryCode = ISO3
//     country (CAMEO country codes are ISO3-based; empty for an IGO, which has none);
//     ActorNKnownGroupCode = the 3-letter group of an IGO/NGO code (IGOUNO → UNO; IGOUNOAGR → UNO);
//     ActorNType1Code = PLOVER sector; other actor codes empty
//   IsRootEvent    1 when the event is in the article's first three sentences (GDELT: lead paragraph)
//   EventCode/EventBaseCode/EventRootCode = CAMEO 4/3/2 digits; QuadClass = quad_code; GoldsteinScale
//   NumMentions/NumSources/NumArticles = 1 (one sentence of one article; the store's export fills
//     them from the event's cluster); AvgTone empty
//   ActionGeo_Type 1 (COUNTRY: event_loc is resolved to its state), ActionGeo_FullName = the country's
//     name (data/kb/states.json; the codebook's FullName of a country match is the country: a city the
//     coder names, "Tashkent", is in event_loc.name, which jsonl and plover keep, but its own point and
//     ADM1 would need a gazetteer, so the row stays country-level; the place's own text when it has no country),
//     ActionGeo_CountryCode = its FIPS 10-4 code (GDELT's geo codes are FIPS, ours ISO3: data/formats/
//     fips10.json); ActionGeo_ADM1Code = the same FIPS code (the codebook: country code + ADM1 code, and
//     for a country-level match the country code alone); ActionGeo_ADM2Code empty; ActionGeo_Lat/Long =
//     the country's point (the codebook: "the centroid … of the landmark"; the CIA World Factbook's
//     "Geographic coordinates", data/formats/geo-countries.json, empty where its copies disagree);
//     ActionGeo_FeatureID = the FIPS code (GDELT's country-level FeatureID). No finer place: event_loc
//     is resolved to a country, and a city's own point or ADM1 would need a gazetteer we do not have.
//     ActorNGeo_* empty: GDELT fills them with the place the text puts next to the actor, which the coder
//     does not record (the actor's nationality is a different thing).
//   DATEADDED = when the article was stored, YYYYMMDDHHMMSS UTC (the codebook: "the date the event was
//     added to the master database"): only the store knows it (`events`/`export` pass it in); empty
//     from `entente code`, which stores nothing and never reads the clock.
//   SOURCEURL = link, else doc_id (the codebook allows "the URL or citation"; a local file's path is
//     its citation and joins back to the jsonl record)
// A negated record ("Russia will not evacuate its embassy": 161, negated) gives no row: none of the 61
// columns can say "not", so the row would state the act the text denies (a 161 with QuadClass 4 counted
// by every GDELT reader). leftOut() names the rule; the commands count what they leave out on stderr.
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

const tsv = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

/** IGO/NGO codes are the group code after the prefix in 3-letter units (IGOUNO, IGOUNOAGR); longer names (IGOAPEC) are no CAMEO group code. */
function knownGroup(code: string): string {
  return /^(IGO|NGO)([A-Z]{3})+$/.test(code) ? code.slice(3, 6) : '';
}

function actorCols(e: Entity | null): unknown[] {
  if (!e) return ['', '', '', '', '', '', '', '', '', ''];
  return [e.code, e.name, e.country_code && e.country_code !== 'IGO' ? e.country_code : '', knownGroup(e.code), '', '', '', e.sector ?? '', '', ''];
}

/** FNV-1a over the string, folded to 53 bits (a JS-safe positive integer): GDELT's GLOBALEVENTID is an INTEGER. */
export function gdeltEventId(key: string): number {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h2 & 0x1fffff) * 0x100000000 + h1 || 1;
}

/** the project's root: data/ files are read from here */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let fips: Map<string, string> | null = null;
/** ISO3 → FIPS 10-4 (data/formats/fips10.json, its sources named there); '' when FIPS has no code. */
export function fipsOf(iso3: string): string {
  if (!fips) {
    const file = join(root, 'data', 'formats', 'fips10.json');
    const codes = (JSON.parse(readFileSync(file, 'utf8')) as { codes: Record<string, unknown> }).codes;
    fips = new Map();
    for (const [k, v] of Object.entries(codes)) {
      if (typeof v !== 'string' || !/^[A-Z]{2}$/.test(v)) throw new Error(`${file}: codes.${k} must be a 2-letter FIPS 10-4 code (got ${JSON.stringify(v)})`);
      fips.set(k, v);
    }
  }
  return fips.get(iso3) ?? '';
}

let points: Map<string, [number, number]> | null = null;
/** ISO3 → the country's [lat, long] (data/formats/geo-countries.json, its source named there), or null. */
export function countryPoint(iso3: string): [number, number] | null {
  if (!points) {
    const file = join(root, 'data', 'formats', 'geo-countries.json');
    const pts = (JSON.parse(readFileSync(file, 'utf8')) as { points: Record<string, unknown> }).points;
    points = new Map();
    for (const [k, v] of Object.entries(pts)) {
      const ok = Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Math.abs(v[0]) <= 90 && Math.abs(v[1]) <= 180;
      if (!/^[A-Z]{3}$/.test(k) || !ok) throw new Error(`${file}: points.${k} must be [latitude, longitude] in decimal degrees (got ${JSON.stringify(v)})`);
      points.set(k, v as [number, number]);
    }
  }
  return points.get(iso3) ?? null;
}

/** An ISO 8601 instant ("2026-11-28T09:16:10.123Z") as GDELT's DATEADDED, YYYYMMDDHHMMSS in UTC; '' when unreadable. */
export function gdeltDateAdded(iso: string | null | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return '';
  return new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** What the record alone does not hold: `dateAdded` = when its article was stored (ISO 8601), from the store. */
export interface GdeltContext { dateAdded?: string | null }

/** The GDELT rows of a record ('' for a negated one: see leftOut). */
export function toGdeltRows(e: EventRecord, ctx: GdeltContext = {}): string {
  if (e.negated) return '';
  const d = e.date ?? '';
  const y = d.slice(0, 4), m = d.slice(5, 7) || '01', day = d.slice(8, 10) || '01';
  const sql = y ? `${y}${m}${day}` : '';
  const frac = y ? (Number(y) + ((Number(m) - 1) * 30 + Number(day)) / 365).toFixed(4) : '';
  const pairs: Array<[Entity | null, Entity | null]> = [];
  const actors = e.actor.length ? e.actor : [null];
  const recips = e.recipient.length ? e.recipient : [null];
  for (const a of actors) for (const r of recips) pairs.push([a, r]);
  const geo = ['', '', '', '', '', '', '', ''];
  const loc = e.event_loc, fips = loc?.country_code ? fipsOf(loc.country_code) : '';
  // a country-level match: Type 1, the FIPS code as CountryCode, ADM1Code and FeatureID, the country's point
  const pt = loc?.country_code ? countryPoint(loc.country_code) : null;
  const country = loc?.country_code ? ploverTables().names.get(loc.country_code) ?? loc.name : loc?.name;
  const action = loc ? [loc.country_code ? 1 : '', country, fips, fips, '', pt?.[0], pt?.[1], fips] : geo;
  return pairs.map(([a, r], i) => [
    gdeltEventId(`${e.id}|${i}`), sql, y ? `${y}${m}` : '', y, frac,
    ...actorCols(a), ...actorCols(r),
    e.text_info.sentence <= 2 ? 1 : 0, e.cameo, e.cameo.slice(0, 3), e.cameo.slice(0, 2), e.quad_code, e.goldstein, 1, 1, 1, '',
    ...geo, ...geo, ...action,
    gdeltDateAdded(ctx.dateAdded), e.link ?? e.doc_id,
  ].map(tsv).join('\t') + '\n').join('');
}

// ------------------------------------------------------------------ PLOVER
// A PLOVER record as the PLOVER specification's "JSON Data Fields" chapter names them (openeventdata/
// PLOVER PLOVER_MANUAL.tex, draft 0.7b1, @ 0711e39: the event record, the actor, text, citation and
// location objects), one JSON object per line as the manual suggests. What POLECAT users know as
// columns maps onto it: Event Type → event, Event Mode → mode, Contexts → context, Quad Code →
// quad_code, Actor Name / Country / Primary Sector / Title / Name Raw → source[i].identifier_text /
// code / sector / office / actor_text (Recipient … the same on recipient[i]), Placename / Country →
// event_loc.name / cc3, Source / Publication Date → cite_info.publication / published.
// Everything entente adds lives under an `entente` key (on the record and on each actor), so a PLOVER
// reader sees only PLOVER names at the top level. Differences from `--format jsonl` (the contract,
// unchanged): actor → source, recipient stays, link (article URL) → cite_info.url (PLOVER's `link` is a
// reference shared by related events: our event cluster), the sentence's text is `text`, dates are
// always full days (see plover dates below). Records with no PLOVER category (CAMEO 01/02 statements
// and appeals, event null) are not PLOVER events: ploverLine leaves them out.
// The plover-gsr gold set is in the older 0.5b1 shape (`target`, actor `text`, `event_plover_*`).

/** What the record alone does not hold: the evidence sentence and its article, and the store's cluster. */
export interface PloverContext {
  /** the evidence sentence: Doc.text.slice(text_info.start, text_info.end) */
  sentence?: string | null;
  title?: string | null;
  /** the outlet (site or host) */
  publication?: string | null;
  published?: string | null;
  language?: string | null;
  cluster?: { id: string; mentions: number; articles: number; outlets: number } | null;
}

interface PloverTables { quad: Map<string, 1 | 2 | 3 | 4>; iso2: Map<string, string>; cameo: Map<string, string>; names: Map<string, string> }
let tables: PloverTables | null = null;
/** data/formats/plover.json (PLOVER type → quad), data/kb/states.json (ISO3 → ISO2), data/lexicon/cameo_codes.json (names); read once. */
function ploverTables(): PloverTables {
  if (tables) return tables;
  const file = join(root, 'data', 'formats', 'plover.json');
  const pj = JSON.parse(readFileSync(file, 'utf8')) as { quad: Record<string, unknown> };
  const quad = new Map<string, 1 | 2 | 3 | 4>();
  for (const [k, v] of Object.entries(pj.quad)) {
    if (!/^[A-Z]+$/.test(k) || (v !== 1 && v !== 2 && v !== 3 && v !== 4)) throw new Error(`${file}: quad.${k} must be 1, 2, 3 or 4 (got ${JSON.stringify(v)})`);
    quad.set(k, v);
  }
  const iso2 = new Map<string, string>(), names = new Map<string, string>();
  for (const s of JSON.parse(readFileSync(join(root, 'data', 'kb', 'states.json'), 'utf8')) as { id: string; iso2: string | null; name: string }[]) {
    if (s.iso2) iso2.set(s.id, s.iso2);
    names.set(s.id, s.name);
  }
  const cameo = new Map<string, string>();
  for (const [k, v] of Object.entries((JSON.parse(readFileSync(join(root, 'data', 'lexicon', 'cameo_codes.json'), 'utf8')) as { codes: Record<string, { name: string }> }).codes)) cameo.set(k, v.name);
  return (tables = { quad, iso2, cameo, names });
}

/** The PLOVER types (data/formats/plover.json), for a message listing them. */
export function ploverTypes(): string[] {
  return [...ploverTables().quad.keys()];
}

/**
 * Whether a type filter can match anything: a PLOVER type (any case: "consult") or the prefix of a
 * CAMEO code (data/lexicon/cameo_codes.json: "04", "042"). A typo ("CONSLUT", "99") matches nothing
 * and reads as "no events", so the commands refuse it with the list instead.
 */
export function isKnownEventType(t: string): boolean {
  const x = t.trim();
  if (/^\d{2,4}$/.test(x)) return [...ploverTables().cameo.keys()].some((c) => c.startsWith(x));
  return ploverTables().quad.has(x.toUpperCase());
}

const NON_STATE = new Set(['IGO', 'NGO', 'ISM', 'IMG', 'MNC']);

/** PLOVER actor object: code = the 3-letter top-level code (ISO3 country, or IGO/NGO/ISM/IMG/MNC). */
function ploverActor(x: Entity): Record<string, unknown> {
  const head = x.code.slice(0, 3);
  return {
    code: x.country_code ?? (NON_STATE.has(head) ? head : null),
    sector: x.sector,
    actor_text: x.entity_text,
    // the KB's own identifier (PLOVER asks for one that resolves the name's variants; not a Wikidata id)
    identifier_id: x.id,
    identifier_text: x.name,
    office: x.office,
    entente: { code: x.code, kind: x.kind, start: x.start, end: x.end },
  };
}

/** Last day of a YYYY-MM or YYYY period. */
function periodEnd(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  const [y, m] = d.split('-').map(Number) as [number, number];
  return `${d}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The PLOVER record of an event (`event` null when it has no PLOVER category: ploverLine leaves those out). */
export function toPlover(e: EventRecord, ctx: PloverContext = {}): Record<string, unknown> {
  const t = ploverTables();
  // PLOVER dates are full days: a month or year is given as its first day, with enddate its last
  const date = e.date === null ? null : e.date.length === 10 ? e.date : e.date.length === 7 ? `${e.date}-01` : `${e.date}-01-01`;
  const enddate = e.date !== null && e.date.length < 10 ? periodEnd(e.date) : null;
  const loc = e.event_loc;
  return {
    id: e.id,
    date,
    enddate,
    source: e.actor.map(ploverActor),
    recipient: e.recipient.map(ploverActor),
    event: e.event,
    event_text: e.event_text,
    quad_code: (e.event && t.quad.get(e.event)) || e.quad_code,
    mode: e.mode,
    context: e.context,
    event_loc: loc ? { name: loc.name, country_code: loc.country_code ? t.iso2.get(loc.country_code) ?? null : null, cc3: loc.country_code, entente: { text: loc.text } } : null,
    link: ctx.cluster?.id ?? null,
    text: ctx.sentence ?? null,
    text_info: { sequence: e.text_info.sentence, start: e.text_info.start, end: e.text_info.end },
    cite_info: { url: e.link, title: ctx.title ?? null, publication: ctx.publication ?? null, published: ctx.published ?? null, language: ctx.language ?? 'en', coder: 'entente', codebook: 'PLOVER 0.7b1 + CAMEO 1.1b3' },
    entente: {
      doc_id: e.doc_id,
      cameo: { code: e.cameo, name: t.cameo.get(e.cameo) ?? null },
      quad_code: e.quad_code,
      goldstein: e.goldstein,
      intensity: e.intensity,
      date: e.date,
      date_precision: e.date_precision,
      date_source: e.date_source,
      date_text: e.date_text,
      negated: e.negated,
      modality: e.modality,
      speaker: e.speaker ? { name: e.speaker.name, code: e.speaker.code, id: e.speaker.id } : null,
      via: e.via ? { name: e.via.name, code: e.via.code, id: e.via.id } : null,
      quote: e.quote,
      trigger: e.text_info.trigger,
      confidence: e.confidence,
      // PLOVER's convention (manual, "Compound and Reciprocal Actors"): a reciprocal event lists every party as source and has no recipient
      reciprocal: !e.recipient.length && e.actor.length > 1,
      dyads: dyads(e),
      intended: e.intended ?? null,
      cluster: ctx.cluster ? { mentions: ctx.cluster.mentions, articles: ctx.cluster.articles, outlets: ctx.cluster.outlets } : null,
    },
  };
}

/** The record expanded to CAMEO-style directed pairs of top-level codes (every ordered pair when reciprocal). */
function dyads(e: EventRecord): { source: string | null; target: string | null }[] {
  const c = (x: Entity) => x.country_code ?? x.code.slice(0, 3);
  if (!e.recipient.length && e.actor.length > 1) {
    const out: { source: string | null; target: string | null }[] = [];
    for (const a of e.actor) for (const b of e.actor) if (a !== b) out.push({ source: c(a), target: c(b) });
    return out;
  }
  const out: { source: string | null; target: string | null }[] = [];
  for (const a of e.actor) for (const r of e.recipient.length ? e.recipient : [null]) out.push({ source: c(a), target: r ? c(r) : null });
  return out;
}

/** One PLOVER JSON line, or '' for a record with no PLOVER category (not a PLOVER event). */
export function ploverLine(e: EventRecord, ctx?: PloverContext): string {
  return e.event ? JSON.stringify(toPlover(e, ctx)) + '\n' : '';
}

/**
 * Why `format` has no line for a record, or null when it has one: plover writes no record without a
 * PLOVER category (CAMEO 01 statements, 02 appeals), gdelt no negated record (its columns cannot say
 * "not"). jsonl, json and csv keep every record.
 */
export function leftOut(e: EventRecord, format: EventFormat): 'no-plover-category' | 'negated' | null {
  if (format === 'plover' && !e.event) return 'no-plover-category';
  if (format === 'gdelt' && e.negated) return 'negated';
  return null;
}

/** stderr's line for the `n` records `format` left out ('' when none), e.g. "entente export: 3 negated records …". */
export function leftOutNote(cmd: string, format: EventFormat, n: number): string {
  if (!n) return '';
  const s = n === 1 ? '' : 's';
  if (format === 'plover') return `entente ${cmd}: ${n} record${s} with no PLOVER category (CAMEO 01 statements, 02 appeals) left out of --format plover: --format jsonl has them\n`;
  if (format === 'gdelt') return `entente ${cmd}: ${n} negated record${s} ("will not evacuate") left out of --format gdelt (no GDELT column says "not": the row would state the act): --format csv or jsonl has them, negated = true\n`;
  return '';
}

/** Format a batch of events (json = one array; the others line-oriented); `ctx` gives plover its sentence and article, csv its sentence_text. */
export function formatEvents(events: EventRecord[], format: EventFormat, withHeader = true, ctx?: (e: EventRecord) => PloverContext): string {
  switch (format) {
    case 'jsonl': return events.map((e) => JSON.stringify(e) + '\n').join('');
    case 'json': return JSON.stringify(events, null, 2) + '\n';
    case 'csv': return (withHeader ? csvHeader() : '') + events.map((e) => { const c = ctx?.(e); return toCsvRow(e, c?.sentence, c); }).join('');
    case 'gdelt': return events.map((e) => toGdeltRows(e)).join('');
    case 'plover': return events.map((e) => ploverLine(e, ctx?.(e))).join('');
  }
}
