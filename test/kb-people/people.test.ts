// Data checks for data/kb/offices.json and data/kb/people/*.json (issue 3).
// Offline: reads only this repository. ISO3 codes are checked against data/kb/states.json when present,
// else against the ISO 3166-1 alpha-3 list embedded below (source: ISO 3166-1, plus XKX for Kosovo).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KB = join(ROOT, 'data', 'kb');

const ISO3_FALLBACK = `ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM
BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU
DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM
GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN
LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT
NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU
SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
TUN TUR TUV TWN TZA UGA UMI UKR URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE XKX`.split(/\s+/);

const REQUIRED_OFFICES = ['head_of_state', 'president', 'vice_president', 'prime_minister', 'head_of_government', 'chancellor',
  'monarch', 'supreme_leader', 'foreign_minister', 'defence_minister', 'interior_minister', 'finance_minister',
  'security_council_secretary', 'national_security_adviser', 'intelligence_chief', 'chief_of_general_staff', 'army_chief',
  'military_commander', 'spokesperson', 'ambassador', 'un_ambassador', 'deputy_prime_minister', 'deputy_foreign_minister',
  'minister', 'speaker_of_parliament', 'lawmaker', 'senator', 'judge', 'police_chief', 'opposition_leader', 'party_leader',
  'insurgent_leader', 'secretary_general', 'governor', 'mayor', 'envoy'];
const SECTORS = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY', 'OPP', 'PTY', 'REB', 'REL', 'ELI', 'BUS', 'MED', 'JRN', 'CVL', 'IGO']);

interface Office { id: string; titles: string[]; sector: string; single_holder: boolean; rank: number; sources: string[] }
interface Role { office: string; country: string; org?: string; start: string | null; end: string | null; title?: string }
interface Person {
  id: string; name: string; aliases?: string[]; gender?: string; country: string; surname?: string;
  roles: Role[]; sources: string[]; ambiguous_with?: string; note?: string;
}

const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const offices = readJson(join(KB, 'offices.json')) as Office[];
const officeById = new Map(offices.map((o) => [o.id, o]));
const peopleFiles = readdirSync(join(KB, 'people')).filter((f) => f.endsWith('.json')).sort();
const people: Array<Person & { file: string }> = [];
for (const f of peopleFiles) {
  const arr = readJson(join(KB, 'people', f));
  assert.ok(Array.isArray(arr), `${f}: must be a JSON array`);
  for (const p of arr as Person[]) people.push({ ...p, file: f });
}
const statesPath = join(KB, 'states.json');
const ISO3 = new Set<string>(ISO3_FALLBACK);
if (existsSync(statesPath)) for (const s of readJson(statesPath) as Array<{ id: string }>) ISO3.add(s.id);

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 1 || mo > 12) return false;
  const dim = new Date(Date.UTC(Number(m[1]), mo, 0)).getUTCDate();
  return d >= 1 && d <= dim;
}
// A partial date is a range: "2024-05" = 2024-05-01 … 2024-05-31.
function earliest(s: string): string {
  const [y, m = '01', d = '01'] = s.split('-');
  return `${y}-${m}-${d}`;
}
function latest(s: string): string {
  const [y, m, d] = s.split('-');
  if (d) return s;
  if (m) return `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`;
  return `${y}-12-31`;
}
const norm = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Holder of a single-holder office on a day (test helper; the real resolver lives in src/actors). */
function holders(office: string, country: string, day: string, org?: string): string[] {
  return people.filter((p) => p.roles.some((r) => r.office === office && r.country === country && (org === undefined || r.org === org) && r.start !== null &&
    earliest(r.start) <= day && (r.end === null || latest(r.end) > day))).map((p) => p.id);
}

test('offices.json: required ids, unique ids, valid sectors, lowercase titles, sourced', () => {
  const ids = new Set<string>();
  for (const o of offices) {
    assert.ok(!ids.has(o.id), `duplicate office id ${o.id}`);
    ids.add(o.id);
    assert.ok(SECTORS.has(o.sector), `${o.id}: sector ${o.sector}`);
    assert.equal(typeof o.single_holder, 'boolean', `${o.id}: single_holder`);
    assert.ok(Number.isInteger(o.rank) && o.rank >= 1, `${o.id}: rank`);
    assert.ok(o.titles.length > 0 && o.titles.every((t) => t === t.toLowerCase() && t.trim() === t), `${o.id}: titles`);
    assert.ok(o.sources.length > 0, `${o.id}: sources`);
  }
  for (const id of REQUIRED_OFFICES) assert.ok(ids.has(id), `missing office ${id}`);
});

