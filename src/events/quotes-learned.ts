// A learned attribution-cue classifier: for a candidate token (a verb, or a noun or adjective
// that can carry a stance: "criticism of", "eager to"), whether it heads a PolNeAR cue. A
// logistic model over sparse string features (the lemma itself, its neighbours, what kind of
// subject stands before it, whether a clause, "that", a quotation mark or a preposition follows,
// whether it stands inside a quotation). Unlike the dense model (quotes-model.ts), it scores
// every lemma, including the rare ones and the ones used more often without an attribution
// ("want", "see", "show"), from their context. Weights: data/quotes/cue-sparse.json, fitted on
// PolNeAR's train split by scripts/quotes/fit-cues.ts; the same `sparseFeatures` is used for
// fitting and for applying them.
import type { Tok } from './tokens.js';
import { clauseAhead, readQuotesData, subjectSide } from './quotes-model.js';
import { PackedWeights } from './sparse-weights.js';

export interface SparseModel {
  /** feature → weight, packed in typed arrays off the V8 heap (sparse-weights.ts): as a plain
   * object the 57k features retained ~4 MB of every worker's live heap */
  weights: PackedWeights;
  bias: number;
  /** verb cues: the train-optimal threshold on the model's probability */
  threshold: number;
  /** noun and adjective cues (fewer and harder to attribute): a threshold of their own */
  nounThreshold: number;
}

