// Speech frames and quotes: who said what, through whom.
// A frame = cue (speech verb or "according to"), speaker (an actor group, or a noun-phrase span
// when no actor was resolved), content (the reported tokens), via (a media mention relaying it).
import type { Entity, Mention } from '../types.js';
import type { Group } from './coder.js';
import { ATTRIB, SPEECH } from './coder.js';
import type { Tok } from './tokens.js';

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const ENDS_ING = /ing$/;
const WHO_WHICH_WHOSE = /^(who|which|whose)$/;
const WHO_WHICH_THAT = /^(who|which|that)$/;
const THE_A = /^(the|a)$/;
const THE_A_AN = /^(the|a|an)$/;
const RE_FRAME_CONTENT = /^(that|:)$/;

export interface SpeechFrame {
  cue: [number, number];
  /** speaker token range, when found */
  source: [number, number] | null;
  speaker: Entity | null;
  speakerGroup: Group | null;
  via: Entity | null;
  content: [number, number] | null;
}

const GAP_OK = new Set(['also', 'has', 'had', 'have', 'was', 'is', 'were', 'quoted', 'as', 'reportedly', 'further', 'then', 'later', 'previously', 'again', 'once', 'earlier', 'repeatedly', 'publicly', 'recently', 'would', 'will', 'could', 'did', 'does', 'not', 'never', 'told', 'on',
  // "X was quoted today as saying", "X said Tuesday"
  'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM']);
const QUOTE_CH = /^["“”‘’'«»]$/;
// (a constant, not a literal in isPunct: V8 builds a RegExp object each time a literal is evaluated)
const PUNCT_TOK = /^[.,;:!?—–]$/;
const isPunct = (t: Tok | undefined): boolean => !!t && PUNCT_TOK.test(t.low);

function isCue(toks: Tok[], i: number, hasPos: boolean): number {
  const t = toks[i]!;
  if (t.low === 'according' && toks[i + 1]?.low === 'to') return 2;
  if (hasPos && t.pos !== 'VERB') return 0;
  // any verb directly followed by a colon and a quotation ("Caddell continued: “...”")
  if (toks[i + 1]?.low === ':' && QUOTE_CH.test(toks[i + 2]?.low ?? '')) return 1;
  if (!SPEECH.has(t.lemma) && !SPEECH.has(t.low) && !ATTRIB.has(t.lemma) && !(INVERTED_ACT.has(t.lemma) && atClauseEnd(toks, i))) return 0;
  // "said" as an adjective-like "the said" is rare; "tells" as noun are not tagged VERB
  return 1;
}

/** Verbs of protest that report a statement only in the inverted position ("..., a rights group protested"). */
export const INVERTED_ACT = new Set(['protest', 'object', 'complain', 'charge', 'allege', 'warn', 'insist', 'accuse', 'concede', 'admit', 'deny']);
const TAIL_WORD = /^(here|there|today|tonight|yesterday|later|again|too|also|on|in|late|early|last|this|week|month|(mon|tues|wednes|thurs|fri|satur|sun)day|morning|evening|night|afternoon)$/;
/** Only time words and punctuation follow the verb to the end of the sentence ("... protested here Wednesday."). */
export function atClauseEnd(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < toks.length; k++) {
    const w = toks[k]!.low;
    if (!(isPunct(toks[k]) || QUOTE_CH.test(w) || TAIL_WORD.test(w))) return false;
  }
  return toks[i - 1]?.low !== ',' && toks.slice(0, i).some((t) => t.low === ',');
}

