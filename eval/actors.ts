// npm run eval:actors — scores actor recognition/resolution against the gold sets in ../shared:
//   1. ngec-actor-tests: phrase (+ date) → country and sector (lookup, as `entente kb lookup` does)
//   2. re3d: detection of Person / Organisation / Nationality spans (overlap match, mapping below)
//   3. plover-gsr: country code of each gold actor span (the mention overlapping it)
// (throughput: `npm run bench:actors`). Reads ../shared; never run by `npm test`.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKB, lookup, recognizeActors } from '../src/actors/index.js';
import { looksLikeOrganisation } from '../src/actors/recognize.js';
import { splitSentences } from '../src/text/sentences.js';
import type { Entity, Mention, SentencedDoc } from '../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD = join(ROOT, '..', 'shared', 'gold');
if (!existsSync(GOLD)) {
  console.error(`eval:actors: ${GOLD} not found (the gold sets live in ../shared next to the project)`);
  process.exit(2);
}
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
// --kb DIR: score another KB directory (e.g. a snapshot of the committed data while data/kb is being edited)
const kbArg = process.argv.indexOf('--kb');
const kb = loadKB(kbArg > 0 ? process.argv[kbArg + 1] : undefined);
const jsonl = (p: string) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function mkDoc(text: string, refDate: string | null): SentencedDoc {
  return {
    id: 'eval', text, refDate, messages: [], english: true, sentences: splitSentences(text),
    article: { id: 'eval', url: null, canonical_url: null, title: null, published: refDate, modified: null, authors: [], site: null, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [] },
  };
}

