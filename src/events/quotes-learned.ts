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

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const RE_IS_CANDIDATE = /^[a-z]/i;
const RE_SHAPE = /^\w/;
const HE_SHE_THEY_ETC = /^(he|she|they|i|we|you|it)$/;
const HIS_HER_THEIR_ETC = /^(his|her|their|its|our|my|your)$/;
const ENDS_ING = /ing$/;
const ENDS_ED = /ed$/;
const ENDS_S = /s$/;
const ENDS_S_2 = /s$/i;
const RE_QUOTE_STATES = /\w|[.,!?]/;
const RE_TAG_FEATURES = /^[A-Z]/;

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
  return (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'ADJ') && RE_IS_CANDIDATE.test(t.text) && t.low.length > 1;
}

/** Coarse shape of a token for context features: the word itself for function words, the POS
 * tag for content words (so the model learns "the subject is a name", not which name). */
const FUNCTION_POS = new Set(['PRON', 'ADP', 'SCONJ', 'CCONJ', 'DET', 'AUX', 'PART', 'PUNCT']);
function shape(t: Tok | undefined): string {
  if (!t) return '#';
  if (t.text.length <= 2 && QUOTE.test(t.text)) return 'Q';
  if (FUNCTION_POS.has(t.pos) || !RE_SHAPE.test(t.text)) return t.low;
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
  if (s?.pos === 'PRON') f.push(`sp=${P}|${HE_SHE_THEY_ETC.test(s.low) ? 'pers' : s.low}`);
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
    const poss = p1 && (HIS_HER_THEIR_ETC.test(p1.low) || p1.low === "'s");
    if (poss) f.push(`poss|${P}`, `lposs=${L}`);
  }
  if (firstVerbAt(toks) >= i) f.push(`first|${P}`);
  if (i <= 1) f.push(`start|${P}`);
  if (nested) f.push(`nested|${P}`, `nestq|${P}|${q}`);
  if (ENDS_ING.test(t.low) && p1?.text === ',') f.push(`ingcomma|${P}`);
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
    while (o < toks.length && o - i <= 4 && (toks[o]!.pos === 'DET' || toks[o]!.pos === 'ADJ' || toks[o]!.pos === 'NUM' || toks[o]!.pos === 'PRON' && HIS_HER_THEIR_ETC.test(toks[o]!.low))) o++;
    const ob = toks[o];
    if (ob && ob.pos === 'NOUN' && o > i) f.push(`o=${L}|${ob.lemma}`, `on=${ob.lemma}`);
  }
  // quotation marks elsewhere in the sentence (a direct quote's attribution), before and after
  const qc = quoteCounts(toks);
  f.push(`qs=${qc[i]! > 0 ? 1 : 0}${qc[toks.length]! - qc[i + 1]! > 0 ? 1 : 0}|${P}`);
  // the form's ending with the subject's shape ("Officials warned", "a report showing")
  const sfx = ENDS_ING.test(t.low) ? 'ing' : ENDS_ED.test(t.low) ? 'ed' : ENDS_S.test(t.low) ? 's' : '-';
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

// ---------------------------------------------------------------------------------------------
// The BIO cue tagger (session 6): every token of a sentence labelled O (outside a cue), B (a cue
// span's first token) or I (inside), by a first-order linear chain over sparse features (an
// averaged structured perceptron fitted by scripts/quotes/tagger-fit.ts on PolNeAR train 1-672,
// data/quotes/cue-tagger.json) decoded by Viterbi. It sees every token, not only the candidates,
// and whole spans ("made clear", "has also said", "according to"). On PolNeAR train's held-out
// slice (articles 673-840) its spans alone match gold cues better than the product's cues (cue
// F1 70.8 vs 69.7), and as the extent of the rules' cues (`cueSpanAt`) they raise cue F1 69.7 →
// 71.7 (dev 71.3 → 72.1) with source F1 unchanged; as a feature of the cue model, an extra
// proposer or a gate the tagger did not raise source F1 (scripts/quotes/tagger-fit.ts and the
// session-6 notes). Not called by the event stage yet: wiring `cueSpanAt` into quotes.ts costs
// ~3-4 ms CPU per PolNeAR document.

