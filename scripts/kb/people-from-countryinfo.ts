// Build data/kb/people/countryinfo-2011.json from the CountryInfo office-holder table (shared/gold/countryinfo,
// CC BY-SA 3.0, openeventdata/CountryInfo 2016; leaders from rulers.org, ministers from CIA World Leaders 2003-2011).
// Reads ../shared only here, at build time; the committed JSON is what the system and the tests use.
//
//   node --import tsx scripts/kb/people-from-countryinfo.ts [officeholders.jsonl] [phoenix actors.jsonl] [--kb=data/kb]
//
// Rules (why): the hand-written files in data/kb/people/ are authoritative, so a person they already name is
// skipped and a term that collides with a hand-written term of a single-holder office is clipped or dropped.
// CIA "Government" dates are monthly snapshots, so they are written as "YYYY-MM"; a term still open at the
// 2011 snapshot ends when the next known holder starts (if by mid-2012); otherwise it ends at the last update,
// 2011-12, with a note: the real end is unknown, and claiming "in office in 2026" would be false.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// --kb=<dir> points at another knowledge base (the tests build one from samples in a temporary directory)
const ARGS = process.argv.slice(2);
const KB = ARGS.find((a) => a.startsWith('--kb='))?.slice(5) ?? join(ROOT, 'data', 'kb');
const [IN_ARG, PHOENIX_ARG] = ARGS.filter((a) => !a.startsWith('--'));
const PEOPLE = join(KB, 'people');
const OUT_NAME = 'countryinfo-2011.json';
const input = IN_ARG ?? join(ROOT, '..', 'shared', 'gold', 'countryinfo', 'officeholders.jsonl');
const PHOENIX = PHOENIX_ARG ?? join(ROOT, '..', 'shared', 'gold', 'phoenix-actors', 'actors.jsonl');
const PHOENIX_SOURCE = 'shared/gold/phoenix-actors (name variants; openeventdata/petrarch2 Phoenix dictionaries, MIT)';
const SOURCE = 'shared/gold/countryinfo (openeventdata/CountryInfo 2016, CC BY-SA 3.0; leaders from rulers.org, ministers from CIA World Leaders 2003-2011)';
// Wire news from the late 1980s on (the PLOVER/CAMEO examples, archives) names leaders of that era and the founding
// leaders it still calls "former President X" (Ben Bella); older terms matter little. (Was 1995: Mitterrand,
// Habyarimana and Menem's first years were missing.)
const MIN_END = '1960-01-01';
const LAST_SUCCESSION = '2012-06-30'; // see the open-term rule below
const FAMILY_FIRST = new Set(['CHN', 'KOR', 'PRK']);
// An open term is known to last to the table's final update and no further: it ends there, with a note saying so.
const LAST_SEEN = '2011-12';
const LAST_SEEN_NOTE = 'still in office at the last CountryInfo update (January 2012); the real end of the term is not recorded';
// Symmetrically, a CIA term open at the start ("in office at the first snapshot", January 2003) starts there for a
// single-holder office when no earlier holder is known: the real start is unrecorded, and dropping the term (as
// before) lost Kenya's home-affairs minister of 2003-2008 and the like.
const FIRST_SEEN = '2003-01';
const FIRST_SEEN_NOTE = 'already in office at the first CountryInfo snapshot (January 2003); the real start of the term is not recorded';
const closeAtLastSeen = (t: Term): Term => (t.open || t.end === null ? { ...t, end: LAST_SEEN, open: false, lastSeen: true } : t);

interface Row { country: string; name: string; role: string | null; start: string | null; end: string | null; start_open: boolean; end_open: boolean; section: string }
interface Role { office: string; country: string; start: string | null; end: string | null; title?: string; note?: string }
interface Person { id: string; name: string; aliases?: string[]; gender?: string; country: string; surname?: string; roles: Role[]; sources: string[]; ambiguous_with?: string }

