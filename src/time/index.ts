// Time stage: find every time expression in the text, with its span, and resolve it against the
// article date (injected; never the clock) into a TIMEX3 value with a precision.
//
//   rules.ts   recognisers (regex + context check) → candidates with a resolve() closure
//   here       refiners: drop URL hits, keep the longest of overlapping candidates, widen with
//              modifiers ("mid-2023"), merge ranges ("between 2012 and 2024") and clock+day,
//              mark since/until and datelines; then resolve in text order with the clause's
//              tense and the last date mentioned (for anaphora: "the next day", "two years later")
//   tense.ts   tense of the clause from cue words
//   calendar.ts  date arithmetic; lexicon.ts  data/time/lexicon.json, validated at load
//
// Conventions (TimeML TIMEX3): spans leave out prepositions ("on Thursday" → "Thursday");
// decades "199X", centuries "19", weeks "2026-W20", quarters "2026-Q2", seasons "2026-SU",
// durations "P3M"/"PT24H", vague "PAST_REF"/"PRESENT_REF"/"FUTURE_REF".
import type { Message, Sentence, TimeExpr, TimePrecision } from '../types.js';
import { loadLexicon, type TimeLexicon } from './lexicon.js';
import { buildRules, type Cand, type Ctx, type Res, type Rule } from './rules.js';
import { makeTenseFinder, punctuationBounds } from './tense.js';
import { parseRefDate } from './calendar.js';

export { parseRefDate } from './calendar.js';

interface Compiled { lex: TimeLexicon; rules: Rule[] }
let compiled: Compiled | null = null;
function compile(): Compiled {
  if (!compiled) {
    const lex = loadLexicon();
    compiled = { lex, rules: buildRules(lex) };
  }
  return compiled;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()"]+|\b[\w-]+(?:\.[\w-]+)+\/[^\s<>()"]*/gi;
const MODS: [RegExp, string | null, string | null][] = [
  // [text before the expression, TIMEX3 mod, new value suffix for a year]
  [/\b(?:the\s+)?first\s+half\s+of\s+$/i, null, '-H1'],
  [/\b(?:the\s+)?second\s+half\s+of\s+$/i, null, '-H2'],
  [/\b(?:the\s+)?(?:end|close)\s+of\s+$/i, 'END', null],
  [/\b(?:the\s+)?(?:beginning|start|dawn)\s+of\s+$/i, 'START', null],
  [/\b(?:the\s+)?middle\s+of\s+$/i, 'MID', null],
  [/\b(?:the\s+)?(?:early|earlier)\s*-?\s*(?:part\s+of\s+)?$/i, 'START', null],
  [/\b(?:the\s+)?(?:late|later)\s*-?\s*(?:part\s+of\s+)?$/i, 'END', null],
  [/\bmid\s*-?\s*$/i, 'MID', null],
];

/** Internal result: the public TimeExpr plus what the refiners know (mod, kind). */
export interface TimeDetail extends TimeExpr {
  mod: string | null;
  kind: string;
  /** a range's ends, each a time expression of its own (TimeML tags them separately) */
  parts?: TimeDetail[];
}