export interface CueTagger {
  /** feature → weight of B and of I, each relative to O (an O weight shifts every label alike) */
  b: PackedWeights;
  i: PackedWeights;
  /** transition weights [from O, B, I, start] × [to O, B, I] */
  trans: Float64Array;
}

/** Whether each token stands inside a quotation, from the quotation marks of the token array
 * alone (the tagger is applied where only the tokens are at hand): a curly mark says which way
 * it goes; a straight one opens after a space and closes when attached to the word before; a
 * closing mark before any opening one means the array began inside a quotation. */
export function quoteStates(toks: ReadonlyArray<Tok>): boolean[] {
  const out = new Array<boolean>(toks.length).fill(false);
  let inside = false, seen = false;
  for (let m = 0; m < toks.length; m++) {
    const t = toks[m]!;
    if (!(t.text.length <= 2 && QUOTE.test(t.text)) || t.text === "'" || t.text === '’' && toks[m - 1]?.end === t.start && ENDS_S_2.test(toks[m - 1]!.text)) { out[m] = inside; continue; }
    const opens = t.text === '“' || t.text === '«' || t.text === '``' || t.text === '‘'
      || (t.text === '"' || t.text === "''") && !(m > 0 && toks[m - 1]!.end === t.start && RE_QUOTE_STATES.test(toks[m - 1]!.text.slice(-1)));
    if (!opens && !seen) { for (let k = 0; k < m; k++) out[k] = true; }
    seen = true;
    inside = opens;
    out[m] = false;
  }
  return out;
}

/** the lemma, except for names and numbers (the model learns the context, not which name) */
function tagLemma(t: Tok | undefined): string {
  if (!t) return '#';
  if (t.pos === 'PROPN' || t.pos === 'NUM') return t.pos;
  return t.lemma;
}

/** The tagger's features of every token: its lemma, tag and ending, a ±3 window of shapes and a
 * ±2 window of lemmas, the subject side and the clause ahead (as the cue model sees them), the
 * sentence's first verb, and whether the token stands inside a quotation. */
export function tagFeatures(toks: ReadonlyArray<Tok>, inQ: ReadonlyArray<boolean>, from = 0, to = toks.length - 1): string[][] {
  const out: string[][] = [];
  const fv = firstVerbAt(toks);
  for (let i = from; i <= to; i++) {
    const t = toks[i]!;
    const P = t.pos, L = tagLemma(t), q = inQ[i] ? 'q' : 'o';
    const f: string[] = ['b', `L=${L}`, `P=${P}|${q}`, `LP=${L}|${P}`, `LQ=${L}|${q}`, `X=${t.low.slice(-3)}|${P}`];
    if (RE_TAG_FEATURES.test(t.text)) f.push(`C|${P}`);
    for (let d = -3; d <= 3; d++) if (d) f.push(`S${d}=${shape(toks[i + d])}`);
    for (const d of [-2, -1, 1, 2]) f.push(`L${d}=${tagLemma(toks[i + d])}`);
    f.push(`SS=${shape(toks[i - 1])}|${P}|${shape(toks[i + 1])}`, `LL-=${tagLemma(toks[i - 1])}|${L}`, `LL+=${L}|${tagLemma(toks[i + 1])}`);
    f.push(`LS+=${L}|${shape(toks[i + 1])}|${shape(toks[i + 2])}`, `SL-=${shape(toks[i - 2])}|${shape(toks[i - 1])}|${L}`);
    const { k } = subjectSide(toks, i);
    f.push(`SUB=${shape(toks[k])}|${P}`);
    const n1 = toks[i + 1];
    const { clause } = clauseAhead(toks, i, !!n1 && (CLAUSE_WORD.test(n1.low) || QUOTE.test(n1.text)), QUOTE);
    if (clause) f.push(`CL|${P}`, `CLL=${L}`);
    f.push(`FV=${fv >= i ? 1 : 0}|${P}`);
    out.push(f);
  }
  return out;
}

