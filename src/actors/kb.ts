// The knowledge base: loads every data/kb file once, validates it (failing with file, entry id
// and field named), and builds the indexes the recogniser needs (a token trie over every alias).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../errors.js';
import { Trie, aliasTokens } from './trie.js';

export interface FormerName { name: string; until: string }
/** A name that meant this state only between two dates (bare "Congo": COG before 1997-05-17, COD after). */
export interface DatedAlias { name: string; from?: string | null; until?: string | null }
export interface StateEntry {
  id: string; iso2: string | null; name: string; official: string | null; aliases: string[]; former: FormerName[];
  adjectives: string[]; demonyms: string[]; capital: string | null; metonyms: string[];
  status: 'member' | 'observer' | 'disputed' | 'territory'; sovereign: string | null;
  /** set on regions coded under their sovereign (PRE) */
  sector?: string | null; ambiguous_with?: string;
  /** cities and regions: they name the country only before a group word ("Rakhine rebels") */
  places?: string[];
  /** names valid for a period only; two states may share one if their periods do not overlap */
  dated_aliases?: DatedAlias[];
  sources: string[];
}
export interface OrgEntry {
  id: string; kind: 'igo' | 'armed_group' | 'media' | 'organization' | 'group'; name: string; aliases: string[];
  country: string | null; sector: string | null; code?: string; members?: string[];
  valid?: { start: string | null; end: string | null }; ambiguous_with?: string; sources: string[];
}
export interface GovEntry {
  id: string; country: string; name: string; aliases: string[]; start: string | null; end: string | null;
  /** the armed group that *is* this government while it is valid (the Taliban after 2021-08-15) */
  group?: string; note?: string; sources: string[];
}
export interface OfficeEntry {
  id: string; titles: string[]; sector: string; single_holder: boolean; rank: number;
  /** false: the KB lists only some holders (lawmakers, party leaders, spokespeople), so "a Pakistani lawmaker" is
   * no one in particular: such an office stays out of `holders`, which names "the" holder at a date */
  guess_holder?: boolean;
  sources: string[];
}
export interface RoleEntry { office: string; country: string; start: string | null; end: string | null; title?: string; org?: string }
export interface PersonEntry {
  id: string; name: string; aliases?: string[]; gender?: 'm' | 'f'; country: string; surname?: string;
  roles: RoleEntry[]; ambiguous_with?: string; sources: string[];
}
export interface SectorEntry { sector: string; words: string[]; sources: string[] }

/** What a trie phrase can stand for. */
export type Cand =
  | { t: 'state'; id: string; former?: string; from?: string; until?: string }
  | { t: 'adj'; id: string }
  | { t: 'demonym'; id: string }
  | { t: 'metonym'; id: string }
  | { t: 'place'; id: string }
  | { t: 'org'; id: string }
  | { t: 'gov'; id: string }
  | { t: 'person'; id: string }
  | { t: 'surname'; ids: string[] }
  | { t: 'office'; id: string; country?: string; org?: string }
  | { t: 'sector'; sector: string };

export interface KnowledgeBase {
  readonly loaded: true;
  dir: string;
  states: Map<string, StateEntry>;
  orgs: Map<string, OrgEntry>;
  govs: GovEntry[];
  offices: Map<string, OfficeEntry>;
  people: Map<string, PersonEntry>;
  sectors: SectorEntry[];
  /** every phrase, lower-cased token sequence → candidates */
  trie: Trie<Cand>;
  /** office id + country → roles holding it, for "the Russian defence minister" at a date */
  holders: Map<string, { person: string; role: RoleEntry }[]>;
  /** sector words that only qualify another word ("state media"), never a mention alone */
  modifierOnly: Set<string>;
  counts: Record<string, number>;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const SECTOR_CODE = /^[A-Z]{3}$/;

class Checker {
  constructor(readonly file: string) {}
  fail(entry: string, field: string, why: string): never {
    throw new DataError(`${this.file}: entry "${entry}": field "${field}" ${why} (fix the entry and rerun \`entente kb check\`)`);
  }
  str(e: Record<string, unknown>, id: string, f: string, opt = false): void {
    const v = e[f];
    if (v === undefined || v === null) { if (!opt) this.fail(id, f, 'is missing'); return; }
    if (typeof v !== 'string' || !v.trim()) this.fail(id, f, 'must be a non-empty string');
  }
  strs(e: Record<string, unknown>, id: string, f: string, opt = false, nonEmpty = false): void {
    const v = e[f];
    if (v === undefined) { if (!opt) this.fail(id, f, 'is missing'); return; }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) this.fail(id, f, 'must be an array of non-empty strings');
    if (nonEmpty && (v as unknown[]).length === 0) this.fail(id, f, 'must not be empty');
  }
  date(v: unknown, id: string, f: string): void {
    if (v === null || v === undefined) return;
    if (typeof v !== 'string' || !DATE.test(v)) this.fail(id, f, `must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" or null (got ${JSON.stringify(v)})`);
  }
}

