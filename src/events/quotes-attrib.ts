// Attribution relations in one sentence, from its tokens alone (wink POS tags): a cue (a verb that
// reports speech, a belief, a finding or a stance, or "according to"), the source noun phrase
// (whoever it is: "officials", "the report", "who", not only resolved actors) and the content.
// PolNeAR-style spans: the source is the whole noun phrase with its appositive; the content is
// the reported clause or object.
import type { Tok } from './tokens.js';
import type { CueLexicon } from './quotes-cues.js';
import { cueFeatures, loadCueModel, score } from './quotes-model.js';
import { loadSparseModel, sparseFeatures, sparseScore } from './quotes-learned.js';
import { candidateThresholds } from './quotes-filter.js';

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const RE_CUE_PHRASE = /^[a-z]/;
const THAT_SO_AS_ETC = /^(that|so|as|then|thus|here|there|instead)$/;
const RE_IS_SEP = /^(,|--|—|–)$/;
const RE_IS_PUNCT = /^[.,;:!?—–()-]$/;
const BOTH_ALL_EACH = /^(both|all|each)$/;
const RE_NP_LEFT = /^[A-Z]/;
const WHOM_WHICH = /^(whom|which)$/;
const ENDS_ED = /ed$/;
const RE_NP_LEFT_2 = /^[A-Z][a-z]/;
const ENDS_ING = /ing$/;
const THE_A_AN = /^(The|A|An)$/;
const ENDS_ING_ED = /(ing|ed)$/;
const ENDS_S = /s$/;
const RE_NOUN_VERB = /^(that|:)$/;
const RE_CLAUSE_END = /^[,;]$/;
const RE_SHOUTING_BEFORE = /^[A-Z][A-Z.'-]+$/;
const BY_FROM_WITHOUT_ETC = /^(by|from|without|while|before|after|in)$/;
const ANOTHER_OTHERS_ONE_ETC = /^(another|others|one|some|many|several|both)$/;
const RE_FIND_ATTRIBS = /[a-z]s$/;
const RE_FIND_ATTRIBS_2 = /^[A-Za-z]/;
const LAST_THIS_NEXT_ETC = /^(last|this|next|early|late)$/;
const CALL_DESCRIBE_TERM_ETC = /^(call|describe|term|dub|label)$/;

export interface Attrib {
  cue: [number, number];
  source: [number, number] | null;
  content: [number, number] | null;
  /** the source follows the cue ("..., said Smith") or the content precedes the cue */
  contentBefore: boolean;
  /** the whole cue phrase when it is longer than the cue word: PolNeAR's cue spans take in the
   * auxiliaries and adverbs before the verb ("has also said") and a weekday after it ("said
   * Sunday"): on train, "has" stands inside the cue before "said" 72 times out of about 80 */
  phrase?: [number, number];
  /** the cue model's probability (verb and noun/adjective cues; absent for "according to" and a
   * speaker's colon): a feature of the attribution filter (quotes-filter.ts) */
  score?: number;
  /** the source is the span reranker's candidate for a cue the rules gave none (quotes-filter.ts) */
  guessed?: boolean;
}

const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** The cue phrase around the verb at i: auxiliaries, adverbs, negation and "to" right before it,
 * a weekday right after it. */
function cuePhrase(toks: Tok[], i: number, last: number): [number, number] {
  let a = i;
  while (a - 1 >= 0 && i - a < 4 && (SKIP_POS.has(toks[a - 1]!.pos) && !quantSubject(toks, a - 1) || floating(toks, a - 1)) && RE_CUE_PHRASE.test(toks[a - 1]!.text) && !THAT_SO_AS_ETC.test(toks[a - 1]!.low)) a--;
  const b = i + 1 <= last && WEEKDAY.test(toks[i + 1]!.low) ? i + 1 : i;
  return [a, b];
}

/** A verb heads a cue when at least this share of its occurrences in the train split did. */
export const CUE_RATE = 0.3;

const QUOTE = /^(["“”‘’'«»]|''|``)$/; // (some sources type a quotation mark as two apostrophes)
const isQuote = (t: Tok | undefined): boolean => !!t && QUOTE.test(t.text) && !(t as Tok & { poss?: boolean }).poss;
// commas and dashes set off appositions: "Kall -- co-editor of ... -- said"
const isSep = (t: Tok | undefined): boolean => !!t && RE_IS_SEP.test(t.text);
const isPunct = (t: Tok | undefined): boolean => !!t && RE_IS_PUNCT.test(t.text);
const NP_HEAD = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const NP_IN = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'DET', 'ADJ']);
// prepositions that keep a noun phrase going ("attorneys for the family", "one of his aides")
// (not "on": "The Times on Saturday wrote" is a date, not part of the phrase)
const NP_PREP = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on', 'to']);
const POSS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const REL = new Set(['who', 'which', 'that']);
const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|morning|afternoon|evening|night|week|weekend|month|year|\d{4}|\d{1,2})$/;
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', "'s"]);
const WHEN = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last|this|earlier|in|on|over|by|since)$/;
const PARTICIPLE = /^(\w+ed|taken|given|shown|made|held|done|seen|known|written|chosen|driven|drawn|run|led|won|paid)$/;
// words between a subject and its cue: auxiliaries, adverbs, negation ("has also not said")
const SKIP_POS = new Set(['AUX', 'ADV', 'PART']);

