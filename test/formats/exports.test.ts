// The export formats a researcher loads into other tools: PLOVER JSON (checked against a schema
// written from the PLOVER specification), GDELT 2.0 TSV (the codebook's 61 columns and types) and CSV
// (RFC 4180 quoting). The records are hand-built samples, not real coder output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { countryPoint, CSV_COLUMNS, fipsOf, formatEvents, GDELT_COLUMNS, gdeltDateAdded, gdeltEventId, ploverLine, toGdeltRows, toPlover } from '../../src/events/formats.js';
import type { Entity, EventRecord } from '../../src/types.js';
import { parseCsv } from '../helpers/csv.js';

const ent = (o: Partial<Entity> & Pick<Entity, 'name' | 'code'>): Entity => ({
  entity_text: o.name, id: o.code, kind: 'state', country_code: o.code.slice(0, 3), sector: null, office: null, sentence: 0, start: 0, end: 1, ...o,
});
const RUS = ent({ name: 'Russia', code: 'RUS' });
const AFGGOV = ent({ name: 'Islamic Emirate of Afghanistan', entity_text: 'the Taliban government', id: 'gov/afg', kind: 'government', code: 'AFGGOV', country_code: 'AFG', sector: 'GOV' });
const UN = ent({ name: 'United Nations', entity_text: 'the UN', id: 'org/un', kind: 'igo', code: 'IGOUNO', country_code: 'IGO', sector: 'GOV' });
const CHN = ent({ name: 'China', code: 'CHN' });

// sample sentence, written for this test
const SENT = 'Russia said on Tuesday it would send "more, not less" aid to Kabul, officials said.';
const rec = (o: Partial<EventRecord> = {}): EventRecord => ({
  id: 'samples/a.md#2.7', doc_id: 'samples/a.md', link: 'https://example.invalid/a', event_text: 'send aid',
  date: '2015-02-18', date_precision: 'day', date_source: 'text', date_text: 'Tuesday',
  actor: [RUS], recipient: [AFGGOV], event: 'AGREE', mode: null, context: ['economic'], cameo: '0331', quad_code: 1,
  goldstein: 5.2, intensity: null, negated: false, modality: 'future', speaker: null, via: null, quote: null,
  event_loc: { text: 'Kabul', name: 'Afghanistan', country_code: 'AFG' },
  text_info: { sentence: 2, start: 100, end: 100 + SENT.length, trigger: { text: 'send', start: 130, end: 134 } }, confidence: 0.8,
  ...o,
});

// ------------------------------------------------------------------ PLOVER

// Field → type, from the PLOVER specification (openeventdata/PLOVER PLOVER_MANUAL.tex, draft 0.7b1,
// "JSON Data Fields": the event record table; the actor, text, citation and location object tables).
// Required by the spec: id, date, source, event. "?" = may be null.
type T = 'string' | 'string?' | 'integer' | 'integer?' | 'array' | 'object' | 'object?';
const RECORD: Record<string, T> = {
  id: 'string', date: 'string?', enddate: 'string?', source: 'array', recipient: 'array', event: 'string',
  event_text: 'string', quad_code: 'integer', mode: 'string?', context: 'array', event_loc: 'object?', link: 'string?',
  text: 'string?', text_info: 'object', cite_info: 'object', entente: 'object',
};
const ACTOR: Record<string, T> = {
  code: 'string?', sector: 'string?', actor_text: 'string', identifier_id: 'string', identifier_text: 'string', office: 'string?', entente: 'object',
};
const TEXT_INFO: Record<string, T> = { sequence: 'integer', start: 'integer', end: 'integer' };
const CITE_INFO: Record<string, T> = { url: 'string?', title: 'string?', publication: 'string?', published: 'string?', language: 'string?', coder: 'string', codebook: 'string' };
// the geonames names PLOVER adopts: country_code = ISO 3166 alpha-2, cc3 = alpha-3
const LOCATION: Record<string, T> = { name: 'string', country_code: 'string?', cc3: 'string?', entente: 'object' };
const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