const OFFICE_RULES: Array<[RegExp, string, string?]> = [
  [/^(presidents?|president of the republic|presidents of the (presidency|collective presidency)|chairmen of the presidium.*|chairmen of the council of state)$/, 'president', 'President'],
  [/^heads of state$/, 'head_of_state', 'Head of State'],
  [/^(prime ministers?|premiers|chairmen of the council of ministers|presidents of the executive yuan|heads of government)$/, 'prime_minister', 'Prime Minister'],
  [/^chancellors?$/, 'chancellor', 'Chancellor'],
  [/^(kings?|kings\/queens)$/, 'monarch', 'King'],
  [/^queens?$/, 'monarch', 'Queen'],
  [/^emirs?$/, 'monarch', 'Emir'],
  [/^sultans?$/, 'monarch', 'Sultan'],
  [/^emperors?$/, 'monarch', 'Emperor'],
  [/^(paramount rulers|rulers|grand dukes|princes)$/, 'monarch', 'Monarch'],
  [/^(vice[- ]presidents?|first vice[- ]president)$/, 'vice_president', 'Vice President'],
  [/^((first )?deputy prime minister|vice premier(, state council|, cabinet)?)$/, 'deputy_prime_minister'],
  [/^(minister (of|for) (foreign affairs|foreign relations|external affairs)|secretary of state for foreign and commonwealth affairs)$/, 'foreign_minister'],
  [/^(minister (of|for) (national )?defen[cs]e|secretary of state for defen[cs]e|minister of the armed forces)$/, 'defence_minister'],
  [/^(minister (of|for) (the )?(interior|internal affairs|home affairs)|secretary of state for the home department)$/, 'interior_minister'],
  [/^(minister (of|for) (finance|economy and finance|finance and economy)|chancellor of the exchequer)$/, 'finance_minister'],
  [/^(minister (of|for) justice|attorney general)$/, 'justice_minister'],
  [/^permanent representative to the un/, 'un_ambassador', 'Permanent Representative to the United Nations'],
  [/^ambassador to the us$/, 'ambassador', 'Ambassador to the United States'],
  [/^(governor|president|chairman), .*(central bank|monetary agency|monetary authority|reserve bank|national bank|federal bank)/, 'central_bank_governor'],
];
const SINGLE = new Set(['president', 'head_of_state', 'prime_minister', 'chancellor', 'monarch', 'foreign_minister', 'defence_minister',
  'interior_minister', 'finance_minister', 'justice_minister', 'un_ambassador', 'central_bank_governor']);

