// A second, learned step over the attributions the rules build (quotes-attrib.ts): whether a
// whole attribution (cue + source + content) is one PolNeAR annotates. The cue model scores a
// token from its context; this one also sees what the rules made of it: what kind of source was
// found (a name, a pronoun, "who", a common noun and its head, an actor of which kind, nothing),
// on which side, how long, whether there is content and how long, next to the cue model's
// probability. A logistic model over sparse string features; weights in
// data/quotes/attrib-filter.json, fitted on PolNeAR's train split by scripts/quotes/fit-filter.ts;
// the same `filterFeatures` is used for fitting and for applying them.
import type { Tok } from './tokens.js';
import { npLeft, npRight, type Attrib } from './quotes-attrib.js';
import { readFileSync } from 'node:fs';
import { readQuotesData } from './quotes-model.js';

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const WHO_WHICH_THAT_ETC = /^(who|which|that|whom)$/;
const HIS_THEIR_ITS_ETC = /^(his|their|its|our|my|your)$/;
const SOME_MANY_MOST_ETC = /^(some|many|most|others|few|several|both|all|none|each|either|neither|another|one)$/;
const RE_FILTER_FEATURES = /^(["“”«»]|''|``)$/;
const ENDS_ING = /ing$/;
const ENDS_ED = /ed$/;
const ENDS_S = /s$/;
const RE_CLAUSE_FEATURES = /^[,;:()—–]$|^--$/;
const NOT_NT_NT_ETC = /^(not|n't|n’t|never)$/;
const WILL_WOULD_COULD_ETC = /^(will|would|could|can|may|might|should|must|shall|ca|wo)$/;
const HAS_HAVE_HAD_ETC = /^(has|have|had|'ve|’ve)$/;
const DO_DOES_DID = /^(do|does|did)$/;
const IS_ARE_WAS_ETC = /^(is|are|was|were|am|'s|’s|'re|’re|be|been|being)$/;
const RE_IS_Q = /^(["“”‘’«»]|''|``)$/;
const RE_SOURCE_VARIANTS = /^[.;:!?]$/;
const AUX_ADV_PART = /^(AUX|ADV|PART)$/;

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
    if (WHO_WHICH_THAT_ETC.test(h.low)) return 'rel';
    if (PERS.test(h.low)) return 'pers';
    if (HIS_THEIR_ITS_ETC.test(h.low)) return 'poss';
    return 'pron';
  }
  if (SOME_MANY_MOST_ETC.test(h.low) && a === b) return 'quant';
  if (h.low === "'s" || h.low === '’s') return 'gen';
  for (let k = a; k <= b; k++) if (toks[k]!.pos === 'PROPN') return 'name';
  return 'noun';
}

/**
 * Features of one attribution. `mention`: the entity kind of an actor mention inside the source
 * (null: none); `inQuote`: the cue stands inside a quotation; `nth`: how many attributions of the
 * sentence come before it; `nest`: how it nests with the sentence's other attributions.
 */
export function filterFeatures(toks: ReadonlyArray<Tok>, a: Attrib, mention: string | null, inQuote: boolean, nth: number, nest?: { inside: boolean; holds: boolean }): string[] {
  const c = toks[a.cue[0]]!;
  const kind = cueKind(toks, a);
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
  for (const t of toks) if (RE_FILTER_FEATURES.test(t.text)) { quote = true; break; }
  if (a.content) for (let k = a.content[0]; k <= a.content[1]; k++) if (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX') { verb = true; break; }
  const cv = a.content ? (verb ? 'clause' : 'np') : '-';
  f.push(`sq=${kind}|${quote ? 1 : 0}`, `n=${bucket(toks.length, [8, 15, 25, 40])}`, `cv=${kind}|${cv}`, `nth=${kind}|${Math.min(2, nth)}`);
  // the cue word's own shape: what follows it ("that", "to", a quotation, a noun), its form
  // (participle, gerund, present), the lemma with the content's shape ("said" + clause vs
  // "called" + noun phrase), and a source the reranker supplied for a cue the rules left without
  const e = a.phrase ? Math.max(a.phrase[1], a.cue[1]) : a.cue[1];
  const form = ENDS_ING.test(c.low) ? 'ing' : ENDS_ED.test(c.low) ? 'ed' : ENDS_S.test(c.low) ? 's' : 'base';
  f.push(`nx=${kind}|${tokTag(toks[e + 1])}`, `pv=${kind}|${tokTag(toks[a.cue[0] - 1])}`, `fm=${kind}|${form}`, `lc=${c.lemma}|${cv}`, `lf=${c.lemma}|${form}`);
  if (a.guessed) f.push(`guess|${sk}`, `guess|${form}`);
  f.push(...clauseFeatures(toks, a, kind, sk));
  // nested reported speech: the cue inside another attribution's content, or holding one in its own
  if (nest?.inside) f.push(`nin|${kind}`, `nin|${sk}`);
  if (nest?.holds) f.push(`nhold|${kind}`);
  return f;
}

// subordinators: the unambiguous ones by word (the tagger reads "although" as a preposition),
// the others ("as", "since", "before", "so") only when tagged as one
const OPENER_WORD = /^(if|although|though|because|unless|whether|whenever)$/;
const OPENER = /^(when|while|since|as|after|before|until|once|so)$/;
/**
 * The clause the attribution stands in, and the cue's verb group: PolNeAR leaves out the
 * speech verbs of subordinate and relative clauses ("candidates who think ...", "if they care",
 * "although Clinton has touted"), negated or modal reports ("did not respond", "cannot say"),
 * and perfect-tense stances ("has promoted", "have pushed") more often than main-clause reports.
 */
function clauseFeatures(toks: ReadonlyArray<Tok>, a: Attrib, kind: string, sk: string): string[] {
  const f: string[] = [];
  const c0 = a.phrase ? Math.min(a.phrase[0], a.cue[0]) : a.cue[0];
  // the clause opener nearest before the source (or the cue, when the source is after it or none)
  const from = a.source && a.source[0] < c0 ? a.source[0] : c0;
  let op = '-';
  for (let m = from - 1; m >= 0 && from - m <= 12; m--) {
    const x = toks[m]!;
    if (RE_CLAUSE_FEATURES.test(x.text) || isQ(x)) { op = m === from - 1 ? 'edge' : '-'; break; }
    if (OPENER_WORD.test(x.low) || x.pos === 'SCONJ' && OPENER.test(x.low)) { op = x.low; break; }
    if (x.pos === 'PRON' && REL_W.test(x.low) && m < from - 1) { op = 'rel'; break; }
    if (x.low === 'that' && x.pos === 'SCONJ') { op = 'that'; break; }
    if (x.pos === 'VERB') { op = 'verb'; break; } // (the cue's clause is another verb's object)
  }
  f.push(`op=${kind}|${op}`, `ops=${op}|${sk}`);
  // the verb group: negation, a modal, a perfect or progressive auxiliary, "do" support
  let neg = false, aux = '-';
  for (let m = a.cue[0] - 1; m >= 0 && a.cue[0] - m <= 4; m--) {
    const x = toks[m]!;
    if (x.pos !== 'AUX' && x.pos !== 'PART' && x.pos !== 'ADV') break;
    if (NOT_NT_NT_ETC.test(x.low)) neg = true;
    else if (x.pos === 'AUX' && aux === '-') aux = WILL_WOULD_COULD_ETC.test(x.low) ? 'modal' : HAS_HAVE_HAD_ETC.test(x.low) ? 'perf' : DO_DOES_DID.test(x.low) ? 'do' : IS_ARE_WAS_ETC.test(x.low) ? 'be' : 'aux';
  }
  f.push(`aux=${kind}|${aux}`);
  if (neg) f.push(`neg|${kind}`);
  // an indefinite or generic common-noun source ("a study", "some analysts") against a definite one
  if (sk === 'noun' && a.source) f.push(`det=${toks[a.source[0]]!.low === 'a' || toks[a.source[0]]!.low === 'an' ? 'a' : toks[a.source[0]]!.pos === 'DET' ? 'det' : toks[a.source[0]]!.pos}`);
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

// ---------------------------------------------------------------------------------------------
// The source-span reranker: the rules' source (quotes-attrib.ts) is one of a few variants of the
// same phrase — cut before a comma aside, a relative clause or a bracket; started after a leading
// modifier or prepositional phrase; extended left to the clause start or right over an
// apposition — and a logistic model over the variants' shapes picks one. PolNeAR keeps a relative
// clause or apposition in some sources and not in others, and no single rule wins (session 4:
// trimming relative clauses lost as much as it gained); the model sees what was cut (a verb, a
// comma, "who"), on which side of the cue, for which cue kind. Weights in
// data/quotes/source-spans.json, fitted on PolNeAR train by scripts/quotes/fit-spans.ts.

export interface SpanModel { weights: Record<string, number>; bias: number; margin: number; /** a candidate source for a source-less cue must beat none by this (absent: never) */ noneMargin?: number }

const REL_W = /^(who|whose|which|that|whom)$/;
const isQ = (t: Tok | undefined): boolean => !!t && RE_IS_Q.test(t.text);
const BOUND = /^(,|\(|\)|--|—|–|;|:)$/;
const NPISH = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'PRON']);
const HEADS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** The cue's coarse kind (shared by the filter and the span features). */
function cueKind(toks: ReadonlyArray<Tok>, a: Attrib): string {
  const c = toks[a.cue[0]]!;
  return c.low === 'according' ? 'acc' : c.text === ':' ? 'colon' : c.pos === 'VERB' ? (a.phrase && a.phrase[1] > a.cue[1] ? 'pass' : 'verb') : c.pos === 'NOUN' ? 'noun' : c.pos === 'ADJ' ? 'adj' : 'other';
}

/** Variants of an attribution's source, token ranges; the first is the rules' own. Only on the
 * source's side of the cue and inside the sentence ([first, last] without edge punctuation). */
export function sourceVariants(toks: ReadonlyArray<Tok>, a: Attrib, first: number, last: number): Array<[number, number]> {
  const src = a.source!;
  const [s, e] = src;
  const [c0, c1] = a.phrase ? [Math.min(a.phrase[0], a.cue[0]), Math.max(a.phrase[1], a.cue[1])] : a.cue;
  const right = s > c1;
  const lo = right ? c1 + 1 : first, hi = right ? last : c0 - 1;
  if (lo > s || hi < e) return [src];
  const starts = [s], ends = [e];
  // cuts inside the phrase: end before a comma, bracket, dash, relative pronoun or verb; start
  // after a preposition, comma or verb
  // (a verb inside a relative clause does not end one: "X, who runs Clinton's ..." is not a source)
  let rel = false;
  for (let m = s + 1; m <= e && ends.length < 6; m++) {
    const x = toks[m]!;
    const isRel = x.pos === 'PRON' && REL_W.test(x.low);
    if (BOUND.test(x.text) || isRel || x.pos === 'SCONJ' || (x.pos === 'VERB' || x.pos === 'AUX') && !rel) {
      let b = m - 1;
      while (b > s && (BOUND.test(toks[b]!.text) || isQ(toks[b]) || toks[b]!.pos === 'PRON' && REL_W.test(toks[b]!.low))) b--;
      if (!ends.includes(b)) ends.push(b);
    }
    rel ||= isRel;
  }
  for (let m = e; m > s && starts.length < 5; m--) {
    const p = toks[m - 1]!;
    if ((BOUND.test(p.text) || p.pos === 'ADP' || p.pos === 'VERB' || p.pos === 'CCONJ' || isQ(p)) && NPISH.has(toks[m]!.pos) && !starts.includes(m)) starts.push(m);
  }
  // extensions: left to a clause boundary (a source before its cue), right over a comma aside
  let added = 0;
  for (let m = s - 1; m >= lo && s - m <= 15 && added < 3; m--) {
    const x = toks[m]!;
    if (RE_SOURCE_VARIANTS.test(x.text) || isQ(x)) break;
    const p = toks[m - 1];
    if (NPISH.has(x.pos) && (m === lo || !p || BOUND.test(p.text) || isQ(p) || p.pos === 'CCONJ' || p.pos === 'SCONJ')) { starts.push(m); added++; }
  }
  added = 0;
  for (let m = e + 1; m <= hi && m - e <= 20 && added < 2; m++) {
    const x = toks[m]!;
    if (RE_SOURCE_VARIANTS.test(x.text)) break;
    if ((x.text === ',' || x.text === ')' ) && m - 1 > e) {
      const b = x.text === ')' ? m : m - 1;
      ends.push(b); added++;
    } else if (m === hi && !BOUND.test(x.text)) { ends.push(m); added++; }
  }
  const out: Array<[number, number]> = [src];
  for (const a0 of starts) for (const b0 of ends) {
    if (a0 > b0 || a0 === s && b0 === e) continue;
    let head = false;
    for (let k = a0; k <= b0 && !head; k++) head = HEADS.has(toks[k]!.pos);
    if (head) out.push([a0, b0]);
  }
  return out;
}

const d = (n: number): string => (n === 0 ? '0' : n > 0 ? (n === 1 ? '+1' : n <= 3 ? '+3' : n <= 8 ? '+8' : '+X') : (n === -1 ? '-1' : n >= -3 ? '-3' : n >= -8 ? '-8' : '-X'));
const TAG_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);
const tokTag = (t: Tok | undefined): string => (!t ? '^' : TAG_POS.has(t.pos) ? t.pos : t.low);

/** What a stretch of tokens holds (the part a variant adds or cuts). */
function stretch(toks: ReadonlyArray<Tok>, a: number, b: number): string[] {
  const f = new Set<string>();
  for (let k = a; k <= b; k++) {
    const x = toks[k]!;
    if (x.pos === 'PRON' && REL_W.test(x.low)) f.add('rel');
    else if (x.pos === 'VERB' || x.pos === 'AUX') f.add('verb');
    else if (x.text === ',') f.add('comma');
    else if (x.text === '(' || x.text === ')') f.add('paren');
    else if (x.pos === 'ADP') f.add('adp');
    else if (x.pos === 'PROPN') f.add('name');
    else if (x.pos === 'NUM') f.add('num');
    else if (x.pos === 'CCONJ') f.add('and');
    else if (isQ(x)) f.add('quote');
  }
  return [...f];
}

/** Features of one source variant `v` of attribution `a` (whose own source is a.source). */
export function spanFeatures(toks: ReadonlyArray<Tok>, a: Attrib, v: [number, number], k = cueKind(toks, a)): string[] {
  const [s, e] = a.source!;
  const [vs, ve] = v;
  const side = s > a.cue[1] ? 'R' : 'L';
  const ds = d(s - vs), de = d(ve - e); // (+: the variant is longer on that side)
  const f = [`ds=${side}|${ds}`, `de=${side}|${de}`, `dd=${side}|${ds}|${de}`, `kdd=${k}|${side}|${ds}|${de}`,
    `st=${side}|${tokTag(toks[vs])}`, `pv=${side}|${tokTag(toks[vs - 1])}`, `et=${side}|${tokTag(toks[ve])}`, `nx=${side}|${tokTag(toks[ve + 1])}`,
    `nx2=${side}|${tokTag(toks[ve + 1])}|${tokTag(toks[ve + 2])}`, `pv2=${side}|${tokTag(toks[vs - 2])}|${tokTag(toks[vs - 1])}`,
    `len=${side}|${Math.min(ve - vs + 1, 12 + Math.min(3, Math.floor((ve - vs - 11) / 5)))}`];
  if (vs === s && ve === e) f.push(`orig|${k}|${side}`);
  // what the variant adds or cuts, at either end
  if (ve !== e) for (const x of stretch(toks, Math.min(e, ve) + 1, Math.max(e, ve))) f.push(`e${ve > e ? '+' : '-'}${x}|${side}`, `e${ve > e ? '+' : '-'}${x}|${de}`);
  if (vs !== s) for (const x of stretch(toks, Math.min(s, vs), Math.max(s, vs) - 1)) f.push(`s${vs < s ? '+' : '-'}${x}|${side}`, `s${vs < s ? '+' : '-'}${x}|${ds}`);
  // the first two words of the part added or cut (", who", ", 59", "in a statement", "of")
  if (ve !== e) {
    const a0 = Math.min(e, ve) + 1, n = Math.abs(ve - e);
    const w = `${tokTag(toks[a0])}|${n > 1 ? tokTag(toks[a0 + 1]) : '$'}`;
    f.push(`ew${ve > e ? '+' : '-'}${side}|${w}`, `ewn${ve > e ? '+' : '-'}${side}|${tokTag(toks[a0])}|${Math.min(n, 10 + Math.min(3, Math.floor(n / 10)))}`);
  }
  if (vs !== s) {
    const a0 = Math.min(s, vs), n = Math.abs(vs - s);
    const w = `${tokTag(toks[a0])}|${tokTag(toks[Math.max(s, vs) - 1])}`;
    f.push(`sw${vs < s ? '+' : '-'}${side}|${w}`, `swn${vs < s ? '+' : '-'}${side}|${tokTag(toks[Math.max(s, vs) - 1])}|${Math.min(n, 8)}`);
  }
  for (const x of stretch(toks, vs, ve)) f.push(`in=${side}|${x}`);
  f.push(`hd=${side}|${toks[ve]!.pos}|${toks[vs]!.pos}`);
  // next to the cue (only auxiliaries and adverbs between) or at the clause start
  let m = ve + 1;
  while (m < a.cue[0] && AUX_ADV_PART.test(toks[m]!.pos)) m++;
  if (side === 'L' && m === a.cue[0]) f.push('adj');
  if (vs === 0 || BOUND.test(toks[vs - 1]!.text) || isQ(toks[vs - 1])) f.push(`open|${side}`);
  return f;
}

export function spanScore(m: SpanModel, feats: string[]): number {
  let z = m.bias;
  for (const x of feats) z += m.weights[x] ?? 0;
  return z;
}

let spanCached: SpanModel | null | undefined;
/** The reranker, or null when data/quotes/source-spans.json is absent (the rules' span is kept). */
export function loadSpanModel(): SpanModel | null {
  if (spanCached !== undefined) return spanCached;
  const found = readQuotesData('source-spans.json');
  if (!found) return (spanCached = null);
  return (spanCached = parseSpanModel(found.path, found.json));
}

/** A span model from the JSON written by fit-spans.ts, checked. */
function parseSpanModel(p: string, j: any): SpanModel {
  if (typeof j.source !== 'string' || !j.weights || typeof j.weights !== 'object' || !Number.isFinite(j.bias) || !Number.isFinite(j.margin)) {
    throw new Error(`${p}: expected {source, weights: {feature: number}, bias, margin}`);
  }
  const weights: Record<string, number> = Object.create(null);
  for (const [k, v] of Object.entries(j.weights)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${p}: weight of "${k}" is not a number`);
    weights[k] = v;
  }
  if (j.noneMargin !== undefined && !Number.isFinite(j.noneMargin)) throw new Error(`${p}: noneMargin must be a number`);
  return { weights, bias: j.bias, margin: j.margin, noneMargin: j.noneMargin };
}

/** Candidate sources for a cue the rules found none for (a participle or gerund far from its
 * subject, a second verb after a long apposition, "and vowed"): the noun phrase before each of
 * the three verbs nearest before the cue, and the clause's first one. */
export function subjectCandidates(toks: ReadonlyArray<Tok>, a: Attrib, first: number, last = toks.length - 1, prev: [number, number] | null = null): Array<[number, number]> {
  const i = a.phrase ? Math.min(a.phrase[0], a.cue[0]) : a.cue[0];
  const out: Array<[number, number]> = [];
  const add = (v: number): void => {
    let b = v - 1;
    while (b > first && AUX_ADV_PART.test(toks[b]!.pos)) b--;
    if (b < first) return;
    const np = npLeft(toks as Tok[], b, first);
    if (np && np[1] < i && !out.some((x) => x[0] === np[0] && x[1] === np[1])) out.push(np);
  };
  let n = 0;
  for (let v = i - 1; v > first && n < 3; v--) if (toks[v]!.pos === 'VERB' || toks[v]!.pos === 'AUX') { add(v); n++; }
  for (let v = first + 1; v < i; v++) if (toks[v]!.pos === 'VERB' || toks[v]!.pos === 'AUX') { add(v); break; }
  // the phrase right after the cue (an inversion the rules leave to verbs of saying: "“...,”
  // reads an editorial in the Register") and the source of the sentence's attribution before
  // ("..., said Skelly, explaining ...")
  const e = a.phrase ? Math.max(a.phrase[1], a.cue[1]) : a.cue[1];
  const r = npRight(toks as Tok[], e + 1, last);
  if (r && r[1] - r[0] < 12) out.push(r);
  if (prev && prev[1] < i && !out.some((x) => x[0] === prev[0] && x[1] === prev[1])) out.push(prev);
  return out;
}

/** Features of a candidate source `c` (null: none) for a source-less cue. */
function subjectFeatures(toks: ReadonlyArray<Tok>, a: Attrib, c: [number, number] | null, nth: number, inQuote: boolean, prev: [number, number] | null): string[] {
  const k = cueKind(toks, a);
  const i = a.phrase ? Math.min(a.phrase[0], a.cue[0]) : a.cue[0];
  const t = toks[a.cue[0]]!;
  const form = ENDS_ING.test(t.low) ? 'ing' : ENDS_ED.test(t.low) ? 'ed' : toks[a.cue[0] - 1]?.low === 'to' ? 'to' : ENDS_S.test(t.low) ? 's' : 'base';
  const cp = tokTag(toks[i - 1]);
  if (!c) return [`none|${k}|${form}`, `none|${form}|${cp}`, `none|l=${t.lemma}`, `none|q=${inQuote ? 1 : 0}`, `none|cont=${a.content ? 1 : 0}`];
  const sk = sourceKind(toks, c);
  if (c[0] > i) return [`subR|${k}|${form}|${cp}`, `subR|l=${t.lemma}`, `subRk=${sk}`, `subRq=${inQuote ? 1 : 0}`, `subRst=${tokTag(toks[c[1] + 1])}`, `subRn=${Math.min(c[1] - c[0] + 1, 6)}`];
  let verbs = 0, commas = 0, quote = false;
  for (let m = c[1] + 1; m < i; m++) {
    const x = toks[m]!;
    if (x.pos === 'VERB' || x.pos === 'AUX') verbs++;
    else if (x.text === ',') commas++;
    else if (isQ(x)) quote = true;
  }
  const dist = bucket(i - c[1] - 1, [0, 2, 5, 10, 20]);
  return [`sub|${k}|${form}`, `sub|${form}|${cp}`, `sub|l=${t.lemma}`, `subk=${sk}`, `subkf=${sk}|${form}|${cp}`, `subd=${form}|${dist}`, `subv=${form}|${Math.min(verbs, 3)}`,
    `subc=${form}|${Math.min(commas, 3)}`, `subn=${Math.min(nth, 3)}`, ...(prev && prev[0] === c[0] && prev[1] === c[1] ? [`subprev|${form}`] : []), ...(quote ? ['subq'] : []), `subst=${tokTag(toks[c[0] - 1])}`, `subhd=${toks[c[1]]!.pos}`, `subqi=${inQuote ? 1 : 0}`];
}

/** For fit-filter.ts: the span model to apply instead of the data file's (null: none). */
export function setSpanModel(m: SpanModel | null): void { spanCached = m; }
/** A span model from a file written by fit-spans.ts (the same checks as the product's). */
export function readSpanModel(path: string): SpanModel {
  return parseSpanModel(path, JSON.parse(readFileSync(path, 'utf8')));
}

/** For the fitting script: when set, each attribution's source variants and their features
 * (for a source-less cue, the first variant is null: none). */
let spanTap: ((variants: Array<[number, number] | null>, feats: string[][]) => void) | null = null;
export function setSpanTap(fn: typeof spanTap): void { spanTap = fn; }

/** The attribution's source as the reranker chooses it (the rules' own unless a variant scores
 * `margin` higher in log-odds); `variants` are token ranges, `charOf` maps one to characters.
 * For a cue without a source, a candidate subject when one beats "none" by `noneMargin`. */
export function rerankSource(toks: ReadonlyArray<Tok>, a: Attrib, first: number, last: number, charOf: (v: [number, number]) => [number, number], inQuote = false, prev: [number, number] | null = null): [number, number] | null {
  const m = loadSpanModel();
  if (!m && !spanTap) return a.source;
  if (!a.source) {
    if (a.cue[0] < first || toks[a.cue[0]]!.text === ':' || toks[a.cue[0]]!.low === 'according') return null;
    const cs = subjectCandidates(toks, a, first, last, prev);
    if (!cs.length) return null;
    const fs = [null, ...cs].map((c, n) => subjectFeatures(toks, a, c, n, inQuote, prev));
    if (spanTap) { spanTap([null, ...cs.map(charOf)], fs); return null; }
    let best = -1, bz = spanScore(m!, fs[0]!) + (m!.noneMargin ?? Infinity);
    for (let k = 0; k < cs.length; k++) {
      const z = spanScore(m!, fs[k + 1]!);
      if (z > bz) { bz = z; best = k; }
    }
    return best < 0 ? null : cs[best]!;
  }
  const vs = sourceVariants(toks, a, first, last);
  if (vs.length === 1 && !spanTap) return a.source;
  const k = cueKind(toks, a); // once per cue, not per variant
  const fs = vs.map((v) => spanFeatures(toks, a, v, k));
  if (spanTap) { spanTap(vs.map(charOf), fs); return a.source; }
  let best = 0, bz = spanScore(m!, fs[0]!) + m!.margin;
  for (let k = 1; k < vs.length; k++) {
    const z = spanScore(m!, fs[k]!);
    if (z > bz) { bz = z; best = k; }
  }
  return vs[best]!;
}