function check(o: Record<string, unknown>, schema: Record<string, T>, where: string): void {
  // every top-level name is the spec's; entente's own fields live under `entente` only
  assert.deepEqual(Object.keys(o).sort(), Object.keys(schema).sort(), `${where}: field names`);
  for (const [k, t] of Object.entries(schema)) {
    const v = o[k];
    if (t.endsWith('?') && v === null) continue;
    const base = t.replace('?', '');
    if (base === 'integer') assert.ok(Number.isInteger(v), `${where}.${k} integer`);
    else if (base === 'array') assert.ok(Array.isArray(v), `${where}.${k} array`);
    else if (base === 'object') assert.ok(v && typeof v === 'object' && !Array.isArray(v), `${where}.${k} object`);
    else assert.equal(typeof v, base, `${where}.${k} ${base}`);
  }
}

function checkPlover(p: Record<string, unknown>): void {
  check(p, RECORD, 'record');
  assert.ok(PLOVER_TYPES.includes(p.event as string), 'event is a PLOVER category');
  assert.ok([1, 2, 3, 4].includes(p.quad_code as number));
  for (const d of [p.date, p.enddate]) if (d !== null) assert.match(d as string, /^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
  for (const side of ['source', 'recipient']) for (const a of p[side] as Record<string, unknown>[]) {
    check(a, ACTOR, side);
    if (a.code !== null) assert.match(a.code as string, /^[A-Z]{3}$/, '3-letter top-level actor code');
  }
  check(p.text_info as Record<string, unknown>, TEXT_INFO, 'text_info');
  check(p.cite_info as Record<string, unknown>, CITE_INFO, 'cite_info');
  if (p.event_loc) check(p.event_loc as Record<string, unknown>, LOCATION, 'event_loc');
  for (const c of p.context as unknown[]) assert.equal(typeof c, 'string');
}

test('plover: a record has the PLOVER spec names and types, entente extras under `entente`', () => {
  const p = toPlover(rec(), { sentence: SENT, title: 'Sample', publication: 'example.invalid', published: '2015-02-18' });
  checkPlover(p);
  assert.equal(p.event, 'AGREE');
  assert.equal(p.text, SENT);
  assert.deepEqual(p.text_info, { sequence: 2, start: 100, end: 100 + SENT.length });
  assert.equal((p.cite_info as { url: string }).url, 'https://example.invalid/a');
  assert.deepEqual(p.event_loc, { name: 'Afghanistan', country_code: 'AF', cc3: 'AFG', entente: { text: 'Kabul' } });
  const [src] = p.source as Record<string, unknown>[];
  assert.deepEqual({ ...src, entente: undefined }, { code: 'RUS', sector: null, actor_text: 'Russia', identifier_id: 'RUS', identifier_text: 'Russia', office: null, entente: undefined });
  const [r] = p.recipient as Record<string, unknown>[];
  assert.equal(r!.code, 'AFG');
  assert.equal(r!.sector, 'GOV');
  assert.equal((r!.entente as { code: string }).code, 'AFGGOV');
  const x = p.entente as Record<string, unknown>;
  assert.deepEqual(x.cameo, { code: '0331', name: 'Express intent to provide economic aid' });
  assert.equal(x.modality, 'future');
  assert.deepEqual(x.dyads, [{ source: 'RUS', target: 'AFG' }]);
});

test('plover: a JSONL line round-trips, and every record of a batch validates', () => {
  const batch = [
    rec(),
    rec({ id: 'b', actor: [UN], recipient: [], event: 'PROTEST', cameo: '141', quad_code: 4, event_loc: null, link: null }),
    rec({ id: 'c', actor: [RUS, CHN], recipient: [], event: 'CONSULT', cameo: '040', date: '2021-08', date_precision: 'month' }),
    rec({ id: 'd', date: null, date_precision: null, date_source: null, date_text: null }),
  ];
  const lines = formatEvents(batch, 'plover').trim().split('\n');
  assert.equal(lines.length, 4);
  for (const [i, line] of lines.entries()) {
    const p = JSON.parse(line) as Record<string, unknown>;
    checkPlover(p);
    assert.deepEqual(p, JSON.parse(JSON.stringify(toPlover(batch[i]!))), 'the line is the record');
    assert.equal(p.id, batch[i]!.id);
    assert.deepEqual((p.source as { identifier_id: string }[]).map((a) => a.identifier_id), batch[i]!.actor.map((a) => a.id));
  }
  const [, igo, recip, undated] = lines.map((l) => JSON.parse(l) as Record<string, any>);
  assert.equal(igo.source[0].code, 'IGO', 'an IGO keeps its top-level code');
  assert.equal(igo.quad_code, 4);
  assert.equal(igo.cite_info.url, null);
  // PLOVER's reciprocal convention: every party a source, no recipient; entente.dyads expands it
  assert.equal(recip.entente.reciprocal, true);
  assert.deepEqual(recip.entente.dyads, [{ source: 'RUS', target: 'CHN' }, { source: 'CHN', target: 'RUS' }]);
  // a month-precision date is a full day plus enddate; the original stays under entente
  assert.equal(recip.date, '2021-08-01');
  assert.equal(recip.enddate, '2021-08-31');
  assert.equal(recip.entente.date, '2021-08');
  assert.equal(undated.date, null);
  assert.equal(undated.enddate, null);
});

test('plover: the quad follows the PLOVER category (POLECAT table), not the CAMEO root', () => {
  // CAMEO 08 yield codes are material cooperation; PLOVER CONCEDE is verbal cooperation
  assert.equal(toPlover(rec({ event: 'CONCEDE', cameo: '081', quad_code: 2 })).quad_code, 1);
  assert.equal(toPlover(rec({ event: 'RETREAT', cameo: '0871', quad_code: 2 })).quad_code, 2);
  assert.equal(toPlover(rec({ event: 'SANCTION', cameo: '163', quad_code: 4 })).quad_code, 4);
  assert.equal(toPlover(rec({ date: '2024', date_precision: 'year' })).enddate, '2024-12-31');
  assert.equal(toPlover(rec({ date: '2024-02', date_precision: 'month' })).enddate, '2024-02-29');
});

test('data/formats/plover.json gives a quad to every PLOVER type of the lexicon', () => {
  const quad = (JSON.parse(readFileSync(new URL('../../data/formats/plover.json', import.meta.url), 'utf8')) as { quad: Record<string, number> }).quad;
  const types = Object.keys((JSON.parse(readFileSync(new URL('../../data/lexicon/plover_types.json', import.meta.url), 'utf8')) as { types: Record<string, unknown> }).types);
  assert.deepEqual(Object.keys(quad).sort(), [...types].sort());
  assert.deepEqual(types.sort(), [...PLOVER_TYPES].sort());
});

test('gdelt: a negated record gives no row (no column can say "not"); leftOut names why each format drops a record', async () => {
  const { leftOut, leftOutNote } = await import('../../src/events/formats.js');
  const neg = rec({ negated: true, cameo: '161', event: 'SANCTION', quad_code: 4, goldstein: -4 });
  assert.equal(toGdeltRows(neg), '');
  assert.equal(formatEvents([neg, rec()], 'gdelt').trim().split('\n').length, 1);
  assert.equal(leftOut(neg, 'gdelt'), 'negated');
  assert.equal(leftOut(rec({ event: null, cameo: '016' }), 'plover'), 'no-plover-category');
  for (const f of ['jsonl', 'json', 'csv', 'plover'] as const) assert.equal(leftOut(neg, f), null, `${f} keeps a negated record`);
  assert.equal(leftOutNote('code', 'gdelt', 0), '');
  assert.match(leftOutNote('code', 'gdelt', 2), /^entente code: 2 negated records .* left out of --format gdelt/);
});

test('isKnownEventType: a PLOVER type in any case or the start of a CAMEO code; typos are not', async () => {
  const { isKnownEventType } = await import('../../src/events/formats.js');
  for (const t of ['CONSULT', 'consult', 'Assault', '04', '042', '0332', '20']) assert.ok(isKnownEventType(t), t);
  for (const t of ['CONSLUT', 'DISAPPROVE', '99', '0', '21', '']) assert.ok(!isKnownEventType(t), t);
});

test('plover: a record with no PLOVER category (a CAMEO 01 statement) is left out', () => {
  assert.equal(ploverLine(rec({ event: null, cameo: '016', quad_code: 1 })), '');
  assert.equal(formatEvents([rec({ event: null, cameo: '016' }), rec()], 'plover').trim().split('\n').length, 1);
});

// ------------------------------------------------------------------ GDELT 2.0

const col = (row: string, name: (typeof GDELT_COLUMNS)[number]) => row.replace(/\n$/, '').split('\t')[GDELT_COLUMNS.indexOf(name)];

test('gdelt: the codebook\'s 61 columns in order, integer unique GLOBALEVENTID per row', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual([GDELT_COLUMNS[0], GDELT_COLUMNS[1], GDELT_COLUMNS[25], GDELT_COLUMNS[34], GDELT_COLUMNS[39], GDELT_COLUMNS[59], GDELT_COLUMNS[60]],
    ['GLOBALEVENTID', 'SQLDATE', 'IsRootEvent', 'AvgTone', 'Actor1Geo_ADM2Code', 'DATEADDED', 'SOURCEURL']);
  const rows = toGdeltRows(rec({ actor: [RUS, CHN] })).trim().split('\n');
  assert.equal(rows.length, 2, 'one row per actor × recipient pair');
  for (const r of rows) assert.equal(r.split('\t').length, 61);
  const ids = rows.map((r) => col(r, 'GLOBALEVENTID')!);
  for (const id of ids) assert.match(id, /^[1-9]\d*$/);
  assert.notEqual(ids[0], ids[1]);
  assert.ok(ids.every((id) => Number(id) <= Number.MAX_SAFE_INTEGER));
  assert.equal(ids[0], String(gdeltEventId('samples/a.md#2.7|0')), 'stable across runs');
});