/** Noun-phrase span ending at `end` (inclusive), for speakers that are not resolved actors ("a senior official"). */
function npLeft(toks: Tok[], end: number, lo: number): [number, number] | null {
  let a = end;
  if (a < lo || !NP_POS.has(toks[a]!.pos || 'NOUN')) return null;
  while (a - 1 >= lo && (NP_POS.has(toks[a - 1]!.pos) || toks[a - 1]!.low === "'s" || toks[a - 1]!.low === '-')) a--;
  return [a, end];
}
function npRight(toks: Tok[], start: number, hi: number): [number, number] | null {
  let b = start;
  if (b > hi || !NP_POS.has(toks[b]!.pos || 'NOUN')) return null;
  while (b + 1 <= hi && (NP_POS.has(toks[b + 1]!.pos) || toks[b + 1]!.low === "'s") && !isPunct(toks[b + 1])) b++;
  return [start, b];
}

interface Speaker { src: [number, number] | null; leftG: Group | null; rightG: Group | null }

/** "according to X": X is the speaker; the content is the rest of the sentence. */
function accordingTo(toks: Tok[], groups: Group[], i: number, end: number, cue: [number, number], via: Entity | null): SpeechFrame {
  // "according to X": X is the speaker; content is the rest of the sentence
  // (not across punctuation: in "According to Interfax, Russia deployed ..." the medium is no group, and the group
  // after the comma is the reported clause's subject, not the source)
  const g = groups.find((x) => x.from >= i + 2 && x.from <= i + 4 && !toks.slice(i + 2, x.from).some((t) => isPunct(t))) ?? null;
  const src = g ? [g.from, g.to] as [number, number] : npRight(toks, i + 2, end);
  const srcEnd = src ? src[1] : i + 1;
  const content: [number, number] | null = i > 1 ? [0, i - 1 - (isPunct(toks[i - 1]) ? 1 : 0)] : srcEnd + 1 <= end ? [srcEnd + 1 + (isPunct(toks[srcEnd + 1]) ? 1 : 0), end] : null;
  return { cue, source: src, speaker: g?.entities[0] ?? null, speakerGroup: g, via, content };
}

