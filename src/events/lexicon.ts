// The event lexicon: validated data files under data/lexicon/ (built by scripts/lexicon/build.ts
// from PETRARCH2's CAMEO.2.0.txt, the CAMEO codebook and the PLOVER CAMEO2PLOVER table).
// Loaded and checked once per process; a bad entry fails at load with the file and value named.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Alt = string[];
export type Item = Alt[];
/** from: the verbs the pattern was written for (CAMEO.2.0.txt's "# VERB" comment); absent = every verb of the block */
export interface Pattern { before: Item[]; after: Item[]; code: string | null; from?: string[] }
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
}

// src/events/ -> repo root (also from dist/src/events/)
function dataDir(): string {
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

let cached: Lexicon | null = null;

export function loadLexicon(dir: string = dataDir()): Lexicon {
  if (cached && dir === dataDir()) return cached;
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

  const forms = new Map<string, VerbEntry[]>();
  const multiFirst = new Set<string>();
  let maxWords = 1;
  for (const [f, entries] of Object.entries<VerbEntry[]>(verbsJ.forms)) {
    for (const e of entries) {
      if (e.code !== null && !codes.has(e.code)) throw new Error(`${join(dir, 'verbs.json')}: verb form "${f}" has unknown CAMEO code "${e.code}"`);
    }
    forms.set(f, entries);
    const words = f.split(' ');
    if (words.length > 1) multiFirst.add(words[0]!);
    maxWords = Math.max(maxWords, words.length);
  }
  const patterns = new Map<string, Pattern[]>();
  for (const [b, ps] of Object.entries<Pattern[]>(verbsJ.patterns)) {
    for (const p of ps) if (p.code !== null && !codes.has(p.code)) throw new Error(`${join(dir, 'verbs.json')}: pattern in block ${b} has unknown CAMEO code "${p.code}"`);
    patterns.set(b, ps);
  }
  perVerbPatterns(forms, patterns);
  const lex = { forms, patterns, maxWords, multiFirst, codes, ploverTypes };
  cached = lex;
  return lex;
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
      if (!r) continue;
      const keep = (k: number): boolean => !origins[k]!.length || origins[k]!.some((o) => o.lemma === lemma || !o.code || root(o.code) === r);
      if (ps.every((_, k) => keep(k))) continue;
      views.set(`${block}|${lemma}`, ps.filter((_, k) => keep(k)));
    }
  }
  for (const [k, v] of views) patterns.set(k, v);
  for (const [f, entries] of forms) {
    if (entries.some((e) => views.has(`${e.block}|${e.lemma}`))) {
      forms.set(f, entries.map((e) => (views.has(`${e.block}|${e.lemma}`) ? { ...e, block: `${e.block}|${e.lemma}` } : e)));
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

export function codeInfo(code: string, lex: Lexicon = loadLexicon()): CodeInfo | null {
  return lex.codes.get(code) ?? null;
}