test('gdelt: dates are the event\'s, FractionDate as GDELT files give it, undated stays empty', () => {
  const r = toGdeltRows(rec());
  assert.equal(col(r, 'SQLDATE'), '20150218');
  assert.equal(col(r, 'MonthYear'), '201502');
  assert.equal(col(r, 'Year'), '2015');
  assert.equal(col(r, 'FractionDate'), '2015.1315');
  assert.ok(Number(col(toGdeltRows(rec({ date: '2015-12-31' })), 'FractionDate')) < 2016);
  const m = toGdeltRows(rec({ date: '2021-08', date_precision: 'month' }));
  assert.equal(col(m, 'SQLDATE'), '20210801');
  const u = toGdeltRows(rec({ date: null, date_precision: null, date_source: null }));
  for (const c of ['SQLDATE', 'MonthYear', 'Year', 'FractionDate'] as const) assert.equal(col(u, c), '');
});

test('gdelt: actor, event and geo columns', () => {
  const r = toGdeltRows(rec({ actor: [UN], link: null }));
  assert.equal(col(r, 'Actor1Code'), 'IGOUNO');
  assert.equal(col(r, 'Actor1CountryCode'), '', 'an IGO has no country');
  assert.equal(col(r, 'Actor1KnownGroupCode'), 'UNO');
  assert.equal(col(r, 'Actor2Code'), 'AFGGOV');
  assert.equal(col(r, 'Actor2CountryCode'), 'AFG');
  assert.equal(col(r, 'Actor2KnownGroupCode'), '');
  assert.equal(col(r, 'Actor2Type1Code'), 'GOV');
  assert.deepEqual([col(r, 'EventCode'), col(r, 'EventBaseCode'), col(r, 'EventRootCode'), col(r, 'QuadClass')], ['0331', '033', '03', '1']);
  assert.equal(col(r, 'IsRootEvent'), '1');
  assert.equal(col(r, 'ActionGeo_Type'), '1');
  assert.equal(col(r, 'ActionGeo_FullName'), 'Afghanistan');
  assert.equal(col(r, 'ActionGeo_CountryCode'), 'AF', 'FIPS 10-4, as GDELT');
  assert.equal(col(r, 'ActionGeo_FeatureID'), 'AF');
  const de = toGdeltRows(rec({ event_loc: { text: 'Berlin', name: 'Germany', country_code: 'DEU' } }));
  assert.equal(col(de, 'ActionGeo_CountryCode'), 'GM', 'FIPS differs from ISO alpha-2 (DE)');
  assert.equal(col(toGdeltRows(rec({ event_loc: null })), 'ActionGeo_CountryCode'), '');
  assert.equal(col(r, 'SOURCEURL'), 'samples/a.md', 'no URL: the citation is the document id');
  assert.equal(col(toGdeltRows(rec({ actor: [ent({ name: 'APEC', code: 'IGOAPEC', country_code: 'IGO' })] })), 'Actor1KnownGroupCode'), '', 'no 3-letter group code');
  const tabs = toGdeltRows(rec({ actor: [ent({ name: 'A\tB\nC', code: 'RUS' })] }));
  assert.equal(tabs.split('\n').length, 2, 'one line');
  assert.equal(col(tabs, 'Actor1Name'), 'A B C');
});