/** interned string values while a KB loads (see readArray) */
let strings: Map<string, string> | null = null;

function readArray(dir: string, rel: string, required: boolean): { entries: Record<string, unknown>[]; file: string } {
  const file = join(dir, rel);
  if (!existsSync(file)) {
    if (required) throw new DataError(`${file}: missing knowledge-base file (restore it from git or rebuild it with scripts/kb/)`);
    return { entries: [], file };
  }
  let data: unknown;
  try {
    // string values repeat across entries (every person's source note, office ids, country codes):
    // one copy each, shared by the KB's whole load (`strings` lives as long as buildKB)
    data = JSON.parse(readFileSync(file, 'utf8'), (_k, v: unknown) => {
      if (typeof v !== 'string' || !strings) return v;
      const hit = strings.get(v);
      if (hit !== undefined) return hit;
      strings.set(v, v);
      return v;
    });
  } catch (err) {
    throw new DataError(`${file}: not valid JSON: ${(err as Error).message} (fix the syntax)`, { cause: err });
  }
  if (!Array.isArray(data)) throw new DataError(`${file}: must hold a JSON array of entries`);
  data.forEach((e, i) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new DataError(`${file}: entry #${i} is not an object`);
  });
  return { entries: data as Record<string, unknown>[], file };
}

/** Dates compare as strings once padded: "2021" → "2021-01-01" as a start, "2021-12-31" as an end. */
export function padStart(d: string | null | undefined): string {
  if (!d) return '0000-01-01';
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
export function padEnd(d: string | null | undefined): string {
  if (!d) return '9999-12-31';
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}
/** Half-open: a term ending on the day its successor starts belongs to the successor that day. */
export function within(date: string, start: string | null | undefined, end: string | null | undefined): boolean {
  return padStart(start) <= date && (end ? date < padEnd(end) || (end.length < 10 && date <= padEnd(end)) : true);
}

/** Whether a trie candidate holds at a date: a dated alias ("Congo" → COG until 1997-05-17) only within its
 * period (half-open, as terms are); every other candidate always. */
export function candValid(c: Cand, date: string): boolean {
  if (c.t !== 'state' || (!c.from && !c.until)) return true;
  return padStart(c.from) <= date && (!c.until || date < padStart(c.until));
}

export function defaultKbDir(): string {
  // src/actors/kb.ts and dist/actors/kb.js both sit two levels below the package root.
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'kb');
}

const cache = new Map<string, KnowledgeBase>();

export function loadKB(dir?: string): KnowledgeBase {
  const d = dir ?? defaultKbDir();
  const hit = cache.get(d);
  if (hit) return hit;
  strings = new Map();
  let kb: KnowledgeBase;
  try { kb = buildKB(d); } finally { strings = null; }
  cache.set(d, kb);
  return kb;
}

