// Data tests for data/kb: codes, sources, aliases, terms — and that a broken file fails at load
// naming the file, the entry and the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKB, defaultKbDir } from '../../src/actors/index.js';
import { DataError } from '../../src/errors.js';
import { FIXTURE_KB } from './helpers.js';

const DIR = defaultKbDir();
const read = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>[];

test('the shipped knowledge base loads and validates', () => {
  const kb = loadKB();
  assert.ok(kb.states.size >= 200);
  assert.ok(kb.orgs.size >= 150);
});

test('every UN member is a state with a valid ISO 3166-1 code; observers and disputed entities follow PLOVER', () => {
  const states = read('states.json');
  const members = states.filter((s) => s.status === 'member');
  assert.equal(members.length, 193);
  const iso2 = new Set<string>();
  for (const s of states) {
    if (String(s.id).startsWith('region/')) {
      assert.equal(s.sector, 'PRE', `${s.id} is coded under its sovereign with sector PRE`);
      assert.ok(states.some((x) => x.id === s.sovereign), `${s.id}: sovereign ${s.sovereign}`);
      continue;
    }
    assert.match(String(s.id), /^[A-Z]{3}$/);
    assert.match(String(s.iso2), /^[A-Z]{2}$/);
    assert.ok(!iso2.has(String(s.iso2)), `iso2 ${s.iso2} used twice`);
    iso2.add(String(s.iso2));
  }
  const byId = new Map(states.map((s) => [s.id, s]));
  assert.equal(byId.get('VAT')!.status, 'observer');
  assert.equal(byId.get('PSE')!.status, 'observer');
  assert.equal(byId.get('KOS')!.status, 'disputed');
  assert.equal(byId.get('TWN')!.status, 'disputed');
});

test('every entry of every KB file names its sources', () => {
  const files = ['states.json', 'organizations.json', 'governments.json', 'sectors.json'];
  if (existsSync(join(DIR, 'offices.json'))) files.push('offices.json');
  const pdir = join(DIR, 'people');
  if (existsSync(pdir)) for (const f of readdirSync(pdir)) if (f.endsWith('.json')) files.push(join('people', f));
  for (const f of files) {
    for (const e of read(f)) {
      assert.ok(Array.isArray(e.sources) && e.sources.length > 0 && e.sources.every((s) => typeof s === 'string' && s.trim()), `${f}: ${e.id ?? e.sector} has no sources`);
    }
  }
});

test('names and aliases of states and organisations are unique (case-insensitive) unless a note separates them', () => {
  const seen = new Map<string, string>();
  const noted = new Set<string>();
  const add = (alias: string, id: string, note: boolean) => {
    const k = alias.toLowerCase();
    if (note) noted.add(k);
    const prev = seen.get(k);
    if (prev && prev !== id && !noted.has(k)) assert.fail(`alias "${alias}" claimed by ${prev} and ${id}`);
    seen.set(k, id);
  };
  for (const s of read('states.json')) {
    const note = typeof s.ambiguous_with === 'string';
    for (const a of [s.name, ...(s.aliases as string[]), ...(s.metonyms as string[])]) add(String(a), String(s.id), note);
  }
  for (const o of read('organizations.json')) {
    for (const a of [o.name, ...(o.aliases as string[])]) add(String(a), String(o.id), typeof o.ambiguous_with === 'string');
  }
});

test('no two holders of a single-holder office overlap in one country (the loader enforces it)', () => {
  const kb = loadKB();
  for (const [key, list] of kb.holders) {
    const office = kb.offices.get(key.split('|')[0]!);
    if (!office?.single_holder) continue;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!, b = list[i]!;
      if (a.person !== b.person && a.role.end) assert.ok((b.role.start ?? '') >= a.role.end.slice(0, (b.role.start ?? '').length), `${key}: ${a.person} and ${b.person} overlap`);
    }
  }
});