/** Candidates found in the text, overlaps settled, before resolution. */
function recognise(text: string, c: Compiled): Cand[] {
  const all: Cand[] = [];
  for (const r of c.rules) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      if (m[0].length === 0) { r.re.lastIndex++; continue; }
      const got = r.make(m, text);
      if (got) for (const x of Array.isArray(got) ? got : [got]) if (x.end > x.start) all.push(x);
    }
  }
  const urls: [number, number][] = [];
  for (const m of text.matchAll(URL_RE)) urls.push([m.index!, m.index! + m[0].length]);
  const inUrl = (x: Cand) => urls.some(([s, e]) => x.start < e && x.end > s);
  // longest first, then rule order; accept what does not overlap what is already accepted
  all.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.prio - b.prio || a.start - b.start);
  const kept: Cand[] = [];
  const taken = new Uint8Array(text.length + 1); // characters already covered: linear, not pairwise
  for (const x of all) {
    if (urls.length && inUrl(x)) continue;
    let free = true;
    for (let i = x.start; i < x.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    kept.push(x);
    taken.fill(1, x.start, x.end);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const DATEISH = new Set(['year', 'month', 'monthyear', 'monthday', 'decade', 'century', 'rel-period', 'season', 'quarter', 'iso', 'weekday', 'deictic']);

/** Widen with modifiers, merge ranges and clock+day, mark roles. */
function refine(text: string, cands: Cand[]): Cand[] {
  // modifiers before a date: "mid-2023", "the end of 1990", "early March", "the first half of 2019"
  for (const x of cands) {
    if (!['year', 'month', 'monthyear', 'decade', 'century', 'rel-period', 'season', 'the-year'].includes(x.kind)) continue;
    const before = text.slice(Math.max(0, x.start - 30), x.start);
    for (const [re, mod, half] of MODS) {
      const m = re.exec(before);
      if (!m) continue;
      if (half && x.kind !== 'year') continue;
      const prevEnd = cands.filter((o) => o !== x && o.end <= x.start).reduce((a, o) => Math.max(a, o.end), 0);
      const s = x.start - m[0].length;
      if (s < prevEnd) break;
      x.start = s;
      if (mod) x.mod = mod;
      if (half) {
        const inner = x.resolve;
        x.resolve = (c) => { const r = inner(c); return r.value ? { ...r, value: r.value + half, precision: 'quarter' } : r; };
      }
      break;
    }
  }
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    // ranges: "between 2012 and 2024", "from May to July", "2012-2024", "2010-11"
    if (b && DATEISH.has(a.kind) && DATEISH.has(b.kind)) {
      const gap = text.slice(a.end, b.start);
      const lead = /\b(between|from)\s+$/i.exec(text.slice(Math.max(0, a.start - 9), a.start));
      const ok = lead ? (lead[1]!.toLowerCase() === 'between' ? /^\s+and\s+$/i.test(gap) : /^\s*(?:to|until|till|through|[-–])\s*$/i.test(gap)) : /^\s*[-–]\s*$/.test(gap) && a.kind === 'year' && b.kind === 'year';
      if (ok) {
        out.push(rangeOf(a, b, lead ? a.start - lead[0].length : a.start));
        i++;
        continue;
      }
    }
    // a month and a year the year rules found apart: "January nineteen ninety-seven", "March of 2020"
    if (b && a.kind === 'month' && b.kind === 'year' && /^\s*(?:of\s+|,\s*)?$/.test(text.slice(a.end, b.start))) {
      out.push({
        start: a.start, end: b.end, type: 'DATE', prio: a.prio, kind: 'monthyear',
        resolve: (c) => {
          const ra = a.resolve(c);
          const rb = b.resolve(c);
          return ra.value && rb.value ? { value: rb.value + ra.value.slice(4), precision: 'month', stated: ['year', 'month'], implied: [] } : ra;
        },
      });
      i++;
      continue;
    }
    // clock + day: "10 p.m. Wednesday", "Friday at 3 p.m.", "5 p.m. EST, Nov. 6"
    if (b && ((a.kind === 'clock' && ['weekday', 'monthday', 'deictic', 'iso'].includes(b.kind)) || (b.kind === 'clock' && ['weekday', 'monthday', 'deictic', 'iso'].includes(a.kind)))) {
      const gap = text.slice(a.end, b.start);
      if (/^\s*(?:,|on|at|,\s*at)?\s*$/i.test(gap)) {
        const clock = a.kind === 'clock' ? a : b;
        const day = a.kind === 'clock' ? b : a;
        out.push({
          start: a.start, end: b.end, type: 'TIME', prio: a.prio, kind: 'clock',
          resolve: (c) => {
            const d = day.resolve(c);
            const t = clock.resolve(c);
            const dv = d.value?.slice(0, 10);
            const tv = t.value ? t.value.slice(10) : null;
            return dv && tv && /^\d{4}-\d{2}-\d{2}$/.test(dv) ? { value: dv + tv, precision: 'time', stated: [...d.stated, ...t.stated], implied: d.implied } : d;
          },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  // since / until / by: a span with one open end
  for (const x of out) {
    if (x.type !== 'DATE' || x.role) continue;
    const m = /\b(since|until|till|through|by|before|after)\s+(?:the\s+)?$/i.exec(text.slice(Math.max(0, x.start - 12), x.start));
    if (!m) continue;
    const w = m[1]!.toLowerCase();
    x.role = w === 'till' ? 'until' : w;
    if (w === 'since' || w === 'until' || w === 'till') {
      const inner = x.resolve;
      x.resolve = (c) => {
        const r = inner(c);
        return { ...r, range: w === 'since' ? { begin: r.value, end: null } : { begin: null, end: r.value } };
      };
    }
  }
  // datelines: "MOSCOW, December 26. /TASS/.", "WASHINGTON, Nov 3 (Reuters) -"
  for (const x of out) {
    if (x.start > 400) break;
    const line = text.slice(text.lastIndexOf('\n', x.start - 1) + 1, x.start);
    if (/^\s*[A-Z][A-Z.'’ -]{1,40}(?:\s*\([^)]*\))?,\s*(?:[A-Z][a-z]+,\s*)?$/.test(line) && (x.kind === 'monthday' || x.kind === 'weekday' || x.kind === 'iso')) x.role = 'dateline';
  }
  return out;
}

function rangeOf(a: Cand, b: Cand, start: number): Cand {
  return {
    start, end: b.end, type: 'DURATION', prio: a.prio, kind: 'range', role: 'range', parts: [a, b],
    resolve: (c) => {
      const ra = a.resolve(c);
      const rb = b.resolve(c);
      let value: string | null = null;
      // "between 2012 and 2024" → P12Y (TimeML writes the length of the span)
      if (ra.value && rb.value && /^\d{4}$/.test(ra.value)) {
        const yb = rb.value.length === 2 ? +(ra.value.slice(0, 2) + rb.value) : /^\d{4}$/.test(rb.value) ? +rb.value : NaN;
        if (Number.isFinite(yb) && yb > +ra.value) value = `P${yb - +ra.value}Y`;
      }
      let endV = rb.value;
      if (endV && /^\d{2}$/.test(endV) && ra.value) endV = ra.value.slice(0, 2) + endV;
      return { value, precision: ra.precision, stated: [...new Set([...ra.stated, ...rb.stated])], implied: [...new Set([...ra.implied, ...rb.implied])], range: { begin: ra.value, end: endV } };
    },
  };
}

/** Sentence index lookup from the sentence stage's spans (binary search). */
function sentenceIndex(sentences: Sentence[] | undefined): (i: number) => number {
  if (!sentences || sentences.length === 0) return () => 0;
  return (i) => {
    let lo = 0, hi = sentences.length - 1, best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= i) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return sentences[best]!.index;
  };
}

/** Everything extractTimes knows, with TIMEX3 mod and the rule kind (for evaluation and debugging). */
export function extractTimesDetailed(text: string, refDate: string | null, sentences?: Sentence[]): { times: TimeDetail[]; messages: Message[] } {
  const c = compile();
  const messages: Message[] = [];
  const ref = parseRefDate(refDate);
  if (!ref) {
    messages.push({
      origin: 'time:no-reference-date', severity: 'warning',
      text: refDate ? `reference date "${refDate}" is not a YYYY-MM-DD date: relative dates stay unresolved (give --date YYYY-MM-DD)` : 'no reference date: relative dates stay unresolved (give --date YYYY-MM-DD)',
    });
  }
  const cands = refine(text, recognise(text, c));
  const punct = punctuationBounds(text);
  let bounds = punct;
  let posAt = (_i: number): string | null => null;
  if (sentences && sentences.length) {
    const idx = sentenceIndex(sentences);
    const byIndex = new Map(sentences.map((x) => [x.index, x]));
    bounds = (i: number): [number, number] => {
      const s = byIndex.get(idx(i));
      return s && s.start <= i && i < s.end ? [s.start, s.end] : punct(i);
    };
    const pos = new Map<number, string>();
    // (an "-ed" word's neighbours too: a subject before it and an object after it make it a finite verb, tense.ts)
    for (const s of sentences) {
      const ts = s.tokens;
      for (let k = 0; k < ts.length; k++) {
        const t = ts[k]!;
        if (!t.text.endsWith('ed')) continue;
        pos.set(t.start, t.pos);
        if (k > 0) pos.set(ts[k - 1]!.start, ts[k - 1]!.pos);
        if (k + 1 < ts.length) pos.set(ts[k + 1]!.start, ts[k + 1]!.pos);
      }
    }
    posAt = (i) => pos.get(i) ?? null;
  }
  const tense = makeTenseFinder(text, c.lex, bounds, posAt);
  const sIdx = sentenceIndex(sentences);
  let anchor: Ctx['anchor'] = null;
  const detail = (x: Cand): TimeDetail => {
    let info: ReturnType<typeof tense> | null = null;
    const ti = () => (info ??= tense(x.start, x.end));
    const ctx: Ctx = { ref, tense: () => ti().t, tenseWeak: () => ti().weak, dateline: x.role === 'dateline', anchor };
    const r: Res = x.resolve(ctx);
    if (r.value && !r.vague && (x.type === 'DATE' || x.type === 'TIME')) {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(r.value);
      if (m) anchor = { ymd: { y: +m[1]!, m: m[2] ? +m[2] : 1, d: m[3] ? +m[3] : 1 }, precision: m[3] ? 'day' : m[2] ? 'month' : 'year' };
    }
    const d: TimeDetail = {
      text: text.slice(x.start, x.end), start: x.start, end: x.end, sentence: sIdx(x.start), type: x.type,
      value: r.value, precision: r.precision, vague: r.vague ?? false, stated: r.stated, implied: r.implied,
      range: r.range ?? null, role: x.role ?? null, mod: x.mod ?? null, kind: x.kind,
    };
    if (x.parts) d.parts = x.parts.map(detail);
    return d;
  };
  const times = cands.map(detail);
  sameQuarterYearAgo(times, bounds);
  return { times, messages };
}

/** Financial reporting: "a year ago"/"year-earlier" next to a quarter (same sentence, or up to ~600
 * characters before) means that quarter a year before. */
function sameQuarterYearAgo(times: TimeDetail[], bounds: (i: number) => [number, number]): void {
  for (const t of times) {
    if (!(t.kind === 'year-ago' || (t.kind === 'ago' && /^a\s+year\s+(ago|earlier)$/i.test(t.text)) || t.kind === 'year-ago-quarter')) continue;
    const [s, e] = bounds(t.start);
    const q = times.filter((o) => o !== t && (o.kind === 'quarter' || o.kind === 'the-quarter') && o.value && /^\d{4}-Q\d$/.test(o.value) && ((o.start >= s && o.end <= e) || (o.end <= t.start && t.start - o.end < 600))).sort((a, b) => (b.start >= s ? 1 : 0) - (a.start >= s ? 1 : 0) || b.start - a.start)[0];
    if (!q) continue;
    t.value = `${+q.value!.slice(0, 4) - 1}${q.value!.slice(4)}`;
    t.precision = 'quarter';
  }
}

/** The time expressions of a text, ordered by start, without overlaps. */
export function extractTimes(text: string, refDate: string | null, sentences?: Sentence[]): { times: TimeExpr[]; messages: Message[] } {
  const { times, messages } = extractTimesDetailed(text, refDate, sentences);
  return { times: times.map(({ mod: _m, kind: _k, parts: _p, ...t }) => t), messages };
}

// ---------------------------------------------------------------- dates of events

export interface EventDate {
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  source: 'text' | 'publication' | null;
  text: string | null;
}

/**
 * A TIMEX3 value as an event date. Precision mapping (documented in EVALUATION.md "Dates"):
 * day/time → day; month → month; week → the month of the week's Monday (a week is not a stated
 * day); quarter/half/season → year (they straddle months); year → year; decade/century → their
 * first year, precision year. Durations, sets, vague and unresolved values give no date.
 */
export function eventDateOf(t: TimeExpr): EventDate | null {
  const v = t.value;
  if (!v || t.vague || t.type === 'DURATION' || t.type === 'SET') return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}-\d{2}-\d{2})/.exec(v))) return { date: m[1]!, precision: 'day', source: 'text', text: t.text };
  if ((m = /^(\d{4})-W(\d{2})/.exec(v))) {
    const y = +m[1]!, w = +m[2]!;
    // Monday of ISO week w: the week holding January 4th is week 1
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - (((jan4.getUTCDay() + 6) % 7) * 86400000) + (w - 1) * 7 * 86400000);
    return { date: monday.toISOString().slice(0, 7), precision: 'month', source: 'text', text: t.text };
  }
  if ((m = /^(\d{4}-\d{2})$/.exec(v))) return { date: m[1]!, precision: 'month', source: 'text', text: t.text };
  if ((m = /^(\d{4})(?:-(?:Q\d|H\d|SP|SU|FA|WI))?$/.exec(v))) return { date: m[1]!, precision: 'year', source: 'text', text: t.text };
  if ((m = /^(\d{3})X$/.exec(v))) return { date: `${m[1]}0`, precision: 'year', source: 'text', text: t.text };
  if ((m = /^(\d{2})$/.exec(v))) return { date: `${m[1]}00`, precision: 'year', source: 'text', text: t.text };
  return null;
}

function publication(refDate: string | null): EventDate {
  const ref = parseRefDate(refDate);
  if (!ref) return { date: null, precision: null, source: null, text: null };
  return { date: refDate!.slice(0, 10), precision: 'day', source: 'publication', text: null };
}

/** The date of the event expressed by a clause [start,end) of the text: the time expression that governs the clause (inside it, closest to the trigger when given), a statement dated by its speech time ("X said Thursday"), else the publication date (source "publication"). */
export function dateForClause(
  clause: { start: number; end: number; trigger?: { start: number; end: number } | null; speech?: { start: number; end: number } | null },
  times: TimeExpr[],
  refDate: string | null,
): EventDate {
  const anchor = clause.trigger ?? null;
  const dist = (t: TimeExpr) => (anchor ? (t.end <= anchor.start ? anchor.start - t.end : t.start >= anchor.end ? t.start - anchor.end : 0) : t.start - clause.start);
  const inside = times.filter((t) => t.start >= clause.start && t.end <= clause.end).sort((a, b) => dist(a) - dist(b));
  for (const t of inside) {
    // a dateline dates the dispatch; "until 2027", "before May", "after 2014" bound the event
    // without dating it ("sanctions were extended until 2027" happened now, not in 2027)
    if (t.role === 'dateline' || t.role === 'until' || t.role === 'before' || t.role === 'after') continue;
    // a span ("between 2012 and 2024", "since 2021") dates the event by its beginning
    if (t.role === 'range' || t.role === 'since') {
      const begin = t.range?.begin;
      if (begin) {
        const d = eventDateOf({ ...t, type: 'DATE', value: begin });
        if (d) return d;
      }
      continue;
    }
    const d = eventDateOf(t);
    if (d) return d;
  }
  // a vague reference ("recently") says the event is not on the publication day: no date rather than a wrong one
  const vague = inside.find((t) => t.vague && t.value === 'PAST_REF');
  if (vague) return { date: null, precision: null, source: 'text', text: vague.text };
  // "X said Thursday": a statement is dated by the time expression next to its speech verb
  if (clause.speech) {
    const sp = clause.speech;
    const near = times
      // within 4 characters: "said Thursday", "said on Thursday", "on Thursday said"
      .filter((t) => (t.start >= sp.end && t.start - sp.end <= 4) || (t.end <= sp.start && sp.start - t.end <= 4))
      .map((t) => eventDateOf(t))
      .find((d) => d);
    if (near) return near;
  }
  return publication(refDate);
}

// "(Reuters) -", "/TASS/.", " - ", "—", ":" after a dateline's date
const AFTER_DATELINE_DATE = /^\.?[ \t]*(?:[(/][^()/\n]{1,40}[)/]\.?)?[ \t]*(?:--|—|–|-|:)?(?:\s+|$)/;

/**
 * Where a wire dateline opening the sentence [start,end) ends ("NAIROBI, Feb 20 (Reuters) - ": the
 * first character after its separator), or -1 when the sentence opens with none. The dated kind is
 * the one the time stage marked (role "dateline"); an undated one ("NAIROBI (Reuters) -") is the
 * article's own (`article.dateline`, src/article/dateline.ts) when the sentence starts with it. The
 * dateline's place is where the dispatch was filed, not an actor of the sentence (the event coder
 * leaves the mentions before this offset out).
 */
export function datelineEnd(text: string, s: { start: number; end: number }, times: TimeExpr[], dateline?: { text: string } | null): number {
  const t = times.find((x) => x.role === 'dateline' && x.start >= s.start && x.end <= s.end);
  if (t) {
    // (only a dateline at the start of the sentence: its place and comma before the date)
    if (!/^\s*[A-Z][^\n]{0,60}$/.test(text.slice(s.start, t.start))) return -1;
    const m = AFTER_DATELINE_DATE.exec(text.slice(t.end, s.end));
    return m ? t.end + m[0].length : t.end;
  }
  const d = dateline?.text;
  if (!d) return -1;
  let k = s.start;
  while (k < s.end && /\s/.test(text[k]!)) k++;
  return text.startsWith(d, k) ? k + d.length : -1;
}