// a quantifier standing alone as the subject: "Some have suggested", "although most oppose it",
// "Others argue"
const QUANT = /^(some|many|most|others|few|several|both|all|none|each|either|neither)$/;
const quantSubject = (toks: Tok[], k: number): boolean => {
  const t = toks[k], p = toks[k - 1];
  return !!t && QUANT.test(t.low) && (!p || isPunct(p) || isQuote(p) || ['CCONJ', 'SCONJ', 'ADP'].includes(p.pos));
};
// a floating quantifier between the subject and its verb: "Richards and Menendez both stressed"
// (part of the cue phrase in PolNeAR)
const floating = (toks: Tok[], k: number): boolean => {
  const t = toks[k], p = toks[k - 1];
  return !!t && BOTH_ALL_EACH.test(t.low) && !!p && ['NOUN', 'PROPN', 'PRON'].includes(p.pos);
};

function npTok(t: Tok | undefined): boolean {
  if (!t) return false;
  // a personal pronoun ends a phrase ("what he called"): only possessives stand inside one
  if (t.pos === 'PRON') return POSS.has(t.low);
  return NP_IN.has(t.pos) || t.low === "'s" || t.text === '-' || t.text === '/';
}

/** The noun phrase ending at `end` (inclusive): determiners, adjectives, nouns, possessives, and
 * prepositional tails ("the chairman of the committee"). */
export function npLeft(toks: Tok[], end: number, lo = 0): [number, number] | null {
  // a short bracketed tag after a name: "Sen. David Perdue (R-Ga.)"
  if (toks[end]?.text === ')') {
    let o = end - 1;
    while (o > lo && end - o < 8 && toks[o]!.text !== '(') o--;
    if (toks[o]?.text !== '(' || toks.slice(o, end).some((x) => x.pos === 'VERB' && RE_CUE_PHRASE.test(x.text))) return null;
    const np = npLeft(toks, o - 1, lo);
    return np ? [np[0], end] : null;
  }
  const t = toks[end];
  // (an adjective after a noun heads a title: "the attorney general", "surgeon general")
  if (!t || end < lo || !(NP_HEAD.has(t.pos) || t.pos === 'ADJ' && (RE_NP_LEFT.test(t.text) || toks[end - 1]?.pos === 'NOUN'))) return null;
  if (t.pos === 'PRON' && !POSS.has(t.low)) {
    // "many of whom say", "some of which show": the quantifier with its relative pronoun
    if (WHOM_WHICH.test(t.low) && toks[end - 1]?.low === 'of' && end - 2 >= lo && ['ADJ', 'NUM', 'DET', 'PRON', 'NOUN'].includes(toks[end - 2]!.pos)) return [end - 2, end];
    return [end, end];
  }
  let a = end;
  for (;;) {
    const p = toks[a - 1];
    if (a - 1 < lo || !p) break;
    if (npTok(p) && !(p.pos === 'PRON' && REL.has(p.low))) { a--; continue; }
    // "X of Y": extend over the preposition only when a noun stands before it
    if (p.pos === 'ADP' && NP_PREP.has(p.low) && a - 2 >= lo && NP_HEAD.has(toks[a - 2]!.pos) && toks[a - 2]!.pos !== 'PRON' && !(p.low === 'on' && TIME_WORD.test(toks[a]!.low)) && !(p.low === 'to' && toks[a - 2]!.pos === 'PROPN')) { a -= 2; continue; }
    // a participle used as an adjective: "registered voters", "the embattled senator"
    if (p.pos === 'VERB' && ENDS_ED.test(p.low) && (toks[a]!.pos === 'NOUN' || toks[a]!.pos === 'ADJ') && a - 1 > lo && ['DET', 'ADJ', 'ADP', 'NUM'].includes(toks[a - 2]?.pos ?? '')) { a--; continue; }
    // a capitalised word inside a name the tagger took for a verb or adverb ("Josh Earnest")
    if (RE_NP_LEFT_2.test(p.text) && (p.pos === 'VERB' || p.pos === 'ADV') && a - 1 > lo && toks[a]!.pos === 'PROPN' && toks[a - 2]?.pos === 'PROPN') { a--; continue; }
    // coordination of names ("Obama and Clinton")
    if (p.low === 'and' && a - 2 >= lo && toks[a - 2]!.pos === 'PROPN' && toks[a]!.pos === 'PROPN') { a -= 2; continue; }
    // ... and of common nouns inside a prepositional tail ("experts on North Korea and nuclear policy")
    if (p.low === 'and' && a - 2 >= lo && ['NOUN', 'PROPN'].includes(toks[a - 2]!.pos) && ['NOUN', 'PROPN', 'ADJ'].includes(toks[a]!.pos) && toks.slice(Math.max(lo, a - 6), a - 1).some((x) => x.pos === 'ADP' && NP_PREP.has(x.low))) { a -= 2; continue; }
    // a reduced relative inside the phrase: "the latest poll released Friday", "polls taken over ..."
    // (not a main verb with its object: "The campaign released an ad")
    if (p.pos === 'VERB' && PARTICIPLE.test(p.low) && a - 2 >= lo && toks[a - 2]!.pos === 'NOUN' && (toks[a]!.pos === 'ADP' || WHEN.test(toks[a]!.low))) { a -= 2; continue; }
    break;
  }
  // the object of a leading preposition is not the subject: "In a Bloomberg interview Trump said"
  if (a - 1 >= lo && toks[a - 1]!.pos === 'ADP' && toks[end]!.pos === 'PROPN') {
    let b = end;
    while (b - 1 > a && toks[b - 1]!.pos === 'PROPN') b--;
    if (b > a && toks[b - 1]!.pos === 'NOUN') a = b;
  }
  // a relative clause or participle inside a subject that opens the sentence: "A 2014 study that
  // appeared in the journal found", "A union representing flight attendants endorsed"
  if (a - 1 > lo && (toks[a - 1]!.pos === 'ADP' || toks[a - 1]!.pos === 'VERB' || toks[a - 1]!.pos === 'AUX')) {
    for (let r = a - 1; r > lo && a - r <= 12; r--) {
      const x = toks[r]!;
      if (isPunct(x) || isQuote(x)) break;
      // (and a past participle: "A poll released in late August found", "polls taken over the past two weeks show")
      const opens = x.pos === 'PRON' && REL.has(x.low) || x.pos === 'VERB' && (ENDS_ING.test(x.low) || PARTICIPLE.test(x.low) && r < a - 1);
      if (!opens || !['NOUN', 'PROPN'].includes(toks[r - 1]!.pos)) continue;
      const head = npLeft(toks, r - 1, lo);
      if (head && (head[0] === lo || isPunct(toks[head[0] - 1]) || ['CCONJ', 'SCONJ'].includes(toks[head[0] - 1]!.pos))) { a = head[0]; break; }
    }
  }
  // a capitalised determiner inside the phrase opens a new one: "its oversight of the regional
  // centers The S.E.C. said" (the tagger's phrase ran over an unmarked clause boundary)
  // (not after a preposition or conjunction: "George Zornick of The Nation", "by The Post and ABC")
  for (let m = end - 1; m > a; m--) if (THE_A_AN.test(toks[m]!.text) && toks[m]!.pos === 'DET' && ['NOUN', 'PROPN', 'NUM'].includes(toks[m - 1]!.pos)) { a = m; break; }
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
  if (t.pos !== 'VERB' && !nounVerb(toks, i, lex)) return 0;
  const r = lex.byContext.get(t.lemma) ?? lex.byContext.get(t.low);
  return r ? r[quoted(t.start) ? 1 : 0] : 0;
}

