// The time stage's word lists live in data/time/lexicon.json; this module loads and validates
// them once (a bad entry fails at load, naming the key and the fix) and builds lookup tables.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { DataError } from '../errors.js';

export interface TimeLexicon {
  months: Record<string, number>;
  monthAbbreviations: Record<string, number>;
  ambiguousMonths: string[];
  weekdays: Record<string, number>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  numbers: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  vague: Record<'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF', string[]>;
  sets: Record<string, string>;
  holidays: Record<string, string>;
  tense: { future: string[]; past: string[]; present: string[]; notPast: string[] };
  monthContext: string[];
  yearBefore: string[];
  notYearBefore: string[];
}

export const LEXICON_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'time', 'lexicon.json');

function fail(path: string, what: string): never {
  throw new DataError(`${LEXICON_PATH}: ${path} ${what}; fix the entry in data/time/lexicon.json`);
}

function numberMap(o: unknown, path: string, min: number, max: number): Record<string, number> {
  if (!o || typeof o !== 'object') fail(path, 'must be an object of word → number');
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (typeof v !== 'number' || v < min || v > max) fail(`${path}.${k}`, `must be a number in ${min}..${max}`);
    out[k.toLowerCase()] = v;
  }
  return out;
}
function stringMap(o: unknown, path: string, re: RegExp): Record<string, string> {
  if (!o || typeof o !== 'object') fail(path, 'must be an object of word → code');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (typeof v !== 'string' || !re.test(v)) fail(`${path}.${k}`, `must be a string matching ${re}`);
    out[k.toLowerCase()] = v;
  }
  return out;
}
function words(o: unknown, path: string): string[] {
  if (!Array.isArray(o) || o.some((w) => typeof w !== 'string' || !w.trim())) fail(path, 'must be a list of non-empty strings');
  return (o as string[]).map((w) => w.toLowerCase());
}

/** Validate a parsed lexicon object (exported for tests). */
export function validateLexicon(raw: unknown): TimeLexicon {
  if (!raw || typeof raw !== 'object') fail('(root)', 'must be a JSON object');
  const r = raw as Record<string, unknown>;
  const vague = r.vague as Record<string, unknown> | undefined;
  const tense = r.tense as Record<string, unknown> | undefined;
  if (!vague || typeof vague !== 'object') fail('vague', 'must be an object');
  if (!tense || typeof tense !== 'object') fail('tense', 'must be an object');
  const lex: TimeLexicon = {
    months: numberMap(r.months, 'months', 1, 12),
    monthAbbreviations: numberMap(r.monthAbbreviations, 'monthAbbreviations', 1, 12),
    ambiguousMonths: words(r.ambiguousMonths, 'ambiguousMonths'),
    weekdays: numberMap(r.weekdays, 'weekdays', 1, 7),
    seasons: stringMap(r.seasons, 'seasons', /^(SP|SU|FA|WI)$/),
    partsOfDay: stringMap(r.partsOfDay, 'partsOfDay', /^(MO|AF|EV|NI)$/),
    numbers: numberMap(r.numbers, 'numbers', 0, 1000),
    vagueNumbers: words(r.vagueNumbers, 'vagueNumbers'),
    ordinals: numberMap(r.ordinals, 'ordinals', 1, 31),
    units: stringMap(r.units, 'units', /^(S|M|H|D|W|Y|DE|CE|Q)$/),
    vague: {
      PRESENT_REF: words(vague.PRESENT_REF, 'vague.PRESENT_REF'),
      PAST_REF: words(vague.PAST_REF, 'vague.PAST_REF'),
      FUTURE_REF: words(vague.FUTURE_REF, 'vague.FUTURE_REF'),
    },
    sets: stringMap(r.sets, 'sets', /^PT?\d+[SMHDWYQ]$/),
    holidays: stringMap(r.holidays, 'holidays', /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
    tense: {
      future: words(tense.future, 'tense.future'),
      past: words(tense.past, 'tense.past'),
      present: words(tense.present, 'tense.present'),
      notPast: words(tense.notPast, 'tense.notPast'),
    },
    monthContext: words(r.monthContext, 'monthContext'),
    yearBefore: words(r.yearBefore, 'yearBefore'),
    notYearBefore: words(r.notYearBefore, 'notYearBefore'),
  };
  for (const m of lex.ambiguousMonths) if (!(m in lex.months)) fail(`ambiguousMonths "${m}"`, 'is not a month name');
  return lex;
}

let cached: TimeLexicon | null = null;
export function loadLexicon(): TimeLexicon {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(LEXICON_PATH, 'utf8');
  } catch (e) {
    throw new DataError(`${LEXICON_PATH}: cannot read the time lexicon (${(e as Error).message}); reinstall entente or restore data/time/lexicon.json`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${LEXICON_PATH}: invalid JSON (${(e as Error).message}); fix the file`);
  }
  cached = validateLexicon(raw);
  return cached;
}
