// Attribution relations in one sentence, from its tokens alone (wink POS tags): a cue (a verb that
// reports speech, a belief, a finding or a stance, or "according to"), the source noun phrase
// (whoever it is: "officials", "the report", "who", not only resolved actors) and the content.
// PolNeAR-style spans: the source is the whole noun phrase with its appositive; the content is
// the reported clause or object.
import type { Tok } from './tokens.js';
import type { CueLexicon } from './quotes-cues.js';

export interface Attrib {
  cue: [number, number];
  source: [number, number] | null;
  content: [number, number] | null;
  /** the source follows the cue ("..., said Smith") or the content precedes the cue */
  contentBefore: boolean;
}

/** A verb heads a cue when at least this share of its occurrences in the train split did. */
export const CUE_RATE = 0.3;

const QUOTE = /^["“”‘’'«»]$/;
const isQuote = (t: Tok | undefined): boolean => !!t && QUOTE.test(t.text);
const isPunct = (t: Tok | undefined): boolean => !!t && /^[.,;:!?—–()-]$/.test(t.text);
const NP_HEAD = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const NP_IN = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'DET', 'ADJ']);
// prepositions that keep a noun phrase going ("attorneys for the family", "one of his aides")
const NP_PREP = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on']);
const REL = new Set(['who', 'which', 'that']);
// words between a subject and its cue: auxiliaries, adverbs, negation ("has also not said")
const SKIP_POS = new Set(['AUX', 'ADV', 'PART']);

function npTok(t: Tok | undefined): boolean {
  return !!t && (NP_IN.has(t.pos) || t.low === "'s" || t.text === '-' || t.text === '.' && false);
}

/** The noun phrase ending at `end` (inclusive): determiners, adjectives, nouns, possessives, and
 * prepositional tails ("the chairman of the committee"). */
export function npLeft(toks: Tok[], end: number, lo = 0): [number, number] | null {
  const t = toks[end];
  if (!t || end < lo || !(NP_HEAD.has(t.pos) || t.pos === 'ADJ' && /^[A-Z]/.test(t.text))) return null;
  if (REL.has(t.low) && t.pos === 'PRON') return [end, end];
  let a = end;
  for (;;) {
    const p = toks[a - 1];
    if (a - 1 < lo || !p) break;
    if (npTok(p) && !(p.pos === 'PRON' && REL.has(p.low))) { a--; continue; }
    // "X of Y": extend over the preposition only when a noun stands before it
    if (p.pos === 'ADP' && NP_PREP.has(p.low) && a - 2 >= lo && NP_HEAD.has(toks[a - 2]!.pos) && toks[a - 2]!.pos !== 'PRON') { a -= 2; continue; }
    // coordination of names ("Obama and Clinton")
    if (p.low === 'and' && a - 2 >= lo && toks[a - 2]!.pos === 'PROPN' && toks[a]!.pos === 'PROPN') { a -= 2; continue; }
    break;
  }
  // a leading subordinator or pronoun-like determiner is not part of the phrase
  while (a < end && (toks[a]!.pos === 'SCONJ' || toks[a]!.pos === 'CCONJ')) a++;
  return [a, end];
}

/** The noun phrase starting at `start`. */
export function npRight(toks: Tok[], start: number, hi: number): [number, number] | null {
  const t = toks[start];
  if (!t || start > hi || !(NP_IN.has(t.pos) || t.low === "'s")) return null;
  let b = start;
  for (;;) {
    const n = toks[b + 1];
    if (b + 1 > hi || !n) break;
    if (npTok(n) && !(n.pos === 'PRON' && REL.has(n.low))) { b++; continue; }
    if (n.pos === 'ADP' && NP_PREP.has(n.low) && b + 2 <= hi && NP_IN.has(toks[b + 2]!.pos) && NP_HEAD.has(toks[b]!.pos)) { b += 2; continue; }
    break;
  }
  // the phrase must contain a noun or pronoun
  for (let k = start; k <= b; k++) if (NP_HEAD.has(toks[k]!.pos)) return [start, b];
  return null;
}

/** An appositive after a phrase: ", the White House press secretary," (no verb, up to the next comma). */
function appositiveRight(toks: Tok[], end: number, hi: number): number {
  if (toks[end + 1]?.text !== ',') return end;
  const np = npRight(toks, end + 2, hi);
  if (!np) return end;
  return np[1];
}

/** The verb's cue rate in its context: PolNeAR does not annotate attributions nested inside a
 * direct quotation ("I think" in a quote is almost never a cue there). */
function cueRate(toks: Tok[], i: number, lex: CueLexicon, quoted: (pos: number) => boolean): number {
  const t = toks[i]!;
  if (t.pos !== 'VERB') return 0;
  const r = lex.byContext.get(t.lemma) ?? lex.byContext.get(t.low);
  return r ? r[quoted(t.start) ? 1 : 0] : 0;
}

const NEVER = (): boolean => false;

export function isCueVerb(toks: Tok[], i: number, lex: CueLexicon, quoted: (pos: number) => boolean = NEVER): boolean {
  return cueRate(toks, i, lex, quoted) >= CUE_RATE;
}