const NEVER = (): boolean => false;

/** "Johnnie Wilson, of Springfield, Va., said", "X, who ..., said", "X, dedicating the museum, said":
 * walk back from the comma before the cue over comma segments; every segment must be a whole noun
 * or prepositional phrase, a relative clause or a participle, up to a head phrase that opens the
 * clause. A participle segment leaves the head alone; otherwise the appositions are kept. */
function appositionLeft(toks: Tok[], k: number, first: number): [number, number] | null {
  let comma = k;
  let participle = false;
  let best: [number, number] | null = null;
  for (let hops = 0; hops < 6; hops++) {
    let c = comma - 1;
    while (c > first && !isSep(toks[c]) && !isQuote(toks[c]) && comma - c < 30) c--;
    const bounded = isSep(toks[c]) || isQuote(toks[c]);
    const segStart = bounded ? c + 1 : c;
    if (segStart >= comma) break;
    const seg = toks.slice(segStart, comma);
    const w = seg[0]!;
    const ing = ENDS_ING.test(w.low) && w.pos === 'VERB';
    const more = isSep(toks[c]) && c > first;
    // ", including X," belongs to the phrase (train: inside the source 29 times out of 29)
    if (more && w.low === 'including') { comma = c; continue; }
    if (more && (ing || REL.has(w.low))) { participle ||= ing; comma = c; continue; }
    // (a verb tag between a modifier and a noun is a noun misread: "at a later press gaggle")
    // (nor is "-based" in "a Washington-based developer", nor a reduced relative inside an
    // apposition that more segments follow: "one of the states suing the EPA")
    const v = seg.findIndex((x, j) => x.pos === 'AUX' || x.pos === 'VERB' && !(seg[j + 1]?.pos === 'NOUN' && ['DET', 'ADJ', 'ADV'].includes(seg[j - 1]?.pos ?? ''))
      && !(seg[j - 1]?.text === '-' && ENDS_ED.test(x.low))
      && !(more && j > 1 && seg[j - 1]!.pos === 'NOUN' && ENDS_ING_ED.test(x.low) && !seg.slice(0, j).some((y) => y.pos === 'VERB' || y.pos === 'AUX')));
    if (v >= 0) {
      // an apposition with a relative clause of its own ("a former minister who is a critic of X") passes
      if (more && seg.slice(1, v).some((x) => x.pos === 'PRON' && REL.has(x.low))) { comma = c; continue; }
      break;
    }
    const np = npLeft(toks, comma - 1, segStart);
    // a head phrase fills its segment, after a conjunction or adverb at most ("But Megan Hester, ...")
    if (np && seg.slice(0, np[0] - segStart).every((x) => ['CCONJ', 'SCONJ', 'ADV'].includes(x.pos))) best = participle ? np : [np[0], k - 1];
    if (!more) break;
    comma = c;
  }
  return best;
}

/** A coordinated subject that opens its clause: "The Clinton campaign and DNC did not respond",
 * "The family, protesters and civic leaders have been demanding", "my siblings and I" (PolNeAR's
 * source is the whole coordination). Only when the first conjunct starts the clause (sentence
 * start, after a conjunction, a comma, an adverb or a quotation mark): "Clinton met Obama and
 * Biden said" keeps "Biden". */
function coordLeft(toks: Tok[], np: [number, number] | null, first: number): [number, number] | null {
  if (!np) return np;
  const and = np[0] - 1;
  if (and - 1 <= first || toks[and]!.low !== 'and' || isPunct(toks[and - 1])) return np;
  let a = -1;
  let e = and - 1;
  for (let hops = 0; hops < 4; hops++) {
    const np2 = npLeft(toks, e, first);
    if (!np2 || np2[0] > e) return np;
    const s = np2[0], p = toks[s - 1];
    // a list "A, B and C": keep walking over bare comma-separated phrases
    if (p?.text === ',' && s - 2 >= first && npLeft(toks, s - 2, first) && hops < 3 && toks.slice(np2[0], e + 1).every((x) => x.pos !== 'ADP')) {
      const np3 = npLeft(toks, s - 2, first)!;
      const q = toks[np3[0] - 1];
      if (np3[0] === first || q && (['CCONJ', 'SCONJ', 'ADV'].includes(q.pos) || isQuote(q))) { a = np3[0]; break; }
      e = s - 2;
      continue;
    }
    if (s === first || p && (['CCONJ', 'SCONJ', 'ADV'].includes(p.pos) || isQuote(p) || p.text === ',')) a = s;
    break;
  }
  return a >= 0 ? [a, np[1]] : np;
}