function buildKB(dir: string): KnowledgeBase {
  const states = new Map<string, StateEntry>();
  const orgs = new Map<string, OrgEntry>();
  const offices = new Map<string, OfficeEntry>();
  const people = new Map<string, PersonEntry>();
  const ids = new Map<string, string>();
  const claim = (id: string, file: string, c: Checker) => {
    if (ids.has(id)) c.fail(id, 'id', `is already used in ${ids.get(id)}`);
    ids.set(id, file);
  };
  const sourced = (c: Checker, e: Record<string, unknown>, id: string) => c.strs(e, id, 'sources', false, true);

  // states
  const st = readArray(dir, 'states.json', true);
  const sc = new Checker(st.file);
  for (const e of st.entries) {
    const id = String(e.id ?? '?');
    sc.str(e, id, 'id');
    if (!/^[A-Z]{3}$/.test(id) && !/^region\/[a-z0-9-]+$/.test(id)) sc.fail(id, 'id', 'must be an ISO 3166-1 alpha-3 code (or region/<slug> for a region under a sovereign)');
    claim(id, st.file, sc);
    sc.str(e, id, 'name');
    if (e.iso2 !== null && (typeof e.iso2 !== 'string' || !/^[A-Z]{2}$/.test(e.iso2))) sc.fail(id, 'iso2', 'must be an ISO 3166-1 alpha-2 code or null');
    for (const f of ['aliases', 'adjectives', 'demonyms', 'metonyms']) sc.strs(e, id, f);
    sc.strs(e, id, 'places', true);
    if (!Array.isArray(e.former)) sc.fail(id, 'former', 'must be an array of {name, until}');
    for (const f of e.former as Record<string, unknown>[]) {
      if (typeof f?.name !== 'string') sc.fail(id, 'former.name', 'must be a string');
      sc.date(f.until, id, 'former.until');
    }
    if (e.dated_aliases !== undefined) {
      if (!Array.isArray(e.dated_aliases)) sc.fail(id, 'dated_aliases', 'must be an array of {name, from, until}');
      for (const d of e.dated_aliases as Record<string, unknown>[]) {
        if (typeof d?.name !== 'string' || !d.name.trim()) sc.fail(id, 'dated_aliases.name', 'must be a non-empty string');
        sc.date(d.from, id, 'dated_aliases.from');
        sc.date(d.until, id, 'dated_aliases.until');
        if (!d.from && !d.until) sc.fail(id, 'dated_aliases', `"${String(d.name)}" has neither from nor until (make it a plain alias)`);
        if (d.from && d.until && padStart(d.from as string) >= padStart(d.until as string)) sc.fail(id, 'dated_aliases.until', `"${String(d.name)}" ends before it starts`);
      }
    }
    if (!['member', 'observer', 'disputed', 'territory'].includes(String(e.status))) sc.fail(id, 'status', 'must be member, observer, disputed or territory');
    if (e.sector != null && (typeof e.sector !== 'string' || !SECTOR_CODE.test(e.sector))) sc.fail(id, 'sector', 'must be a PLOVER sector code such as PRE');
    sourced(sc, e, id);
    states.set(id, e as unknown as StateEntry);
  }
  for (const s of states.values()) {
    if (s.sovereign !== null && s.sovereign !== undefined && !states.has(s.sovereign)) sc.fail(s.id, 'sovereign', `names unknown state "${s.sovereign}"`);
    if (s.id.startsWith('region/') && !s.sovereign) sc.fail(s.id, 'sovereign', 'is required for a region');
  }
  const countryOk = (v: unknown) => v === 'IGO' || (typeof v === 'string' && states.has(v));

  // offices (written by the people work; tolerated absent)
  const of = readArray(dir, 'offices.json', false);
  const oc = new Checker(of.file);
  for (const e of of.entries) {
    const id = String(e.id ?? '?');
    oc.str(e, id, 'id');
    if (offices.has(id)) oc.fail(id, 'id', 'is duplicated');
    oc.strs(e, id, 'titles', false, true);
    if (typeof e.sector !== 'string' || !SECTOR_CODE.test(e.sector)) oc.fail(id, 'sector', 'must be a PLOVER sector code (GOV, MIL, ...)');
    if (typeof e.single_holder !== 'boolean') oc.fail(id, 'single_holder', 'must be true or false');
    if (typeof e.rank !== 'number') oc.fail(id, 'rank', 'must be a number');
    if (e.guess_holder !== undefined && typeof e.guess_holder !== 'boolean') oc.fail(id, 'guess_holder', 'must be true, false or absent');
    if (e.guess_holder === false && e.single_holder === true) oc.fail(id, 'guess_holder', 'false contradicts single_holder true');
    sourced(oc, e, id);
    offices.set(id, e as unknown as OfficeEntry);
  }

  // organizations
  const og = readArray(dir, 'organizations.json', true);
  const gc = new Checker(og.file);
  const KINDS = ['igo', 'armed_group', 'media', 'organization', 'group'];
  for (const e of og.entries) {
    const id = String(e.id ?? '?');
    gc.str(e, id, 'id');
    if (!/^org\/[a-z0-9-]+$/.test(id)) gc.fail(id, 'id', 'must look like org/<slug>');
    claim(id, og.file, gc);
    if (!KINDS.includes(String(e.kind))) gc.fail(id, 'kind', `must be one of ${KINDS.join(', ')}`);
    gc.str(e, id, 'name');
    gc.strs(e, id, 'aliases');
    if (e.country !== null && !countryOk(e.country)) gc.fail(id, 'country', `must be an ISO3 code in states.json, "IGO" or null (got ${JSON.stringify(e.country)})`);
    if (e.sector !== null && (typeof e.sector !== 'string' || !SECTOR_CODE.test(e.sector))) gc.fail(id, 'sector', 'must be a PLOVER sector code or null');
    gc.str(e, id, 'code', true);
    if (e.members !== undefined) {
      gc.strs(e, id, 'members');
      for (const m of e.members as string[]) if (!states.has(m)) gc.fail(id, 'members', `names unknown state "${m}"`);
    }
    if (e.valid !== undefined) {
      const v = e.valid as Record<string, unknown>;
      gc.date(v?.start, id, 'valid.start');
      gc.date(v?.end, id, 'valid.end');
    }
    sourced(gc, e, id);
    orgs.set(id, e as unknown as OrgEntry);
  }

  // governments (regimes)
  const gv = readArray(dir, 'governments.json', true);
  const vc = new Checker(gv.file);
  const govs: GovEntry[] = [];
  for (const e of gv.entries) {
    const id = String(e.id ?? '?');
    vc.str(e, id, 'id');
    if (!/^gov\/[a-z0-9-]+$/.test(id)) vc.fail(id, 'id', 'must look like gov/<slug>');
    claim(id, gv.file, vc);
    if (!states.has(String(e.country))) vc.fail(id, 'country', `must be an ISO3 code in states.json (got ${JSON.stringify(e.country)})`);
    vc.str(e, id, 'name');
    vc.strs(e, id, 'aliases');
    vc.date(e.start, id, 'start');
    vc.date(e.end, id, 'end');
    if (e.group !== undefined && !orgs.has(String(e.group))) vc.fail(id, 'group', `names unknown organization "${String(e.group)}"`);
    sourced(vc, e, id);
    govs.push(e as unknown as GovEntry);
  }
  // regimes of one country must not overlap: "the Afghan government" at a date has one answer
  for (const a of govs) for (const b of govs) {
    if (a !== b && a.country === b.country && a.id < b.id && padStart(a.start) < padEnd(b.end) && padStart(b.start) < padEnd(a.end)
      && !(a.end && padStart(b.start) >= padEnd(a.end)) && !(b.end && padStart(a.start) >= padEnd(b.end))) {
      vc.fail(a.id, 'start', `overlaps regime ${b.id} of ${a.country}`);
    }
  }

  // people (one file per region or country, written by the people work)
  const pdir = join(dir, 'people');
  const pfiles = existsSync(pdir) ? readdirSync(pdir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of pfiles) {
    const pf = readArray(pdir, f, true);
    const pc = new Checker(pf.file);
    for (const e of pf.entries) {
      const id = String(e.id ?? '?');
      pc.str(e, id, 'id');
      if (!/^person\/[a-z0-9-]+$/.test(id)) pc.fail(id, 'id', 'must look like person/<slug>');
      claim(id, pf.file, pc);
      pc.str(e, id, 'name');
      pc.strs(e, id, 'aliases', true);
      pc.str(e, id, 'surname', true);
      if (e.gender !== undefined && e.gender !== null && e.gender !== 'm' && e.gender !== 'f') pc.fail(id, 'gender', 'must be "m", "f" or absent');
      if (!countryOk(e.country)) pc.fail(id, 'country', `must be an ISO3 code in states.json (got ${JSON.stringify(e.country)})`);
      if (!Array.isArray(e.roles)) pc.fail(id, 'roles', 'must be an array');
      (e.roles as Record<string, unknown>[]).forEach((r, i) => {
        const f2 = `roles[${i}]`;
        if (typeof r !== 'object' || r === null) pc.fail(id, f2, 'must be an object');
        if (offices.size && !offices.has(String(r.office))) pc.fail(id, `${f2}.office`, `names unknown office "${String(r.office)}" (add it to offices.json)`);
        if (!countryOk(r.country)) pc.fail(id, `${f2}.country`, `must be an ISO3 code in states.json or "IGO" (got ${JSON.stringify(r.country)})`);
        if (r.country === 'IGO' && r.org !== undefined && !orgs.has(String(r.org))) pc.fail(id, `${f2}.org`, `names unknown organization "${String(r.org)}"`);
        pc.date(r.start, id, `${f2}.start`);
        pc.date(r.end, id, `${f2}.end`);
        if (r.start && r.end && padStart(r.start as string) > padEnd(r.end as string)) pc.fail(id, `${f2}.end`, 'is before its start');
      });
      sourced(pc, e, id);
      people.set(id, e as unknown as PersonEntry);
    }
  }

  // sectors
  const se = readArray(dir, 'sectors.json', true);
  const ec = new Checker(se.file);
  const sectors: SectorEntry[] = [];
  const modifierOnly = new Set<string>();
  for (const e of se.entries) {
    const id = String(e.sector ?? '?');
    if (typeof e.sector !== 'string' || !SECTOR_CODE.test(e.sector)) ec.fail(id, 'sector', 'must be a PLOVER sector code');
    ec.strs(e, id, 'words', false, true);
    ec.strs(e, id, 'modifier_only', true);
    for (const w of (e.modifier_only as string[] | undefined) ?? []) modifierOnly.add(w.toLowerCase());
    sourced(ec, e, id);
    sectors.push(e as unknown as SectorEntry);
  }

  // office terms: one holder at a time for a single-holder office in a country
  const holders = new Map<string, { person: string; role: RoleEntry }[]>();
  for (const p of people.values()) for (const r of p.roles) {
    const key = `${r.office}|${r.country === 'IGO' ? `IGO:${r.org ?? ''}` : r.country}`;
    let list = holders.get(key);
    if (!list) holders.set(key, (list = []));
    list.push({ person: p.id, role: r });
  }
  for (const [key, list] of holders) {
    list.sort((a, b) => padStart(a.role.start).localeCompare(padStart(b.role.start)));
    const office = offices.get(key.split('|')[0]!);
    if (!office?.single_holder) continue;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!, cur = list[i]!;
      if (prev.person !== cur.person && padStart(cur.role.start) < padStart(prev.role.end ?? '9999') && !(prev.role.end && padStart(cur.role.start) >= padStart(prev.role.end))) {
        const file = ids.get(cur.person) ?? pdir;
        throw new DataError(`${file}: entry "${cur.person}": field "roles" term of ${key} from ${cur.role.start} overlaps ${prev.person} (until ${prev.role.end ?? 'open'}); ${office.id} has a single holder (fix the dates)`);
      }
    }
  }

  // offices the KB lists only in part name no one in particular: keep them out of the holder lookup
  for (const key of [...holders.keys()]) if (offices.get(key.split('|')[0]!)?.guess_holder === false) holders.delete(key);

  const trie = buildTrie(states, orgs, govs, offices, people, sectors, dir);
  const kb: KnowledgeBase = {
    loaded: true, dir, states, orgs, govs, offices, people, sectors, trie, holders, modifierOnly,
    counts: { states: states.size, organizations: orgs.size, governments: govs.length, offices: offices.size, people: people.size, sectors: sectors.length, phrases: trie.size },
  };
  return kb;
}