test('office titles are not claimed by two offices', () => {
  const seen = new Map<string, string>();
  for (const o of offices) for (const t of o.titles) {
    assert.ok(!seen.has(t), `title "${t}" in ${seen.get(t)} and ${o.id}`);
    seen.set(t, o.id);
  }
});

test('people: well-formed, sourced, valid codes and dates', () => {
  assert.ok(people.length >= 300, `only ${people.length} people`);
  const ids = new Set<string>();
  for (const p of people) {
    const at = `${p.file} ${p.id}`;
    assert.match(p.id, /^person\/[a-z0-9]+(?:-[a-z0-9]+)*$/, `${at}: id`);
    assert.ok(!ids.has(p.id), `${at}: duplicate id`);
    ids.add(p.id);
    assert.ok(p.name && p.name.trim() === p.name, `${at}: name`);
    // gender is optional (the generated CountryInfo entries have none); when given it must be m/f
    assert.ok(p.gender === undefined || p.gender === 'm' || p.gender === 'f', `${at}: gender`);
    assert.ok(ISO3.has(p.country) || p.country === 'IGO', `${at}: country ${p.country}`);
    assert.ok(Array.isArray(p.sources) && p.sources.length > 0 && p.sources.every((s) => typeof s === 'string' && s), `${at}: sources`);
    assert.ok(Array.isArray(p.roles), `${at}: roles`);
    if (p.surname) assert.ok(norm(p.name).includes(norm(p.surname)) || (p.aliases ?? []).some((a) => norm(a).includes(norm(p.surname!))), `${at}: surname not in name/aliases`);
    for (const r of p.roles) {
      assert.ok(officeById.has(r.office), `${at}: unknown office ${r.office}`);
      if (r.country === 'IGO') assert.match(r.org ?? '', /^org\/[a-z0-9-]+$/, `${at}: IGO role needs org`);
      else assert.ok(ISO3.has(r.country), `${at}: role country ${r.country}`);
      assert.ok(r.start === null || validDate(r.start), `${at}: start ${r.start}`);
      assert.ok(r.end === null || validDate(r.end), `${at}: end ${r.end}`);
      if (r.start && r.end) assert.ok(earliest(r.start) <= latest(r.end), `${at}: ${r.office} start ${r.start} > end ${r.end}`);
      if (r.end) assert.ok(r.end <= '2026-12', `${at}: end in the future`);
    }
  }
});

test('role titles are plain phrases (the loader adds them to the office trie)', () => {
  const bad: string[] = [];
  for (const p of people) for (const r of p.roles) {
    if (r.title !== undefined && (!r.title.trim() || /[()[\]{};]/.test(r.title) || r.title.length > 90)) bad.push(`${p.id}: "${r.title}"`);
  }
  assert.deepEqual(bad, []);
});