export function isCueVerb(toks: Tok[], i: number, lex: CueLexicon, quoted: (pos: number) => boolean = NEVER): boolean {
  return cueRate(toks, i, lex, quoted) >= CUE_RATE;
}

/** A third-person verb the tagger took for a plural noun: "The Times reports: ...", "some note that
 * ...", "The Tax Policy Center estimates that ...": a cue lemma with a subject before it and a
 * clause marker after it. */
function nounVerb(toks: Tok[], i: number, lex: CueLexicon): boolean {
  const t = toks[i]!;
  if (t.pos !== 'NOUN' || !ENDS_S.test(t.low) || !lex.byContext.has(t.lemma)) return false;
  const n = toks[i + 1], p = toks[i - 1];
  if (!n || !p || !RE_NOUN_VERB.test(n.low) && !isQuote(n)) return false;
  return ['PROPN', 'NOUN', 'DET', 'PRON'].includes(p.pos);
}

/** "“...,” she continued." / "“...” it further wrote.": a short subject and verb closing the
 * sentence right after a quotation attribute it, whatever the verb. */
function afterQuote(toks: Tok[], i: number, last: number): boolean {
  if (i < 2 || last - i > 6) return false; // (cheap exits: this runs for every verb below the threshold)
  for (let m = i + 1; m <= last; m++) {
    const x = toks[m]!;
    if (x.pos === 'VERB' || x.pos === 'AUX' || x.pos === 'PRON' || x.pos === 'DET' || isQuote(x)) return false;
  }
  let k = i - 1;
  while (k >= 0 && SKIP_POS.has(toks[k]!.pos) && i - k <= 3) k--;
  let a = k;
  while (a > 0 && i - a <= 5 && (toks[a]!.pos === 'PROPN' || toks[a]!.pos === 'PRON' || toks[a]!.pos === 'NOUN' || toks[a]!.pos === 'DET')) a--;
  return a >= 0 && a < k && (isQuote(toks[a]) || toks[a]!.text === ',' && isQuote(toks[a - 1]));
}

/** Verbs of saying proper (most of their uses are cues): only these invert ("..., said Smith"). */
const SAYING_RATE = 0.6;

/** Where a source that runs to the end of the sentence ("..., said X, <apposition>") stops: before
 * ", and ...", ", speaking of ..." (a participle of its own) or a semicolon. */
function tailEnd(toks: Tok[], from: number, last: number): number {
  for (let m = from + 1; m <= last; m++) {
    const x = toks[m]!, n = toks[m + 1];
    if (x.text === ';' || x.text === ',' && n && (n.pos === 'CCONJ' || n.pos === 'VERB' && ENDS_ING.test(n.low))) return m - 1;
  }
  return last;
}

/** The noun/adjective cue threshold is at least this: the cross-fitted head-F1 optimum (0.14) is
 * for any noun; with a possessor or copula required, 0.25 was as good or better on the
 * train-validation slice (source 70.3 at 0.14, 70.4 at 0.25 and 0.4). */
const NOMINAL_MIN = 0.25;
// prepositions that take a noun or adjective cue's content ("call for", "critical of")
const CUE_PREP = new Set(['of', 'for', 'on', 'about', 'against', 'to', 'with', 'over', 'toward', 'towards', 'in']);
const COPULA = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", 'am', 'seem', 'seems', 'seemed', 'remain', 'remains', 'remained']);

/** A noun cue with its possessor ("Pence's call for a special prosecutor", "his harsh attacks
 * on X": source "Pence's", "his", as PolNeAR marks them) or an adjective cue after a copula ("X
 * has been critical of Y", "X is eager to end it"); the content is the phrase after the
 * preposition, an infinitive or a "that" clause. Null when the structure is not there. */
function nominalCue(toks: Tok[], i: number, first: number, last: number): Attrib | null {
  const t = toks[i]!;
  const n = i + 1;
  const nx = toks[n];
  if (!nx || n > last) return null;
  let content: [number, number] | null = null;
  let cueEnd = i;
  const clauseEnd = (from: number): number => {
    let e = from;
    while (e < last && !RE_CLAUSE_END.test(toks[e + 1]!.text) && !isQuote(toks[e + 1])) e++;
    return e;
  };
  if (nx.low === 'to' && toks[n + 1]?.pos === 'VERB') content = [n + 1, clauseEnd(n + 1)];
  else if (nx.low === 'that' && nx.pos === 'SCONJ' && n + 1 <= last) content = [n + 1, clauseEnd(n + 1)];
  else if (nx.pos === 'ADP' && CUE_PREP.has(nx.low)) {
    const np = npRight(toks, n + 1, last);
    if (np) { content = np; cueEnd = n; }
  }
  if (!content) return null;
  if (t.pos === 'NOUN') {
    let j = i - 1;
    while (j > first && (toks[j]!.pos === 'ADJ' || toks[j]!.pos === 'ADV') && i - j <= 3) j--;
    const p = toks[j];
    if (!p) return null;
    let src: [number, number] | null = null;
    if (p.pos === 'PRON' && POSS.has(p.low)) src = [j, j];
    else if ((p.low === "'s" || p.low === '’s') && j - 1 >= first) {
      // the possessor alone: the name or noun run before "'s" ("a fact-check on Donald Trump's
      // claim": "Donald Trump's"), not a phrase over a preposition or a verb the tagger missed
      const np = npLeft(toks, j - 1, first);
      if (np) {
        let a = j - 1;
        while (a - 1 >= np[0] && (['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM'].includes(toks[a - 1]!.pos) || toks[a - 1]!.low === 'and' && toks[a - 2]?.pos === 'PROPN')) a--;
        src = [a, j];
      }
    }
    if (!src) return null;
    return { cue: [i, i], source: src, content, contentBefore: false, phrase: [src[1] + 1, cueEnd] };
  }
  // adjective: a copula right before (auxiliaries, adverbs and negation between), a subject before it
  let b = i - 1;
  while (b > first && (toks[b]!.pos === 'ADV' || toks[b]!.pos === 'PART') && i - b <= 3) b--;
  if (!toks[b] || !COPULA.has(toks[b]!.low)) return null;
  let a0 = b;
  while (a0 - 1 >= first && (toks[a0 - 1]!.pos === 'AUX' || toks[a0 - 1]!.pos === 'ADV' || toks[a0 - 1]!.pos === 'PART') && b - a0 < 3) a0--;
  const k = a0 - 1;
  if (k < first || isPunct(toks[k]) || isQuote(toks[k])) return null;
  const src = npLeft(toks, k, first) ?? (quantSubject(toks, k) ? [k, k] as [number, number] : null);
  if (!src) return null;
  return { cue: [i, i], source: src, content, contentBefore: false, phrase: [a0, cueEnd] };
}