const QUOTE = /^(["“”‘’'«»]|''|``)$/;
const CLAUSE_WORD = /^(that|if|whether|how|why|what|when|where|who|:)$/;

/** Which tokens the model scores. */
export function isCandidate(t: Tok): boolean {
  return (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'ADJ') && /^[a-z]/i.test(t.text) && t.low.length > 1;
}

/** Coarse shape of a token for context features: the word itself for function words, the POS
 * tag for content words (so the model learns "the subject is a name", not which name). */
const FUNCTION_POS = new Set(['PRON', 'ADP', 'SCONJ', 'CCONJ', 'DET', 'AUX', 'PART', 'PUNCT']);
function shape(t: Tok | undefined): string {
  if (!t) return '#';
  if (t.text.length <= 2 && QUOTE.test(t.text)) return 'Q';
  if (FUNCTION_POS.has(t.pos) || !/^\w/.test(t.text)) return t.low;
  return t.pos;
}

/** Quotation marks among the first k tokens, for every k (cached per token array: the scan
 * runs once per sentence, not once per candidate). */
const quoteCache = new WeakMap<ReadonlyArray<Tok>, Int32Array>();
function quoteCounts(toks: ReadonlyArray<Tok>): Int32Array {
  let c = quoteCache.get(toks);
  if (c) return c;
  c = new Int32Array(toks.length + 1);
  for (let m = 0; m < toks.length; m++) c[m + 1] = c[m]! + (toks[m]!.text.length <= 2 && QUOTE.test(toks[m]!.text) ? 1 : 0);
  quoteCache.set(toks, c);
  return c;
}

/** The index of the sentence's first verb (toks.length: none), cached per token array: the
 * walk ran once per candidate, quadratic in a long sentence. */
const firstVerbCache = new WeakMap<ReadonlyArray<Tok>, number>();
function firstVerbAt(toks: ReadonlyArray<Tok>): number {
  let v = firstVerbCache.get(toks);
  if (v !== undefined) return v;
  v = 0;
  while (v < toks.length && toks[v]!.pos !== 'VERB') v++;
  firstVerbCache.set(toks, v);
  return v;
}

/**
 * The features of the token at `i`, as strings. `inQuote`: the token stands inside a quotation
 * (PolNeAR rarely annotates a cue nested in a direct quote); `nested`: an earlier token of the
 * sentence already looked like a cue.
 */
export function sparseFeatures(toks: ReadonlyArray<Tok>, i: number, inQuote: boolean, nested: boolean): string[] {
  const t = toks[i]!;
  const L = t.lemma, P = t.pos;
  const q = inQuote ? 'q' : 'o';
  const f: string[] = [`l=${L}`, `lp=${L}|${P}`, `w=${t.low}`, `p=${P}`, `pq=${P}|${q}`, `lq=${L}|${q}`];
  // the subject side: skip auxiliaries, adverbs and negation
  const { k, modal, neg } = subjectSide(toks, i);
  const s = toks[k];
  const ss = shape(s);
  f.push(`s=${ss}|${P}`, `ls=${L}|${ss}`);
  if (s?.pos === 'PRON') f.push(`sp=${P}|${/^(he|she|they|i|we|you|it)$/.test(s.low) ? 'pers' : s.low}`);
  if (modal) f.push(`modal|${P}`);
  if (neg) f.push(`neg|${P}`);
  const p1 = toks[i - 1], p2 = toks[i - 2];
  const sp1 = shape(p1);
  f.push(`p1=${sp1}|${P}`, `p2=${shape(p2)}|${sp1}|${P}`, `lp1=${L}|${p1?.low ?? '#'}`);
  // the object side
  const n1 = toks[i + 1], n2 = toks[i + 2];
  const sn1 = shape(n1);
  f.push(`n1=${sn1}|${P}`, `ln1=${L}|${sn1}`, `n12=${sn1}|${shape(n2)}|${P}`, `lnw=${L}|${n1?.low ?? '#'}`);
  const { clause, thatLater } = clauseAhead(toks, i, !!n1 && (CLAUSE_WORD.test(n1.low) || QUOTE.test(n1.text)), QUOTE);
  if (clause) f.push(`clause|${P}`, `lclause=${L}`);
  if (thatLater) f.push(`thatlater|${P}`);
  // a possessive or an "of/from/by" phrase names the holder of a noun cue ("his criticism of",
  // "criticism from Democrats")
  if (P !== 'VERB') {
    const poss = p1 && (/^(his|her|their|its|our|my|your)$/.test(p1.low) || p1.low === "'s");
    if (poss) f.push(`poss|${P}`, `lposs=${L}`);
  }
  if (firstVerbAt(toks) >= i) f.push(`first|${P}`);
  if (i <= 1) f.push(`start|${P}`);
  if (nested) f.push(`nested|${P}`, `nestq|${P}|${q}`);
  if (/ing$/.test(t.low) && p1?.text === ',') f.push(`ingcomma|${P}`);
  if (p1?.low === 'to' && p1.pos === 'PART') {
    f.push(`inf|${P}`, `linf=${L}`);
    // the verb the infinitive depends on ("decided to back", "tried to empathize with", "is
    // expected to endorse"): whether the whole phrase reports a stance depends on it
    const g = toks[i - 2];
    if (g && (g.pos === 'VERB' || g.pos === 'ADJ' || g.pos === 'NOUN')) f.push(`g=${g.lemma}|${P}`, `lg=${L}|${g.lemma}`);
  }
  // the object's head noun after a verb (light-verb cues: "raised concerns about", "took credit
  // for", "issued a statement", "made no comment on"), across a determiner, possessive, adjectives
  if (P === 'VERB') {
    let o = i + 1;
    while (o < toks.length && o - i <= 4 && (toks[o]!.pos === 'DET' || toks[o]!.pos === 'ADJ' || toks[o]!.pos === 'NUM' || toks[o]!.pos === 'PRON' && /^(his|her|their|its|our|my|your)$/.test(toks[o]!.low))) o++;
    const ob = toks[o];
    if (ob && ob.pos === 'NOUN' && o > i) f.push(`o=${L}|${ob.lemma}`, `on=${ob.lemma}`);
  }
  // quotation marks elsewhere in the sentence (a direct quote's attribution), before and after
  const qc = quoteCounts(toks);
  f.push(`qs=${qc[i]! > 0 ? 1 : 0}${qc[toks.length]! - qc[i + 1]! > 0 ? 1 : 0}|${P}`);
  // the form's ending with the subject's shape ("Officials warned", "a report showing")
  const sfx = /ing$/.test(t.low) ? 'ing' : /ed$/.test(t.low) ? 'ed' : /s$/.test(t.low) ? 's' : '-';
  f.push(`sx=${sfx}|${ss}|${P}`);
  // the second word after ("went on to", "said in a statement", "called on")
  f.push(`ln2=${L}|${n1?.low ?? '#'}|${n2?.low ?? '#'}`);
  return f;
}

export function sparseScore(m: SparseModel, feats: string[]): number {
  let z = m.bias;
  const w = m.weights;
  for (const x of feats) z += w.get(x) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

let cached: SparseModel | null | undefined;

/** The model, or null when data/quotes/cue-sparse.json is absent (then the dense model alone decides). */
export function loadSparseModel(): SparseModel | null {
  if (cached !== undefined) return cached;
  const found = readQuotesData('cue-sparse.json');
  if (!found) return (cached = null);
  const { path: p, json: j } = found;
  if (typeof j.source !== 'string' || !j.weights || typeof j.weights !== 'object' || !Number.isFinite(j.bias)
    || !(j.threshold > 0 && j.threshold < 1) || !(j.nounThreshold > 0 && j.nounThreshold <= 1)) {
    throw new Error(`${p}: expected {source, weights: {feature: number}, bias, threshold in (0,1), nounThreshold in (0,1]}`);
  }
  const entries = Object.entries(j.weights) as [string, number][];
  for (const [k, v] of entries) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${p}: weight of "${k}" is not a number`);
  }
  const weights = new PackedWeights(entries);
  return (cached = { weights, bias: j.bias, threshold: j.threshold, nounThreshold: j.nounThreshold });
}