/** The best label sequence (0 O, 1 B, 2 I) for emission scores em[i*3+y], I never after O or first. */
export function viterbi(em: ArrayLike<number>, n: number, trans: ArrayLike<number>): Uint8Array {
  const NEG = -1e18;
  const score = new Float64Array(n * 3), back = new Uint8Array(n * 3);
  const out = new Uint8Array(n);
  if (!n) return out;
  for (let y = 0; y < 3; y++) score[y] = y === 2 ? NEG : em[y]! + trans[9 + y]!;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < 3; y++) {
      let best = NEG, arg = 0;
      for (let p = 0; p < 3; p++) {
        if (y === 2 && p === 0) continue;
        const s = score[(i - 1) * 3 + p]! + trans[p * 3 + y]!;
        if (s > best) { best = s; arg = p; }
      }
      score[i * 3 + y] = best + em[i * 3 + y]!;
      back[i * 3 + y] = arg;
    }
  }
  let y = 0;
  for (let c = 1; c < 3; c++) if (score[(n - 1) * 3 + c]! > score[(n - 1) * 3 + y]!) y = c;
  for (let i = n - 1; i >= 0; i--) { out[i] = y; y = back[i * 3 + y]!; }
  return out;
}

/** Token spans [first, last] of the B/I runs of a label sequence. */
export function spansOf(labels: ArrayLike<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    let e = i;
    while (e + 1 < labels.length && labels[e + 1] === 2) e++;
    out.push([i, e]);
    i = e;
  }
  return out;
}

let taggerCached: CueTagger | null | undefined;
/** The tagger, or null when data/quotes/cue-tagger.json is absent (then `cueSpanAt` gives null). */
export function loadCueTagger(): CueTagger | null {
  if (taggerCached !== undefined) return taggerCached;
  const found = readQuotesData('cue-tagger.json');
  return (taggerCached = found ? parseCueTagger(found.path, found.json) : null);
}

/** A tagger from the JSON written by tagger-fit.ts (`p`: its path, for the errors), checked. */
export function parseCueTagger(p: string, j: any): CueTagger {
  if (typeof j.source !== 'string' || !Array.isArray(j.trans) || j.trans.length !== 12 || !j.trans.every(Number.isFinite) || !j.weights || typeof j.weights !== 'object') {
    throw new Error(`${p}: expected {source, trans: 12 numbers, weights: {feature: [B, I]}}`);
  }
  const b: [string, number][] = [], i: [string, number][] = [];
  for (const [k, v] of Object.entries<any>(j.weights)) {
    if (!Array.isArray(v) || v.length !== 2 || !v.every(Number.isFinite)) throw new Error(`${p}: weights of "${k}" are not [B, I] numbers`);
    if (v[0]) b.push([k, v[0]]);
    if (v[1]) i.push([k, v[1]]);
  }
  return { b: new PackedWeights(b), i: new PackedWeights(i), trans: Float64Array.from(j.trans) };
}

/** Labels of the tokens from..to of a token array under a tagger (the chain starts at `from`). */
export function tagTokens(m: CueTagger, toks: ReadonlyArray<Tok>, from = 0, to = toks.length - 1): Uint8Array {
  const fs = tagFeatures(toks, quoteStates(toks), from, to);
  const em = new Float64Array(fs.length * 3);
  for (let i = 0; i < fs.length; i++) {
    let zb = 0, zi = 0;
    for (const x of fs[i]!) { zb += m.b.get(x) ?? 0; zi += m.i.get(x) ?? 0; }
    em[i * 3 + 1] = zb; em[i * 3 + 2] = zi;
  }
  return viterbi(em, fs.length, m.trans);
}

/** The tagger's cue span [first, last] (token indices) through token `i`, or null when the
 * tagger puts `i` outside a cue (or there is no tagger). */
export function cueSpanAt(toks: ReadonlyArray<Tok>, i: number): [number, number] | null {
  const m = loadCueTagger();
  if (!m) return null;
  // a window of SPAN_WINDOW tokens either side, not the sentence: tagging every token of every
  // sentence with a cue doubled the event stage's CPU (11.5 → 19-22 ms per PolNeAR document)
  const from = Math.max(0, i - SPAN_WINDOW), to = Math.min(toks.length - 1, i + SPAN_WINDOW);
  const tg = tagTokens(m, toks, from, to);
  const at = i - from;
  if (!tg[at]) return null;
  let b = at, e = at;
  while (b > 0 && tg[b] === 2) b--;
  while (e + 1 < tg.length && tg[e + 1] === 2) e++;
  return [from + b, from + e];
}
const SPAN_WINDOW = 6;
