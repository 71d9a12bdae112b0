// Attribution cue verbs with their rate in news: data/quotes/cues.json, derived from PolNeAR's
// train split by scripts/quotes/derive-cues.ts ([times a cue head, times a verb] per lemma).
// Validated once per process; a bad entry fails at load with the file and value named.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CueLexicon {
  /** lemma → share of its verb occurrences that head an attribution cue */
  rate: Map<string, number>;
  /** lemma → [share outside quotation marks, share inside a quotation] */
  byContext: Map<string, [number, number]>;
  /** lemma → times seen as a cue head */
  count: Map<string, number>;
}

function findFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // src/events/ -> repo root (also from dist/src/events/)
  for (const up of [join(here, '..', '..'), join(here, '..', '..', '..')]) {
    const p = join(up, 'data', 'quotes', 'cues.json');
    try { readFileSync(p); return p; } catch { /* next candidate */ }
  }
  throw new Error('quote cue lexicon not found: data/quotes/cues.json is missing (run `node --import tsx scripts/quotes/derive-cues.ts`)');
}

let cached: CueLexicon | null = null;

export function loadCues(path?: string): CueLexicon {
  if (cached && !path) return cached;
  const p = path ?? findFile();
  let j: any;
  try { j = JSON.parse(readFileSync(p, 'utf8')); } catch (e) { throw new Error(`${p}: cannot read the quote cue lexicon (${(e as Error).message})`); }
  if (!j || typeof j.source !== 'string' || !j.lemmas || typeof j.lemmas !== 'object') throw new Error(`${p}: expected {source, lemmas}`);
  const rate = new Map<string, number>();
  const count = new Map<string, number>();
  const byContext = new Map<string, [number, number]>();
  if (!j.context || typeof j.context !== 'object') throw new Error(`${p}: expected a "context" map`);
  for (const [lemma, v] of Object.entries<any>(j.context)) {
    if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => Number.isInteger(x) && x >= 0) || v[0] > v[1] || v[2] > v[3]) {
      throw new Error(`${p}: bad context entry for "${lemma}": ${JSON.stringify(v)} (want [cueOutside, outside, cueInside, inside])`);
    }
    // add-two smoothing: a lemma seen a few times is not a sure cue
    byContext.set(lemma, [v[0] / (v[1] + 2), v[2] / (v[3] + 2)]);
  }
  for (const [lemma, v] of Object.entries<any>(j.lemmas)) {
    if (!Array.isArray(v) || v.length !== 2 || !Number.isInteger(v[0]) || !Number.isInteger(v[1]) || v[0] < 1 || v[0] > v[1] || !/^[a-z][a-z'-]*$/.test(lemma)) {
      throw new Error(`${p}: bad entry for "${lemma}": ${JSON.stringify(v)} (want [cueCount, verbCount] with 1 <= cueCount <= verbCount)`);
    }
    rate.set(lemma, v[0] / v[1]);
    count.set(lemma, v[0]);
  }
  const lex = { rate, count, byContext };
  if (!path) cached = lex;
  return lex;
}

/** Whether a clause (or an infinitive, a quote, a colon) follows the verb at `i` within a few
 * tokens: "said (that) he ...", "wants to ...", "believes the party will ...". The same test is
 * used to derive the rates and to apply them. */
export function clauseFollows(toks: ReadonlyArray<{ text: string; pos: string }>, i: number): boolean {
  const n = toks[i + 1];
  if (!n) return false;
  if (/^(that|if|whether|how|why|what|when|where|who|:)$/i.test(n.text) || /^["“‘']$/.test(n.text)) return true;
  for (let k = i + 1; k < toks.length && k <= i + 6; k++) {
    const t = toks[k]!;
    if (/^[.;!?]$/.test(t.text)) return false;
    if (t.text === ',' && !/^["“‘']$/.test(toks[k + 1]?.text ?? '')) return false;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  }
  return false;
}