/** The speaker of the cue at i: left of it (adjacent, an appositive, a coordinated verb's subject) or after it when inverted. */
function findSpeaker(toks: Tok[], groups: Group[], i: number, end: number): Speaker {
  // speaker to the left (adjacent, allowing auxiliaries/adverbs between)
  let k = i - 1;
  while (k >= 0 && GAP_OK.has(toks[k]!.low) && i - k <= 4) k--;
  // "the World Food Program (WFP) said": the bracketed acronym is part of the speaker's name
  if (k > 1 && toks[k]!.low === ')') {
    let o = k - 1;
    while (o > 0 && toks[o]!.low !== '(' && k - o < 6) o--;
    if (toks[o]!.low === '(' && o > 0 && !isPunct(toks[o - 1])) k = o - 1;
  }
  let leftG = groups.find((g) => g.to === k) ?? null;
  // "blocked roads in Algiers demanding that ...", "a ruling against X finding that ...": a participial cue
  // right after a prepositional phrase is the clause's, whose subject is the first group with no
  // preposition ("with X saying": X says)
  const adjunct = !!leftG?.prep && leftG.prep !== 'with' && k === i - 1 && ENDS_ING.test(toks[i]!.low);
  if (adjunct) leftG = groups.find((g) => g.to < i && !g.prep) ?? null;
  // "officials from both governments said", "diplomats of the two countries said": the speaker is the
  // head before the qualifier (its span runs to the cue), not the qualifier's group
  let head: Group | null = null;
  if (leftG && !adjunct && (leftG.prep === 'from' || leftG.prep === 'of')) {
    const q = leftG;
    head = groups.find((g) => !g.prep && g.to < q.from && q.from - g.to <= 4 && toks.slice(g.to + 1, q.from).every((t) => t.low === q.prep || t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'ADJ')) ?? null;
  }
  if (head) leftG = head;
  let src: [number, number] | null = leftG ? [leftG.from, head ? k : leftG.to] : k >= 0 && !adjunct && !isPunct(toks[k]) && !QUOTE_CH.test(toks[k]!.low) ? npLeft(toks, k, 0) : null;
  // "Iraq's interim government announced", "the Russian ministry's spokesman said": an unresolved speaker
  // phrase stands for the actor that possesses it
  if (!leftG && src) {
    const s0 = src;
    leftG = groups.find((g) => g.from >= s0[0] && g.to < s0[1] && toks[g.to + 1]?.low === "'s") ?? null;
  }
  // an appositive between speaker and cue: "Megan Hester, senior associate for ..., said"
  if (!src && k >= 2 && toks[k]!.low === ',') {
    let c = k - 1;
    while (c > 0 && toks[c]!.low !== ',' && !QUOTE_CH.test(toks[c]!.low) && k - c < 25) c--;
    // the appositive is a noun phrase or a relative clause ("Joseph, who has four children, said")
    const appo = toks.slice(c + 1, k);
    if (appo.some((t) => t.pos === 'VERB' || t.pos === 'AUX') && !WHO_WHICH_WHOSE.test(appo[0]?.low ?? '')) c = -1;
    if (c >= 1 && toks[c]!.low === ',') {
      // a bracketed acronym after the name: "The Nigerian Union of Teachers (NUT), the umbrella union, said"
      let e = c - 1;
      if (toks[e]!.low === ')') {
        let o = e - 1;
        while (o > 0 && toks[o]!.low !== '(' && e - o < 6) o--;
        if (toks[o]!.low === '(') e = o - 1;
      }
      const g = groups.find((x) => x.to === e) ?? null;
      const np = g ? [g.from, g.to] as [number, number] : npLeft(toks, e, 0);
      if (np) { src = [np[0], k - 1]; leftG = g; }
    }
  }
  // a cue coordinated with an earlier verb shares its subject: "The rebels rejected the plan, and said they ..."
  if (!src && k >= 1 && (toks[k]!.low === 'and' || toks[k]!.low === 'but')) {
    const firstVerb = toks.findIndex((t, x) => x < k && t.pos === 'VERB');
    const g = firstVerb > 0 ? groups.filter((x) => x.to < firstVerb && !x.prep).at(-1) ?? null : null;
    if (g) { src = [g.from, g.to]; leftG = g; }
  }
  // a relative pronoun is the source itself ("the department, which reported ...")
  if (src && WHO_WHICH_THAT.test(toks[src[1]]!.low) && src[1] > src[0]) src = [src[1], src[1]];
  // a participial cue after a comma takes the clause's subject: "Clinton spoke ..., arguing that ..."
  if (!src && ENDS_ING.test(toks[i]!.low) && toks[i - 1]?.low === ',') {
    const g = groups.find((x) => x.to < i) ?? null;
    if (g) { src = [g.from, g.to]; leftG = g; } else {
      const np = npRight(toks, 0, i - 1);
      if (np) src = np;
    }
  }
  // trim a leading subordinator/quote from an NP speaker
  let rightG: Group | null = null;
  // "..., said X" / "…” said X": inversion, only for verbs of saying after the content
  const inverted = (SPEECH.has(toks[i]!.lemma) || SPEECH.has(toks[i]!.low)) && i > 0 && (isPunct(toks[i - 1]) || QUOTE_CH.test(toks[i - 1]!.low));
  if (!src && inverted) {
    const g = groups.find((x) => x.from === i + 1 || x.from === i + 2 && THE_A.test(toks[i + 1]!.low)) ?? null;
    if (g) { rightG = g; src = [g.from, g.to]; } else src = npRight(toks, i + 1, end);
  }
  return { src, leftG, rightG };
}