// GDELT Event Codebook V2.0 (GDELT Project, 2015-02-19), "Event Geography": Geo_Type 1 = COUNTRY;
// Geo_ADM1Code = the FIPS 10-4 country code followed by the ADM1 code, the country code alone for a
// country-level match; Geo_Lat/Geo_Long = the centroid of the landmark; Geo_FeatureID = the country code
// for a country. "Data Management Fields": DATEADDED = when the event was added to the database,
// YYYYMMDDHHMMSS in UTC (GDELT 2.0's 15-minute files).
test('gdelt: a country-level place has ADM1 = its FIPS code and the country\'s point; DATEADDED from the store only', () => {
  const r = toGdeltRows(rec());
  assert.equal(col(r, 'ActionGeo_ADM1Code'), 'AF');
  assert.equal(col(r, 'ActionGeo_ADM2Code'), '');
  assert.deepEqual([col(r, 'ActionGeo_Lat'), col(r, 'ActionGeo_Long')], ['33', '65'], 'the Factbook point of Afghanistan');
  assert.equal(col(r, 'ActionGeo_FeatureID'), 'AF');
  const us = toGdeltRows(rec({ event_loc: { text: 'Washington', name: 'United States', country_code: 'USA' } }));
  assert.deepEqual([col(us, 'ActionGeo_CountryCode'), col(us, 'ActionGeo_ADM1Code'), col(us, 'ActionGeo_Lat'), col(us, 'ActionGeo_Long')], ['US', 'US', '38', '-97']);
  // a city the coder names is a country-level row: FullName the country (the codebook's Type 1), the city stays in jsonl/plover
  const city = toGdeltRows(rec({ event_loc: { text: 'in Tashkent', name: 'Tashkent', country_code: 'UZB' } }));
  assert.deepEqual([col(city, 'ActionGeo_Type'), col(city, 'ActionGeo_FullName'), col(city, 'ActionGeo_CountryCode')], ['1', 'Uzbekistan', 'UZ']);
  assert.equal((toPlover(rec({ event_loc: { text: 'in Tashkent', name: 'Tashkent', country_code: 'UZB' } })).event_loc as { name: string }).name, 'Tashkent');
  // a country whose two copies of the Factbook disagree (Kuwait) keeps its codes, not a guessed point
  const kw = toGdeltRows(rec({ event_loc: { text: 'Kuwait', name: 'Kuwait', country_code: 'KWT' } }));
  assert.deepEqual([col(kw, 'ActionGeo_CountryCode'), col(kw, 'ActionGeo_Lat'), col(kw, 'ActionGeo_Long')], ['KU', '', '']);
  // no place: every geo column empty; the actors' geo is never filled (no place is recorded beside an actor)
  const none = toGdeltRows(rec({ event_loc: null }));
  for (const c of GDELT_COLUMNS.filter((n) => /Geo_/.test(n))) assert.equal(col(none, c), '', c);
  for (const c of GDELT_COLUMNS.filter((n) => /^Actor\dGeo_/.test(n))) assert.equal(col(r, c), '', c);
  // DATEADDED: empty without a store (`entente code` never reads the clock), the stored time otherwise
  assert.equal(col(r, 'DATEADDED'), '');
  assert.equal(col(toGdeltRows(rec(), { dateAdded: '2026-11-28T09:16:10.123Z' }), 'DATEADDED'), '20261128091610');
  assert.equal(gdeltDateAdded('2026-11-28T11:16:10+02:00'), '20261128091610', 'UTC');
  assert.equal(gdeltDateAdded('not a date'), '');
});