function mapRole(role: string): { office: string; title: string } | null {
  const r = role.replace(/\s*\(.*$/, '').trim().toLowerCase();
  for (const [re, office, title] of OFFICE_RULES) if (re.test(r)) return { office, title: title ?? tidyTitle(role) };
  return null;
}
function tidyTitle(role: string): string {
  return role.replace(/\s*\(.*$/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

const HONORIFICS = /^(ayatollah|hojatolislam|hojjatoleslam|sheikh|shaikh|sheik|dr\.?|gen\.?|general|lt\.?|col\.?|colonel|sir|prince|princess|king|queen|sultan|emir|marshal|maj\.?|brig\.?|admiral|adm\.?|mullah|maulana|mawlawi|haji|hajji|field|lieutenant|major|gen|capt\.?|captain|mr\.?|mrs\.?|ms\.?|dame|lord|baron|baroness|rev\.?|father|archbishop|bishop|cardinal|air|vice|chief)$/i;
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'ibn', 'bint', 'al', 'el', 'y', 'e', 'ul', 'ud']);
function titleCase(upper: string): string {
  const words = upper.trim().split(/\s+/);
  while (words.length > 2 && HONORIFICS.test(words[0]!)) words.shift();
  return words.map((w, i) => w.split(/([-'.])/).map((part, j) => {
    if (part === '-' || part === "'" || part === '.' || part === '') return part;
    const low = part.toLowerCase();
    if (i > 0 && /^(ii|iii|iv|vi|vii|viii)$/.test(low)) return part.toUpperCase(); // regnal numbers
    if ((i > 0 || j > 0) && PARTICLES.has(low)) return low;
    if (/^mc[a-z]/.test(low)) return 'Mc' + low[2]!.toUpperCase() + low.slice(3);
    return low.charAt(0).toUpperCase() + low.slice(1);
  }).join('')).join(' ');
}
function variants(raw: string): string[] {
  const m = raw.match(/\{([^}]*)\}/g);
  // "{ELBEGDORJ (1ST TIME}": a parenthetical is a remark, not part of the name
  const list = (m ? m.map((x) => x.slice(1, -1)) : [raw]).map((x) => x.replace(/\s*\(.*$/, '').trim());
  return [...new Set(list.filter(Boolean).map(titleCase))];
}
const norm = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const slug = (s: string): string => norm(s).replace(/ /g, '-');
const month = (d: string): string => d.slice(0, 7);
const padS = (d: string | null): string => (!d ? '0000-01-01' : d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const days = (a: string, b: string): number => (Date.parse(padS(b)) - Date.parse(padS(a))) / 864e5;

// ---- hand-written data (authoritative) ----
const hand: Person[] = [];
for (const f of readdirSync(PEOPLE).filter((f) => f.endsWith('.json') && f !== OUT_NAME)) hand.push(...(JSON.parse(readFileSync(join(PEOPLE, f), 'utf8')) as Person[]));
const handNames = new Set<string>();
for (const p of hand) for (const a of [p.name, ...(p.aliases ?? [])]) handNames.add(`${p.country}|${norm(a)}`);
const handIds = new Set(hand.map((p) => p.id));
const handTerms = new Map<string, Array<{ s: string; e: string | null }>>();
for (const p of hand) for (const r of p.roles) if (SINGLE.has(r.office) && r.start) {
  const k = `${r.office}|${r.country}`;
  handTerms.set(k, [...(handTerms.get(k) ?? []), { s: r.start, e: r.end }]);
}
const states = new Set((JSON.parse(readFileSync(join(KB, 'states.json'), 'utf8')) as Array<{ id: string }>).map((s) => s.id));

// ---- read and group ----
interface Term { key: string; names: string[]; office: string; country: string; title: string; start: string | null; end: string | null; open: boolean; exact: boolean; lastSeen?: boolean; firstSeen?: boolean }
const rows = readFileSync(input, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
const terms: Term[] = [];
for (const r of rows) {
  if (!r.role || !states.has(r.country)) continue;
  const parts = r.role.split(' & ').map(mapRole);
  // "A & B & C" with one date span cannot say which post the span belongs to: keep only when all agree.
  if (parts.some((p) => !p) || new Set(parts.map((p) => p!.office)).size !== 1) continue;
  const { office, title } = parts[0]!;
  const names = variants(r.name);
  if (!names.length || names[0]!.split(' ').length < 2 && office !== 'monarch') continue;
  // a collective body in the leaders' list ("Islamic Revolutionary Council") is no person
  if (/\b(council|committee|junta|presidency|government|board|commission|command|directory)\b/i.test(names[0]!)) continue;
  const exact = r.section === 'Leaders';
  const start = r.start_open || !r.start ? null : exact ? r.start : month(r.start);
  const end = r.end_open || !r.end ? null : exact ? r.end : month(r.end);
  if (!r.end_open && r.end && r.end < MIN_END) continue;
  terms.push({ key: `${r.country}|${norm(names[0]!)}`, names, office, country: r.country, title, start, end, open: r.end_open, exact });
}

// one list of terms per person+office; Leaders-section (exact) dates win over CIA snapshots for the same office
const byPO = new Map<string, Term[]>();
for (const t of terms) byPO.set(`${t.key}|${t.office}`, [...(byPO.get(`${t.key}|${t.office}`) ?? []), t]);
const merged: Term[] = [];
for (const list of byPO.values()) {
  const useExact = list.some((t) => t.exact);
  const ts = list.filter((t) => t.exact === useExact).sort((a, b) => padS(a.start).localeCompare(padS(b.start)));
  let cur: Term | null = null;
  for (const t of ts) {
    // snapshot gaps of a few months are missing editions, not a break in office
    if (cur && !cur.open && cur.end && (t.start === null || days(cur.end, t.start) <= 120)) {
      cur.names = [...new Set([...cur.names, ...t.names])];
      if (t.open || !t.end) { cur.end = null; cur.open = t.open; } else if (t.end > cur.end) cur.end = t.end;
      continue;
    }
    if (cur) merged.push(cur);
    cur = { ...t, names: [...t.names] };
  }
  if (cur) merged.push(cur);
}

// single-holder offices: resolve open ends and overlaps per office+country, hand terms first
const byOC = new Map<string, Term[]>();
for (const t of merged) byOC.set(`${t.office}|${t.country}`, [...(byOC.get(`${t.office}|${t.country}`) ?? []), t]);
const kept: Term[] = [];
for (const [oc, list0] of byOC) {
  let list = list0.filter((t) => !handNames.has(t.key));
  if (!SINGLE.has(oc.split('|')[0]!)) { kept.push(...list.map(closeAtLastSeen).filter((t) => t.start === null || padS(t.start) <= padS(t.end))); continue; }
  const handList = (handTerms.get(oc) ?? []).map((h) => ({ s: h.s, e: h.e }));
  list.sort((a, b) => padS(a.start).localeCompare(padS(b.start)));
  // a start unknown to the snapshots is the previous holder's end
  list.forEach((t, i) => { if (t.start === null && i > 0 && list[i - 1]!.end) t.start = list[i - 1]!.end; });
  list.forEach((t, i) => {
    if (t.start === null && !t.exact && (i === 0 || list[i - 1]!.start === FIRST_SEEN) && (!t.end || padS(t.end) > padS(FIRST_SEEN))) { t.start = FIRST_SEEN; t.firstSeen = true; }
  });
  list = list.filter((t) => t.start !== null);
  // open ends: the next known holder's start (generated or hand-written), else the last update (see LAST_SEEN)
  const starts = [...list.map((t) => t.start!), ...handList.map((h) => h.s)].sort((a, b) => padS(a).localeCompare(padS(b)));
  // A successor far beyond the 2011 snapshot would hide holders the table never saw (Armenia's 2014 and 2016
  // premiers, say), so only a successor who started by mid-2012 (the table was last updated in January 2012) closes an open term.
  for (const t of list) if (t.open || t.end === null) {
    const next = starts.find((s) => padS(s) > padS(t.start));
    const ok = next !== undefined && padS(next) <= LAST_SUCCESSION;
    t.end = ok ? next! : LAST_SEEN;
    t.open = false;
    t.lastSeen = !ok;
  }
  list = list.filter((t) => !t.open && t.end !== null && t.end >= MIN_END.slice(0, 4));
  // drop terms contained in another (acting holders, duplicates), clip partial overlaps at the successor's start
  const all = [...list];
  list = list.filter((t) => !all.some((o) => o !== t && padS(o.start) <= padS(t.start) && padS(t.end) <= padS(o.end) &&
    (padS(o.start) < padS(t.start) || padS(t.end) < padS(o.end) || all.indexOf(o) < all.indexOf(t))));
  list.sort((a, b) => padS(a.start).localeCompare(padS(b.start)));
  for (let i = 0; i + 1 < list.length; i++) if (padS(list[i + 1]!.start) < padS(list[i]!.end)) list[i]!.end = list[i + 1]!.start;
  // hand-written terms win: clip a generated term at a hand term's start, drop it when it begins inside one
  list = list.filter((t) => {
    for (const h of handList) {
      const hs = padS(h.s), he = h.e === null ? '9999' : padS(h.e);
      if (padS(t.start) >= hs && padS(t.start) < he) return false;
      if (padS(t.start) < hs && padS(t.end) > hs) t.end = h.s;
    }
    return padS(t.start) <= padS(t.end);
  });
  kept.push(...list);
}

// ---- people ----
const people = new Map<string, Person>();
for (const t of kept.sort((a, b) => a.key.localeCompare(b.key) || padS(a.start).localeCompare(padS(b.start)))) {
  let p = people.get(t.key);
  if (!p) {
    // a one-word regnal name is how the press names a monarch only with the title ("King Hussein")
    const single = t.names[0]!.split(' ').length === 1;
    const name = single ? `${t.title === 'Monarch' ? 'King' : t.title} ${t.names[0]!}` : t.names[0]!;
    let id = `person/${slug(name)}`;
    if (handIds.has(id) || [...people.values()].some((q) => q.id === id)) id = `${id}-${t.country.toLowerCase()}`;
    // English news writes Chinese and Korean names family name first ("Wen Jiabao", "Kim Yong Il"); Burmese
    // names have no family name, so the whole name is what a later mention repeats.
    const surname = single ? t.names[0]! : FAMILY_FIRST.has(t.country) ? name.split(' ')[0]! : t.country === 'MMR' ? name : undefined;
    p = { id, name, country: t.country, roles: [], sources: [SOURCE], ...(surname ? { surname } : {}) };
    people.set(t.key, p);
  }
  for (const n of t.names.slice(1)) if (norm(n) !== norm(p.name)) p.aliases = [...new Set([...(p.aliases ?? []), n])];
  p.roles.push({ office: t.office, country: t.country, start: t.start, end: t.end, title: t.title, ...(t.lastSeen ? { note: LAST_SEEN_NOTE } : t.firstSeen ? { note: FIRST_SEEN_NOTE } : {}) });
}
// Phoenix (TABARI) dictionaries list spelling variants of the same people; keep the ones that are a bare
// name (no title or nationality word, at least two words), so "Abdallah Baali" joins "Abdallah Bali".
if (existsSync(PHOENIX)) {
  const stop = new Set<string>();
  const offices = JSON.parse(readFileSync(join(KB, 'offices.json'), 'utf8')) as Array<{ titles: string[] }>;
  for (const o of offices) for (const t of o.titles) for (const w of norm(t).split(' ')) stop.add(w);
  for (const st of JSON.parse(readFileSync(join(KB, 'states.json'), 'utf8')) as Array<{ name: string; adjectives?: string[]; demonyms?: string[] }>)
    for (const w of [st.name, ...(st.adjectives ?? []), ...(st.demonyms ?? [])]) for (const x of norm(w).split(' ')) stop.add(x);
  for (const w of ['mr', 'mrs', 'ms', 'dr', 'sir', 'gen', 'general', 'col', 'colonel', 'sheikh', 'prince', 'king', 'queen', 'emir', 'ayatollah', 'mullah', 'the', 'of', 'former', 'late', 'acting', 'chief', 'head', 'leader', 'kanzler', 'bundeskanzler', 'praesident', 'presidente', 'premier', 'ministre'])
    stop.add(w);
  for (const w of PARTICLES) stop.delete(w);
  const taken = new Map<string, string>();
  for (const p of [...people.values(), ...hand]) for (const a of [p.name, ...(p.aliases ?? [])]) taken.set(norm(a), p.id);
  const byName = new Map<string, Person>();
  for (const p of people.values()) for (const a of [p.name, ...(p.aliases ?? [])]) byName.set(`${p.country}|${norm(a)}`, p);
  for (const line of readFileSync(PHOENIX, 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line) as { name: string; synonyms: string[]; codes: Array<{ code: string }> };
    const cc = e.codes.map((c) => c.code.slice(0, 3));
    for (const c of new Set(cc)) {
      const p = byName.get(`${c}|${norm(e.name)}`);
      if (!p) continue;
      for (const syn of e.synonyms) {
        const n = norm(syn);
        const words = n.split(' ');
        if (words.length < 2 || words.some((w) => stop.has(w) || /\d/.test(w)) || taken.has(n)) continue;
        p.aliases = [...(p.aliases ?? []), titleCase(syn)];
        taken.set(n, p.id);
        if (!p.sources.includes(PHOENIX_SOURCE)) p.sources.push(PHOENIX_SOURCE);
      }
    }
  }
}
// A last name that is also a given name in the KB ("Edouard Frank", "Qaboos bin Said al Said") would let a
// bare "Frank" or a sentence-initial "Said" stand for a long-gone office holder: such a person is named only
// in full (the surname is then the whole name).
{
  const given = new Map<string, number>();
  for (const p of [...people.values(), ...hand]) {
    const w = p.name.split(/\s+/);
    if (w.length > 1) given.set(norm(w[0]!), (given.get(norm(w[0]!)) ?? 0) + 1);
  }
  for (const p of people.values()) {
    if (p.surname) continue;
    const last = norm(p.name.split(/\s+/).pop()!);
    if ((given.get(last) ?? 0) >= 2) p.surname = p.name;
  }
  // Nor does a bare last name stand for a leader gone before 1995 ("Souza" in "D'Souza" is not Benin's
  // president of 1970, "Green" not Guyana's premier of 1990): the recogniser lets a bare surname name anyone who
  // once held a leading office, so the leaders of 1960-1995 (kept for their full names) are named only in full.
  for (const p of people.values()) {
    if (!p.surname && p.roles.every((r) => r.end && padS(r.end) < '1995-01-01')) p.surname = p.name;
  }
  // ...and the table's ministers, deputies and governors-general (no head of state or government among their
  // roles) are minor figures of 2003-2011 whose bare last names are mostly someone or something else ("Ferrari",
  // "Dai", "Reddy"): named only in full too.
  const HEADS = new Set(['president', 'head_of_state', 'prime_minister', 'head_of_government', 'chancellor', 'monarch']);
  for (const p of people.values()) {
    if (!p.surname && !p.roles.some((r) => HEADS.has(r.office))) p.surname = p.name;
  }
}
// two people sharing a spelled name or alias: dates of office separate them; say so
const claims = new Map<string, Person[]>();
for (const p of [...people.values(), ...hand]) for (const a of [p.name, ...(p.aliases ?? [])]) claims.set(norm(a), [...(claims.get(norm(a)) ?? []), p]);
for (const [, ps] of claims) {
  const ids = [...new Set(ps.map((p) => p.id))];
  if (ids.length < 2) continue;
  for (const p of ps) if (!handIds.has(p.id)) {
    const others = ids.filter((i) => i !== p.id && !(p.ambiguous_with ?? '').includes(i));
    if (others.length) p.ambiguous_with = `${p.ambiguous_with ? p.ambiguous_with.replace(/: .*$/, '') + ', ' : ''}${others.join(', ')}: same name, different person; country and dates of office separate them`;
  }
}
const out = [...people.values()].filter((p) => p.roles.length).sort((a, b) => a.id.localeCompare(b.id));
writeFileSync(join(PEOPLE, OUT_NAME), '[\n' + out.map((p) => JSON.stringify(p)).join(',\n') + '\n]\n');
console.log(`${out.length} people, ${out.reduce((n, p) => n + p.roles.length, 0)} roles → ${join(PEOPLE, OUT_NAME)}`);
