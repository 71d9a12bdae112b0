// Recognisers: each rule is a regular expression over the whole text plus a function that checks
// the match in context and returns a candidate (or null). A candidate carries a `resolve`
// closure: the value depends on the reference date and on the tense of the clause, both
// supplied later (src/time/index.ts), so recognition stays independent of resolution.
// Overlaps are settled afterwards (longest wins); see refine.ts.

import type { TimePrecision } from '../types.js';
import type { TimeLexicon } from './lexicon.js';
import {
  type YMD, addDays, addMonths, fmtDay, fmtMonth, fmtWeek, fmtYear, isValid, p2, quarterOf, weekday,
} from './calendar.js';

export type Tense = 'past' | 'future' | 'present' | null;

export interface Ctx {
  ref: YMD | null;
  /** tense of the clause around the candidate (computed lazily: most rules never ask) */
  tense: () => Tense;
  /** true when that tense rests on weak evidence (see tense.ts) */
  tenseWeak: () => boolean;
  /** true for a date in a dateline: it can only be the publication day or before */
  dateline: boolean;
  /** the last date resolved before this expression, for anaphora ("the next day", "two years later") */
  anchor: { ymd: YMD; precision: 'day' | 'month' | 'year' } | null;
}

export interface Res {
  value: string | null;
  precision: TimePrecision | null;
  vague?: boolean;
  stated: string[];
  implied: string[];
  range?: { begin: string | null; end: string | null } | null;
}

export interface Cand {
  start: number;
  end: number;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** rule order: lower wins a tie between equally long candidates */
  prio: number;
  kind: string;
  resolve: (c: Ctx) => Res;
  role?: string | null;
  /** TIMEX3 mod (START, MID, END, APPROX …): kept internally, not part of TimeExpr */
  mod?: string | null;
  /** a range's two ends ("between 2012 and 2024" → 2012, 2024) */
  parts?: Cand[];
}

const FULL_DATE = ['year', 'month', 'day'];

// ---------------------------------------------------------------- helpers

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of words, longest first so the regex engine prefers "a few" over "a". */
const alt = (ws: Iterable<string>) => [...new Set(ws)].sort((a, b) => b.length - a.length).map((w) => esc(w).replace(/ /g, '\\s+')).join('|');