test('data/formats/geo-countries.json: a point for most FIPS-coded states, each inside the globe and on the right side of it', () => {
  const fips = (JSON.parse(readFileSync(new URL('../../data/formats/fips10.json', import.meta.url), 'utf8')) as { codes: Record<string, string> }).codes;
  const g = JSON.parse(readFileSync(new URL('../../data/formats/geo-countries.json', import.meta.url), 'utf8')) as { source: string; points: Record<string, [number, number]>; left_out: Record<string, string> };
  assert.match(g.source, /World Factbook/);
  for (const k of Object.keys(g.points)) assert.ok(k in fips, `${k} has a FIPS code (else GDELT has no place for it)`);
  for (const k of Object.keys(g.left_out)) assert.ok(!(k in g.points), `${k} is left out`);
  assert.ok(Object.keys(g.points).length >= 180, 'most states');
  // hemispheres a reader can check without a map
  const sign = (k: string) => countryPoint(k)!.map(Math.sign);
  assert.deepEqual(sign('BRA'), [-1, -1]);
  assert.deepEqual(sign('AUS'), [-1, 1]);
  assert.deepEqual(sign('CAN'), [1, -1]);
  assert.deepEqual(sign('JPN'), [1, 1]);
  assert.equal(countryPoint('XXX'), null);
});

