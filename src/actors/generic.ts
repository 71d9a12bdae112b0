// Generic actor descriptions (data/actors/descriptions.json): people described but not named
// ("a middle-aged carpenter", "one young girl") — validated at load, cached per file.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../errors.js';

export interface PersonNoun { noun: string; gender: 'm' | 'f' | null; sector: string }
/** a generic group's head noun: its sector (null: none implied) and what must stand before it */
export interface GroupHead { head: string; sector: string | null; before: 'any' | 'det' | Set<string> }
/** peoples: plural names of a state's people that also name an ethnic people living in other states ("Serbs" in "Bosnian Serbs") */
export interface Descriptions { persons: Map<string, PersonNoun>; groups: Map<string, GroupHead>; factions: Set<string>; peoples: Set<string> }

/** Parses a data file and gives a `bad(entry, field, why)` that throws a DataError naming them. */
function readData<T>(file: string): { data: T; bad: (entry: string, field: string, why: string) => never } {
  let data: T;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DataError(`${file}: cannot be read as JSON: ${(err as Error).message} (restore it from git or fix the syntax)`, { cause: err });
  }
  return { data, bad: (entry, field, why) => { throw new DataError(`${file}: entry "${entry}": field "${field}" ${why}`); } };
}

const SECTOR = /^[A-Z]{3}$/;
const cache = new Map<string, Descriptions>();

export function defaultDescriptionsFile(): string {
  // src/actors/ and dist/actors/ both sit two levels below the package root
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'actors', 'descriptions.json');
}

/** Loads and validates the descriptions file; throws DataError naming file, entry and field. */
export function loadDescriptions(file = defaultDescriptionsFile()): Descriptions {
  const hit = cache.get(file);
  if (hit) return hit;
  const { data, bad } = readData<{ persons?: unknown; groups?: unknown; factions?: unknown; peoples?: unknown }>(file);
  if (!Array.isArray(data.persons)) bad('(file)', 'persons', 'must be an array of entries');
  const persons = new Map<string, PersonNoun>();
  (data.persons as Record<string, unknown>[]).forEach((e, x) => {
    const name = `persons[${x}]`;
    if (!Array.isArray(e.nouns) || !e.nouns.length || !e.nouns.every((n) => typeof n === 'string' && /^[a-z][a-z-]*$/.test(n))) bad(name, 'nouns', 'must be a non-empty array of lower-case single words');
    if (!(e.gender === null || e.gender === 'm' || e.gender === 'f')) bad(name, 'gender', 'must be "m", "f" or null');
    if (typeof e.sector !== 'string' || !SECTOR.test(e.sector)) bad(name, 'sector', 'must be a PLOVER sector code (three capitals)');
    for (const n of e.nouns as string[]) {
      if (persons.has(n)) bad(name, 'nouns', `lists "${n}" twice`);
      persons.set(n, { noun: n, gender: e.gender as 'm' | 'f' | null, sector: e.sector as string });
    }
  });
  if (!Array.isArray(data.groups)) bad('(file)', 'groups', 'must be an array of entries');
  const groups = new Map<string, GroupHead>();
  (data.groups as Record<string, unknown>[]).forEach((e, x) => {
    const name = `groups[${x}]`;
    if (!Array.isArray(e.heads) || !e.heads.length || !e.heads.every((n) => typeof n === 'string' && /^[a-z][a-z-]*$/.test(n))) bad(name, 'heads', 'must be a non-empty array of lower-case single words');
    if (!(e.sector === null || (typeof e.sector === 'string' && SECTOR.test(e.sector)))) bad(name, 'sector', 'must be a PLOVER sector code (three capitals) or null');
    const b = e.before;
    if (!(b === 'any' || b === 'det' || (Array.isArray(b) && b.length && b.every((w) => typeof w === 'string' && /^[a-z]+$/.test(w))))) bad(name, 'before', 'must be "any", "det" or a non-empty array of lower-case words');
    for (const h of e.heads as string[]) {
      if (groups.has(h) || persons.has(h)) bad(name, 'heads', `lists "${h}" twice`);
      groups.set(h, { head: h, sector: e.sector as string | null, before: Array.isArray(b) ? new Set(b as string[]) : b as 'any' | 'det' });
    }
  });
  if (!Array.isArray(data.factions) || !data.factions.every((w) => typeof w === 'string' && /^[a-z][a-z-]*$/.test(w))) bad('(file)', 'factions', 'must be an array of lower-case words');
  if (!Array.isArray(data.peoples) || !data.peoples.every((w) => typeof w === 'string' && /^[a-z][a-z-]*$/.test(w))) bad('(file)', 'peoples', 'must be an array of lower-case words (plural names of a people)');
  const out = { persons, groups, factions: new Set(data.factions as string[]), peoples: new Set(data.peoples as string[]) };
  cache.set(file, out);
  return out;
}

