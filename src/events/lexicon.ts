// The event lexicon: validated data files under data/lexicon/ (built by scripts/lexicon/build.ts
// from PETRARCH2's CAMEO.2.0.txt, the CAMEO codebook and the PLOVER CAMEO2PLOVER table).
// Loaded and checked once per process; a bad entry fails at load with the file and value named.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Alt = string[];
export type Item = Alt[];
export interface Pattern { before: Item[]; after: Item[]; code: string | null }
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
  const lex = { forms, patterns, maxWords, multiFirst, codes, ploverTypes };
  cached = lex;
  return lex;
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
