// Quotes: direct (between quotation marks, possibly over several paragraphs, possibly a partial
// quote inside a sentence) and indirect (the content of a speech frame), each with its cue,
// source span, speaker (an actor from doc.mentions) and `via` (a relaying medium).
import type { DatedDoc, Entity, Mention, Quote, Span } from '../types.js';
import type { SpeechFrame } from './frames.js';
import type { Tok } from './tokens.js';
import { loadCues, type CueLexicon } from './quotes-cues.js';
import { findAttribs, type Attrib } from './quotes-attrib.js';
import { filterFeatures, filterScore, getFilterTap, loadFilterModel, rerankSource } from './quotes-filter.js';

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const RE_QUOTED_SEGMENTS = /[\s(\[—–-]/;
const RE_QUOTED_SEGMENTS_2 = /\s/;
const RE_QUOTED_SEGMENTS_3 = /[A-Za-z]/;
const WHO_WHICH_THAT = /^(who|which|that)$/i;
const RE_SPEAKER_OF = /[.;:!?]/;
const HE_SHE_HIM_ETC = /^(he|she|him|her|his)$/i;
const RE_FIND_QUOTES = /\(/g;
const RE_FIND_QUOTES_2 = /\)/g;
const RE_FIND_QUOTES_3 = /^[\s)]*[a-z]/;
const RE_FIND_QUOTES_4 = /\s+/;
const RE_FIND_QUOTES_5 = /^\s*[,.]?\s*$/;
const RE_FIND_QUOTES_6 = /^[\s,.”"]*[―—–]\s*((?:[A-Z][\w.'’-]*\s?){1,4})/;
const RE_FIND_QUOTES_7 = /(?:^|\n)((?:[A-Z][\w.'’-]*\s?){1,4}):\s*[“"]?$/;
const RE_FIND_QUOTES_8 = /[―—–]/;
const RE_FIND_QUOTES_9 = /[,\s]/;
const RE_FIND_QUOTES_10 = /(^|\n)\s*["“]?\s*$/;
const RE_FIND_QUOTES_11 = /[\s"”.]/;

const OPEN = new Set(['“', '"', '«', '‘']);
/** punctuation and quotation marks at a sentence's edges, left out of the source-span variants */
const EDGE_MARK = /^([.,;:!?"“”‘’«»—–()-]|''|``)$/;
const CLOSE: Record<string, string> = { '“': '”', '"': '"', '«': '»', '‘': '’' };

interface Seg { start: number; end: number }

/** Quoted segments of the text; a paragraph left open continues when the next one opens a quote again (news style). */
export function quotedSegments(text: string): Seg[] {
  const out: Seg[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    // two apostrophes for a quotation mark (''...'', as some wire copy has it): open and close alike
    if (ch === "'" && text[i + 1] === "'" && (i === 0 || RE_QUOTED_SEGMENTS.test(text[i - 1]!))) {
      const start = i + 2;
      let j = start, end = -1;
      while (j < text.length - 1) {
        if (text[j] === "'" && text[j + 1] === "'") { end = j; break; }
        if (text[j] === '\n' && text[j + 1] === '\n') {
          let k = j;
          while (k < text.length && RE_QUOTED_SEGMENTS_2.test(text[k]!)) k++;
          if (text[k] === "'" && text[k + 1] === "'") { j = k + 2; continue; }
          break;
        }
        j++;
      }
      if (end > start) { out.push({ start, end }); i = end + 2; continue; }
      i = start;
      continue;
    }
    if (OPEN.has(ch) && (ch !== '‘' || i === 0 || RE_QUOTED_SEGMENTS_2.test(text[i - 1]!))) {
      // a straight quote must open a word: preceded by start/space/bracket
      if (ch === '"' && i > 0 && !RE_QUOTED_SEGMENTS.test(text[i - 1]!)) { i++; continue; }
      const close = CLOSE[ch]!;
      let j = i + 1;
      const start = j;
      let end = -1;
      while (j < text.length) {
        if (text[j] === close && (close !== '’' || !RE_QUOTED_SEGMENTS_3.test(text[j + 1] ?? ''))) { end = j; break; }
        if (text[j] === '\n' && text[j + 1] === '\n') {
          // paragraph break inside a quote: continue only if the next paragraph opens with the mark
          let k = j;
          while (k < text.length && RE_QUOTED_SEGMENTS_2.test(text[k]!)) k++;
          if (text[k] === ch) { j = k + 1; continue; }
          break;
        }
        j++;
      }
      if (end > start) { out.push({ start, end }); i = end + 1; continue; }
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** The actor a source span names: a person mentioned inside it ("White House spokesman Josh
 * Earnest"), else the first actor inside it ("the Kremlin"); "he"/"she" (and "his"/"her", the
 * possessor of a noun cue) is the last person named before it in the same or the two previous
 * sentences (no gender data: the nearest one); a relative "who"/"which" is the actor named right
 * before it ("Sergei Shoigu, who said"). The source span stays the pronoun, as PolNeAR marks it:
 * the resolution is the speaker. */
function speakerOf(doc: DatedDoc, source: Span | null, ms: Mention[]): Entity | null {
  if (!source) return null;
  const inside = ms.filter((m) => m.start >= source.start && m.end <= source.end);
  const hit = inside.find((m) => m.entity!.kind === 'person') ?? inside[0];
  if (hit) return hit.entity!;
  if (WHO_WHICH_THAT.test(source.text)) {
    // the antecedent: a mention ending just before, across a comma, a bracketed tag or an apposition
    // of a few words ("Ann Marsh (D-Mo.), who"; "Sergei Shoigu, the defence minister, who")
    const before = ms.filter((m) => m.end <= source.start && source.start - m.end <= 60 && !RE_SPEAKER_OF.test(doc.text.slice(m.end, source.start)));
    return before.length ? before[before.length - 1]!.entity! : null;
  }
  if (!HE_SHE_HIM_ETC.test(source.text)) return null;
  const sent = doc.sentences.find((x) => source.start >= x.start && source.start < x.end)?.index ?? -1;
  let best: Mention | null = null;
  for (const m of doc.mentions ?? []) {
    if (m.end <= source.start && m.entity?.kind === 'person' && m.sentence >= sent - 2 && (!best || m.start > best.start)) best = m;
  }
  return best?.entity ?? null;
}

/** The mentions with an entity inside [lo, hi], in document order. Mentions come sorted by start
 * (the actor stage's order): a binary search for the first one, instead of a filter over all the
 * document's mentions per sentence (quadratic in a long article); unsorted input is filtered. */
function mentionIndex(all: ReadonlyArray<Mention>): (lo: number, hi: number) => Mention[] {
  let sorted = true;
  for (let k = 1; k < all.length && sorted; k++) if (all[k]!.start < all[k - 1]!.start) sorted = false;
  if (!sorted) return (lo, hi) => all.filter((m) => m.entity && m.start >= lo && m.end <= hi);
  return (lo, hi) => {
    let a = 0, b = all.length;
    while (a < b) { const mid = (a + b) >> 1; if (all[mid]!.start < lo) a = mid + 1; else b = mid; }
    const out: Mention[] = [];
    for (let k = a; k < all.length && all[k]!.start <= hi; k++) if (all[k]!.entity && all[k]!.end <= hi) out.push(all[k]!);
    return out;
  };
}

/** Reported speech inside reported speech: whether another attribution's content holds this
 * one's cue ("Song said [Clinton had said ...]"), and whether this one's content holds another's. */
function nesting(all: ReadonlyArray<Attrib>, a: Attrib): { inside: boolean; holds: boolean } {
  let inside = false, holds = false;
  for (const b of all) {
    if (b === a) continue;
    if (b.content && b.content[0] <= a.cue[0] && a.cue[0] <= b.content[1]) inside = true;
    if (a.content && a.content[0] <= b.cue[0] && b.cue[0] <= a.content[1]) holds = true;
  }
  return { inside, holds };
}

/** One attribution candidate of a sentence, in character offsets. */
interface Cand { cue: Span; source: Span | null; content: Seg | null; speaker: Entity | null; via: Entity | null }

/** The sentence's attributions (quotes-attrib.ts), with speaker and via taken from the coder's
 * speech frame on the same cue when there is one (it knows the actor groups), else from an actor
 * mention inside the source span. (The coder's other frames are not quotes: keeping them lowered
 * precision on PolNeAR dev, source F1 66.2 → 65.9.) */
function candidates(doc: DatedDoc, toks: Tok[], byCue: Map<number, SpeechFrame>, lex: CueLexicon, quoted: (pos: number) => boolean, mentionsIn: (lo: number, hi: number) => Mention[]): Cand[] {
  const text = doc.text;
  const out: Cand[] = [];
  const ms = mentionsIn(toks[0]!.start, toks[toks.length - 1]!.end);
  const mediaNear = (i: number, src: Span | null): Entity | null => {
    const a = toks[Math.max(0, i - 12)]!.start, b = toks[Math.min(toks.length - 1, i + 12)]!.end;
    const m = ms.find((x) => x.entity!.kind === 'media' && x.start >= a && x.end <= b && !(src && x.start >= src.start && x.end <= src.end));
    return m?.entity ?? null;
  };
  const seen = new Set<number>();
  const filter = loadFilterModel();
  const tap = getFilterTap();
  let nth = 0;
  // the sentence without its edge punctuation and quotation marks (the source variants stay inside)
  let last = toks.length - 1, first = 0;
  while (last > 0 && EDGE_MARK.test(toks[last]!.text)) last--;
  while (first < last && EDGE_MARK.test(toks[first]!.text)) first++;
  const charOf = (v: [number, number]): [number, number] => [toks[v[0]]!.start, toks[v[1]]!.end];
  let prevSrc: [number, number] | null = null; // the source of the sentence's attribution before
  const found = findAttribs(toks, lex, quoted);
  for (const a0 of found) {
    // the learned choice among variants of the source span (quotes-filter.ts)
    const rs = rerankSource(toks, a0, first, last, charOf, quoted(toks[a0.cue[0]]!.start), prevSrc);
    prevSrc = rs ?? prevSrc;
    const a = rs === a0.source ? a0 : Object.assign({}, a0, { source: rs }, a0.source ? {} : { guessed: true }); // (not a spread: see findAttribs)
    const [c0, c1] = a.phrase ?? a.cue;
    const cue = span(text, toks[c0]!.start, toks[c1]!.end);
    const source = a.source ? span(text, toks[a.source[0]]!.start, toks[a.source[1]]!.end) : null;
    // the learned filter over the whole attribution (quotes-filter.ts)
    if (filter || tap) {
      const m = source ? ms.find((x) => x.start >= source.start && x.end <= source.end) : undefined;
      const feats = filterFeatures(toks, a, m ? m.entity!.kind : null, quoted(toks[a.cue[0]]!.start), nth++, nesting(found, a0));
      if (tap) tap(feats, [cue.start, cue.end], source ? [source.start, source.end] : null);
      else if (filterScore(filter!, feats) < filter!.threshold) continue;
    }
    const content = a.content ? { start: toks[a.content[0]]!.start, end: toks[a.content[1]]!.end } : null;
    const f = byCue.get(toks[a.cue[0]]!.start);
    out.push({ cue, source, content, speaker: speakerOf(doc, source, ms) ?? (source ? null : f?.speaker ?? null), via: f ? f.via : mediaNear(a.cue[0], source) });
    seen.add(cue.start);
  }
  return out;
}

// a sentence that ends in a title abbreviation was cut before the name
const TITLE_END = /\b(Rev|Dr|Sen|Sens|Gov|Rep|Reps|Gen|Lt|Col|Sgt|Capt|Prof|Del|Adm|Maj|Cmdr|Supt|Atty|Mr|Mrs|Ms|Msgr|Fr|Amb)\.$/;

export function findQuotes(doc: DatedDoc, frames: Map<number, { frames: SpeechFrame[]; toks: Tok[] }>): Quote[] {
  const text = doc.text;
  const out: Quote[] = [];
  const sentOf = (pos: number): number => {
    const s = doc.sentences.find((x) => pos >= x.start && pos <= x.end);
    return s ? s.index : -1;
  };
  const lex = loadCues();
  const segs = quotedSegments(text);
  // segments are disjoint and in text order: binary search (this runs for every verb)
  const quoted = (pos: number): boolean => {
    let lo = 0, hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = segs[mid]!;
      if (pos < q.start) hi = mid - 1;
      else if (pos >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const cache = new Map<number, Cand[]>();
  const mentionsIn = mentionIndex(doc.mentions ?? []);
  // a sentence cut inside a bracket or before a lower-case word ("Sen. Ann Marsh (D-Mo." | ") said.")
  // is read together with the next one: the attribution spans the cut
  const headOf: number[] = [];
  doc.sentences.forEach((x, k) => {
    const prev = doc.sentences[k - 1];
    const open = prev ? (prev.text.match(RE_FIND_QUOTES) ?? []).length - (prev.text.match(RE_FIND_QUOTES_2) ?? []).length : 0;
    // (and a cut after a title: "said the Rev." | "Peter Wherry, of ...")
    headOf[x.index] = prev && (open > 0 || RE_FIND_QUOTES_3.test(x.text) || TITLE_END.test(prev.text)) ? headOf[prev.index]! : x.index;
  });
  // each head's sentences, in document order (grouped once: a filter over all the sentences per
  // head was quadratic in a long article)
  const groups = new Map<number, typeof doc.sentences>();
  for (const x of doc.sentences) {
    const h = headOf[x.index] ?? x.index;
    const g = groups.get(h);
    if (g) g.push(x); else groups.set(h, [x]);
  }
  const frameSpans = (idx: number): Cand[] => {
    const head = headOf[idx] ?? idx;
    const hit = cache.get(head);
    if (hit) return hit;
    const members = (groups.get(head) ?? []).map((x) => frames.get(x.index)).filter((e) => !!e);
    // the coder's frames keyed by their cue's offset (their token indices are per sentence)
    const byCue = new Map<number, SpeechFrame>();
    for (const e of members) for (const f of e.frames) byCue.set(e.toks[f.cue[0]]!.start, f);
    const res = members.length ? candidates(doc, members.flatMap((e) => e.toks), byCue, lex, quoted, mentionsIn) : [];
    cache.set(head, res);
    return res;
  };
  const directRanges: Seg[] = [];
  for (const q of segs) {
    const words = text.slice(q.start, q.end).trim().split(RE_FIND_QUOTES_4).length;
    const sEnd = sentOf(q.end);
    const sStart = sentOf(q.start);
    // attribution: a frame in the sentence of the quote's end (cue outside the quote), else the next sentence ("she said."), else the sentence before (ending in ":")
    const cands = [sEnd, sStart, sEnd + 1, sStart - 1].filter((x, k, a) => x >= 0 && a.indexOf(x) === k);
    let hit: ReturnType<typeof frameSpans>[number] | null = null;
    for (const si of cands) {
      const fs = frameSpans(si).filter((x) => x.cue.start >= q.end || x.cue.end <= q.start);
      if (!fs.length) continue;
      if (si === sEnd + 1 && !RE_FIND_QUOTES_5.test('') && words < 3) continue;
      // prefer a frame whose content covers the quote, then the nearest cue
      hit = fs.find((x) => x.content && x.content.start <= q.start && x.content.end >= q.end - 1) ?? fs.sort((a, b) => Math.abs(a.cue.start - q.end) - Math.abs(b.cue.start - q.end))[0]!;
      break;
    }
    // "“...” ― Veronica Cruz" and "Pat Caddell: “...”": attribution by a dash or a colon, no verb
    let dashSrc: Span | null = null;
    let dashCue: Span | null = null;
    if (!hit) {
      const after = RE_FIND_QUOTES_6.exec(text.slice(q.end + 1, q.end + 60));
      const before = RE_FIND_QUOTES_7.exec(text.slice(Math.max(0, q.start - 60), q.start));
      if (after) {
        const st = q.end + 1 + after.index + after[0].length - after[1]!.length;
        dashSrc = span(text, st, st + after[1]!.trimEnd().length);
        const d = text.slice(q.end + 1, st).search(RE_FIND_QUOTES_8);
        if (d >= 0) dashCue = span(text, q.end + 1 + d, q.end + 2 + d);
      } else if (before) {
        const st = Math.max(0, q.start - 60) + before.index + before[0].indexOf(before[1]!);
        dashSrc = span(text, st, st + before[1]!.trimEnd().length);
        const colon = text.indexOf(':', dashSrc.end);
        if (colon >= 0 && colon < q.start) dashCue = span(text, colon, colon + 1);
      }
    }
    if (dashSrc) {
      const m = (doc.mentions ?? []).find((x) => x.entity && x.start < dashSrc!.end && dashSrc!.start < x.end);
      // the dash or colon is the cue (as in PolNeAR's annotation)
      out.push({ content: span(text, q.start, q.end), cue: dashCue, source: dashSrc, speaker: m?.entity ?? null, via: null, direct: true });
      directRanges.push(q);
      continue;
    }
    const inFrame = hit && hit.content && hit.content.start <= q.start && hit.content.end >= q.end - 1;
    if (!hit && words < 4) continue; // scare quotes ("pragmatic") with no speaker are not quotes
    if (hit && !inFrame && words < 3) continue;
    // a partial quote inside a longer reported content ("called the Act a “crazy system”") stays
    // part of that (indirect, mixed) quote rather than a record of its own
    if (inFrame && hit!.content!.end - hit!.content!.start > (q.end - q.start) + 12) continue;
    let qe = q.end;
    while (qe > q.start && RE_FIND_QUOTES_9.test(text[qe - 1]!)) qe--; // the comma before the closing mark belongs to the sentence
    out.push({
      content: span(text, q.start, qe),
      cue: hit?.cue ?? null,
      source: hit?.source ?? null,
      speaker: hit?.speaker ?? null,
      via: hit?.via ?? null,
      direct: true,
    });
    directRanges.push(q);
  }
  // indirect: speech-frame contents that are not a direct quote already; a cue that introduced a
  // direct quote ("“...,” Shoigu was quoted as saying by TASS") reports nothing else
  const directCues = new Set(out.filter((q) => q.cue).map((q) => q.cue!.start));
  for (const s of doc.sentences) {
    if (headOf[s.index] !== s.index) continue; // read with its head sentence
    for (const x of frameSpans(s.index)) {
      if (!x.content || directCues.has(x.cue.start)) continue;
      let c = x.content;
      // a transcript turn ("WALLACE: ..." at a paragraph start) is an attribution of its own even
      // inside a quotation that spans the whole transcript; its content is the rest of the paragraph
      const turn = x.cue.text === ':' && !!x.source && RE_FIND_QUOTES_10.test(text.slice(Math.max(0, x.source.start - 4), x.source.start));
      if (turn) {
        const nl = text.indexOf('\n', c.end);
        let e = nl < 0 ? text.length : nl;
        while (e > c.end && RE_FIND_QUOTES_11.test(text[e - 1]!)) e--; // (final stop left out, as for other contents)
        c = { start: c.start, end: e };
      } else if (directRanges.some((d) => d.start <= c.start + 1 && d.end >= c.end - 1)) continue;
      out.push({ content: span(text, c.start, c.end), cue: x.cue, source: x.source, speaker: x.speaker, via: x.via, direct: turn });
    }
  }
  out.sort((a, b) => a.content.start - b.content.start);
  // one attribution per cue: the parts of a quote split by its cue ("“...,” he said. “...”") after
  // the first keep their speaker but not the cue and source again (PolNeAR annotates one relation
  // with a discontinuous content; repeating the source counted it twice: source P 73.8 → 76.9)
  const cued = new Set<number>();
  return out.map((q) => {
    if (!q.cue) return q;
    if (cued.has(q.cue.start)) return { ...q, cue: null, source: null };
    cued.add(q.cue.start);
    return q;
  });
}