/** A place name the KB gives one country that is also a known city of others (data/actors/homonyms.json). */
export interface Homonym { name: string; default: string; also: string[] }
const homonymCache = new Map<string, Map<string, Homonym>>();

export function defaultHomonymsFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'actors', 'homonyms.json');
}

/** Loads and validates the homonyms file (keyed by name); throws DataError naming file, entry and field. */
export function loadHomonyms(file = defaultHomonymsFile()): Map<string, Homonym> {
  const hit = homonymCache.get(file);
  if (hit) return hit;
  const { data, bad } = readData<{ entries?: unknown }>(file);
  if (!Array.isArray(data.entries)) bad('(file)', 'entries', 'must be an array of entries');
  const out = new Map<string, Homonym>();
  const ISO3 = /^[A-Z]{3}$/;
  (data.entries as Record<string, unknown>[]).forEach((e, x) => {
    const name = typeof e.name === 'string' ? e.name : `entries[${x}]`;
    if (typeof e.name !== 'string' || !e.name.trim()) bad(name, 'name', 'must be a non-empty string');
    if (typeof e.default !== 'string' || !ISO3.test(e.default)) bad(name, 'default', 'must be an ISO 3166-1 alpha-3 code');
    if (!Array.isArray(e.also) || !e.also.length || !e.also.every((c) => typeof c === 'string' && ISO3.test(c) && c !== e.default)) bad(name, 'also', 'must be a non-empty array of alpha-3 codes other than the default');
    if (out.has(e.name as string)) bad(name, 'name', 'is listed twice');
    out.set(e.name as string, { name: e.name as string, default: e.default as string, also: e.also as string[] });
  });
  homonymCache.set(file, out);
  return out;
}

/** Heads a nationality adjective qualifies without naming an actor (data/actors/non-actor-nouns.json). */
export interface NonActorNouns {
  /** lower-case nouns and two-word compounds ("box office") */
  nouns: Set<string>;
  /** capitalised heads of named events ("Open", "Grand Prix"), case-sensitive */
  names: Set<string>;
  /** participles after "Adjective-" ("born", "based") */
  hyphenated: Set<string>;
}
const nonActorCache = new Map<string, NonActorNouns>();

export function defaultNonActorNounsFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'actors', 'non-actor-nouns.json');
}

/** Loads and validates the non-actor nouns file; throws DataError naming file, entry and field. */
export function loadNonActorNouns(file = defaultNonActorNounsFile()): NonActorNouns {
  const hit = nonActorCache.get(file);
  if (hit) return hit;
  const { data, bad } = readData<{ classes?: unknown; names?: unknown; hyphenated?: unknown }>(file);
  if (!Array.isArray(data.classes)) bad('(file)', 'classes', 'must be an array of {class, nouns}');
  const nouns = new Set<string>();
  const LOWER = /^[a-z][a-z-]*( [a-z][a-z-]*)?$/;
  (data.classes as Record<string, unknown>[]).forEach((e, x) => {
    const name = typeof e.class === 'string' && e.class ? e.class : `classes[${x}]`;
    if (typeof e.class !== 'string' || !e.class.trim()) bad(name, 'class', 'must be a non-empty string');
    if (!Array.isArray(e.nouns) || !e.nouns.length || !e.nouns.every((n) => typeof n === 'string' && LOWER.test(n))) bad(name, 'nouns', 'must be a non-empty array of lower-case words (one or two)');
    for (const n of e.nouns as string[]) {
      if (nouns.has(n)) bad(name, 'nouns', `lists "${n}" twice`);
      nouns.add(n);
    }
  });
  if (!Array.isArray(data.names) || !data.names.every((w) => typeof w === 'string' && /^[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)?$/.test(w))) bad('(file)', 'names', 'must be an array of capitalised words (one or two)');
  if (!Array.isArray(data.hyphenated) || !data.hyphenated.every((w) => typeof w === 'string' && /^[a-z]+$/.test(w))) bad('(file)', 'hyphenated', 'must be an array of lower-case words');
  const out = { nouns, names: new Set(data.names as string[]), hyphenated: new Set(data.hyphenated as string[]) };
  if (out.names.size !== (data.names as string[]).length) bad('(file)', 'names', 'lists a name twice');
  if (out.hyphenated.size !== (data.hyphenated as string[]).length) bad('(file)', 'hyphenated', 'lists a word twice');
  nonActorCache.set(file, out);
  return out;
}