// ---------------------------------------------------------------- 1. NGEC
// Country conventions mapped before scoring: NGEC writes Kosovo XKX (we: KOS, PLOVER), UN bodies
// "UNO" and the EU "EUR" (we: country IGO with CAMEO-style code IGOUNO… / IGOEUR…).
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// A test without a date asks about the actor as of the day it was written: the same "today".
function ngecDate(d: string | null | undefined): string | null {
  if (!d || /^today$/i.test(d)) return '2023-01-01'; // SOURCE.md: "today" was the test run's date, ~2022–2023
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  const m = /^(\d{1,2})\s+(\w+)\s+(\d{4})$/.exec(d.trim());
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    if (mo) return `${m[3]}-${String(mo).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return null;
}
// Two more of the conventions SOURCE.md asks to map (session 3): NGEC's sector codes UNK
// ("unknown": a bare "he") and JNK ("junk": "yesterday") mean the text names no actor — our lookup
// says that with null, as it does for `is_none`; and NGEC gives NGOs an empty country where we
// (with the PLOVER gold) write IGO. `raw` scores without these two mappings (reported beside).
const NO_ACTOR_CODES = new Set(['UNK', 'JNK']);
function countryOk(exp: string, e: Entity | null, raw = false): boolean {
  const got = e?.country_code ?? '';
  if (!raw && exp === '' && got === 'IGO' && e!.sector === 'NGO') return true;
  if (exp === 'XKX') return got === 'KOS';
  if (exp === 'UNO') return got === 'IGO' && e!.code.startsWith('IGOUNO');
  if (exp === 'EUR') return got === 'IGO' && e!.code.startsWith('IGOEUR');
  return got === exp;
}
function ngec() {
  const rows = jsonl(join(GOLD, 'ngec-actor-tests', 'ngec_actor_tests.jsonl'));
  let n = 0, ok = 0, okRaw = 0, nCountry = 0, okCountry = 0, nSector = 0, okSector = 0, skipped = 0;
  const misses: string[] = [];
  for (const r of rows) {
    const x = r.expect as Record<string, unknown>;
    const hasCountry = typeof x.country === 'string';
    const sectorKey = ['code_1', 'code_1__in'].find((k) => k in x);
    if (!hasCountry && !sectorKey && !x.is_none) { skipped++; continue; } // wiki-title-only expectations
    const text = String(r.input.text).trim();
    const e = lookup(kb, text, ngecDate(r.input.date));
    let good = true;
    if (x.is_none) good = e === null;
    const noActor = typeof x.code_1 === 'string' && NO_ACTOR_CODES.has(x.code_1);
    let goodRaw = good && !noActor && (!hasCountry || countryOk(String(x.country), e, true));
    if (hasCountry) {
      nCountry++;
      const c = noActor ? e === null : countryOk(String(x.country), e);
      if (c) okCountry++;
      good &&= c;
    }
    if (sectorKey) {
      nSector++;
      const want = sectorKey === 'code_1__in' ? (x[sectorKey] as string[]) : [String(x.code_1)];
      if (typeof x.code_2 === 'string') want.push(x.code_2);
      const got = e?.sector ?? '';
      const s = want.includes(got) || (want.includes('') && got === '');
      goodRaw &&= s;
      const sm = noActor ? e === null : s;
      if (sm) okSector++;
      good &&= sm;
    }
    n++;
    if (goodRaw) okRaw++;
    if (good) ok++;
    else misses.push(`${text} @${r.input.date ?? '-'} want ${x.country ?? ''}/${x.code_1 ?? (x.is_none ? 'none' : '')} got ${e ? `${e.country_code ?? ''}/${e.sector ?? ''} (${e.id})` : 'null'}`);
  }
  return { n, ok, okRaw, nCountry, okCountry, nSector, okSector, skipped, misses };
}

// ---------------------------------------------------------------- 2. re3d
// Our mention → re3d type: persons (named, titled, described) → Person; organisations, IGOs,
// armed groups, media, governments, country+sector groups ("Iraqi forces") → Organisation; a bare
// nationality adjective ("Iraqi") → Nationality. State names and capitals are not scored (re3d
// labels them Location or, when they act, Organisation: the schema's own ambiguity). A resolved
// pronoun (he, she, I → a person; they, we → a group) takes its antecedent's type, as re3d labels
// pronouns by what they refer to. Unresolved names: Organisation if organisation-shaped or an
// acronym (one the text defined: "World Monuments Fund (WMF)").
// State names and capitals: re3d labels a state Organisation when it acts and Location when it is
// a place; we score ours as Organisation unless it is in a place's position: after a locative
// preposition ("in Syria"), past a compass word ("in northern Iraq"), or down a list or "City,
// Country" begun after one ("in Jordan, Lebanon and Turkey", "in Istanbul, Turkey").
// The first line scores against every gold span; the second leaves out the gold pronouns (I, we,
// they, it, my, ...: re3d labels them all, we resolve he/she, they and I/we in reported speech) — reported apart, not instead.
type RType = 'Person' | 'Organisation' | 'Nationality';
const LOCATIVE = /\b(in|at|near|from|to|into|across|outside|inside|around|throughout|within|towards?|of)\s+(the\s+)?$/i;
const LOCATIVE_STRICT = /\b(in|at|near|into|across|outside|inside|around|throughout|within)\s+(the\s+)?$/i;
const COMPASS_BEFORE = /\b(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+$/i;
const COORD_BEFORE = /(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/;
/**
 * Is a state name at `start` in a place's position: after a locative preposition ("in Syria"),
 * also past a compass word ("in northern Iraq") or down a list or "City, Country" that began after
 * one ("in Jordan, Lebanon and Turkey", "bombings in Istanbul, Turkey")? re3d labels those Location.
 */
function placePosition(text: string, start: number, end?: number, depth = 0): boolean {
  let before = text.slice(Math.max(0, start - 40), start);
  const comp = COMPASS_BEFORE.exec(before);
  if (comp) before = before.slice(0, comp.index);
  // down a list, "of" is a genitive ("the Governments of Iraq and the United States"), not a place
  if ((depth ? LOCATIVE_STRICT : LOCATIVE).test(before.slice(-20))) return true;
  const co = COORD_BEFORE.exec(before);
  if (!co || depth > 4) return false;
  // a comma alone joins list items only when another item or the end follows ("inside Turkey, the
  // United States is committed": a new clause)
  if (!/\b(?:and|or)\b/.test(co[0]) && end !== undefined && !/^\s*(?:[,.;:)]|(?:and|or)\b|$)/.test(text.slice(end, end + 8))) return false;
  // the item before the comma/"and": a capitalised word run, itself in a place's position
  const upto = start - (text.slice(Math.max(0, start - 40), start).length - co.index) - (comp ? comp[0].length : 0);
  const prev = /(?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’.-]*$/u.exec(text.slice(Math.max(0, upto - 60), upto));
  if (!prev) return false;
  return placePosition(text, upto - prev[0].length, undefined, depth + 1);
}
const PRONOUN = /^(i|me|my|mine|we|us|our|ours|you|your|he|him|his|she|her|hers|it|its|they|them|their|theirs|who|whom|whose|which|that|myself|ourselves|himself|herself|itself|themselves)$/i;
function re3dType(m: Mention, text: string): RType | null {
  const e = m.entity;
  if (m.type === 'pronoun') return e ? (e.kind === 'person' ? 'Person' : 'Organisation') : null;
  if (!e) return m.type === 'acronym' || looksLikeOrganisation(m.text) ? 'Organisation' : 'Person';
  if (e.kind === 'person') return 'Person';
  if ((e.kind === 'state' || e.kind === 'government') && (m.type === 'name' || m.type === 'metonym')) {
    return placePosition(text, m.start, m.end) ? null : 'Organisation';
  }
  if (e.kind === 'state' && m.type === 'demonym') return 'Nationality';
  return 'Organisation';
}
const re3dMisses: string[] = [];
function re3d(noPronouns: boolean) {
  const docs = jsonl(join(GOLD, 're3d', 're3d.jsonl'));
  const types: RType[] = ['Person', 'Organisation', 'Nationality'];
  const c = Object.fromEntries(types.map((t) => [t, { tp: 0, fp: 0, gold: 0, found: 0 }])) as Record<RType, { tp: number; fp: number; gold: number; found: number }>;
  for (const d of docs) {
    const gold = (d.entities as { start: number; end: number; type: string; gold: boolean; text: string }[])
      .filter((g) => g.gold && types.includes(g.type as RType) && !(noPronouns && PRONOUN.test(d.text.slice(g.start, g.end).trim())));
    const ms = recognizeActors(mkDoc(d.text, '2017-01-01'), kb);
    const preds = ms.filter((m) => !(noPronouns && m.type === 'pronoun')).map((m) => ({ m, t: re3dType(m, d.text) })).filter((x) => x.t) as { m: Mention; t: RType }[];
    for (const g of gold) {
      c[g.type as RType].gold++;
      if (preds.some((p) => p.t === g.type && p.m.start < g.end && g.start < p.m.end)) c[g.type as RType].found++;
      else if (verbose && !noPronouns) re3dMisses.push(`FN ${g.type} "${d.text.slice(g.start, g.end)}"`);
    }
    for (const p of preds) {
      if (gold.some((g) => g.type === p.t && p.m.start < g.end && g.start < p.m.end)) c[p.t].tp++;
      else {
        c[p.t].fp++;
        if (verbose && !noPronouns) re3dMisses.push(`FP ${p.t} "${p.m.text}" (${p.m.entity?.id ?? 'unresolved'}; gold there: ${(d.entities as { start: number; end: number; type: string; gold: boolean }[]).filter((g) => g.gold && p.m.start < g.end && g.start < p.m.end).map((g) => g.type).join(',') || 'none'})`);
      }
    }
  }
  return c;
}

// ---------------------------------------------------------------- 3. PLOVER GSR
// Gold codes are CAMEO-style: the few legacy ones are mapped (JAP→JPN, ITL→ITA, VTN→VNM);
// IGO → our country IGO; NGO/IMG (NGOs, transnational militant groups) → our code's prefix.
const LEGACY: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };
function plover() {
  const rows = jsonl(join(GOLD, 'plover-gsr', 'plover_gsr.jsonl'));
  let n = 0, ok = 0, covered = 0;
  const misses: string[] = [];
  for (const r of rows) {
    const ms = recognizeActors(mkDoc(r.text, r.date ?? null), kb);
    for (const a of [...r.source, ...r.target] as { text: string; code: string }[]) {
      if (!a.code || !a.text) continue;
      const at = r.text.indexOf(a.text);
      if (at < 0) continue;
      n++;
      const want = LEGACY[a.code] ?? a.code;
      const over = ms.filter((m) => m.entity && m.start < at + a.text.length && at < m.end);
      // prefer the mention covering most of the gold span
      over.sort((x, y) => Math.min(y.end, at + a.text.length) - Math.max(y.start, at) - (Math.min(x.end, at + a.text.length) - Math.max(x.start, at)));
      const e = over[0]?.entity ?? null;
      if (e) covered++;
      const got = e ? e.country_code ?? (e.code.startsWith('NGO') ? 'NGO' : e.code.startsWith('IMG') ? 'IMG' : '') : '';
      if (got === want) ok++;
      else misses.push(`"${a.text}" want ${want} got ${got || 'nothing'}${e ? ` (${e.id})` : ''} | ${r.text.slice(0, 90)}`);
    }
  }
  return { n, ok, covered, misses };
}

const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
const g = ngec();
console.log(`NGEC actor tests: ${pct(g.ok, g.n)} (${g.ok}/${g.n} fully right; country ${pct(g.okCountry, g.nCountry)} of ${g.nCountry}, sector ${pct(g.okSector, g.nSector)} of ${g.nSector}; ${g.skipped} wiki-title-only skipped; without the UNK/JNK = no actor and NGO-country mappings ${pct(g.okRaw, g.n)}, ${g.okRaw}/${g.n})`);
if (verbose) for (const m of g.misses) console.log('  miss', m);
for (const noPron of [false, true]) {
  const r = re3d(noPron);
  let TP = 0, FP = 0, G = 0, F = 0;
  const label = noPron ? 're3d (gold pronouns left out)' : 're3d (all gold spans)';
  for (const [t, c] of Object.entries(r)) {
    const p = c.tp / (c.tp + c.fp || 1), rc = c.found / (c.gold || 1);
    TP += c.tp; FP += c.fp; G += c.gold; F += c.found;
    console.log(`${label} ${t.padEnd(12)} P ${p.toFixed(3)} R ${rc.toFixed(3)} F1 ${(2 * p * rc / (p + rc || 1)).toFixed(3)} (gold ${c.gold}, predicted ${c.tp + c.fp})`);
  }
  const p = TP / (TP + FP || 1), rc = F / (G || 1);
  if (verbose && !noPron) for (const m of re3dMisses) console.log('  ', m);
  console.log(`${label} micro        P ${p.toFixed(3)} R ${rc.toFixed(3)} F1 ${(2 * p * rc / (p + rc || 1)).toFixed(3)}`);
}
const pl = plover();
console.log(`PLOVER GSR actor spans: country accuracy ${pct(pl.ok, pl.n)} (${pl.ok}/${pl.n}; a mention found for ${pl.covered})`);
if (verbose) for (const m of pl.misses) console.log('  miss', m);
console.log('speed: `npm run bench:actors` (recogniser mentions per CPU-second over news/corpus and re3d, median of runs)');