/** The reported content of the cue at i: before the speaker ("..., Kyiv said") or the clause after the cue. */
function frameContent(toks: Tok[], i: number, n: number, end: number, src: [number, number] | null, rightG: Group | null, hasPos: boolean): [number, number] | null {
  // content side: before the speaker when the speaker part follows a comma/quote after content
  const sFrom = src ? Math.min(src[0], i) : i;
  // ("..., the World Food Programme said": a determiner before the speaker group is part of it)
  let before = sFrom - 1;
  while (before > 0 && before < i && THE_A_AN.test(toks[before]!.low)) before--;
  let content: [number, number] | null = null;
  const boundaryBefore = before >= 0 && (isPunct(toks[before]) || QUOTE_CH.test(toks[before]!.low));
  // content after the cue when a clause follows ("said (that) Moscow is ..."); "said Thursday at a meeting" has no verb
  const afterStart = src && src[0] > i ? src[1] + 1 : i + n;
  const after = toks.slice(afterStart, end + 1);
  const clauseAfter = !rightG && after.length > 0 && (RE_FRAME_CONTENT.test(after[0]!.low) || QUOTE_CH.test(after[0]!.low) || after.some((t) => t.pos === 'VERB' || t.pos === 'AUX'));
  // content before the speaker only for verbs of saying ("..., Kyiv said"); "X called Y Z" reports what follows
  const saying = SPEECH.has(toks[i]!.lemma) || SPEECH.has(toks[i]!.low) || n === 2 || (INVERTED_ACT.has(toks[i]!.lemma) && atClauseEnd(toks, i));
  const clauseBefore = toks.slice(0, Math.max(0, before)).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || QUOTE_CH.test(t.low)) || !hasPos;
  if ((rightG || boundaryBefore) && before >= 2 && !clauseAfter && saying && clauseBefore) {
    let e = before;
    while (e >= 0 && (isPunct(toks[e]) || QUOTE_CH.test(toks[e]!.low))) e--;
    let s = 0;
    while (s < e && QUOTE_CH.test(toks[s]!.low)) s++;
    if (e - s >= 1) content = [s, e];
  }
  if (!content) {
    let s = Math.max(i + n, src && src[0] > i ? src[1] + 1 : i + n);
    while (s <= end && (toks[s]!.low === 'that' || toks[s]!.low === ',' || toks[s]!.low === ':' || QUOTE_CH.test(toks[s]!.low))) s++;
    // a cue with a noun object and no clause ("claimed responsibility", "announced a ban") reports nothing
    const rest = toks.slice(s, end + 1);
    if (s <= end && (QUOTE_CH.test(toks[s - 1]?.low ?? '') || toks[s - 1]?.low === 'that' || toks[s - 1]?.low === ':' || rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX') || !hasPos)) content = [s, end];
  }
  return content;
}

export function findFrames(toks: Tok[], groups: Group[], media: Mention[], hasPos: boolean): SpeechFrame[] {
  const out: SpeechFrame[] = [];
  const last = toks.length - 1;
  const end = isPunct(toks[last]) || QUOTE_CH.test(toks[last]?.low ?? '') ? last - 1 : last;
  for (let i = 0; i < toks.length; i++) {
    const n = isCue(toks, i, hasPos);
    if (!n) continue;
    const cue: [number, number] = [i, i + n - 1];
    const via = viaNear(toks, media, i);
    if (n === 2) {
      out.push(accordingTo(toks, groups, i, end, cue, via));
      i += 1;
      continue;
    }
    // split into three functions (TurboFan recompiled the whole loop after each deopt in a rare branch)
    const { src, leftG, rightG } = findSpeaker(toks, groups, i, end);
    const content = frameContent(toks, i, n, end, src, rightG, hasPos);
    if (!content && !src) continue;
    const g = leftG ?? rightG;
    out.push({ cue, source: src, speaker: g?.entities[0] ?? null, speakerGroup: g, via, content });
  }
  return out;
}

/** A media mention relaying the statement: "by the state-run TASS news agency", "told Interfax", "according to Reuters". */
function viaNear(toks: Tok[], media: Mention[], i: number): Entity | null {
  const lo = toks[Math.max(0, i - 12)]!.start;
  const hi = toks[Math.min(toks.length - 1, i + 12)]!.end;
  const m = media.find((x) => x.start >= lo && x.end <= hi && x.entity);
  return m?.entity ?? null;
}