test('data/formats/fips10.json: ISO3 states of the KB → 2-letter FIPS codes, each used by one state only', () => {
  const codes = (JSON.parse(readFileSync(new URL('../../data/formats/fips10.json', import.meta.url), 'utf8')) as { codes: Record<string, string> }).codes;
  const states = new Set((JSON.parse(readFileSync(new URL('../../data/kb/states.json', import.meta.url), 'utf8')) as { id: string }[]).map((x) => x.id));
  const seen = new Map<string, string>();
  for (const [iso3, f] of Object.entries(codes)) {
    assert.ok(states.has(iso3), `${iso3} is a KB state`);
    assert.match(f, /^[A-Z]{2}$/);
    assert.ok(!seen.has(f), `${f} used by ${seen.get(f)} and ${iso3}`);
    seen.set(f, iso3);
  }
  // codes where FIPS and ISO differ, checked by hand
  assert.deepEqual(['RUS', 'UKR', 'GBR', 'CHN', 'ZAF', 'MMR', 'COG', 'COD', 'KGZ', 'GTM'].map(fipsOf), ['RS', 'UP', 'UK', 'CH', 'SF', 'BM', 'CF', 'CG', 'KG', 'GT']);
  assert.equal(fipsOf('PSE'), '', 'FIPS has no one code for Palestine');
});