test('no overlapping terms for a single-holder office in one country/org', () => {
  const groups = new Map<string, Array<{ who: string; s: string; e: string | null }>>();
  for (const p of people) for (const r of p.roles) {
    const o = officeById.get(r.office);
    if (!o?.single_holder || !r.start) continue;
    const key = `${r.office}|${r.country}|${r.org ?? ''}`;
    const g = groups.get(key) ?? [];
    g.push({ who: p.id, s: r.start, e: r.end });
    groups.set(key, g);
  }
  // Same rule as the loader (src/actors/kb.ts): terms sorted by start; a later term may begin on the
  // day (or in the month) the earlier one ends, never before.
  const problems: string[] = [];
  for (const [key, g] of groups) {
    g.sort((a, b) => earliest(a.s).localeCompare(earliest(b.s)));
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) {
      const a = g[i]!, b = g[j]!;
      if (a.who === b.who) continue;
      if (earliest(b.s) < (a.e === null ? '9999' : earliest(a.e))) problems.push(`${key}: ${a.who} ${a.s}..${a.e} vs ${b.who} ${b.s}..${b.e}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('no name or alias claimed by two people without an ambiguous_with note', () => {
  const claims = new Map<string, Set<string>>();
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const p of people) for (const a of [p.name, ...(p.aliases ?? [])]) {
    const k = norm(a);
    const s = claims.get(k) ?? new Set<string>();
    s.add(p.id);
    claims.set(k, s);
  }
  const problems: string[] = [];
  for (const [k, s] of claims) {
    if (s.size < 2) continue;
    const ids = [...s];
    // As in the loader: all but one claimant must carry a note, and a note names the others it is shared with.
    const unnoted = ids.filter((id) => !byId.get(id)!.ambiguous_with);
    if (unnoted.length > 1) problems.push(`"${k}": ${unnoted.join(', ')} share it and none has an ambiguous_with note`);
    for (const id of ids) {
      const note = byId.get(id)!.ambiguous_with;
      if (!note) continue;
      const missing = ids.filter((o) => o !== id && !note.includes(o) && byId.get(o)!.ambiguous_with && !byId.get(o)!.ambiguous_with!.includes(id));
      if (missing.length) problems.push(`"${k}": ${id}'s note does not name ${missing.join(', ')}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('spot checks: holders of key offices on given days (public record)', () => {
  const cases: Array<[string, string, string, string]> = [
    ['president', 'USA', '2023-06-01', 'person/joe-biden'],
    ['president', 'USA', '2025-06-01', 'person/donald-trump'],
    ['president', 'USA', '2005-03-01', 'person/george-w-bush'],
    ['president', 'RUS', '2010-01-01', 'person/dmitry-medvedev'],
    ['president', 'RUS', '2026-01-01', 'person/vladimir-putin'],
    ['defence_minister', 'RUS', '2024-06-01', 'person/andrei-belousov'],
    ['security_council_secretary', 'RUS', '2025-01-01', 'person/sergei-shoigu'],
    ['chancellor', 'DEU', '2025-09-01', 'person/friedrich-merz'],
    ['prime_minister', 'GBR', '2024-09-01', 'person/keir-starmer'],
    ['foreign_minister', 'CHN', '2023-03-01', 'person/qin-gang'],
    ['foreign_minister', 'AFG', '2022-01-01', 'person/amir-khan-muttaqi'],
    // handovers the old dictionaries miss (half-open terms: the successor holds the office on the handover day)
    ['president', 'USA', '2025-01-19', 'person/joe-biden'],
    ['president', 'USA', '2025-01-20', 'person/donald-trump'],
    ['chancellor', 'DEU', '2025-05-05', 'person/olaf-scholz'],
    ['chancellor', 'DEU', '2025-05-06', 'person/friedrich-merz'],
    ['prime_minister', 'GBR', '2024-07-04', 'person/rishi-sunak'],
    ['prime_minister', 'JPN', '2024-09-30', 'person/fumio-kishida'],
    ['prime_minister', 'JPN', '2025-01-01', 'person/shigeru-ishiba'],
    ['prime_minister', 'JPN', '2025-11-01', 'person/sanae-takaichi'],
    ['defence_minister', 'RUS', '2020-01-01', 'person/sergei-shoigu'],
    ['security_council_secretary', 'RUS', '2020-01-01', 'person/nikolai-patrushev'],
    ['foreign_minister', 'CHN', '2024-01-01', 'person/wang-yi'],
    ['foreign_minister', 'RUS', '2026-05-14', 'person/sergei-lavrov'],
    ['president', 'UKR', '2024-01-01', 'person/volodymyr-zelensky'],
    ['defence_minister', 'UKR', '2024-01-01', 'person/rustem-umerov'],
    ['prime_minister', 'UKR', '2025-09-01', 'person/yulia-svyrydenko'],
    ['supreme_leader', 'AFG', '2023-01-01', 'person/haibatullah-akhundzada'],
    ['prime_minister', 'AFG', '2023-01-01', 'person/mohammad-hassan-akhund'],
    ['president', 'AFG', '2010-01-01', 'person/hamid-karzai'],
    ['president', 'SYR', '2020-01-01', 'person/bashar-al-assad'],
    ['president', 'SYR', '2025-06-01', 'person/ahmed-al-sharaa'],
    ['prime_minister', 'GBR', '2005-01-01', 'person/tony-blair'],
    ['president', 'FRA', '2005-01-01', 'person/jacques-chirac'],
    ['chancellor', 'DEU', '2005-01-01', 'person/gerhard-schroder'],
    ['prime_minister', 'JPN', '2005-01-01', 'person/junichiro-koizumi'],
    ['secretary_general', 'IGO', '2020-01-01', 'person/jens-stoltenberg'],
  ];
  for (const [office, country, day, who] of cases) {
    const org = country === 'IGO' ? 'org/nato' : undefined;
    assert.deepEqual(holders(office, country, day, org), [who], `${office} ${country} ${day}`);
  }
});

test('the actors loader accepts the files', async () => {
  const { loadKB } = await import('../../src/actors/kb.js');
  const kb = loadKB(KB) as unknown as { people: Map<string, unknown>; offices: Map<string, unknown> };
  assert.equal(kb.people.size, people.length);
  assert.equal(kb.offices.size, offices.length);
});
