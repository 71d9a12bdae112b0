// The event lexicon: validated data files under data/lexicon/ (built by scripts/lexicon/build.ts
// from PETRARCH2's CAMEO.2.0.txt, the CAMEO codebook and the PLOVER CAMEO2PLOVER table).
// Loaded and checked once per process; a bad entry fails at load with the file and value named.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Alt = string[];
export type Item = Alt[];
/** from: the verbs the pattern was written for (CAMEO.2.0.txt's "# VERB" comment); absent = every verb of the block.
 * only: used for the verbs of `from` alone (refinements of a generic code, data/lexicon/refine.txt) */
export interface Pattern { before: Item[]; after: Item[]; code: string | null; from?: string[]; only?: boolean }
export interface VerbEntry { lemma: string; block: string; code: string | null }
export interface CodeInfo {
  code: string;
  name: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  root: string;
  event: string | null;
  mode: string | null;
  context: string | null;
}
export interface Lexicon {
  forms: Map<string, VerbEntry[]>;
  patterns: Map<string, Pattern[]>;
  /** longest verb form in words (multi-word verbs like "ask for") */
  maxWords: number;
  /** first words of the multi-word forms: only these tokens need the multi-word lookups */
  multiFirst: Set<string>;
  codes: Map<string, CodeInfo>;
  ploverTypes: Set<string>;
  /** words of a sports match report (data/lexicon/sport-report.txt), one regex over a text; null when the file is absent */
  sportWords: RegExp | null;
}

// src/events/ -> repo root (also from dist/src/events/); found once per process
let foundDir: string | null = null;
function dataDir(): string {
  if (foundDir) return foundDir;
  foundDir = findDataDir();
  return foundDir;
}
function findDataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [join(here, '..', '..'), join(here, '..', '..', '..')]) {
    try {
      readFileSync(join(up, 'data', 'lexicon', 'cameo_codes.json'));
      return join(up, 'data', 'lexicon');
    } catch { /* try the next candidate */ }
  }
  throw new Error('event lexicon not found: data/lexicon/cameo_codes.json is missing (run `node --import tsx scripts/lexicon/build.ts`)');
}

function readJson(dir: string, name: string): any {
  const p = join(dir, name);
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch (e) {
    throw new Error(`${p}: cannot read the event lexicon (${(e as Error).message}); rebuild it with scripts/lexicon/build.ts`);
  }
}

// one lexicon per data directory (codeEvents asks for it once per document)
const cache = new Map<string, Lexicon>();

export function loadLexicon(dir: string = dataDir()): Lexicon {
  const hit = cache.get(dir);
  if (hit) return hit;
  const codesJ = readJson(dir, 'cameo_codes.json');
  const c2pJ = readJson(dir, 'cameo2plover.json');
  const plJ = readJson(dir, 'plover_types.json');
  const verbsJ = readJson(dir, 'verbs.json');
  const ploverTypes = new Set<string>(Object.keys(plJ.types));
  if (ploverTypes.size !== 16) throw new Error(`${join(dir, 'plover_types.json')}: expected the 16 PLOVER types, found ${ploverTypes.size}`);

  const codes = new Map<string, CodeInfo>();
  for (const [code, v] of Object.entries<any>(codesJ.codes)) {
    if (!/^\d{2,4}$/.test(code) || typeof v.goldstein !== 'number' || ![1, 2, 3, 4].includes(v.quad)) {
      throw new Error(`${join(dir, 'cameo_codes.json')}: bad CAMEO code entry "${code}" (need 2-4 digits, numeric goldstein, quad 1-4)`);
    }
    // PLOVER mapping: the most specific row of CAMEO2PLOVER (code, then its 3-digit parent, then root).
    const m = c2pJ.map[code] ?? c2pJ.map[code.slice(0, 3)] ?? c2pJ.map[code.slice(0, 2)] ?? null;
    let event: string | null = m?.event ?? null;
    let mode: string | null = m?.mode ?? null;
    const context: string | null = m?.context ?? null;
    // CAMEO 02 (appeals) is not in CAMEO2PLOVER; the PLOVER manual's root table maps it to REQUEST.
    // CAMEO 01 (public statements) has no PLOVER equivalent: event stays null, the CAMEO code is kept.
    if (v.root === '02') event = 'REQUEST';
    if (v.root === '01') { event = null; mode = null; }
    if (event && !ploverTypes.has(event)) event = normalizePlover(event, ploverTypes);
    codes.set(code, { code, name: v.name, goldstein: v.goldstein, quad: v.quad, root: v.root, event, mode, context });
  }

  validateVerbs(verbsJ, codes, join(dir, 'verbs.json'));
  const forms = new Map<string, VerbEntry[]>();
  const multiFirst = new Set<string>();
  let maxWords = 1;
  for (const [f, entries] of Object.entries<VerbEntry[]>(verbsJ.forms)) {
    forms.set(f, entries);
    const words = f.split(' ');
    if (words.length > 1) multiFirst.add(words[0]!);
    maxWords = Math.max(maxWords, words.length);
  }
  const patterns = new Map<string, Pattern[]>();
  for (const [b, ps] of Object.entries<Pattern[]>(verbsJ.patterns)) patterns.set(b, ps);
  perVerbPatterns(forms, patterns);
  const lex = { forms, patterns, maxWords, multiFirst, codes, ploverTypes, sportWords: readSportWords(dir) };
  cache.set(dir, lex);
  return lex;
}