function tempKB(): string {
  const d = mkdtempSync(join(tmpdir(), 'entente-kb-'));
  cpSync(FIXTURE_KB, d, { recursive: true });
  return d;
}
function edit(dir: string, file: string, f: (x: Record<string, unknown>[]) => void): void {
  const p = join(dir, file);
  const data = JSON.parse(readFileSync(p, 'utf8'));
  f(data);
  writeFileSync(p, JSON.stringify(data));
}
function failsWith(dir: string, ...parts: (string | RegExp)[]): void {
  try {
    loadKB(dir);
  } catch (e) {
    assert.ok(e instanceof DataError, `expected a DataError, got ${e}`);
    for (const p of parts) {
      if (typeof p === 'string') assert.ok(e.message.includes(p), `"${e.message}" should name ${p}`);
      else assert.match(e.message, p);
    }
    return;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.fail('the broken KB loaded');
}

test('the fixture KB loads', () => {
  const d = tempKB();
  try { assert.equal(loadKB(d).people.size, 6); } finally { rmSync(d, { recursive: true, force: true }); }
});

test('a bad country code fails at load with file, entry and field named', () => {
  const d = tempKB();
  edit(d, 'organizations.json', (x) => { x[1]!.country = 'RUSSIA'; });
  failsWith(d, 'organizations.json', '"org/tass"', '"country"');
});

test('an entry without sources fails at load', () => {
  const d = tempKB();
  edit(d, 'states.json', (x) => { x[0]!.sources = []; });
  failsWith(d, 'states.json', '"sources"');
});

test('a malformed date in a person\'s role fails, naming the role field', () => {
  const d = tempKB();
  edit(d, join('people', 'sample.json'), (x) => { (x[0]!.roles as Record<string, unknown>[])[0]!.start = '6 Nov 2012'; });
  failsWith(d, 'sample.json', '"person/sergei-shoigu"', 'roles[0].start');
});

test('a role naming an unknown office fails', () => {
  const d = tempKB();
  edit(d, join('people', 'sample.json'), (x) => { (x[1]!.roles as Record<string, unknown>[])[0]!.office = 'war_minister'; });
  failsWith(d, '"person/andrei-belousov"', 'war_minister');
});

test('overlapping terms of a single-holder office fail', () => {
  const d = tempKB();
  edit(d, join('people', 'sample.json'), (x) => { (x[1]!.roles as Record<string, unknown>[])[0]!.start = '2020-01-01'; });
  failsWith(d, 'defence_minister', 'overlaps');
});

test('an alias claimed by two entities fails unless an ambiguous_with note separates them', () => {
  const d = tempKB();
  edit(d, 'organizations.json', (x) => { (x[1]!.aliases as string[]).push('Russian Security Council'); });
  failsWith(d, 'Russian Security Council', 'org/tass', 'ambiguous_with');
});

test('a syntax error names the file', () => {
  const d = tempKB();
  writeFileSync(join(d, 'governments.json'), '[{"id": "gov/x",]');
  failsWith(d, 'governments.json', 'not valid JSON');
});

test('a name with middle names is also known by first name + surname (the press drops the middle)', async () => {
  const { shortName } = await import('../../src/actors/kb.js');
  // sample names, invented
  assert.equal(shortName('Carla Maria Ejemplo', 'Ejemplo'), 'Carla Ejemplo');
  assert.equal(shortName('Jose Antonio dos Exemplos', 'Exemplos'), 'Jose dos Exemplos');
  assert.equal(shortName('Carla Ejemplo', 'Ejemplo'), null); // nothing to drop
  assert.equal(shortName('Abu Omar al-Sample', 'al-Sample'), null); // "Abu" is no first name
  assert.equal(shortName('Wen Sample Li', 'Wen'), null); // family name first: the surname does not close the name
  assert.equal(shortName('Edgar Frank Sample', 'Edgar Frank Sample'), null); // named only in full
});

test('a role title ending with a national body carries its country ("President of the Riigikogu")', () => {
  const kb = loadKB();
  assert.ok([...kb.people.values()].some((p) => p.roles.some((r) => r.title === 'President of the Riigikogu')), 'the KB writes that title');
  const cands = kb.trie.get(['president', 'of', 'the', 'riigikogu']);
  assert.ok(cands.some((c) => c.t === 'office' && c.id === 'speaker_of_parliament' && c.country === 'EST'), JSON.stringify(cands));
});

test('a Gulf royal is also known without the dynasty name ("Mohamed bin Zayed")', () => {
  const kb = loadKB();
  const royal = [...kb.people.values()].find((p) => /^\S+ bin \S+ Al \S+$/.test(p.name));
  assert.ok(royal, 'the KB has a name of the form "X bin Y Al Z"');
  const short = royal!.name.split(' ').slice(0, 3).map((w) => w.toLowerCase());
  assert.ok(kb.trie.get(short).some((c) => c.t === 'person' && c.id === royal!.id), royal!.name);
});
