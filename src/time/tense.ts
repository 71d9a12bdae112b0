// Tense of the clause around a time expression, from cue words (no parser needed): the cue
// nearest to the expression wins ("said Thursday" → past; "will meet in June" → future).
// Sentence bounds come from the sentence stage when given, else from punctuation.
import type { TimeLexicon } from './lexicon.js';
import type { Tense } from './rules.js';

/** The tense of the clause around [start,end), and whether the evidence is weak (an "-ed" word
 * that may be an adjective, or the nearest cue far away): weak evidence may be overruled by
 * plausibility (see yearFor in rules.ts). */
export interface TenseInfo { t: Tense; weak: boolean }
export interface TenseFinder {
  (start: number, end: number): TenseInfo;
}

const WORD = /[A-Za-z][A-Za-z'’]*/g;
// weights measured on TimeBank/AQUAINT/MEANTIME (EVALUATION.md "Dates"); the differences are small
const AFTER = 2;
const MODAL = new Set(['will', "'ll", 'shall', 'would', "won't", 'may', 'might', 'should', 'could']);
const WEAK = 1;
const SUBJECT = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who']);
const INFINITIVE = /\bto [a-z]/;
const NOMINAL = new Set(['NOUN', 'PROPN']);
const OBJECT = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ']);
/** a cue farther than this many characters is weak evidence */
const WEAK_DISTANCE = 40;
const DEADLINE = /\b(?:by|until|till|through|to|effective|payable|expire|expires|expiring|due|before|of\s+record|as\s+soon\s+as|ahead\s+of|in\s+time\s+for)\s+(?:on\s+)?(?:around\s+|about\s+|mid-?|early\s+|late\s+)?$/i;

// The lexicon's cue lists as sets, built once per lexicon rather than once per document.
const SETS = new WeakMap<TimeLexicon, { future: Set<string>; past: Set<string>; present: Set<string>; notPast: Set<string> }>();
function cueSets(lex: TimeLexicon) {
  let s = SETS.get(lex);
  if (!s) SETS.set(lex, (s = { future: new Set(lex.tense.future), past: new Set(lex.tense.past), present: new Set(lex.tense.present), notPast: new Set(lex.tense.notPast) }));
  return s;
}

/**
 * `posAt(i)`: the part of speech of the token starting at character i, when the sentence stage
 * ran (null otherwise): it keeps "-ed" adjectives ("preferred shares") from counting as past verbs.
 */
export function makeTenseFinder(text: string, lex: TimeLexicon, bounds: (i: number) => [number, number], posAt: (i: number) => string | null = () => null): TenseFinder {
  const { future, past, present, notPast } = cueSets(lex);
  const cache = new Map<number, { pos: number; t: Tense; weak: boolean; finite: boolean }[]>();

  const cues = (s: number, e: number) => {
    const hit = cache.get(s);
    if (hit) return hit;
    const out: { pos: number; t: Tense; weak: boolean; finite: boolean }[] = [];
    const seg = text.slice(s, e);
    const ws: { w: string; i: number }[] = [];
    // "May" (capitalised) is the month, not the modal: capitalised may/might/will stay out of the cues
    for (const m of seg.matchAll(WORD)) ws.push({ w: /^(May|Will)$/.test(m[0]) ? m[0] : m[0].toLowerCase().replace(/’/g, "'"), i: s + m.index! });
    for (let k = 0; k < ws.length; k++) {
      const { w, i } = ws[k]!;
      const two = k + 1 < ws.length ? `${w} ${ws[k + 1]!.w}` : '';
      let t: Tense = null;
      if (two && future.has(two)) t = 'future';
      else if (two && past.has(two)) t = 'past';
      else if (future.has(w) || /'ll$/.test(w)) t = 'future';
      else if (past.has(w)) t = 'past';
      else if (present.has(w)) t = 'present';
      // a verb in -ed is a weak cue (participles, adjectives): used only when no strong cue is near
      const pos = !t && w.length > 4 && /ed$/.test(w) ? posAt(i) : null;
      let finite = false;
      let weak = !t && w.length > 4 && /ed$/.test(w) && !notPast.has(w) && (pos === null || pos === 'VERB' || pos === 'AUX');
      if (weak) t = 'past';
      // ... unless it is a finite past verb, no participle or adjective: right after a subject pronoun ("he banned
      // travel in January"), or between a noun subject and its object ("Trump banned travel from China in January";
      // not a reduced relative, "troops stationed in January", which a preposition follows): the month it
      // governs is the last one, however far back
      if (weak && k > 0 && ws[k - 1]!.i + ws[k - 1]!.w.length + 1 === i) {
        const prev = ws[k - 1]!, next = ws[k + 1];
        const subject = SUBJECT.has(prev.w) || pos === 'VERB' && NOMINAL.has(posAt(prev.i) ?? '') && !!next && i + w.length + 1 === next.i && OBJECT.has(posAt(next.i) ?? '');
        if (subject) { weak = false; finite = true; }
      }
      // "will be held", "would have met", "is to be signed": the modal decides, not the participle
      if (t === 'past' && ws.slice(Math.max(0, k - 3), k).some((x) => MODAL.has(x.w))) t = 'future';
      if (t) out.push({ pos: i, t, weak, finite });
    }
    cache.set(s, out);
    return out;
  };

  return (start, end) => {
    // a deadline ("payable Dec. 7", "extended to Nov. 16", "by May") is read from the date, not the
    // verb: "was extended to Nov. 16" is past tense about a future day. Leave it to proximity.
    if (DEADLINE.test(text.slice(Math.max(0, start - 24), start))) return { t: null, weak: true };
    const [s, e] = bounds(start);
    let best: Tense = null;
    let bestD = Infinity;
    let bestWeak = true;
    for (const c of cues(s, e)) {
      if (c.pos >= start && c.pos < end) continue; // words of the expression itself
      // the governing verb usually comes first ("decided on Feb. 11 that … would"): cues after the
      // expression count at double distance
      const d = (c.pos < start ? start - c.pos : (c.pos - end) * AFTER) * (c.weak ? WEAK : 1);
      // (a finite verb governs a date before any infinitive after it: "urged fans to boycott the 12 March concert")
      if (d < bestD) { bestD = d; best = c.t; bestWeak = c.weak || c.finite && c.pos < start && INFINITIVE.test(text.slice(c.pos, start)); }
    }
    return { t: best, weak: bestWeak || best === 'present' || bestD > WEAK_DISTANCE };
  };
}

/** Sentence bounds without the sentence stage: cut at . ! ? followed by space, and at blank lines. */
export function punctuationBounds(text: string): (i: number) => [number, number] {
  const cuts: number[] = [0];
  const re = /[.!?]["”’)]?\s+(?=[A-Z"“(])|\n/g;
  for (const m of text.matchAll(re)) cuts.push(m.index! + m[0].length);
  cuts.push(text.length);
  return (i) => {
    let lo = 0, hi = cuts.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid]! <= i) lo = mid; else hi = mid;
    }
    return [cuts[lo]!, cuts[hi]!];
  };
}
