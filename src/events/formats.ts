// Output formats for events: jsonl/json (the contract, DESIGN.md "Output format"), csv, gdelt
// (GDELT 2.0 event table columns), plover (PLOVER JSON records). Shared by `entente code` and the
// store's `entente events --format ...` / export.
import type { Entity, EventRecord } from '../types.js';

export const EVENT_FORMATS = ['jsonl', 'json', 'csv', 'gdelt', 'plover'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

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
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const codes = (es: Entity[]): string => es.map((e) => e.code).join(';');
const names = (es: Entity[]): string => es.map((e) => e.name).join(';');

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n';
}
export function toCsvRow(e: EventRecord): string {
  const row = [
    e.id, e.doc_id, e.date, e.date_precision, e.date_source, codes(e.actor), names(e.actor), codes(e.recipient), names(e.recipient),
    e.event, e.mode, e.cameo, e.quad_code, e.goldstein, e.negated, e.modality, e.speaker?.name, e.via?.name, e.event_loc?.name, e.event_loc?.country_code,
    e.text_info.trigger.text, e.text_info.trigger.start, e.text_info.trigger.end, e.text_info.sentence, e.confidence, e.event_text, e.link,
    e.intended?.event, e.intended?.cameo, e.intended ? e.intended.negated : null,
  ];
  return row.map(csvCell).join(',') + '\n';
}

// ------------------------------------------------------------------ GDELT 2.0
// The 61 columns of the GDELT 2.0 event table (GDELT Event Codebook V2.0), tab-separated, no header.
// Mapping (fields we cannot fill stay empty):
//   GLOBALEVENTID  our event id (a string, not GDELT's integer), one row per actor × recipient pair
//   SQLDATE/MonthYear/Year/FractionDate  from `date`; a month- or year-precision date uses day/month 01
//     (the precision is lost: use jsonl when it matters)
//   ActorNCode     Entity.code (CAMEO-style, e.g. RUSGOV); ActorNName = name; ActorNCountryCode = ISO3
//     country (CAMEO country codes are ISO3-based); ActorNType1Code = PLOVER sector; other actor codes empty
//   IsRootEvent    1 when the event is in the article's first three sentences (GDELT: lead paragraph)
//   EventCode/EventBaseCode/EventRootCode = CAMEO 4/3/2 digits; QuadClass; GoldsteinScale
//   NumMentions/NumSources/NumArticles = 1 (one sentence of one article); AvgTone empty
//   ActionGeo_FullName = event_loc.name; geo country codes empty (GDELT uses FIPS 10-4, we hold ISO3);
//     lat/long/feature ids empty; ActorNGeo_* empty
//   DATEADDED empty (we never read the clock); SOURCEURL = link
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

function actorCols(e: Entity | null): unknown[] {
  if (!e) return ['', '', '', '', '', '', '', '', '', ''];
  return [e.code, e.name, e.country_code && e.country_code !== 'IGO' ? e.country_code : '', '', '', '', '', e.sector ?? '', '', ''];
}

export function toGdeltRows(e: EventRecord): string {
  const d = e.date ?? '';
  const y = d.slice(0, 4), m = d.slice(5, 7) || '01', day = d.slice(8, 10) || '01';
  const sql = y ? `${y}${m}${day}` : '';
  let frac = '';
  if (y) {
    const doy = (Date.UTC(+y, +m - 1, +day) - Date.UTC(+y, 0, 1)) / 86_400_000 + 1;
    frac = (Number(y) + doy / 365).toFixed(4);
  }
  const pairs: Array<[Entity | null, Entity | null]> = [];
  const actors = e.actor.length ? e.actor : [null];
  const recips = e.recipient.length ? e.recipient : [null];
  for (const a of actors) for (const r of recips) pairs.push([a, r]);
  const geo = ['', '', '', '', '', '', '', ''];
  const action = e.event_loc ? [1, e.event_loc.name, '', '', '', '', '', ''] : geo;
  return pairs.map(([a, r]) => [
    e.id, sql, y ? `${y}${m}` : '', y, frac,
    ...actorCols(a), ...actorCols(r),
    e.text_info.sentence <= 2 ? 1 : 0, e.cameo, e.cameo.slice(0, 3), e.cameo.slice(0, 2), e.quad_code, e.goldstein, 1, 1, 1, '',
    ...geo, ...geo, ...action,
    '', e.link ?? '',
  ].map(tsv).join('\t') + '\n').join('');
}

// ------------------------------------------------------------------ PLOVER
// PLOVER JSON record (openeventdata/PLOVER gold-standard record layout): source/target as
// {text, code (country), sector}; our extensions keep their contract names.
export function toPlover(e: EventRecord): Record<string, unknown> {
  const actor = (x: Entity) => ({ text: x.entity_text, code: x.country_code, sector: x.sector, actor_code: x.code, name: x.name });
  return {
    id: e.id,
    date: e.date,
    event: e.event,
    mode: e.mode,
    context: e.context.join(', ') || null,
    event_text: e.event_text,
    source: e.actor.map(actor),
    target: e.recipient.map(actor),
    reciprocal: !e.recipient.length && e.actor.length > 1,
    location: e.event_loc ? { text: e.event_loc.text, name: e.event_loc.name, country: e.event_loc.country_code } : null,
    cameo: e.cameo,
    negated: e.negated,
    modality: e.modality,
    speaker: e.speaker?.name ?? null,
    url: e.link,
    doc_id: e.doc_id,
    // an intent/refusal/threat record names the act it announces (EventRecord.intended)
    ...(e.intended ? { intended: { event: e.intended.event, cameo: e.intended.cameo, negated: e.intended.negated } } : {}),
  };
}

/** Format a batch of events (json = one array; the others line-oriented). */
export function formatEvents(events: EventRecord[], format: EventFormat, withHeader = true): string {
  switch (format) {
    case 'jsonl': return events.map((e) => JSON.stringify(e) + '\n').join('');
    case 'json': return JSON.stringify(events, null, 2) + '\n';
    case 'csv': return (withHeader ? csvHeader() : '') + events.map(toCsvRow).join('');
    case 'gdelt': return events.map(toGdeltRows).join('');
    case 'plover': return events.map((e) => JSON.stringify(toPlover(e)) + '\n').join('');
  }
}
