// A token-level BIO tagger for attribution-cue spans (an experiment of session 6, see
// tagger-fit.ts): every token of a sentence is labelled O (outside a cue), B (first token of a cue
// span) or I (inside), so multi-word cues ("took shots at", "made clear", "has also said") and
// cue tokens that are neither verb, noun nor adjective come out as spans. A first-order linear
// chain scored by a sparse linear model (an averaged structured perceptron, fitted by
// tagger-fit.ts), decoded by Viterbi with I never after O or at the start.
import type { Tok } from '../../src/events/tokens.js';
import { clauseAhead, subjectSide } from '../../src/events/quotes-model.js';
import { isCandidate, sparseFeatures } from '../../src/events/quotes-learned.js';
import type { CueLexicon } from '../../src/events/quotes-cues.js';

export const LABELS = ['O', 'B', 'I'] as const;
const QUOTE = /^(["“”‘’'«»]|''|``)$/;
const FUNCTION_POS = new Set(['PRON', 'ADP', 'SCONJ', 'CCONJ', 'DET', 'AUX', 'PART', 'PUNCT']);
/** the word itself for function words, the POS tag for content words (as quotes-learned.ts) */
function shape(t: Tok | undefined): string {
  if (!t) return '#';
  if (t.text.length <= 2 && QUOTE.test(t.text)) return 'Q';
  if (FUNCTION_POS.has(t.pos) || !/^\w/.test(t.text)) return t.low;
  return t.pos;
}
/** the lemma, except for names and numbers (the model learns the context, not which name) */
function lem(t: Tok | undefined): string {
  if (!t) return '#';
  if (t.pos === 'PROPN' || t.pos === 'NUM') return t.pos;
  return t.lemma;
}

/**
 * Features of every token of a sentence: the token's lemma, tag and ending, a ±3 window of
 * shapes and a ±2 window of lemmas, the subject side and the clause ahead (as the cue model sees
 * them), whether it stands inside a quotation; for candidate tokens (verbs, nouns, adjectives)
 * also the cue model's own features (quotes-learned.ts sparseFeatures).
 */
export function sentenceTagFeatures(toks: ReadonlyArray<Tok>, inQ: ReadonlyArray<boolean>, lex: CueLexicon): string[][] {
  const out: string[][] = [];
  let nested = false;
  let firstVerb = 0;
  while (firstVerb < toks.length && toks[firstVerb]!.pos !== 'VERB') firstVerb++;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const P = t.pos, L = lem(t), q = inQ[i] ? 'q' : 'o';
    const f: string[] = ['b', `L=${L}`, `P=${P}|${q}`, `LP=${L}|${P}`, `LQ=${L}|${q}`, `X=${t.low.slice(-3)}|${P}`];
    if (/^[A-Z]/.test(t.text)) f.push(`C|${P}`);
    for (let d = -3; d <= 3; d++) if (d) f.push(`S${d}=${shape(toks[i + d])}`);
    for (const d of [-2, -1, 1, 2]) f.push(`L${d}=${lem(toks[i + d])}`);
    f.push(`SS=${shape(toks[i - 1])}|${P}|${shape(toks[i + 1])}`, `LL-=${lem(toks[i - 1])}|${L}`, `LL+=${L}|${lem(toks[i + 1])}`);
    f.push(`LS+=${L}|${shape(toks[i + 1])}|${shape(toks[i + 2])}`, `SL-=${shape(toks[i - 2])}|${shape(toks[i - 1])}|${L}`);
    const { k } = subjectSide(toks, i);
    f.push(`SUB=${shape(toks[k])}|${P}`);
    const n1 = toks[i + 1];
    const { clause } = clauseAhead(toks, i, !!n1 && (/^(that|if|whether|how|why|what|when|where|who|:)$/.test(n1.low) || QUOTE.test(n1.text)), QUOTE);
    if (clause) f.push(`CL|${P}`, `CLL=${L}`);
    f.push(`FV=${firstVerb >= i ? 1 : 0}|${P}`);
    if (isCandidate(t)) for (const x of sparseFeatures(toks, i, inQ[i]!, nested)) f.push('c' + x);
    if (t.pos === 'VERB' && (lex.byContext.get(t.lemma)?.[0] ?? 0) >= 0.3) nested = true;
    out.push(f);
  }
  return out;
}

/** Label scores of a sentence: emission[i*3+y] from the weights, then Viterbi with `trans`
 * (3 from-labels + start, × 3 to-labels). */
export function viterbi(em: Float64Array, n: number, trans: Float64Array): Uint8Array {
  const NEG = -1e18;
  const score = new Float64Array(n * 3), back = new Uint8Array(n * 3);
  for (let y = 0; y < 3; y++) score[y] = y === 2 ? NEG : em[y]! + trans[9 + y]!;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < 3; y++) {
      let best = NEG, arg = 0;
      for (let p = 0; p < 3; p++) {
        if (y === 2 && p === 0) continue; // I after O
        const s = score[(i - 1) * 3 + p]! + trans[p * 3 + y]!;
        if (s > best) { best = s; arg = p; }
      }
      score[i * 3 + y] = best + em[i * 3 + y]!;
      back[i * 3 + y] = arg;
    }
  }
  const out = new Uint8Array(n);
  if (!n) return out;
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