/** Every token from `first` to `i` (exclusive) is a proper noun or a stop: a speaker tag "Pat Caddell". */
const speakerTagBefore = (toks: ReadonlyArray<Tok>, first: number, i: number): boolean => {
  for (let k = first; k < i; k++) if (toks[k]!.pos !== 'PROPN' && toks[k]!.text !== '.') return false;
  return true;
};
/** Every token from `first` to `i` (exclusive) is in capitals: a transcript tag "WALLACE". */
const shoutingBefore = (toks: ReadonlyArray<Tok>, first: number, i: number): boolean => {
  for (let k = first; k < i; k++) if (!RE_SHOUTING_BEFORE.test(toks[k]!.text)) return false;
  return true;
};

/** "according to X" at i: X is the source; the content is the sentence before it, or after it at the start. */
function accordingAttrib(toks: Tok[], i: number, first: number, last: number): Attrib {
  // (a phrase the tagger broke, "according to show insiders", is taken up to the comma or the end)
  let np = npRight(toks, i + 2, last);
  if (!np && i + 2 <= last) {
    let e = i + 2;
    while (e < last && toks[e + 1]!.text !== ',' && e - i < 12) e++;
    if (e - i < 12) np = [i + 2, e];
  }
  // "..., according to X, the agency's director" runs to the end; "According to X, ..." stops at the comma
  // "According to a complaint filed by the SEC, ..." runs to the comma
  let upTo = np ? np[1] : -1;
  if (np && i - 1 <= first) while (upTo + 1 <= last && toks[upTo + 1]!.text !== ',' && upTo - np[1] < 15) upTo++;
  const src: [number, number] | null = np ? [np[0], i - 1 > first ? tailEnd(toks, np[1], last) : upTo] : null;
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
  return { cue: [i, i + 1], source: src, content, contentBefore: i - 1 > first };
}

/** A passive cue ("was first reported by The Washington Post"): the source is the by-agent, the content the subject; null when neither. */
function passiveAttrib(toks: Tok[], i: number, be: number, first: number, last: number, p: number): Attrib | null {
  let by = i + 1;
  while (by <= last && by - i <= 4 && toks[by]!.low !== 'by' && !isPunct(toks[by])) by++;
  const agent = toks[by]?.low === 'by' ? npRight(toks, by + 1, last) : null;
  let sb = be - 1;
  while (sb > first && (toks[sb]!.pos === 'AUX' || toks[sb]!.pos === 'ADV' || toks[sb]!.pos === 'PART')) sb--;
  const subj = sb >= first ? npLeft(toks, sb, first) : null;
  // (the cue phrase runs from the auxiliaries to "by": "has been endorsed by")
  let a0 = be;
  while (a0 - 1 > first && toks[a0 - 1]!.pos === 'AUX' && be - a0 < 2) a0--;
  const phrase: [number, number] = [a0, agent ? by : i];
  return agent || subj ? { cue: [i, i], source: agent, content: subj, contentBefore: !!subj, phrase, score: p } : null;
}