/** Verbs of saying proper (most of their uses are cues): only these invert ("..., said Smith"). */
const SAYING_RATE = 0.6;

export function findAttribs(toks: Tok[], lex: CueLexicon, quoted: (pos: number) => boolean = NEVER): Attrib[] {
  const out: Attrib[] = [];
  let last = toks.length - 1;
  while (last >= 0 && (isPunct(toks[last]) || isQuote(toks[last]))) last--;
  let first = 0;
  while (first < last && (isQuote(toks[first]) || isPunct(toks[first]))) first++;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "according to X"
    if (t.low === 'according' && toks[i + 1]?.low === 'to') {
      const np = npRight(toks, i + 2, last);
      // "..., according to X, the agency's director" runs to the end; "According to X, ..." stops at the comma
      const src: [number, number] | null = np ? [np[0], i - 1 > first ? last : np[1]] : null;
      let content: [number, number] | null = null;
      if (i - 1 > first) {
        let e = i - 1;
        while (e > first && isPunct(toks[e])) e--;
        content = [first, e];
      } else if (src && src[1] + 1 < last) {
        let s = src[1] + 1;
        while (s < last && isPunct(toks[s])) s++;
        content = [s, last];
      }
      out.push({ cue: [i, i + 1], source: src, content, contentBefore: i - 1 > first });
      i++;
      continue;
    }
    const rate = cueRate(toks, i, lex, quoted);
    if (rate < CUE_RATE) continue;
    const cue: [number, number] = [i, i];
    // the subject to the left, across auxiliaries and adverbs
    let k = i - 1;
    while (k >= 0 && SKIP_POS.has(toks[k]!.pos) && i - k <= 4) k--;
    let src: [number, number] | null = null;
    if (k >= 0 && !isPunct(toks[k]) && !isQuote(toks[k])) src = npLeft(toks, k);
    // an appositive between subject and cue: "Megan Hester, senior associate at ..., said"
    if (!src && k >= 2 && toks[k]!.text === ',') {
      let c = k - 1;
      while (c > 0 && toks[c]!.text !== ',' && !isQuote(toks[c]) && k - c < 25) c--;
      const appo = toks.slice(c + 1, k);
      const clause = appo.some((x) => x.pos === 'VERB' || x.pos === 'AUX');
      if (c >= 1 && toks[c]!.text === ',' && (!clause || REL.has(appo[0]?.low ?? ''))) {
        const np = npLeft(toks, c - 1);
        if (np) src = [np[0], k - 1];
      }
    }
    // a participle after a comma takes the clause's subject: "Trump is defending ..., saying ..."
    if (!src && /ing$/.test(t.low) && toks[i - 1]?.text === ',') {
      let v = first;
      while (v < i - 1 && toks[v]!.pos !== 'VERB' && toks[v]!.pos !== 'AUX') v++;
      let b = v - 1;
      while (b > first && toks[b]!.pos === 'ADV') b--;
      if (v < i - 1) src = npLeft(toks, b, first);
    }
    // inversion: "..., said the official" / "“...,” said Smith"
    let right = false;
    // the source then runs to the end of the sentence, with its appositive or relative clause
    if (!src && rate >= SAYING_RATE && (isPunct(toks[i - 1]) || isQuote(toks[i - 1]))) {
      const np = npRight(toks, i + 1, last);
      if (np) { src = [np[0], last]; right = true; }
    }
    // content: the reported clause after the cue, or the sentence before the source when the cue
    // closes it ("..., officials said.")
    const after0 = right && src ? src[1] + 1 : i + 1;
    const afterToks = toks.slice(after0, last + 1);
    const sFrom = src ? Math.min(src[0], i) : i;
    const boundaryBefore = sFrom - 1 >= first && (isPunct(toks[sFrom - 1]) || isQuote(toks[sFrom - 1]));
    const clauseAfter = afterToks.some((x) => x.pos === 'VERB' || x.pos === 'AUX' || isQuote(x) || x.text === ':') || afterToks[0]?.low === 'that';
    let content: [number, number] | null = null;
    let before = false;
    if (boundaryBefore && !clauseAfter && sFrom - 1 > first) {
      let e = sFrom - 1;
      while (e > first && (isPunct(toks[e]) || isQuote(toks[e]))) e--;
      // the content starts after an earlier cue's clause, if any: the sentence start otherwise
      content = [first, e];
      before = true;
    } else if (after0 <= last) {
      let s = after0;
      while (s < last && (toks[s]!.text === ',' || toks[s]!.text === ':' || toks[s]!.low === 'that' && toks[s]!.pos === 'SCONJ' || isQuote(toks[s]))) s++;
      // stop before a following ", adding/saying ..." (its own attribution)
      let e = last;
      for (let m = s + 1; m <= last; m++) {
        if (toks[m]!.text === ';' || toks[m]!.text === ',' && /ing$/.test(toks[m + 1]?.low ?? '') && isCueVerb(toks, m + 1, lex, quoted)) { e = m - 1; break; }
      }
      if (e >= s) content = [s, e];
    }
    if (!src && !content) continue;
    out.push({ cue, source: src, content, contentBefore: before });
  }
  return out;
}