const NOT_GIVEN = /^(al|el|bin|ibn|abu|abd|abdul|abdel|de|van|von|der|la|le|da|di|du|dos|das|del|mac|mc|sheikh|sir|dr|king|queen|prince|sultan|emir)$/i;
/** First name + surname of a name with middle names ("Carlos Saul Menem" → "Carlos Menem"), or null. */
export function shortName(name: string, surname: string): string | null {
  const words = name.split(/\s+/);
  const sw = surname.split(/\s+/).length;
  // the surname must close the name and leave a first name and at least one middle name before it
  if (words.length < sw + 2 || !name.endsWith(` ${surname}`)) return null;
  const first = words[0]!;
  if (NOT_GIVEN.test(first) || !/^\p{Lu}\p{Ll}+$/u.test(first)) return null;
  // keep a particle that goes with the surname ("dos Santos")
  const before = words[words.length - sw - 1]!;
  const tail = /^(da|das|de|del|der|di|do|dos|du|la|le|van|von)$/.test(before) ? `${before} ${surname}` : surname;
  return tail.split(/\s+/).length + 1 < words.length ? `${first} ${tail}` : null;
}

/** Aliases shared by two entities are a data error unless one of them carries an `ambiguous_with` note. */
function buildTrie(states: Map<string, StateEntry>, orgs: Map<string, OrgEntry>, govs: GovEntry[], offices: Map<string, OfficeEntry>,
  people: Map<string, PersonEntry>, sectors: SectorEntry[], dir: string): Trie<Cand> {
  const trie = new Trie<Cand>();
  const owner = new Map<string, { id: string; file: string; note: boolean }>();
  const add = (phrase: string, c: Cand, id: string, file: string, note: boolean, unique = true) => {
    const toks = aliasTokens(phrase);
    if (!toks.length) return;
    if (unique) {
      const key = toks.map((t) => t.key).join(' ');
      const prev = owner.get(key);
      if (prev && prev.id !== id && !prev.note && !note) {
        throw new DataError(`${join(dir, file)}: entry "${id}": alias "${phrase}" is also claimed by "${prev.id}" (${prev.file}); remove one, or add an "ambiguous_with" note saying which rule separates them`);
      }
      if (!prev) owner.set(key, { id, file, note });
    }
    trie.add(toks, c);
  };
  for (const s of states.values()) {
    const note = !!s.ambiguous_with;
    add(s.name, { t: 'state', id: s.id }, s.id, 'states.json', note);
    for (const a of s.aliases) add(a, { t: 'state', id: s.id }, s.id, 'states.json', note);
    if (s.official && s.official !== s.name && !s.aliases.includes(s.official)) add(s.official, { t: 'state', id: s.id }, s.id, 'states.json', note);
    for (const f of s.former) add(f.name, { t: 'state', id: s.id, former: f.name }, s.id, 'states.json', note);
    for (const a of s.adjectives) add(a, { t: 'adj', id: s.id }, s.id, 'states.json', true, false);
    for (const a of s.demonyms) add(a, { t: 'demonym', id: s.id }, s.id, 'states.json', true, false);
    for (const m of s.metonyms) {
      add(m, { t: 'metonym', id: s.id }, s.id, 'states.json', note);
      // "Kremlin officials", "Elysee sources": used attributively the article drops; not "The Hague",
      // whose "The" is part of the name, and not when the bare word is another entry's name
      const bare = /^the /.test(m) ? m.slice(4) : null;
      if (bare && !owner.has(aliasTokens(bare).map((t) => t.key).join(' '))) add(bare, { t: 'metonym', id: s.id }, s.id, 'states.json', note);
    }
    for (const pl of s.places ?? []) trie.add(aliasTokens(pl), { t: 'place', id: s.id });
  }
  // dated aliases: one name, several states over time; periods of one name may not overlap, nor may the name
  // be another entity's undated alias. Added open-ended first, so a reader that ignores the dates gets today's sense.
  const dated = [...states.values()].flatMap((s) => (s.dated_aliases ?? []).map((d) => ({ s, d })))
    .sort((a, b) => padStart(b.d.until ?? '9999').localeCompare(padStart(a.d.until ?? '9999')));
  const periods = new Map<string, { id: string; from: string; until: string }[]>();
  for (const { s, d } of dated) {
    const key = aliasTokens(d.name).map((t) => t.key).join(' ');
    const prev = owner.get(key);
    if (prev) throw new DataError(`${join(dir, 'states.json')}: entry "${s.id}": dated alias "${d.name}" is also an undated name of "${prev.id}" (${prev.file}); date both or remove one`);
    const from = padStart(d.from), until = padStart(d.until ?? '9999');
    const list = periods.get(key) ?? [];
    const clash = list.find((p) => from < p.until && p.from < until);
    if (clash) throw new DataError(`${join(dir, 'states.json')}: entry "${s.id}": dated alias "${d.name}" overlaps its period for "${clash.id}"; make the periods meet, not overlap`);
    list.push({ id: s.id, from, until });
    periods.set(key, list);
    trie.add(aliasTokens(d.name), { t: 'state', id: s.id, ...(d.from ? { from: d.from } : {}), ...(d.until ? { until: d.until } : {}) });
  }
  for (const o of orgs.values()) {
    const note = !!o.ambiguous_with;
    add(o.name, { t: 'org', id: o.id }, o.id, 'organizations.json', note);
    for (const a of o.aliases) add(a, { t: 'org', id: o.id }, o.id, 'organizations.json', note);
  }
  for (const g of govs) for (const a of [g.name, ...g.aliases]) add(a, { t: 'gov', id: g.id }, g.id, 'governments.json', true, false);
  const surnames = new Map<string, string[]>();
  for (const p of people.values()) {
    const note = !!p.ambiguous_with;
    // Two people may share a name (a rule of dates separates them at resolution time).
    add(p.name, { t: 'person', id: p.id }, p.id, 'people/', true, false);
    for (const a of p.aliases ?? []) add(a, { t: 'person', id: p.id }, p.id, 'people/', note, false);
    const sn = p.surname ?? p.name.split(/\s+/).pop()!;
    // the press drops middle names: "Carlos Saul Menem" is "Carlos Menem", "Jose Eduardo dos Santos" "Jose
    // dos Santos"; dates separate two people the short form fits
    const short = shortName(p.name, sn);
    if (short) add(short, { t: 'person', id: p.id }, p.id, 'people/', true, false);
    // Gulf royals are written without the dynasty: "Mohamed bin Zayed Al Nahyan" is "Mohamed bin Zayed"
    const patro = /^(\S+ (?:bin|ibn) \S+)(?: (?:bin|ibn) \S+)* (?:Al|al|Āl)[ -]\S+$/u.exec(p.name);
    if (patro) add(patro[1]!, { t: 'person', id: p.id }, p.id, 'people/', true, false);
    // "al-Abadi" is also written "Abadi"; particles and initials are no surnames
    for (const form of new Set([sn, sn.replace(/^(al|el|ad|as|ash|ar|an|az)-/i, '')])) {
      if (form.replace(/[^\p{L}]/gu, '').length < 3 || /^(al|el|bin|ibn|abu|de|van|von|der|la|le|da|di|du)$/i.test(form)) continue;
      const list = surnames.get(form) ?? [];
      list.push(p.id);
      surnames.set(form, list);
    }
  }
  for (const [sn, ids] of surnames) trie.add(aliasTokens(sn), { t: 'surname', ids });
  // a title that opens with a state's metonym ("kremlin spokesman", "white house press secretary")
  // or an organisation's name ("nato chief") says whose office it is; so does a title that ends with a
  // national body ("President of the Riigikogu", "Speaker of the Knesset": that body's country)
  // the metonym and organisation-name forms are lower-cased once: the KB load pays for every title tested against them
  const metoForms: [string, string][] = [];
  for (const s of states.values()) for (const m of s.metonyms) {
    const ml = m.toLowerCase().replace(/^the /, '');
    if (ml.length > 3) metoForms.push([` ${ml} `, s.id]);
  }
  const igoForms: [string, string, string][] = [];
  const bodyForms = new Map<string, string>(); // " of the <name> " -> country
  const bodyStarts: [string, string][] = []; // " <name> " opening a title ("State Department spokesperson") -> country
  for (const o of orgs.values()) {
    for (const n of [o.name, ...o.aliases]) {
      const nl = n.toLowerCase().replace(/\./g, '');
      if (nl.length <= 1) continue;
      if (o.country === 'IGO') igoForms.push([` ${nl} `, ` of the ${nl} `, o.id]);
      else if (o.country && nl.length > 3 && !bodyForms.has(` of the ${nl} `)) {
        bodyForms.set(` of the ${nl} `, o.country);
        if (o.kind === 'organization' && o.sector && o.sector !== 'BUS') bodyStarts.push([` ${nl.replace(/^the /, '')} `, o.country]);
      }
    }
  }
  const opener = (title: string): { country?: string; org?: string } => {
    const low = ` ${title.toLowerCase()} `;
    for (const [ml, id] of metoForms) if (low.startsWith(ml)) return { country: id };
    for (const [start, end, id] of igoForms) if (low.startsWith(start) || low.endsWith(end)) return { org: id };
    // a national body's name opens the title: "State Department spokesperson", "Pentagon press secretary"
    for (const [start, country] of bodyStarts) if (low.startsWith(start)) return { country };
    // the body's name closes the title: try each " of the ..." tail
    for (let i = low.indexOf(' of the '); i >= 0; i = low.indexOf(' of the ', i + 1)) {
      const country = bodyForms.get(low.slice(i));
      if (country) return { country };
    }
    return {};
  };
  const orgNamed = (title: string, orgId: string | undefined): string | undefined => {
    const o = orgId ? orgs.get(orgId) : undefined;
    if (!o) return undefined;
    const low = ` ${title.toLowerCase().replace(/\./g, '')} `;
    return [o.name, ...o.aliases].some((n) => n.length > 1 && low.includes(` ${n.toLowerCase().replace(/\./g, '')} `)) ? o.id : undefined;
  };
  for (const o of offices.values()) for (const t of o.titles) trie.add(aliasTokens(t, true), { t: 'office', id: o.id, ...opener(t) });
  // titles the roles give ("Secretary of the Security Council", "Chairman of the Government"): the
  // same words name the office in other countries too, so they carry no country of their own.
  const seen = new Set<string>();
  const decided = new Set<string>();
  for (const p of people.values()) for (const r of p.roles) {
    if (!r.title) continue;
    // many roles share a title, office and country: decide each combination once
    const base = `${r.title}|${r.office}|${r.country}|${r.org ?? ''}`;
    if (decided.has(base)) continue;
    decided.add(base);
    // ...unless the title names the country itself ("President of the United States")
    const st = states.get(r.country);
    const low = ` ${r.title.toLowerCase()} `;
    const named = !!st && [st.name, ...st.aliases, ...st.adjectives].some((n) => n.length > 3 && low.includes(` ${n.toLowerCase()} `));
    // ...or the organisation whose office it is ("NATO Secretary General", "UN Secretary-General")
    const org = r.country === 'IGO' ? orgNamed(r.title, r.org) : undefined;
    const k = `${r.title.toLowerCase()}|${r.office}|${named ? r.country : ''}|${org ?? ''}`;
    if (!seen.has(k)) {
      seen.add(k);
      trie.add(aliasTokens(r.title, true), named ? { t: 'office', id: r.office, country: r.country } : org ? { t: 'office', id: r.office, org } : { t: 'office', id: r.office, ...opener(r.title) });
    }
  }
  for (const s of sectors) for (const w of s.words) trie.add(aliasTokens(w, true), { t: 'sector', sector: s.sector });
  // packed into typed arrays now, at load, rather than on the first document's first lookup
  trie.freeze();
  return trie;
}
