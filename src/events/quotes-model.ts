// Whether a verb heads an attribution cue: a logistic model over a few features of the verb in
// its sentence (its lemma's cue rate, inside/outside a quotation, what stands around it). The
// weights are fitted on PolNeAR's train split by scripts/quotes/derive-cues.ts and committed as
// data/quotes/cue-model.json; the same `cueFeatures` is used for fitting and for applying them.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tok } from './tokens.js';

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const RE_CLAUSE_AHEAD = /^[.;!?]$/;
const WHO_WHICH_THAT = /^(who|which|that)$/;
const RE_CUE_FEATURES = /^(that|if|whether|how|why|what|when|where|who|:)$/i;
const ENDS_ING = /ing$/;
const RE_CUE_FEATURES_2 = /ed$|en$/;

/** Feature names, in the order of the weight vector (checked against the data file at load). */
export const FEATURES = [
  'rate_logit', 'in_quote', 'subject_np', 'subject_pron', 'clause_follows', 'that_follows', 'ing_after_comma',
  'infinitive', 'passive', 'after_comma_or_quote', 'relative_subject', 'nested', 'first_verb', 'colon_or_quote_follows',
  'object_then_clause', 'negated', 'modal_before',
] as const;

export interface CueModel { weights: number[]; bias: number; threshold: number }

const QUOTE = /^["“”‘’'«»]$/;
const SKIP_POS = new Set(['AUX', 'ADV', 'PART']);
const MODAL = new Set(['will', 'would', 'could', 'should', 'may', 'might', 'must', 'can']);

/** Whether a clause follows the verb at `i` within 6 tokens, before the sentence or a comma ends
 * (`clause` true: already known to), and whether a later "that" opens one after an object
 * (shared by both cue models; `quote` is the model's quotation-mark pattern). */
export function clauseAhead(toks: ReadonlyArray<Tok>, i: number, clause: boolean, quote: RegExp): { clause: boolean; thatLater: boolean } {
  let thatLater = false;
  for (let m = i + 1; !clause && m < toks.length && m <= i + 6; m++) {
    const x = toks[m]!;
    if (RE_CLAUSE_AHEAD.test(x.text)) break;
    if (x.text === ',' && !quote.test(toks[m + 1]?.text ?? '')) break;
    if (x.pos === 'VERB' || x.pos === 'AUX') clause = true;
    if (x.low === 'that' && m > i + 1) thatLater = true;
  }
  return { clause, thatLater };
}

/** The subject side of the verb at `i`: back past up to 4 auxiliaries, adverbs and negation to the
 * token `k` before them, noting a modal or a negation among them (shared by both cue models). */
export function subjectSide(toks: ReadonlyArray<Tok>, i: number): { k: number; modal: boolean; neg: boolean } {
  let k = i - 1;
  let modal = false, neg = false;
  while (k >= 0 && SKIP_POS.has(toks[k]!.pos) && i - k <= 4) {
    if (MODAL.has(toks[k]!.low)) modal = true;
    if (toks[k]!.low === 'not' || toks[k]!.low === "n't") neg = true;
    k--;
  }
  return { k, modal, neg };
}

/** Rate → log-odds, clipped (unseen lemmas have no rate; the caller only scores lexicon lemmas). */
export function logit(r: number): number {
  const p = Math.min(0.98, Math.max(0.01, r));
  return Math.log(p / (1 - p));
}

/**
 * Features of the verb at `i`. `rate` is its lemma's cue rate in this context (inside or outside a
 * quotation); `prevCueRate` the highest rate of a verb before it in the sentence (a cue nested in
 * someone's reported content is annotated less often).
 */
export function cueFeatures(toks: ReadonlyArray<Tok>, i: number, rate: number, inQuote: boolean, prevCueRate: number): number[] {
  const t = toks[i]!;
  const { k, modal, neg } = subjectSide(toks, i);
  const s = toks[k];
  const subjNp = !!s && (s.pos === 'NOUN' || s.pos === 'PROPN' || s.pos === 'PRON' || s.pos === 'NUM');
  const subjPron = !!s && s.pos === 'PRON' && !WHO_WHICH_THAT.test(s.low);
  const rel = !!s && WHO_WHICH_THAT.test(s.low) && s.pos === 'PRON';
  const n = toks[i + 1];
  const { clause, thatLater: objThenClause } = clauseAhead(toks, i, !!n && (RE_CUE_FEATURES.test(n.text) || QUOTE.test(n.text)), QUOTE);
  let firstVerb = true;
  for (let m = 0; m < i; m++) if (toks[m]!.pos === 'VERB') { firstVerb = false; break; }
  const prev = toks[i - 1];
  return [
    logit(rate),
    inQuote ? 1 : 0,
    subjNp ? 1 : 0,
    subjPron ? 1 : 0,
    clause ? 1 : 0,
    n?.low === 'that' ? 1 : 0,
    ENDS_ING.test(t.low) && prev?.text === ',' ? 1 : 0,
    prev?.low === 'to' && prev.pos === 'PART' ? 1 : 0,
    RE_CUE_FEATURES_2.test(t.low) && !!prev && (prev.pos === 'AUX' || prev.lemma === 'be') ? 1 : 0,
    !!prev && (prev.text === ',' || QUOTE.test(prev.text)) ? 1 : 0,
    rel ? 1 : 0,
    prevCueRate,
    firstVerb ? 1 : 0,
    n && (n.text === ':' || QUOTE.test(n.text) || n.text === ',' && QUOTE.test(toks[i + 2]?.text ?? '')) ? 1 : 0,
    objThenClause ? 1 : 0,
    neg ? 1 : 0,
    modal ? 1 : 0,
  ];
}

export function score(m: CueModel, x: number[]): number {
  let z = m.bias;
  for (let j = 0; j < x.length; j++) z += m.weights[j]! * x[j]!;
  return 1 / (1 + Math.exp(-z));
}

let cached: CueModel | null = null;

/** data/quotes/`name` (beside src/ or, compiled, one level further up), parsed; null when absent.
 * Shared by the quote models' loaders. */
export function readQuotesData(name: string): { path: string; json: any } | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of [join(here, '..', '..'), join(here, '..', '..', '..')]) {
    const path = join(up, 'data', 'quotes', name);
    let text: string;
    try { text = readFileSync(path, 'utf8'); } catch { continue; /* next candidate */ }
    return { path, json: JSON.parse(text) };
  }
  return null;
}

export function loadCueModel(): CueModel {
  if (cached) return cached;
  const found = readQuotesData('cue-model.json');
  if (!found) throw new Error('quote cue model not found: data/quotes/cue-model.json is missing (run `node --import tsx scripts/quotes/derive-cues.ts`)');
  const { path: p, json: j } = found;
  if (!Array.isArray(j.features) || j.features.join() !== FEATURES.join()) throw new Error(`${p}: features ${JSON.stringify(j.features)} do not match the code's (${FEATURES.join()}); rerun scripts/quotes/derive-cues.ts`);
  if (!Array.isArray(j.weights) || j.weights.length !== FEATURES.length || !j.weights.every(Number.isFinite) || !Number.isFinite(j.bias) || !(j.threshold > 0 && j.threshold < 1)) {
    throw new Error(`${p}: expected {features, weights[${FEATURES.length}], bias, threshold in (0,1)}`);
  }
  cached = { weights: j.weights, bias: j.bias, threshold: j.threshold };
  return cached;
}