/** data/lexicon/sport-report.txt as one case-insensitive regex of whole words (a phrase's spaces match any space); absent: null */
const SPORT_WORD = /^[a-z]+(?:[- ][a-z]+)*$/;
function readSportWords(dir: string): RegExp | null {
  const p = join(dir, 'sport-report.txt');
  let text: string;
  try { text = readFileSync(p, 'utf8'); } catch { return null; }
  const words: string[] = [];
  text.split('\n').forEach((line, k) => {
    const w = line.replace(/#.*/, '').trim();
    if (!w) return;
    if (!SPORT_WORD.test(w)) throw new Error(`${p}: line ${k + 1}: "${w}" is not a lower-case word or phrase (letters, '-' and single spaces)`);
    words.push(w.replace(/ /g, '\\s+'));
  });
  return words.length ? new RegExp(`\\b(?:${words.join('|')})\\b`, 'gi') : null;
}

/** Shape and code checks of verbs.json; the first problem throws one line naming the file, the entry and the field. */
const WORDLIKE = /[\p{L}\p{N}]/u;

export function validateVerbs(v: any, codes: Map<string, unknown>, file: string): void {
  const fail = (where: string, field: string, why: string): never => {
    throw new Error(`${file}: ${where}: field "${field}" ${why}`);
  };
  const isObj = (x: unknown): boolean => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!isObj(v)) fail('top level', 'forms', 'missing: the file is not an object');
  if (!isObj(v.forms)) fail('top level', 'forms', 'must be an object of verb form -> entries');
  if (!isObj(v.patterns)) fail('top level', 'patterns', 'must be an object of block -> patterns');
  const code = (c: unknown, where: string): void => {
    if (c === null) return;
    if (typeof c !== 'string' || !codes.has(c)) fail(where, 'code', `is ${JSON.stringify(c)}, not null or a CAMEO code of cameo_codes.json`);
  };
  for (const [f, entries] of Object.entries<any>(v.forms)) {
    // every word holds a letter or digit: a punctuation "form" (a "," split out of a PETRARCH
    // "{+A , +B}" list) would make punctuation an event trigger
    if (!f.trim() || f !== f.toLowerCase() || f.split(' ').some((w) => !WORDLIKE.test(w))) fail(`verb form "${f}"`, 'form', 'must be non-empty lower-case words');
    if (!Array.isArray(entries) || !entries.length) fail(`verb form "${f}"`, 'entries', 'must be a non-empty array');
    entries.forEach((e: any, k: number) => {
      const where = `verb form "${f}" entry ${k}`;
      if (!isObj(e)) fail(where, 'entry', 'must be an object {lemma, block, code}');
      if (typeof e.lemma !== 'string' || !e.lemma) fail(where, 'lemma', 'must be a non-empty string');
      if (typeof e.block !== 'string' || !Array.isArray(v.patterns[e.block])) fail(where, 'block', `is ${JSON.stringify(e.block)}, not a block of "patterns"`);
      code(e.code, where);
    });
  }
  const item = (it: any): boolean => Array.isArray(it) && it.length > 0 && it.every((alt: any) => Array.isArray(alt) && alt.length > 0 && alt.every((w: any) => typeof w === 'string' && w.length > 0));
  for (const [b, ps] of Object.entries<any>(v.patterns)) {
    if (!Array.isArray(ps)) fail(`block "${b}"`, 'patterns', 'must be an array');
    ps.forEach((p: any, k: number) => {
      const where = `block "${b}" pattern ${k}`;
      if (!isObj(p)) fail(where, 'pattern', 'must be an object {before, after, code}');
      for (const side of ['before', 'after'] as const) {
        if (!Array.isArray(p[side]) || !p[side].every(item)) fail(where, side, 'must be an array of items (arrays of word sequences)');
      }
      if (!p.before.length && !p.after.length) fail(where, 'after', 'and "before" are both empty');
      code(p.code, where);
      if (p.only !== undefined && (p.only !== true || !p.from)) fail(where, 'only', 'must be true, with "from"');
      if (p.from !== undefined && !(Array.isArray(p.from) && p.from.every((w: any) => typeof w === 'string' && w))) fail(where, 'from', 'must be an array of verb words');
    });
  }
}