// ------------------------------------------------------------------ CSV

test('csv: RFC 4180 quoting round-trips commas, quotes and line breaks; one header', () => {
  const tricky = rec({ event_text: 'send "more, not less"\naid', actor: [ent({ name: 'Smith, John "Jack"', code: 'USA' })] });
  const rows = parseCsv(formatEvents([tricky, rec({ id: 'x', date: null })], 'csv'));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 3);
  for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
  const at = (r: string[], c: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(c)];
  assert.equal(at(rows[1]!, 'event_text'), 'send "more, not less"\naid');
  assert.equal(at(rows[1]!, 'actor_names'), 'Smith, John "Jack"');
  assert.equal(at(rows[1]!, 'date'), '2015-02-18');
  assert.equal(at(rows[2]!, 'date'), '', 'undated: empty, not a made-up day');
  assert.equal(at(rows[1]!, 'sentence_text'), '', 'no document at hand: empty');
  // with the document: the evidence sentence, quotes and commas intact
  const withText = parseCsv(formatEvents([tricky], 'csv', true, () => ({ sentence: SENT })));
  assert.equal(at(withText[1]!, 'sentence_text'), SENT);
  assert.equal(withText[1]!.length, CSV_COLUMNS.length);
});

// ------------------------------------------------------------------ end to end (entente code)

test('entente code: plover and csv carry the evidence sentence read from the document', async () => {
  const { runCli } = await import('../helpers/cli.js');
  // sample sentence written for this test
  const text = 'Chile sent food aid to Peru on Tuesday, officials said.';
  const stdin = JSON.stringify({ id: 'sample-1', text, date: '2024-03-07', url: 'https://samples.entente.invalid/ux/1', title: 'Sample' }) + '\n';
  const pl = await runCli(['code'], ['code', '-', '--format', 'plover'], stdin);
  assert.equal(pl.code, 0, pl.stderr);
  const p = JSON.parse(pl.stdout.trim().split('\n')[0]!);
  checkPlover(p);
  assert.equal(p.text, text);
  assert.equal(p.cite_info.title, 'Sample');
  assert.equal(p.cite_info.publication, 'samples.entente.invalid');
  const csv = await runCli(['code'], ['code', '-', '--format', 'csv'], stdin);
  assert.equal(csv.code, 0, csv.stderr);
  const rows = parseCsv(csv.stdout);
  assert.equal(rows[1]![CSV_COLUMNS.indexOf('sentence_text')], text);
});

test('entente code: plover\'s publication is the outlet the store gives the same article (site, else host without www.)', async () => {
  const { ploverContext } = await import('../../src/cli/code.js');
  const { outletOf } = await import('../../src/store/derive.js');
  const article = (o: Record<string, string | null>) => ({ url: null, canonical_url: null, title: 'Sample', published: '2024-03-07', site: null, language: 'en', ...o });
  const cases: [Record<string, string | null>, string | null][] = [
    [{ url: 'https://www.samples.entente.invalid/ux/1' }, 'samples.entente.invalid'],
    [{ canonical_url: 'https://samples.entente.invalid/ux/2' }, 'samples.entente.invalid'],
    [{ url: 'https://www.samples.entente.invalid/ux/3', site: ' Sample News ' }, 'Sample News'],
    [{}, null],
  ];
  for (const [o, want] of cases) {
    const doc = { text: SENT, article: article(o) } as unknown as Parameters<typeof ploverContext>[0];
    const ctx = ploverContext(doc)(rec({ text_info: { sentence: 0, start: 0, end: SENT.length, trigger: { text: 'send', start: 30, end: 34 } } }));
    assert.equal(ctx.publication, want, JSON.stringify(o));
    assert.equal(ctx.publication, outletOf(doc.article));
    assert.equal(ctx.sentence, SENT);
  }
});