function wordBefore(text: string, i: number): string {
  const m = /([A-Za-z][A-Za-z.'’-]*)[\s,]*$/.exec(text.slice(Math.max(0, i - 40), i));
  return m ? m[1]! : '';
}
function wordAfter(text: string, i: number): string {
  const m = /^[\s]*([A-Za-z][A-Za-z'’-]*)/.exec(text.slice(i, i + 40));
  return m ? m[1]! : '';
}
const isCap = (w: string) => /^[A-Z]/.test(w);

/** Choose the year for a month(/day) with no year, from the tense of the clause. */
function yearFor(ref: YMD, m: number, d: number | null, t: Tense, rel: string | null, weak = false): number {
  const cmp = m !== ref.m ? m - ref.m : d == null ? 0 : d - ref.d; // <0: earlier in the year than ref
  if (rel === 'last' || rel === 'past') return cmp < 0 ? ref.y : ref.y - 1;
  if (rel === 'next' || rel === 'coming') return cmp > 0 ? ref.y : ref.y + 1;
  if (rel === 'this') return ref.y;
  // News talks about dates near its own: when the tense rests on weak evidence (an "-ed" word, a
  // far cue) and puts "Jan. 14" eleven months back while the next one is nine days ahead, the
  // near one wins. A clear cue ("met in June") is never overruled. Thresholds in months.
  const far = 8, near = 3;
  const dist = (y: number) => Math.abs((y - ref.y) * 12 + m - ref.m + (d == null ? 0 : (d - ref.d) / 31));
  if (t === 'past' || t === 'future') {
    const y = t === 'past' ? (cmp <= 0 ? ref.y : ref.y - 1) : (cmp >= 0 ? ref.y : ref.y + 1);
    const other = t === 'past' ? (cmp <= 0 ? ref.y + 1 : ref.y) : (cmp >= 0 ? ref.y - 1 : ref.y);
    return weak && dist(y) > far && dist(other) < near ? other : y;
  }
  // present or unknown: the nearest occurrence; a tie goes to the past (news mostly reports)
  const months = (y: number) => Math.abs((y - ref.y) * 12 + m - ref.m);
  const cands = [ref.y, ref.y - 1, ref.y + 1].sort((a, b) => months(a) - months(b) || a - b);
  return cands[0]!;
}

function weekdayDate(ref: YMD, w: number, t: Tense, rel: string | null): YMD {
  const rw = weekday(ref);
  const back = (rw - w + 7) % 7;
  const fwd = (w - rw + 7) % 7;
  if (rel === 'last' || rel === 'past') return addDays(ref, -(back || 7));
  if (rel === 'next' || rel === 'coming') return addDays(ref, fwd || 7);
  if (rel === 'this') return addDays(ref, w - rw);
  // with no future cue a bare weekday is the last one (news reports what happened); a deadline
  // (t === null from the tense finder) takes the nearest one
  if (t === 'future') return addDays(ref, fwd);
  if (t === null && fwd < back) return addDays(ref, fwd);
  return addDays(ref, -back);
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function seasonYear(ref: YMD, s: string, t: Tense, rel: string | null): number {
  const start = SEASON_START[s]!;
  const end = s === 'WI' ? 14 : start + 2; // winter runs into the next year's February
  const m = ref.m <= 2 && s === 'WI' ? ref.m + 12 : ref.m; // January 2026 is in winter 2025
  const base = ref.m <= 2 ? ref.y - 1 : ref.y;
  const y0 = s === 'WI' ? base : ref.y;
  const mm = s === 'WI' ? m : ref.m;
  if (rel === 'last' || rel === 'past') return end < mm ? y0 : y0 - 1;
  if (rel === 'next' || rel === 'coming') return start > mm ? y0 : y0 + 1;
  if (rel === 'this') return y0;
  if (t === 'future') return end >= mm ? y0 : y0 + 1;
  return start <= mm ? y0 : y0 - 1;
}

function quarterYear(ref: YMD, q: number, t: Tense): number {
  const rq = quarterOf(ref);
  if (t === 'future') return q >= rq ? ref.y : ref.y + 1;
  if (t === 'past') return q <= rq ? ref.y : ref.y - 1;
  // no tense cue: the nearest such quarter, a tie going to the past
  return q - rq <= 2 && q - rq >= -1 ? ref.y : q > rq ? ref.y - 1 : ref.y + 1;
}

function relUnit(ref: YMD, unit: string, n: number): { value: string; precision: TimePrecision } {
  switch (unit) {
    case 'D': return { value: fmtDay(addDays(ref, n)), precision: 'day' };
    case 'W': return { value: fmtWeek(addDays(ref, 7 * n)), precision: 'week' };
    case 'M': { const a = addMonths(ref, n); return { value: fmtMonth(a.y, a.m), precision: 'month' }; }
    case 'Q': { const a = addMonths(ref, 3 * n); return { value: `${fmtYear(a.y)}-Q${quarterOf(a)}`, precision: 'quarter' }; }
    case 'DE': return { value: String(Math.floor((ref.y + 10 * n) / 10)) + 'X', precision: 'decade' };
    case 'CE': return { value: p2(Math.floor((ref.y + 100 * n) / 100)), precision: 'century' };
    default: return { value: fmtYear(ref.y + n), precision: 'year' };
  }
}

function durationValue(n: number | null, unit: string): string {
  const x = n == null ? 'X' : String(n);
  if (unit === 'DE') return n == null ? 'PXY' : `P${n * 10}Y`; // decades are written as years
  if (unit === 'CE') return n == null ? 'PXCE' : `P${n * 100}Y`;
  if (unit === 'H' || unit === 'S' || unit === 'MIN') return `PT${x}${unit === 'MIN' ? 'M' : unit}`;
  return `P${x}${unit}`;
}

const unresolved = (stated: string[], implied: string[]): Res => ({ value: null, precision: null, stated, implied });

const RANK = { year: 0, month: 1, day: 2 } as const;
/** n units after (before, when negative) the last date mentioned, if that date is precise enough. */
function anaphoric(c: Ctx, unit: string, n: number): Res {
  const need = unit === 'D' || unit === 'W' ? 'day' : unit === 'M' ? 'month' : 'year';
  const a = c.anchor;
  if (!a || RANK[a.precision] < RANK[need]) return unresolved([], FULL_DATE);
  if (unit === 'D') return { value: fmtDay(addDays(a.ymd, n)), precision: 'day', stated: [], implied: FULL_DATE };
  if (unit === 'W') return { value: fmtWeek(addDays(a.ymd, 7 * n)), precision: 'week', stated: [], implied: FULL_DATE };
  if (unit === 'M') { const b = addMonths(a.ymd, n); return { value: fmtMonth(b.y, b.m), precision: 'month', stated: [], implied: ['year', 'month'] }; }
  if (unit === 'Y') return { value: fmtYear(a.ymd.y + n), precision: 'year', stated: [], implied: ['year'] };
  return unresolved([], FULL_DATE);
}

// ---------------------------------------------------------------- the rules

export interface Rule {
  name: string;
  re: RegExp;
  make: (m: RegExpExecArray, text: string) => Cand | Cand[] | null;
}

export function buildRules(lex: TimeLexicon): Rule[] {
  const MONTHS = alt(Object.keys(lex.months));
  const ABBR = alt(Object.keys(lex.monthAbbreviations));
  const MONTH = `(?:${MONTHS}|(?:${ABBR})\\.?)`;
  const WEEKDAY = alt(Object.keys(lex.weekdays));
  const DAYNUM = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
  const YEAR = '(?:1[0-9]{3}|20[0-9]{2})';
  const SEASON = alt(Object.keys(lex.seasons));
  const POD = alt(Object.keys(lex.partsOfDay));
  const numWords = Object.keys(lex.numbers).filter((w) => lex.numbers[w]! >= 1 || w === 'half a');
  // "twenty-four", "twenty four": tens may take a unit; "a five" must not become 6
  const TENS = alt(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
  const NUMW = `(?:(?:${TENS})[\\s-]+(?:${alt(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'])})|${alt(numWords.filter((w) => w !== 'hundred'))})`;
  const NUM = `(?:\\d+(?:\\.\\d+)?|\\d+\\s+1/2|${NUMW}(?:\\s+and\\s+a\\s+half)?|${alt(lex.vagueNumbers)})`;
  const UNITWORDS = ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'quarter', 'quarters'];
  const UNIT = alt(UNITWORDS);
  const ORD = alt(Object.keys(lex.ordinals));

  const monthNum = (w: string): number => {
    const k = w.toLowerCase().replace(/\.$/, '');
    return lex.months[k] ?? lex.monthAbbreviations[k] ?? 0;
  };
  const unitCode = (w: string): string => {
    const k = w.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
    if (k === 'minute') return 'MIN';
    return lex.units[k] ?? 'D';
  };
  const numVal = (w: string | undefined): number | null => {
    if (!w) return 1;
    const k = w.toLowerCase().replace(/\s+/g, ' ').trim();
    if (/^\d+(\.\d+)?$/.test(k)) return +k;
    const half = /^(\d+) 1\/2$/.exec(k);
    if (half) return +half[1]! + 0.5;
    const ah = /^(.*) and a half$/.exec(k);
    if (ah) { const b = numVal(ah[1]); return b == null ? null : b + 0.5; }
    if (k in lex.numbers) return lex.numbers[k]!;
    const parts = k.split(/[\s-]+/);
    if (parts.length === 2 && parts[0]! in lex.numbers && parts[1]! in lex.numbers) return lex.numbers[parts[0]!]! + lex.numbers[parts[1]!]!;
    return null; // several, few …
  };
  const AMBIG = new Set(lex.ambiguousMonths);
  const MONTH_CONTEXT = new Set(lex.monthContext);
  const YEAR_PREV = new Set(lex.yearBefore);
  const YEAR_BAD_PREV = new Set(lex.notYearBefore);

  let prio = 0;
  const rules: Rule[] = [];
  const rule = (name: string, src: string, make: Rule['make'], flags = 'gi') => {
    rules.push({ name, re: new RegExp(src, flags), make });
    prio++;
  };
  const P = () => prio;

  // ISO 8601 dates, with an optional clock time: "2013-03-12", "2013-03-12T10:31".
  rule('iso', `(?<![\\w/.:-])(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2}))?(?![\\w/]|-\\d)`, (m) => {
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    if (!isValid(y, mo, d)) return null;
    const time = m[4] != null;
    return {
      start: m.index, end: m.index + m[0].length, type: time ? 'TIME' : 'DATE', prio: P(), kind: 'iso',
      resolve: () => ({ value: time ? `${fmtDay({ y, m: mo, d })}T${m[4]}:${m[5]}` : fmtDay({ y, m: mo, d }), precision: time ? 'time' : 'day', stated: time ? [...FULL_DATE, 'hour', 'minute'] : FULL_DATE, implied: [] }),
    };
  });

  // Month-first: "(Thursday,) May 14(, 2026)", "Nov. 3", "Sept 30 2024".
  const monthDay = (start: number, end: number, monthW: string, dayW: string, yearW: string | undefined, weekdayW: string | undefined, text: string): Cand | null => {
    const mo = monthNum(monthW);
    const d = parseInt(dayW, 10);
    if (!mo || d < 1 || d > 31) return null;
    if (!isCap(monthW) && monthW !== monthW.toUpperCase()) return null;
    const y = yearW ? +yearW : null;
    if (y != null && !isValid(y, mo, d)) return null;
    if (y == null && d > 29 && !isValid(2000, mo, d)) return null;
    const after = text.slice(end, end + 3);
    if (/^[:.]\d/.test(after)) return null; // "May 14:30" is not a date, nor a version number
    const stated = ['month', 'day', ...(y != null ? ['year'] : []), ...(weekdayW ? ['weekday'] : [])];
    return {
      start, end, type: 'DATE', prio: P(), kind: 'monthday',
      resolve: (c) => {
        if (y != null) return { value: fmtDay({ y, m: mo, d }), precision: 'day', stated, implied: [] };
        if (!c.ref) return unresolved(stated, ['year']);
        let yy = yearFor(c.ref, mo, d, c.dateline ? 'past' : c.tense(), null, !c.dateline && c.tenseWeak());
        if (weekdayW) {
          // "Saturday, April 25": the year in which that day is a Saturday, nearest the reference
          const wd = lex.weekdays[weekdayW.toLowerCase()]!;
          const fit = [c.ref.y, c.ref.y - 1, c.ref.y + 1].find((y) => isValid(y, mo, d) && weekday({ y, m: mo, d }) === wd);
          if (fit != null) yy = fit;
        }
        if (!isValid(yy, mo, d)) return unresolved(stated, ['year']);
        return { value: fmtDay({ y: yy, m: mo, d }), precision: 'day', stated, implied: ['year'] };
      },
    };
  };
  rule('month-day', `\\b(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(${DAYNUM})(?![\\w])(?:,?\\s+(${YEAR})(?![\\w]))?`, (m, text) =>
    monthDay(m.index, m.index + m[0].length, m[2]!, m[3]!, m[4], m[1], text));
  // Day ranges within a month: "June 15-17", "June 15–17, 2026": one span, its two ends kept.
  rule('month-day-range', `\\b(${MONTH})\\s+(${DAYNUM})\\s*[-–]\\s*(${DAYNUM})(?![\\w-])(?:,?\\s+(${YEAR})(?![\\w]))?`, (m, text) => {
    const head = monthDay(m.index, m.index + m[0].search(/\s*[-–]/), m[1]!, m[2]!, m[4], undefined, text);
    const d2 = parseInt(m[3]!, 10);
    if (!head || d2 <= parseInt(m[2]!, 10) || d2 > 31) return null;
    const tailStart = m.index + m[0].indexOf(m[3]!, m[1]!.length + m[2]!.length);
    const tail: Cand = {
      start: tailStart, end: tailStart + m[3]!.length, type: 'DATE', prio: P(), kind: 'monthday',
      resolve: (c) => {
        const h = head.resolve(c);
        const v = h.value ? `${h.value.slice(0, 8)}${p2(d2)}` : null;
        return { value: v && isValid(+v.slice(0, 4), +v.slice(5, 7), d2) ? v : null, precision: 'day', stated: ['day'], implied: ['year', 'month'] };
      },
    };
    return {
      start: m.index, end: m.index + m[0].length, type: 'DURATION', prio: P(), kind: 'range', role: 'range', parts: [head, tail],
      resolve: (c) => {
        const a = head.resolve(c);
        const b = tail.resolve(c);
        return { value: a.value && b.value ? `P${d2 - parseInt(m[2]!, 10) + 1}D` : null, precision: 'day', stated: a.stated, implied: a.implied, range: { begin: a.value, end: b.value } };
      },
    };
  });
  // Day-first: "14 May 2026", "the 14th of May", "Thursday 14 May".
  rule('day-month', `\\b(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(${DAYNUM})(?:\\s+of)?\\s+(${MONTH})(?![\\w])(?:,?\\s+(${YEAR})(?![\\w]))?`, (m, text) => {
    const b = text.slice(Math.max(0, m.index - 2), m.index);
    if (/\d[,.]$/.test(b)) return null; // "1,14 May" is not a date
    return monthDay(m.index, m.index + m[0].length, m[3]!, m[2]!, m[4], m[1], text);
  });
  // Month and year: "March 2019", "Jan. 2020", "May of 2019".
  rule('month-year', `\\b(${MONTH})(?:\\s+of)?,?\\s+(${YEAR})(?![\\w])`, (m) => {
    const mo = monthNum(m[1]!);
    if (!mo || !isCap(m[1]!)) return null;
    const y = +m[2]!;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'monthyear', resolve: () => ({ value: fmtMonth(y, mo), precision: 'month', stated: ['year', 'month'], implied: [] }) };
  });
  // Month with a relative year: "January this year", "June last year".
  rule('month-rel-year', `\\b(${MONTHS})\\s+(?:of\\s+)?(this|last|next)\\s+year\\b`, (m) => {
    if (!isCap(m[1]!)) return null;
    const mo = monthNum(m[1]!);
    const dy = ({ this: 0, last: -1, next: 1 } as Record<string, number>)[m[2]!.toLowerCase()]!;
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'monthyear',
      resolve: (c) => c.ref ? { value: fmtMonth(c.ref.y + dy, mo), precision: 'month', stated: ['month'], implied: ['year'] } : unresolved(['month'], ['year']),
    };
  });
  // Bare month, possibly with last/next/this: "in March", "last July", "this September".
  rule('month', `\\b(?:(last|next|this|this\\s+past|this\\s+coming|the\\s+coming|the\\s+past)\\s+)?(${MONTHS})\\b(?!-)`, (m, text) => {
    const w = m[2]!;
    if (!isCap(w)) return null; // "may", "march" in lower case are words
    const mo = monthNum(w);
    const rel = m[1] ? m[1].toLowerCase().replace(/\s+/g, ' ').replace(/^this (past|coming)$/, (_, x: string) => (x === 'past' ? 'last' : 'next')).replace(/^the /, '') : null;
    if (!rel) {
      const prev = wordBefore(text, m.index);
      const prevL = prev.toLowerCase().replace(/-$/, '');
      const next = wordAfter(text, m.index + m[0].length);
      if (isCap(next) && !(next.toLowerCase() in lex.months)) return null; // "April Ryan", "June Carter"
      if (AMBIG.has(w.toLowerCase()) && !MONTH_CONTEXT.has(prevL)) return null; // "Theresa May said"
      if (prev && isCap(prev) && !MONTH_CONTEXT.has(prevL) && !/[.!?:;"“]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
    }
    const stated = ['month'];
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'month',
      resolve: (c) => {
        if (!c.ref) return unresolved(stated, ['year']);
        return { value: fmtMonth(yearFor(c.ref, mo, null, c.dateline ? 'past' : c.tense(), rel, !c.dateline && c.tenseWeak()), mo), precision: 'month', stated, implied: ['year'] };
      },
    };
  });

  // Decades: "the 1990s", "the '90s", "the early 2000s".
  rule('decade', `(?:\\bthe\\s+)?(?:(early|mid|late)[-\\s]+)?(?:(\\d{3})0|['’](\\d)0|(?<=\\b(?:the|and|or|of)\\s+)([2-9])0)['’]?s\\b`, (m) => {
    const d2 = m[3] ?? m[4];
    const three = m[2] ?? (d2 ? (+d2 >= 3 ? '19' : '20') + d2 : null);
    if (!three) return null;
    const mod = m[1] ? ({ early: 'START', mid: 'MID', late: 'END' } as Record<string, string>)[m[1].toLowerCase()]! : null;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'decade', mod, resolve: () => ({ value: `${three}X`, precision: 'decade', stated: ['decade'], implied: [] }) };
  });
  // Two-digit years after a preposition: "since '82", "in ’98".
  rule('year-2', `(?<=\\b(?:since|in|of|from|until|by|to|and)\\s+)['’](\\d{2})\\b(?!['’]?s)`, (m) => {
    const y = (+m[1]! >= 30 ? '19' : '20') + m[1];
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'year', resolve: () => ({ value: y, precision: 'year', stated: ['year'], implied: [] }) };
  });
  // Centuries: "the 20th century", "the nineteenth century".
  rule('century', `\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)[-\\s]+century\\b|\\b(?:the\\s+)?(${alt(['eighteenth', 'nineteenth', 'twentieth', 'twenty-first', 'twenty first'])})[-\\s]+century\\b`, (m) => {
    const n = m[1] ? +m[1] : ({ eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21 } as Record<string, number>)[m[2]!.toLowerCase().replace(/\s+/g, ' ')]!;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'century', resolve: () => ({ value: p2(n - 1), precision: 'century', stated: ['century'], implied: [] }) };
  });

  // Quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1997",
  // "1997's first half", "this year's third quarter", "the fiscal first quarter", "Q3 2024".
  rule('quarter', `\\b(?:the\\s+)?(?:(${YEAR})(?:['’]s)?\\s+|(this|last|next)\\s+year['’]s\\s+)?(?:fiscal\\s+)?(${ORD}|final)[-\\s]+(quarter|half)\\b(?:\\s+of\\s+(?:fiscal\\s+)?(?:(${YEAR})|(this|last|next)\\s+year))?`, (m) => {
    const half = m[4]!.toLowerCase() === 'half';
    const n = m[3]!.toLowerCase() === 'final' ? (half ? 2 : 4) : lex.ordinals[m[3]!.toLowerCase()]!;
    if (n > (half ? 2 : 4)) return null;
    const yearW = m[1] ?? m[5];
    const rel = (m[2] ?? m[6])?.toLowerCase() ?? null;
    const code = half ? `H${n}` : `Q${n}`;
    const stated = half ? ['half'] : ['quarter'];
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'quarter',
      resolve: (c) => {
        if (yearW) return { value: `${yearW}-${code}`, precision: 'quarter', stated: [...stated, 'year'], implied: [] };
        if (!c.ref) return unresolved(stated, ['year']);
        const y = rel === 'last' ? c.ref.y - 1 : rel === 'next' ? c.ref.y + 1 : rel === 'this' ? c.ref.y : half ? c.ref.y : quarterYear(c.ref, n, c.tense());
        return { value: `${fmtYear(y)}-${code}`, precision: 'quarter', stated, implied: rel ? [] : ['year'] };
      },
    };
  });
  rule('q-year', `\\bQ([1-4])\\s+(${YEAR})\\b|\\b(${YEAR})\\s+Q([1-4])\\b`, (m) => {
    const q = m[1] ?? m[4];
    const y = m[2] ?? m[3];
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'quarter', resolve: () => ({ value: `${y}-Q${q}`, precision: 'quarter', stated: ['quarter', 'year'], implied: [] }) };
  });
  // The quarter being reported: "the quarter", "the latest quarter", "the current quarter".
  rule('the-quarter', `\\bthe\\s+(?:(latest|current|last|previous|past|same|recent|most\\s+recent|year-ago|year-earlier|prior-year|comparable)\\s+)?(quarter|period)\\b`, (m) => {
    const mod = m[1]?.toLowerCase().replace(/\s+/g, ' ') ?? '';
    const isPeriod = m[2]!.toLowerCase() === 'period';
    if (isPeriod && !/latest|year-ago|year-earlier|prior-year|comparable|same/.test(mod)) return null;
    const yearAgo = /year-ago|year-earlier|prior-year|comparable|same/.test(mod);
    if (mod === 'same' && !isPeriod) return null;
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: yearAgo ? 'year-ago-quarter' : 'the-quarter',
      resolve: (c) => {
        if (!c.ref) return unresolved(['quarter'], ['year']);
        // News reports a quarter once it is over: "the quarter" is the last completed one,
        // unless the clause looks ahead ("the current quarter", "will … in the quarter").
        let a = mod === 'current' || c.tense() === 'future' ? c.ref : addMonths(c.ref, -3);
        if (yearAgo) a = addMonths(a, -12);
        return { value: `${fmtYear(a.y)}-Q${quarterOf(a)}`, precision: 'quarter', stated: ['quarter'], implied: ['year'] };
      },
    };
  });

  // Relative periods: "last year", "this week", "next month", "earlier this month",
  // "late last year", "the past year" (a duration in TimeML), "this past spring".
  rule('rel-period', `\\b(?:(early|late|earlier|later|mid)[-\\s]+)?(last|next|this|this\\s+past|this\\s+coming|the\\s+past|the\\s+last|the\\s+previous|the\\s+coming|the\\s+current|the\\s+next|the\\s+prior)\\s+(year|month|week|weekend|decade|century|${SEASON})\\b(?!-)`, (m) => {
    const pre = m[1]?.toLowerCase() ?? null;
    const rel = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const unitW = m[3]!.toLowerCase();
    if (/^the (last|past|next)$/.test(rel)) {
      // "the past year" = the year up to now: a duration; "the next month" likewise
      if (pre) return null;
      if (unitW in lex.seasons || unitW === 'weekend') return null;
      const u = unitW === 'decade' ? 'DE' : unitW === 'century' ? 'CE' : lex.units[unitW]!;
      return { start: m.index, end: m.index + m[0].length, type: 'DURATION', prio: P(), kind: 'duration', resolve: () => ({ value: durationValue(1, u), precision: null, stated: ['duration'], implied: [] }) };
    }
    const dir = /last|previous|past|prior/.test(rel) ? -1 : /next|coming/.test(rel) ? 1 : 0;
    const mod = pre ? ({ early: 'START', earlier: 'START', late: 'END', later: 'END', mid: 'MID' } as Record<string, string>)[pre]! : null;
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'rel-period', mod,
      resolve: (c) => {
        if (!c.ref) return unresolved([], ['year']);
        const ref = c.ref;
        if (unitW in lex.seasons) {
          const s = lex.seasons[unitW]!;
          const y = seasonYear(ref, s, c.tense(), dir < 0 ? 'last' : dir > 0 ? 'next' : 'this');
          return { value: `${fmtYear(y)}-${s}`, precision: 'season', stated: ['season'], implied: ['year'] };
        }
        if (unitW === 'weekend') {
          // the weekend of the ISO week: Saturday/Sunday; "last weekend" seen from a weekday is the one just past
          const wd = weekday(ref);
          let base = ref;
          if (dir < 0) base = addDays(ref, wd >= 6 ? -7 : -wd);
          else if (dir > 0) base = addDays(ref, wd >= 6 ? 7 : 7 - wd + 1);
          return { value: `${fmtWeek(base)}-WE`, precision: 'week', stated: ['weekend'], implied: ['year', 'week'] };
        }
        const u = unitW === 'decade' ? 'DE' : unitW === 'century' ? 'CE' : lex.units[unitW]!;
        const r = relUnit(ref, u, dir);
        return { value: r.value, precision: r.precision, stated: [], implied: ['year', ...(u === 'M' ? ['month'] : u === 'W' ? ['week'] : [])] };
      },
    };
  });

  // "the weekend", "over the weekend": the weekend just past, or the next one in a future clause.
  rule('the-weekend', `\\bthe\\s+weekend\\b`, (m) => ({
    start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'weekend',
    resolve: (c) => {
      if (!c.ref) return unresolved(['weekend'], ['year', 'week']);
      const wd = weekday(c.ref);
      const base = c.tense() === 'future' ? (wd >= 6 ? c.ref : addDays(c.ref, 6 - wd)) : wd >= 6 ? c.ref : addDays(c.ref, -wd);
      return { value: `${fmtWeek(base)}-WE`, precision: 'week', stated: ['weekend'], implied: ['year', 'week'] };
    },
  }));
  // "the year" of a report: "for the year ended Sept. 30" (a year-long period: P1Y), "for the full
  // year", "a high for the year" (the current year). Not "the year 2000", "the year before".
  rule('the-year', `\\bthe\\s+(?:(full|fiscal|calendar|current|entire|whole)\\s+)?year\\b(?![-'’]|\\s+(?:\\d|before|after|earlier|later|ago|previous|of\\s+the\\b))`, (m, text) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    const period = /^\s+(?:ended|ending|to\s+[A-Z])/.test(after);
    if (period) return { start: m.index, end: m.index + m[0].length, type: 'DURATION', prio: P(), kind: 'duration', resolve: () => ({ value: 'P1Y', precision: null, stated: ['duration'], implied: [] }) };
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'the-year',
      resolve: (c) => c.ref ? { value: fmtYear(c.ref.y), precision: 'year', stated: [], implied: ['year'] } : unresolved([], ['year']),
    };
  });
  // "the day" of the story: "ended the day up 2%", "for the day", "later in the day".
  rule('the-day', `(?<=\\b(?:end|ended|ending|ends|finish|finished|for|in|during|of|start|started|open|opened|close|closed)\\s+)the\\s+day\\b(?!\\s+(?:before|after|of|when|that|on))`, (m) => ({
    start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'the-day',
    resolve: (c) => (c.ref ? { value: fmtDay(c.ref), precision: 'day', stated: [], implied: FULL_DATE } : unresolved([], FULL_DATE)),
  }));
  // "the month" after "end of"/"rest of"…: the current month ("by the end of the month").
  rule('the-month', `(?<=\\b(?:end|beginning|start|middle|rest|remainder|course)\\s+of\\s+)the\\s+month\\b`, (m) => ({
    start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'the-year',
    resolve: (c) => (c.ref ? { value: fmtMonth(c.ref.y, c.ref.m), precision: 'month', stated: [], implied: ['year', 'month'] } : unresolved([], ['year', 'month'])),
  }));
  // A day of the month alone: "on the 14th", "by the 3rd": the month (and year) from the tense.
  rule('day-only', `(?<=\\b(?:on|by|until|since|from|before|after)\\s+)the\\s+([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)\\b(?!\\s+(?:of\\b|century|anniversary|floor|time|round|day|year|amendment)|\\s+(?!(?:and|or|at|in|when|after|before|but|as|to|that|with|amid)\\b)[a-z])`, (m) => {
    const d = +m[1]!;
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'monthday',
      resolve: (c) => {
        if (!c.ref) return unresolved(['day'], ['year', 'month']);
        const t = c.tense();
        // this month's day, or the month before/after when the tense says the day is past/ahead
        let a: YMD = { y: c.ref.y, m: c.ref.m, d };
        if (t === 'past' && d > c.ref.d) a = { ...addMonths({ y: c.ref.y, m: c.ref.m, d: 1 }, -1), d };
        else if (t === 'future' && d < c.ref.d) a = { ...addMonths({ y: c.ref.y, m: c.ref.m, d: 1 }, 1), d };
        if (!isValid(a.y, a.m, a.d)) return unresolved(['day'], ['year', 'month']);
        return { value: fmtDay(a), precision: 'day', stated: ['day'], implied: ['year', 'month'] };
      },
    };
  });
  // "annual" (TimeML tags it as a one-year duration: "annual profit")
  rule('annual', `\\bannual\\b(?!-)`, (m) => ({ start: m.index, end: m.index + m[0].length, type: 'DURATION', prio: P(), kind: 'duration', resolve: () => ({ value: 'P1Y', precision: null, stated: ['duration'], implied: [] }) }));
  // Days named relative to today: "today", "yesterday", "tomorrow", "tonight", "last night",
  // "this morning", "yesterday afternoon", "earlier today", "late yesterday".
  rule('deictic-day', `\\b(?:(early|late|earlier|later)\\s+)?(today|tonight|yesterday|tomorrow|the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|last\\s+night|this\\s+(?:${POD}))(?:\\s+(${POD}))?\\b(?!['’]s\\s+(?:show|paper))`, (m, text) => {
    const w = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    if (w === 'today' && /\b(?:USA|Russia|China)\s+$/.test(text.slice(Math.max(0, m.index - 8), m.index))) return null; // "USA Today", "Russia Today"
    if (w === 'today' && isCap(m[2]!) && /^\s+(?:show|newspaper)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
    const off = /before yesterday/.test(w) ? -2 : /after tomorrow/.test(w) ? 2 : w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
    const podW = m[3]?.toLowerCase() ?? (w === 'tonight' || w === 'last night' ? 'night' : w.startsWith('this ') ? w.slice(5) : null);
    const pod = podW ? lex.partsOfDay[podW] ?? null : null;
    return {
      start: m.index, end: m.index + m[0].length, type: pod ? 'TIME' : 'DATE', prio: P(), kind: 'deictic',
      resolve: (c) => {
        if (!c.ref) return unresolved([], FULL_DATE);
        const d = fmtDay(addDays(c.ref, off));
        return { value: pod ? `${d}T${pod}` : d, precision: pod ? 'time' : 'day', stated: pod ? ['partOfDay'] : [], implied: FULL_DATE };
      },
    };
  });

  // Weekdays: "Thursday", "last Friday", "next Tuesday", "Friday morning".
  rule('weekday', `\\b(?:(last|next|this|this\\s+past|this\\s+coming|early|late)\\s+)?(${WEEKDAY})(?:\\s+(${POD}))?\\b`, (m, text) => {
    const w = m[2]!;
    if (!isCap(w)) return null;
    const prev = text.slice(Math.max(0, m.index - 12), m.index);
    if (/\b(?:every|each)\s+$/i.test(prev)) return null; // a set, see below
    if (/^['’]?s?\s*(?:[A-Z][a-z]+)/.test(text.slice(m.index + m[0].length)) && /^\s+(?:Times|Telegraph|Post|Mail|Express|Club)/.test(text.slice(m.index + m[0].length))) return null; // "Sunday Times"
    if (/\bBlack\s+$|\bGood\s+$|\bAsh\s+$|\bBloody\s+$|\bSuper\s+$|\bCyber\s+$/.test(prev)) return null; // named days
    const relW = m[1]?.toLowerCase().replace(/\s+/g, ' ') ?? null;
    const rel = relW === 'this past' ? 'last' : relW === 'this coming' ? 'next' : relW === 'early' || relW === 'late' ? null : relW;
    const wd = lex.weekdays[w.toLowerCase()]!;
    const pod = m[3] ? lex.partsOfDay[m[3].toLowerCase()] ?? null : null;
    return {
      start: m.index, end: m.index + m[0].length, type: pod ? 'TIME' : 'DATE', prio: P(), kind: 'weekday',
      resolve: (c) => {
        if (!c.ref) return unresolved(['weekday'], FULL_DATE);
        const d = fmtDay(weekdayDate(c.ref, wd, c.dateline ? 'past' : c.tense(), rel));
        return { value: pod ? `${d}T${pod}` : d, precision: pod ? 'time' : 'day', stated: ['weekday', ...(pod ? ['partOfDay'] : [])], implied: FULL_DATE };
      },
    };
  });

  // Seasons: "in the summer", "spring 2024", "the winter of 1994", "early spring".
  rule('season', `\\b(?:(the)\\s+)?(?:(early|late|mid)[-\\s]+)?(${SEASON})(?:\\s+(?:of\\s+)?(${YEAR})(?![\\w]))?\\b`, (m, text) => {
    const y = m[4] ? +m[4] : null;
    const prev = wordBefore(text, m.index).toLowerCase();
    if (y == null && !['in', 'during', 'this', 'by', 'until', 'since', 'over', 'through', 'throughout'].includes(prev)) return null;
    if (isCap(m[3]!) && !/^[.!?"“\s]*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && y == null) return null; // "Arab Spring"
    const s = lex.seasons[m[3]!.toLowerCase()]!;
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'season',
      resolve: (c) => {
        if (y != null) return { value: `${fmtYear(y)}-${s}`, precision: 'season', stated: ['season', 'year'], implied: [] };
        if (!c.ref) return unresolved(['season'], ['year']);
        return { value: `${fmtYear(seasonYear(c.ref, s, c.tense(), null))}-${s}`, precision: 'season', stated: ['season'], implied: ['year'] };
      },
    };
  });

  // Holidays with a fixed date: "Christmas", "New Year's Day".
  rule('holiday', `\\b(${alt(Object.keys(lex.holidays))})\\b`, (m) => {
    if (!isCap(m[1]!)) return null;
    const [mo, d] = lex.holidays[m[1]!.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")]!.split('-').map(Number) as [number, number];
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'holiday',
      resolve: (c) => c.ref ? { value: fmtDay({ y: yearFor(c.ref, mo, d, c.tense(), null, c.tenseWeak()), m: mo, d }), precision: 'day', stated: ['month', 'day'], implied: ['year'] } : unresolved(['month', 'day'], ['year']),
    };
  }, 'g');

  // "N units ago/earlier/before/later": dates counted from the article date.
  rule('ago', `\\b(?:(about|around|nearly|almost|some|roughly|more\\s+than|less\\s+than|over|just\\s+over|just|only)\\s+)?(?:(${NUM})[\\s-]+)?(${UNIT})\\s+(ago|earlier|before|later|after|from\\s+now|hence)\\b`, (m, text) => {
    const dirW = m[4]!.toLowerCase();
    const unitW = m[3]!.toLowerCase();
    if ((dirW === 'before' || dirW === 'after') && !/^\s*[,.;]|^\s*$/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) return null; // "two days before the vote" is anchored on the vote
    const plural = /s$/.test(unitW);
    const n = m[2] ? numVal(m[2]) : plural ? null : 1;
    const u = unitCode(unitW);
    const sign = /ago|earlier|before/.test(dirW) ? -1 : 1;
    const mod = m[1] ? (/more|over/.test(m[1]) ? 'MORE_THAN' : /less/.test(m[1]) ? 'LESS_THAN' : 'APPROX') : null;
    return {
      start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'ago', mod,
      resolve: (c) => {
        if (n == null || !Number.isInteger(n)) return { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', precision: null, vague: true, stated: [], implied: [] };
        // "two years later" counts from the last date mentioned, not from the article date
        if (sign > 0 && /later|after/.test(dirW)) return anaphoric(c, u, n);
        if (!c.ref) return unresolved([], FULL_DATE);
        if (u === 'H' || u === 'MIN' || u === 'S') return { value: fmtDay(c.ref), precision: 'day', stated: [], implied: FULL_DATE };
        // "a decade ago" is a year (1989), not the decade 198X
        if (u === 'DE' || u === 'CE') return { value: fmtYear(c.ref.y + sign * n * (u === 'DE' ? 10 : 100)), precision: 'year', stated: [], implied: ['year'] };
        const r = relUnit(c.ref, u, sign * n);
        if (u === 'W') return { value: fmtDay(addDays(c.ref, sign * 7 * n)), precision: 'day', stated: [], implied: FULL_DATE };
        return { value: r.value, precision: r.precision, stated: [], implied: ['year', ...(u === 'M' ? ['month'] : u === 'D' ? ['month', 'day'] : [])] };
      },
    };
  });

  // Anaphora: "the next day", "the following year", "the day before", "that week": counted from
  // the last date mentioned; unresolved (null) when there is none precise enough.
  rule('anaphoric', `\\bthe\\s+(next|following|previous|preceding|prior|same)\\s+(day|week|month|year)\\b|\\bthe\\s+day\\s+(before|after)\\b(?!\\s+(?:yesterday|tomorrow|the|a|his|her|its|their))|\\bthat\\s+(day|week|month|year)\\b`, (m) => {
    const rel = (m[1] ?? m[3] ?? 'same').toLowerCase();
    const unitW = (m[2] ?? (m[3] ? 'day' : m[4]!)).toLowerCase();
    const n = /next|following|after/.test(rel) ? 1 : /previous|preceding|prior|before/.test(rel) ? -1 : 0;
    const u = lex.units[unitW]!;
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'anaphoric', resolve: (c) => anaphoric(c, u, n) };
  });

  // "year-ago", "year-earlier" as adjectives (financial reporting): the same period a year before.
  rule('year-ago', `\\b(?:a\\s+)?year[-\\s](?:ago|earlier)\\b(?:\\s+(?:quarter|period|third\\s+quarter|fourth\\s+quarter|first\\s+quarter|second\\s+quarter))?`, (m) => ({
    start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'year-ago',
    resolve: (c) => c.ref ? { value: fmtYear(c.ref.y - 1), precision: 'year', stated: [], implied: ['year'] } : unresolved([], ['year']),
  }));

  // Sets: "every year", "each Thursday", "every two weeks", "per month", "each July".
  rule('set', `\\b(every|each|per|a)\\s+(?:other\\s+)?(?:(${NUM})\\s+)?(${UNIT}|${WEEKDAY}|${MONTHS})\\b`, (m, text) => {
    const q = m[1]!.toLowerCase();
    const w = m[3]!;
    const wl = w.toLowerCase();
    if (q === 'a' || q === 'per') {
      // "15 a year", "twice a week", "$3 per day": a rate
      if (!/(?:\d|times|once|twice|percent|%|\bdollars?|cents?)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index)) && q === 'a') return null;
      if (!(wl.replace(/s$/, '') in lex.units)) return null;
    }
    const other = /other/i.test(m[0]);
    let value: string;
    if (wl in lex.weekdays) value = `XXXX-WXX-${lex.weekdays[wl]}`;
    else if (wl in lex.months) { if (!isCap(w)) return null; value = `XXXX-${p2(lex.months[wl]!)}`; }
    else {
      const n = m[2] ? numVal(m[2]) : 1;
      value = durationValue(n == null ? null : n * (other ? 2 : 1), unitCode(wl));
    }
    return { start: m.index, end: m.index + m[0].length, type: 'SET', prio: P(), kind: 'set', resolve: () => ({ value, precision: null, stated: [], implied: [] }) };
  });
  rule('weekday-set', `\\b(${WEEKDAY})s\\b(?:\\s+(${POD})s?)?`, (m) => {
    if (!isCap(m[1]!)) return null;
    const pod = m[2] ? lex.partsOfDay[m[2].toLowerCase()] : null;
    const value = `XXXX-WXX-${lex.weekdays[m[1]!.toLowerCase()]}${pod ? 'T' + pod : ''}`;
    return { start: m.index, end: m.index + m[0].length, type: 'SET', prio: P(), kind: 'set', resolve: () => ({ value, precision: null, stated: [], implied: [] }) };
  });
  rule('set-word', `\\b(${alt(Object.keys(lex.sets))})\\b`, (m, text) => {
    // capitalised inside a sentence it is a name ("China Daily", "The Weekly Standard")
    if (isCap(m[1]!) && !/(?:^|[.!?:"“]\s*|\n\s*)$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
    const value = lex.sets[m[1]!.toLowerCase()]!;
    return { start: m.index, end: m.index + m[0].length, type: 'SET', prio: P(), kind: 'set', resolve: () => ({ value, precision: null, stated: [], implied: [] }) };
  });

  // Durations: "three months", "20-year", "two decades", "24 hours", "the first nine months",
  // "a few days", "several years", "more than four hours", "40-year-old".
  rule('duration', `\\b(?:(about|around|nearly|almost|some|roughly|more\\s+than|less\\s+than|over|at\\s+least|up\\s+to|the\\s+(?:past|last|next|first|previous|coming|latest|final|remaining|entire|full|whole))\\s+)?(${NUM})[\\s-]+(?:(?:straight|consecutive|successive|more|full|additional|further|long|short|trading|working|business)\\s+)?(${UNIT})(?:-long)?\\b(?!-old|\\s+old\\b)`, (m, text) => { // an age ("52 years old") is not a time
    const numW = m[2]!;
    const unitW = m[3]!.toLowerCase();
    const n = numVal(numW);
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/[\d.,$]$/.test(before)) return null;
    if (/^(a|an)$/i.test(numW) && /s$/.test(unitW)) return null;
    if (/^(a|an|one)$/i.test(numW) && unitW === 'second') return null; // "a second round" is an ordinal
    if (/^quarters?$/.test(unitW) && /^\s+of\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null; // three-quarters of
    const u = unitCode(unitW);
    // "may one day fade", "will one day be": an unspecified future, not a one-day duration
    if (/^one$/i.test(numW) && unitW === 'day' && /\b(?:may|might|will|could|would|should|can|shall)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) {
      return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'vague', resolve: () => ({ value: 'FUTURE_REF', precision: null, vague: true, stated: [], implied: [] }) };
    }
    return {
      start: m.index, end: m.index + m[0].length, type: 'DURATION', prio: P(), kind: 'duration',
      resolve: () => ({ value: durationValue(n, u), precision: null, stated: ['duration'], implied: [] }),
    };
  });
  // Bare plural units after a preposition: "for years", "within weeks".
  rule('duration-bare', `\\b(?:for|over|within|in|after)\\s+(years|months|weeks|days|decades|hours|minutes|centuries)\\b(?!\\s+(?:ago|of|to|earlier|later))|\\b(years|months|weeks|decades|centuries)-long\\b`, (m) => {
    if (m[2]) {
      const u2 = unitCode(m[2]);
      return { start: m.index, end: m.index + m[0].length, type: 'DURATION', prio: P(), kind: 'duration', resolve: () => ({ value: durationValue(null, u2), precision: null, stated: ['duration'], implied: [] }) };
    }
    const w = m[1]!;
    const s = m.index + m[0].length - w.length;
    const u = unitCode(w);
    return { start: s, end: s + w.length, type: 'DURATION', prio: P(), kind: 'duration', resolve: () => ({ value: durationValue(null, u), precision: null, stated: ['duration'], implied: [] }) };
  });

  // Vague references: "now", "recently", "the past", "the future", "currently", "soon".
  for (const [value, list] of Object.entries(lex.vague) as [string, string[]][]) {
    rule(`vague-${value}`, `\\b(${alt(list)})\\b(?!-|['’]s\\b)`, (m, text) => {
      const w = m[1]!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (w === 'future') return null; // the adjective ("future plans") dates nothing; "the future" does
      if ((w === 'soon' || w === 'shortly') && /^\s+(?:after|before|afterwards|thereafter)\b/.test(after)) return null; // relative to an event, not to now
      if (w === 'current') {
        // adjectives: only before a noun ("current talks", "future plans"), not "current account"
        if (!/^\s+[a-z]/.test(after) || /^\s+(?:accounts?|affairs)\b/.test(after)) return null;
      }
      if (w === 'the past' && /^\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day)/i.test(after)) return null;
      return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'vague', resolve: () => ({ value, precision: null, vague: true, stated: [], implied: [] }) };
    });
  }

  // Split years: "2019-20", "the 2025/26 budget", "1998–99": a range of two years, ends kept.
  rule('year-span', `(?<![\\w$£€#.,/:@-])(${YEAR})[-–/](\\d{2})(?![\\w/%-]|[.,]\\d)`, (m) => {
    const y1 = +m[1]!;
    const y2 = Math.floor(y1 / 100) * 100 + +m[2]!;
    if (y2 !== y1 + 1) return null; // "2019-20", not a page range or a score
    const a: Cand = { start: m.index, end: m.index + 4, type: 'DATE', prio: P(), kind: 'year', resolve: () => ({ value: String(y1), precision: 'year', stated: ['year'], implied: [] }) };
    const b: Cand = { start: m.index + 5, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'year', resolve: () => ({ value: String(y2), precision: 'year', stated: ['year'], implied: [] }) };
    return {
      start: m.index, end: m.index + m[0].length, type: 'DURATION', prio: P(), kind: 'range', role: 'range', parts: [a, b],
      resolve: () => ({ value: 'P1Y', precision: 'year', stated: ['year'], implied: [], range: { begin: String(y1), end: String(y2) } }), // as "from 2019 to 2020"
    };
  });
  // Years spelled out, as in broadcast transcripts: "in nineteen ninety-six", "January two thousand
  // one". Only after a month or a word that introduces a year, like digit years below.
  const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  const TENS2 = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const TWO = `(?:(?:${alt(TENS2)})(?:[\\s-]+(?:${alt(UNITS)}))?|${alt(TEENS)}|oh[\\s-]+(?:${alt(UNITS)}))`;
  rule('year-words', `\\b(?:(nineteen|twenty)[\\s-]+(${TWO})|two\\s+thousand(?:\\s+(?:and\\s+)?(${alt([...UNITS, ...TEENS])}))?)\\b`, (m, text) => {
    const prev = wordBefore(text, m.index).toLowerCase();
    if (!(YEAR_PREV.has(prev) || prev in lex.months) || prev === 'a' || prev === 'the') return null;
    const word = (w: string): number => {
      const parts = w.toLowerCase().split(/[\s-]+/).filter((x) => x !== 'oh');
      return parts.reduce((a, x) => a + (lex.numbers[x] ?? 0), 0);
    };
    const y = m[1] ? (m[1].toLowerCase() === 'nineteen' ? 1900 : 2000) + word(m[2]!) : 2000 + (m[3] ? word(m[3]) : 0);
    return { start: m.index, end: m.index + m[0].length, type: 'DATE', prio: P(), kind: 'year', resolve: () => ({ value: String(y), precision: 'year', stated: ['year'], implied: [] }) };
  });
  // Years: "in 2024", "2021", "fiscal 1989", "mid-2023"; not "2024 soldiers", "2,024", "555-2024".
  rule('year', `(?<![\\w$£€#.,/:@])(?<!\\d[-–])(${YEAR})(?![\\w/%]|[.,]\\d|:\\d|\\s*(?:%|percent|per\\s+cent))`, (m, text) => {
    const prev = wordBefore(text, m.index).toLowerCase().replace(/-$/, '');
    const pch = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.slice(m.index + 4, m.index + 30);
    if (YEAR_BAD_PREV.has(prev)) return null;
    const prevOk = YEAR_PREV.has(prev) || /['’]s$/.test(prev) || prev in lex.months || prev.replace(/\.$/, '') in lex.monthAbbreviations || /(?:mid|early|late)-$/i.test(text.slice(Math.max(0, m.index - 6), m.index)) || /\($/.test(pch);
    const nextOk = /^(?:\s*[.,;:)!?"”'’\]]|\s*$|[ \t]*\n|['’]s\b|\s*[-–]\s*\d|\s+(?:and|to|or|through|when|after|before|until|while|as|because|but|for|with|at|in|on|by|under|amid|following)\b)/.test(after);
    if (!prevOk && !nextOk) return null;
    const y = m[1]!;
    // a number before 1500 with no word introducing a year ("in 1201") is a section, model or count ("the DMCA
    // 1201.", "§ 1201"): news names a medieval year only with one
    if (!prevOk && +y < 1500) return null;
    return { start: m.index, end: m.index + 4, type: 'DATE', prio: P(), kind: 'year', resolve: () => ({ value: y, precision: 'year', stated: ['year'], implied: [] }) };
  });

  // Clock times: "10:35 a.m.", "6 p.m. EST", "14:00 UTC", "noon", "midnight".
  rule('clock', `\\b(?:(around|about|at)\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b)(?:\\s*\\(?(GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|MSK)\\)?)?|\\b(\\d{1,2}):(\\d{2})\\s*(GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|MSK|local\\s+time)\\b|\\b(noon|midnight|midday)\\b|\\b([01]\\d|2[0-3])([0-5]\\d)\\s*(GMT|UTC)\\b`, (m) => {
    let h: number;
    let min = 0;
    let zone: string | undefined;
    if (m[9]) { h = m[9].toLowerCase() === 'midnight' ? 24 : 12; }
    else if (m[10]) { h = +m[10]; min = +m[11]!; zone = m[12]; }
    else if (m[6]) { h = +m[6]; min = +m[7]!; zone = m[8]; }
    else {
      h = +m[2]!; min = m[3] ? +m[3] : 0; zone = m[5];
      const pm = /^p/i.test(m[4]!);
      if (h > 12 || h < 1) return null;
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    }
    if (h > 24 || min > 59) return null;
    const z = zone && /^(GMT|UTC)$/i.test(zone) ? 'Z' : '';
    const start = m[1] && m[1].toLowerCase() === 'at' ? m.index + m[1].length + 1 : m.index;
    return {
      start, end: m.index + m[0].length, type: 'TIME', prio: P(), kind: 'clock',
      resolve: (c) => c.ref ? { value: `${fmtDay(c.ref)}T${p2(h)}:${p2(min)}${z}`, precision: 'time', stated: ['hour', 'minute'], implied: FULL_DATE } : unresolved(['hour', 'minute'], FULL_DATE),
    };
  });

  return rules;
}