// PETRARCH2 merged TABARI's verbs into synonym blocks and pooled their patterns, noting after each
// pattern the verb it was written for ("- * TALKS [036] # WANT", "- * TALKS [106] # DEMAND" in the
// DEMAND block). Within a block of true synonyms (violate/breach) the pooling is right, but some
// blocks hold verbs of different CAMEO roots (DEMAND [10] with WANT [03] and URGE [02]): pooled,
// "demanded talks" reads as WANT's intent and "demanded ... to" as URGE's appeal. So a pattern
// written for verb O is not used for verb L when both have a default code and the roots differ.
function perVerbPatterns(forms: Map<string, VerbEntry[]>, patterns: Map<string, Pattern[]>): void {
  const entryOf = (block: string, word: string): VerbEntry | null => {
    for (const e of forms.get(word) ?? []) if (e.block === block) return e;
    return null;
  };
  const root = (c: string | null | undefined): string | null => (c ? c.slice(0, 2) : null);
  const views = new Map<string, Pattern[]>();
  const blockVerbs = new Map<string, Map<string, string | null>>();
  for (const entries of forms.values()) {
    for (const e of entries) {
      let m = blockVerbs.get(e.block);
      if (!m) blockVerbs.set(e.block, (m = new Map()));
      if (!m.has(e.lemma)) m.set(e.lemma, root(e.code));
    }
  }
  for (const [block, ps] of patterns) {
    if (!ps.some((p) => p.from)) continue;
    // the origin verbs' roots per pattern (unknown origins: none)
    const origins = ps.map((p) => (p.from ?? []).map((w) => entryOf(block, w)).filter((e): e is VerbEntry => !!e));
    for (const [lemma, r] of blockVerbs.get(block) ?? []) {
      const keep = (k: number): boolean => {
        const os = origins[k]!;
        if (ps[k]!.only) return os.some((o) => o.lemma === lemma);
        return !r || !os.length || os.some((o) => o.lemma === lemma || !o.code || root(o.code) === r);
      };
      if (ps.every((_, k) => keep(k))) continue;
      views.set(`${block}|${lemma}`, ps.filter((_, k) => keep(k)));
    }
  }
  for (const [k, v] of views) patterns.set(k, v);
  for (const [f, entries] of forms) {
    if (entries.some((e) => views.has(`${e.block}|${e.lemma}`))) {
      // Object.assign onto {}, not a spread: the copy takes the same hidden class as the entries JSON.parse built
      forms.set(f, entries.map((e) => (views.has(`${e.block}|${e.lemma}`) ? Object.assign({}, e, { block: `${e.block}|${e.lemma}` }) : e)));
    }
  }
}

// CAMEO2PLOVER-2021 uses a few pre-2021 names; map them to the 16 current types.
function normalizePlover(e: string, types: Set<string>): string | null {
  const alias: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT', ENGAGE: 'COOPERATE' };
  const up = e.toUpperCase();
  if (types.has(up)) return up;
  return alias[up] ?? null;
}

// ------------------------------------------------------------------ pattern index (speed)
// A pattern can only match when each of its items has an alternative whose first word occurs in
// the sentence (the coder's quick rejection). Most of a block's patterns fail that test, yet a
// verb used to try them all. So each block's patterns are indexed by the first words of one item
// (the one with the fewest alternatives): a sentence looks up its own words and gets back only the
// patterns that pass that one item's test, in block order (ties keep going to the earlier
// pattern, so the coding is identical). Built lazily per block, once per lexicon.
interface BlockIndex { byWord: Map<string, number[]>; all: Pattern[] }
const indexes = new WeakMap<Pattern[], BlockIndex>();
function blockIndex(ps: Pattern[]): BlockIndex {
  let ix = indexes.get(ps);
  if (ix) return ix;
  const byWord = new Map<string, number[]>();
  ps.forEach((p, k) => {
    const items = [...p.before, ...p.after];
    let key = items[0]!;
    for (const it of items) if (it.length < key.length) key = it;
    const add = (w: string): void => {
      const l = byWord.get(w);
      if (!l) byWord.set(w, [k]);
      else if (l[l.length - 1] !== k) l.push(k);
    };
    // the coder's word test: the pattern word, or its singular when it ends in "s" ("exercises")
    for (const alt of key) {
      const w = alt[0]!;
      add(w);
      if (w.endsWith('s')) add(w.slice(0, -1));
    }
  });
  ix = { byWord, all: ps };
  indexes.set(ps, ix);
  return ix;
}

/**
 * The block's patterns that can match a sentence with these words (the coder's sentence word set:
 * forms, lemmas and stems), in block order: a subset of `lex.patterns.get(block)` that keeps every
 * pattern whose quick rejection would pass.
 */
export function candidatePatterns(lex: Lexicon, block: string, words: Set<string>): Pattern[] {
  const ps = lex.patterns.get(block);
  if (!ps || !ps.length) return [];
  const { byWord } = blockIndex(ps);
  let hits: number[] | null = null;
  let many = false;
  for (const w of words) {
    const l = byWord.get(w);
    if (!l) continue;
    if (!hits) hits = l;
    else { if (!many) { hits = [...hits]; many = true; } for (const k of l) hits.push(k); }
  }
  if (!hits) return [];
  if (!many) return hits.map((k) => ps[k]!);
  // several words' lists: sorted, each pattern once (hits is our own copy here; no Set and spread per call)
  hits.sort((a, b) => a - b);
  const out: Pattern[] = [];
  let last = -1;
  for (const k of hits) if (k !== last) { out.push(ps[k]!); last = k; }
  return out;
}

export function codeInfo(code: string, lex: Lexicon = loadLexicon()): CodeInfo | null {
  return lex.codes.get(code) ?? null;
}
