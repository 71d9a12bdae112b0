// A second, learned step over the attributions the rules build (quotes-attrib.ts): whether a
// whole attribution (cue + source + content) is one PolNeAR annotates. The cue model scores a
// token from its context; this one also sees what the rules made of it: what kind of source was
// found (a name, a pronoun, "who", a common noun and its head, an actor of which kind, nothing),
// on which side, how long, whether there is content and how long, next to the cue model's
// probability. A logistic model over sparse string features; weights in
// data/quotes/attrib-filter.json, fitted on PolNeAR's train split by scripts/quotes/fit-filter.ts;
// the same `filterFeatures` is used for fitting and for applying them.
import type { Tok } from './tokens.js';
import type { Attrib } from './quotes-attrib.js';
import { readQuotesData } from './quotes-model.js';

export interface FilterModel {
  weights: Record<string, number>;
  bias: number;
  /** attributions scoring below this are dropped */
  threshold: number;
  /** the cue model's thresholds the rules use when this filter follows them (lower than the cue
   * model's own: the filter was fitted on the extra candidates they let through) */
  verbThreshold?: number;
  nounThreshold?: number;
}

const PERS = /^(he|she|they|i|we|you|it|him|her|them|us|me)$/;
const bucket = (n: number, cuts: number[]): number => {
  let b = 0;
  while (b < cuts.length && n > cuts[b]!) b++;
  return b;
};

/** The kind of a source span, coarse. */
function sourceKind(toks: ReadonlyArray<Tok>, src: [number, number] | null): string {
  if (!src) return 'none';
  const [a, b] = src;
  const h = toks[b]!;
  if (a === b && h.pos === 'PRON') {
    if (/^(who|which|that|whom)$/.test(h.low)) return 'rel';
    if (PERS.test(h.low)) return 'pers';
    if (/^(his|their|its|our|my|your)$/.test(h.low)) return 'poss';
    return 'pron';
  }
  if (/^(some|many|most|others|few|several|both|all|none|each|either|neither|another|one)$/.test(h.low) && a === b) return 'quant';
  if (h.low === "'s" || h.low === '’s') return 'gen';
  for (let k = a; k <= b; k++) if (toks[k]!.pos === 'PROPN') return 'name';
  return 'noun';
}

/**
 * Features of one attribution. `mention`: the entity kind of an actor mention inside the source
 * (null: none); `inQuote`: the cue stands inside a quotation; `nth`: how many attributions of the
 * sentence come before it.
 */
export function filterFeatures(toks: ReadonlyArray<Tok>, a: Attrib, mention: string | null, inQuote: boolean, nth: number): string[] {
  const c = toks[a.cue[0]]!;
  const kind = c.low === 'according' ? 'acc' : c.text === ':' ? 'colon' : c.pos === 'VERB' ? (a.phrase && a.phrase[1] > a.cue[1] ? 'pass' : 'verb') : c.pos === 'NOUN' ? 'noun' : c.pos === 'ADJ' ? 'adj' : 'other';
  const pb = a.score === undefined ? 'na' : String(Math.min(9, Math.floor(a.score * 10)));
  const sk = sourceKind(toks, a.source);
  const slen = a.source ? a.source[1] - a.source[0] + 1 : 0;
  const clen = a.content ? a.content[1] - a.content[0] + 1 : 0;
  const right = !!a.source && a.source[0] > a.cue[1];
  const f = [
    `k=${kind}`, `pb=${kind}|${pb}`, `s=${sk}`, `ks=${kind}|${sk}`, `ps=${pb}|${sk}`,
    `sl=${sk}|${bucket(slen, [1, 2, 3, 5, 8, 12])}`, `cl=${kind}|${bucket(clen, [0, 2, 4, 8, 16])}`,
    `m=${mention ?? '-'}`, `sm=${sk}|${mention ?? '-'}`, `l=${c.lemma}`, `lk=${c.lemma}|${sk}`,
  ];
  if (right) f.push(`right|${sk}`);
  if (a.contentBefore) f.push(`before|${kind}`);
  if (inQuote) f.push(`q|${kind}`, `qs=${sk}`);
  // the head word of a common-noun source ("the report", "documents", "strategy")
  if (sk === 'noun') f.push(`h=${toks[a.source![1]]!.lemma}`);
  if (a.cue[0] === 0 || a.cue[0] === 1) f.push(`start|${kind}`);
  // the sentence: a quotation in it (a direct quote's attribution is nearly always annotated), its
  // length, and whether the content is a clause (a verb in it) or a bare phrase
  let quote = false, verb = false;
  for (const t of toks) if (/^(["“”«»]|''|``)$/.test(t.text)) { quote = true; break; }
  if (a.content) for (let k = a.content[0]; k <= a.content[1]; k++) if (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX') { verb = true; break; }
  f.push(`sq=${kind}|${quote ? 1 : 0}`, `n=${bucket(toks.length, [8, 15, 25, 40])}`, `cv=${kind}|${a.content ? (verb ? 'clause' : 'np') : '-'}`, `nth=${kind}|${Math.min(2, nth)}`);
  return f;
}

export function filterScore(m: FilterModel, feats: string[]): number {
  let z = m.bias;
  for (const x of feats) z += m.weights[x] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

let cached: FilterModel | null | undefined;

/** The model, or null when data/quotes/attrib-filter.json is absent (every attribution is kept). */
export function loadFilterModel(): FilterModel | null {
  if (cached !== undefined) return cached;
  const found = readQuotesData('attrib-filter.json');
  if (!found) return (cached = null);
  const { path: p, json: j } = found;
  if (typeof j.source !== 'string' || !j.weights || typeof j.weights !== 'object' || !Number.isFinite(j.bias) || !(j.threshold >= 0 && j.threshold < 1)) {
    throw new Error(`${p}: expected {source, weights: {feature: number}, bias, threshold in [0,1)}`);
  }
  const weights: Record<string, number> = Object.create(null);
  for (const [k, v] of Object.entries(j.weights)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${p}: weight of "${k}" is not a number`);
    weights[k] = v;
  }
  for (const k of ['verbThreshold', 'nounThreshold']) if (j[k] !== undefined && !(j[k] > 0 && j[k] < 1)) throw new Error(`${p}: ${k} must be in (0,1)`);
  return (cached = { weights, bias: j.bias, threshold: j.threshold, verbThreshold: j.verbThreshold, nounThreshold: j.nounThreshold });
}

/** For the fitting script: candidate thresholds that replace the model file's. */
let override: { verb?: number; noun?: number } | null = null;
export function setCandidateThresholds(t: typeof override): void { override = t; }
/** The cue thresholds the rules apply: the fitting script's, else the filter's, else none (the cue model's own). */
export function candidateThresholds(): { verb?: number; noun?: number } {
  if (override) return override;
  const m = loadFilterModel();
  return { verb: m?.verbThreshold, noun: m?.nounThreshold };
}

/** For the fitting script: when set, every attribution is handed to it (and none is filtered). */
let tap: ((feats: string[], cue: [number, number], source: [number, number] | null) => void) | null = null;
export function setFilterTap(fn: typeof tap): void { tap = fn; }
export function getFilterTap(): typeof tap { return tap; }
