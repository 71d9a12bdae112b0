// Statements of intent, the CAMEO codebook's way: "X will/would/is willing to <act>" is coded as the
// intent that announces the act (03x for cooperation, 13x threats for conflict) and "X will not
// <cooperate>" as a refusal (12x). The pairs live in data/intent/intent.json (sourced there);
// this module loads and checks them once and answers "which code announces/refuses this act?".
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from './lexicon.js';

export type IntentKind = 'intent' | 'refusal' | 'threat';
export interface IntentTable { intent: Map<string, string>; refusal: Map<string, string>; threat: Map<string, string> }

// the root each kind must map to (a wrong row fails at load, naming it)
const ROOT: Record<IntentKind, RegExp> = { intent: /^03/, refusal: /^12/, threat: /^13/ };

function findFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [join(here, '..', '..'), join(here, '..', '..', '..')]) {
    const p = join(up, 'data', 'intent', 'intent.json');
    try { readFileSync(p); return p; } catch { /* next candidate (src/ or dist/src/) */ }
  }
  throw new Error('data/intent/intent.json not found (the table of intent, refusal and threat codes)');
}

const cache = new WeakMap<Lexicon, IntentTable>();

/** The table, checked against the lexicon's CAMEO codes: every key an action code, every value a code of the kind's root. */
export function loadIntent(lex: Lexicon, file?: string): IntentTable {
  const hit = file ? undefined : cache.get(lex);
  if (hit) return hit;
  const p = file ?? findFile();
  let j: any;
  try { j = JSON.parse(readFileSync(p, 'utf8')); } catch (e) { throw new Error(`${p}: cannot read (${(e as Error).message})`); }
  const t: IntentTable = { intent: new Map(), refusal: new Map(), threat: new Map() };
  for (const kind of ['intent', 'refusal', 'threat'] as const) {
    for (const [from, to] of Object.entries<unknown>(j[kind] ?? {})) {
      if (typeof to !== 'string' || !lex.codes.has(from) && !/^\d{2}$/.test(from) || !lex.codes.has(to) || !ROOT[kind].test(to) || ROOT[kind].test(from)) {
        throw new Error(`${p}: bad ${kind} row "${from}": "${String(to)}" (need an action code and a CAMEO code of root ${ROOT[kind].source.slice(1)} known to the lexicon)`);
      }
      t[kind].set(from, to);
    }
  }
  if (!file) cache.set(lex, t);
  return t;
}

/** The code of the given kind for an action code (longest prefix), or null when the table has none. */
export function intentCode(t: IntentTable, kind: IntentKind, code: string): string | null {
  const m = t[kind];
  for (let n = code.length; n >= 2; n--) {
    const hit = m.get(code.slice(0, n));
    if (hit) return hit;
  }
  return null;
}