/** The cue's source left of it: its subject, an appositive's head, a coordinated or infinitive verb's subject, a comma participle's clause subject. */
function leftSource(toks: Tok[], t: Tok, i: number, k: number, first: number, out: Attrib[], quoted: (pos: number) => boolean): [number, number] | null {
  let src: [number, number] | null = null;
  // a capitalised name the tagger took for a verb at the start: "Lynch said"
  if (k === first && k < i && toks[k]!.pos === 'VERB' && RE_NP_LEFT_2.test(toks[k]!.text)) src = [k, k];
  else if (k >= 0 && (!isPunct(toks[k]) || toks[k]!.text === ')') && !isQuote(toks[k])) src = coordLeft(toks, npLeft(toks, k), first) ?? (quantSubject(toks, k) ? [k, k] : null);
  // an appositive between subject and cue: "Megan Hester, senior associate at ..., said",
  // "Johnnie Wilson, of Springfield, Va., said": walk back over verbless comma segments
  const participle = ENDS_ING.test(t.low) && toks[i - 1]?.text === ',';
  if (!src && k >= 2 && isSep(toks[k]) && !participle) src = appositionLeft(toks, k, first);
  // a second verb of a coordination takes the clause's subject: "Merrill says ... and said ..."
  if (!src && k > first && toks[k]!.pos === 'CCONJ' && toks[k]!.low !== 'or') {
    let v = first;
    while (v < k && toks[v]!.pos !== 'VERB') v++;
    let b = v - 1;
    while (b > first && SKIP_POS.has(toks[b]!.pos)) b--;
    const np = v < k ? npLeft(toks, b, first) : null;
    if (np && (np[0] === first || ['CCONJ', 'SCONJ', 'ADV'].includes(toks[np[0] - 1]!.pos) || isSep(toks[np[0] - 1]))) src = np;
  }
  // an infinitive cue takes the subject of the verb it depends on: "the senator spoke ... to discuss"
  if (toks[i - 1]?.low === 'to' && toks[i - 1]!.pos === 'PART') {
    let v = i - 2;
    while (v > first && toks[v]!.pos !== 'VERB') v--;
    let b = v - 1;
    while (b > first && SKIP_POS.has(toks[b]!.pos)) b--;
    src = v > first && toks[v]!.pos === 'VERB' ? npLeft(toks, b, first) : null;
  }
  // a participle after a comma takes the clause's subject: "Trump is defending ..., saying ..."
  const prev = out[out.length - 1];
  // (an adverb or a closing quotation mark may stand between: ", even suggesting", "“...,” comparing")
  let pc = i - 1;
  while (pc > first && toks[pc]!.pos === 'ADV' && i - pc <= 2) pc--;
  if (pc > first && isQuote(toks[pc]) && toks[pc - 1]?.text === ',') pc--;
  const commaIng = ENDS_ING.test(t.low) && toks[pc]?.text === ',';
  if (!src && commaIng && prev?.source && prev.cue[0] < i) {
    // "..., said Caddell, speaking of ...": the same source as the attribution before
    src = prev.source[1] < i ? prev.source : null;
    if (src && src[1] === i - 1) src = null;
  }
  if (!src && commaIng) {
    // (the clause's verb, not one inside a quotation that opens the sentence)
    let v = first;
    while (v < i - 1 && (toks[v]!.pos !== 'VERB' && toks[v]!.pos !== 'AUX' || quoted(toks[v]!.start))) v++;
    let b = v - 1;
    while (b > first && toks[b]!.pos === 'ADV') b--;
    if (v < i - 1) src = npLeft(toks, b, first);
  }
  return src;
}

/** A gerund or participle clause's source: the main clause's subject (after the clause's comma, which goes to leadAt[0]), or the
 * subject before a preposition + gerund ("He pitched himself by telling them"). */
function gerundSource(toks: Tok[], i: number, first: number, last: number, leadAt: [number]): [number, number] | null {
  let src: [number, number] | null = null;
  const lead = i === first || i === first + 1 && toks[first]!.pos === 'ADP' || i === first + 1 && toks[first]!.pos === 'CCONJ';
  if (lead) {
    let c = i + 1;
    while (c < last && toks[c]!.text !== ',' && c - i < 25) c++;
    if (toks[c]?.text === ',') {
      const np = npRight(toks, c + 1, last);
      if (np && toks[np[1] + 1] && ['VERB', 'AUX'].includes(toks[np[1] + 1]!.pos) || np && toks[np[1] + 1]?.pos === 'ADV') { src = np; leadAt[0] = c; }
    }
  } else if (toks[i - 1]?.pos === 'ADP' && BY_FROM_WITHOUT_ETC.test(toks[i - 1]!.low)) {
    let v = first;
    while (v < i - 1 && toks[v]!.pos !== 'VERB' && toks[v]!.pos !== 'AUX') v++;
    let b = v - 1;
    while (b > first && toks[b]!.pos === 'ADV') b--;
    if (v < i - 1 && b >= first) {
      const np = npLeft(toks, b, first);
      if (np && (np[0] === first || ['CCONJ', 'SCONJ', 'ADV'].includes(toks[np[0] - 1]!.pos) || isSep(toks[np[0] - 1]))) src = np;
    }
  }
  return src;
}

/** Inversion ("..., said the official"): the source after the cue, to the end of the sentence with its appositive or relative clause. */
function invertedSource(toks: Tok[], i: number, last: number): [number, number] | null {
  // (a pronoun-like quantifier closing the sentence is a source too: "..., tweeted another.")
  const np = npRight(toks, i + 1, last) ?? (i + 1 === last && ANOTHER_OTHERS_ONE_ETC.test(toks[last]!.low) ? [last, last] as [number, number] : null);
  if (np) {
    // ... but not into a bracketed aside with a verb ("said Mr. Burman (a view echoed by ...)")
    let e = tailEnd(toks, np[1], last);
    for (let m = np[1] + 1; m <= e; m++) {
      if (toks[m]!.text !== '(') continue;
      let c = m + 1;
      while (c <= last && toks[c]!.text !== ')') c++;
      if (toks.slice(m, c).some((x) => x.pos === 'VERB')) { e = m - 1; break; }
    }
    return [np[0], e];
  }
  return null;
}

// (objects that gain a key are built with Object.assign, not a spread: on Node 20 a spread that
// adds a key gives nearly every result a hidden class of its own, and the reads that follow go
// megamorphic — PERF's measurement, chat.md 23:34)
const RANK = /^(first|last|only|sole|second|third|latest)$/;
/** below this share of its uses heading a cue, a ranked infinitive's verb reports an act */
const RANKED_CUE_RATE = 0.5;
const REPORTED = /^(that|whether|if|:|"|“|‘)$/;
/** "the first country to V", "the only member state to V": an infinitive after a noun ranked by an ordinal or "only" */
function rankedInfinitive(toks: Tok[], i: number): boolean {
  if (toks[i - 1]?.low !== 'to' || toks[i - 2]?.pos !== 'NOUN') return false;
  for (let k = i - 3; k >= Math.max(0, i - 5); k--) {
    if (RANK.test(toks[k]!.low)) return true;
    if (toks[k]!.pos !== 'NOUN' && toks[k]!.pos !== 'ADJ' && toks[k]!.pos !== 'PROPN') return false;
  }
  return false;
}

export function findAttribs(toks: Tok[], lex: CueLexicon, quoted: (pos: number) => boolean = NEVER): Attrib[] {
  // a straight apostrophe after a plural ("veterans' families") is a possessive, not a quotation mark
  if (toks.some((t) => t.text === "'" || t.text === '’')) {
    toks = toks.map((t, k) => ((t.text === "'" || t.text === '’') && k > 0 && toks[k - 1]!.end === t.start && RE_FIND_ATTRIBS.test(toks[k - 1]!.text) && RE_FIND_ATTRIBS_2.test(toks[k + 1]?.text ?? '') ? Object.assign({}, t, { poss: true }) : t));
  }
  // a capitalised word inside a name that the tagger took for a verb ("Loretta E. Lynch said",
  // "said Don Fowler"): a proper noun, unless it is a cue lemma (a title-case headline "Obama Says")
  if (toks.some((t, k) => k > 0 && t.pos === 'VERB' && RE_NP_LEFT_2.test(t.text))) {
    // (a cue lemma too when the sentence's verb follows at once: "Judicial Watch said", "Human
    // Rights Watch reported")
    toks = toks.map((t, k) => (k > 0 && t.pos === 'VERB' && RE_NP_LEFT_2.test(t.text) && (!lex.byContext.has(t.lemma) || toks[k + 1]?.pos === 'VERB' && RE_CUE_PHRASE.test(toks[k + 1]!.text))
      && (toks[k - 1]!.pos === 'PROPN' && RE_NP_LEFT.test(toks[k - 1]!.text) || toks[k + 1]?.pos === 'PROPN' && RE_NP_LEFT.test(toks[k + 1]!.text)) ? { ...t, pos: 'PROPN' } : t));
  }
  const out: Attrib[] = [];
  let last = toks.length - 1;
  while (last >= 0 && (isPunct(toks[last]) || isQuote(toks[last]))) last--;
  let first = 0;
  while (first < last && (isQuote(toks[first]) || isPunct(toks[first]))) first++;
  const model = loadCueModel();
  const sparse = loadSparseModel();
  const ct = candidateThresholds(); // (lower when the learned filter follows)
  let prevRate = 0;
  let nested = false; // an earlier verb of the sentence is a likely cue (the sparse model's feature)
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "according to X"
    if (t.low === 'according' && toks[i + 1]?.low === 'to') {
      out.push(accordingAttrib(toks, i, first, last));
      i++;
      continue;
    }
    // a transcript or headline line "Pat Caddell: ...": the colon is the cue
    // (a transcript inside quotation marks is still one: "WALLACE: But, Governor ...")
    // (the tests over the tokens before run only at a colon: per token they made the loop quadratic)
    if (t.text === ':' && i - first >= 1 && i - first <= 4 && (shoutingBefore(toks, first, i) || speakerTagBefore(toks, first, i) && !quoted(t.start))) {
      out.push({ cue: [i, i], source: [first, i - 1], content: i + 1 <= last ? [i + 1 + (isQuote(toks[i + 1]) ? 1 : 0), last] : null, contentBefore: false });
      continue;
    }
    // a noun or adjective cue ("Pence's call for", "has been critical of"): the learned model
    // with a possessor or a copula subject as its source
    if (sparse && (t.pos === 'NOUN' || t.pos === 'ADJ') && !nounVerb(toks, i, lex)) {
      const a = nominalCue(toks, i, first, last);
      const pn = a ? sparseScore(sparse, sparseFeatures(toks, i, quoted(t.start), nested)) : 0;
      if (a && pn >= (ct.noun ?? Math.max(sparse.nounThreshold, NOMINAL_MIN))) out.push(Object.assign({}, a, { score: pn }));
      continue;
    }
    // any verb introducing a colon ("Caddell continued: ...") reports what follows
    if (t.pos !== 'VERB' && !nounVerb(toks, i, lex)) continue;
    const colon = toks[i + 1]?.text === ':' && !quoted(t.start);
    const rate = cueRate(toks, i, lex, quoted);
    const known = lex.byContext.has(t.lemma);
    let p: number, th: number;
    if (sparse && t.pos === 'VERB') {
      // every verb, whatever its lemma, scored from its context (quotes-learned.ts)
      p = sparseScore(sparse, sparseFeatures(toks, i, quoted(t.start), nested));
      th = ct.verb ?? sparse.threshold;
    } else {
      p = known ? score(model, cueFeatures(toks, i, rate, quoted(t.start), prevRate)) : 0;
      th = model.threshold;
    }
    if (known) prevRate = Math.max(prevRate, rate);
    if (t.pos === 'VERB' && (lex.byContext.get(t.lemma)?.[0] ?? 0) >= CUE_RATE) nested = true;
    if (!colon && p < th && !afterQuote(toks, i, last)) continue;
    // "was quoted as saying by TASS": the passive "quoted" is the cue, "saying" adds nothing
    if (toks[i - 1]?.low === 'as' && toks[i - 2]?.lemma === 'quote') continue;
    // "Russia was the first country to recognize the Islamic Emirate": an infinitive ranking its noun's act (the first,
    // the only, the last N to V) reports the act, not words, when its verb is mostly no cue (PolNeAR train: "recognize"
    // heads a cue in 23 of 75 uses, "refuse" 44 of 95) and no clause of words follows ("the first leader to say that");
    // a speech act keeps its cue ("the third bank to announce cutbacks", "the latest star to bemoan ...")
    if (rankedInfinitive(toks, i) && (lex.rate.get(t.lemma) ?? 0) < RANKED_CUE_RATE && !REPORTED.test(toks[i + 1]?.low ?? '')) continue;
    const cue: [number, number] = [i, i];
    // the subject to the left, across auxiliaries and adverbs
    let k = i - 1;
    while (k >= 0 && (SKIP_POS.has(toks[k]!.pos) && !quantSubject(toks, k) || floating(toks, k)) && i - k <= 4) k--;
    // a time phrase between subject and cue: "The Herald on Sunday reported", "Trump last week said"
    if (k > first && TIME_WORD.test(toks[k]!.low)) {
      let m = k;
      while (m > first && k - m < 4 && !(toks[m]!.pos === 'ADP' || LAST_THIS_NEXT_ETC.test(toks[m]!.low))) m--;
      // (an adverb may stand before it: "Wells Fargo just this month announced")
      let mm = m;
      while (mm - 1 > first && toks[mm - 1]!.pos === 'ADV' && m - mm < 2) mm--;
      // (only after a noun phrase: "a report released last year found" keeps its reduced relative)
      if (m > first && k - m < 4 && (toks[m]!.pos === 'ADP' || LAST_THIS_NEXT_ETC.test(toks[m]!.low)) && ['NOUN', 'PROPN', 'PRON'].includes(toks[mm - 1]!.pos)) {
        k = mm - 1;
        while (k >= 0 && SKIP_POS.has(toks[k]!.pos) && i - k <= 8) k--;
      }
    }
    // passive: "was first reported by The Washington Post", "is expected to ...": the source is
    // the by-agent (often absent), the content the subject
    let be = i - 1;
    while (be > first && (toks[be]!.pos === 'ADV' || toks[be]!.pos === 'PART') && i - be <= 3) be--;
    // ("was quoted as saying by TASS" reports its subject's words: not this case)
    if (toks[be] && BE.has(toks[be]!.low) && PARTICIPLE.test(t.low) && be < i && toks[i + 1]?.low !== 'as') {
      const pa = passiveAttrib(toks, i, be, first, last, p);
      if (pa) out.push(pa);
      continue;
    }
    let src = leftSource(toks, t, i, k, first, out, quoted);
    // "what he called a “brazen breach”": a naming inside a noun phrase, annotated as an
    // attribution 30 times out of 95 in train
    if (src && src[1] < i && toks[src[0] - 1]?.low === 'what' && CALL_DESCRIBE_TERM_ETC.test(t.lemma)) continue;
    // a gerund or participle clause takes the subject of the main clause: "Bemoaning the system,
    // Trump accused ...", "After saying ..., she was whisked off" (the subject after the clause's
    // comma), "He pitched himself by telling them ..." (the clause's subject before)
    const leadAt: [number] = [-1];
    if (!src && ENDS_ING.test(t.low)) src = gerundSource(toks, i, first, last, leadAt);
    const leadComma = leadAt[0];
    // inversion: "..., said the official" / "“...,” said Smith"
    let right = false;
    // the source then runs to the end of the sentence, with its appositive or relative clause
    if (!src && rate >= SAYING_RATE && !ENDS_ING.test(t.low) && (isPunct(toks[i - 1]) || isQuote(toks[i - 1]))) {
      const inv = invertedSource(toks, i, last);
      if (inv) { src = inv; right = true; }
    }
    // content: the reported clause after the cue, or the sentence before the source when the cue
    // closes it ("..., officials said.")
    const after0 = right && src ? src[1] + 1 : i + 1;
    const afterToks = toks.slice(after0, last + 1);
    const sFrom = src ? Math.min(src[0], i) : i;
    // (verbs of saying only: "Jane Porter: We never agreed to those terms" does not report "Jane Porter")
    const boundaryBefore = rate >= SAYING_RATE && sFrom - 1 >= first && (toks[sFrom - 1]!.text === ',' || isQuote(toks[sFrom - 1]) || toks[sFrom - 1]!.text === '—');
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
      if (s === i + 1 && s < last && WEEKDAY.test(toks[s]!.low)) s++; // "said Tuesday that ..."
      while (s < last && (toks[s]!.text === ',' || toks[s]!.text === ':' || toks[s]!.low === 'that' && toks[s]!.pos === 'SCONJ' || isQuote(toks[s]))) s++;
      // stop before a following ", adding/saying ..." (its own attribution)
      let e = last;
      for (let m = s + 1; m <= last; m++) {
        if (toks[m]!.text === ';' || toks[m]!.text === ',' && ENDS_ING.test(toks[m + 1]?.low ?? '') && isCueVerb(toks, m + 1, lex, quoted)) { e = m - 1; break; }
        // a verb coordinated with the cue ends a content without a verb of its own: "touting their
        // record and saying ...", "tweeted that X was “a con” and encouraged ..."
        if (toks[m]!.pos === 'CCONJ' && toks[m + 1]?.pos === 'VERB' && !toks.slice(s, m).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) { e = m - 1; break; }
        // ", but ..." opens a clause of the writer's own (dev and train[0:120] content F1 +0.4 each)
        if ((toks[m]!.text === '—' || toks[m]!.text === '--' || toks[m]!.text === ',') && toks[m + 1]?.low === 'but') { e = m - 1; break; }
      }
      if (leadComma > s) e = Math.min(e, leadComma - 1); // the clause ends at its comma
      if (e >= s) content = [s, e];
    }
    if (!src && !content) continue;
    const phrase = cuePhrase(toks, i, right && src ? i : last);
    // (two literals, not a spread of a conditional object: one hidden class per shape)
    out.push(phrase[0] !== i || phrase[1] !== i ? { cue, source: src, content, contentBefore: before, phrase, score: p } : { cue, source: src, content, contentBefore: before, score: p });
  }
  return out;
}
