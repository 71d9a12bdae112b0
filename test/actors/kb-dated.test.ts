// Dated aliases (a name that meant one state for a period, another after) and the state-media convention.
// Sample data written for these tests; the shipped KB is checked for the Congo rule it carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKB } from '../../src/actors/index.js';
import { candValid, type Cand } from '../../src/actors/kb.js';
import { aliasTokens, tokenize } from '../../src/actors/trie.js';
import { DataError } from '../../src/errors.js';
import { FIXTURE_KB } from './helpers.js';

function tempKB(dated: Record<string, unknown[]>): string {
  const d = mkdtempSync(join(tmpdir(), 'entente-kb-dated-'));
  cpSync(FIXTURE_KB, d, { recursive: true });
  const p = join(d, 'states.json');
  const states = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>[];
  for (const s of states) if (dated[String(s.id)]) s.dated_aliases = dated[String(s.id)];
  writeFileSync(p, JSON.stringify(states));
  return d;
}
const stateCands = (kb: ReturnType<typeof loadKB>, phrase: string): Cand[] =>
  (kb.trie.longest(tokenize(phrase), 0)?.[1] ?? []).filter((c) => c.t === 'state');

test('a dated alias is a candidate of each state it named, valid only in its period (half-open)', () => {
  const d = tempKB({ GEO: [{ name: 'Old Name', until: '1991-04-09' }], TUR: [{ name: 'Old Name', from: '1991-04-09' }] });
  try {
    const kb = loadKB(d);
    const cands = stateCands(kb, 'Old Name');
    assert.deepEqual(cands.map((c) => (c as { id: string }).id), ['TUR', 'GEO'], 'the open-ended sense comes first');
    const at = (date: string) => cands.filter((c) => candValid(c, date)).map((c) => (c as { id: string }).id);
    assert.deepEqual(at('1990-06-01'), ['GEO']);
    assert.deepEqual(at('1991-04-09'), ['TUR'], 'the day the name passes it belongs to the new holder');
    assert.deepEqual(at('2020-01-01'), ['TUR']);
    // undated candidates hold at any date
    assert.ok(candValid({ t: 'state', id: 'RUS' }, '1900-01-01'));
    assert.ok(candValid({ t: 'org', id: 'org/x' }, '1900-01-01'));
  } finally { rmSync(d, { recursive: true, force: true }); }
});

test('overlapping periods of one dated alias fail at load, naming the file, entry and alias', () => {
  const d = tempKB({ GEO: [{ name: 'Old Name', until: '1995' }], TUR: [{ name: 'Old Name', from: '1991-04-09' }] });
  try {
    assert.throws(() => loadKB(d), (e: unknown) => e instanceof DataError && /states\.json/.test(e.message) && /"Old Name" overlaps/.test(e.message));
  } finally { rmSync(d, { recursive: true, force: true }); }
});

test('a dated alias that is another state\'s undated name, or has no dates, or a bad date, fails at load', () => {
  const cases: [Record<string, unknown[]>, RegExp][] = [
    [{ GEO: [{ name: 'Turkey', until: '1991' }] }, /dated alias "Turkey" is also an undated name of "TUR"/],
    [{ GEO: [{ name: 'Old Name' }] }, /"dated_aliases" "Old Name" has neither from nor until/],
    [{ GEO: [{ name: 'Old Name', until: '1991/04' }] }, /"dated_aliases.until" must be/],
    [{ GEO: [{ name: 'Old Name', from: '1995', until: '1991' }] }, /ends before it starts/],
  ];
  for (const [dated, re] of cases) {
    const d = tempKB(dated);
    try {
      assert.throws(() => loadKB(d), (e: unknown) => e instanceof DataError && re.test(e.message), String(re));
    } finally { rmSync(d, { recursive: true, force: true }); }
  }
});

test('the shipped KB: bare "Congo" is the Republic of the Congo before 1997-05-17 and the DRC after', () => {
  const kb = loadKB();
  const cands = stateCands(kb, 'Congo');
  const at = (date: string) => cands.filter((c) => candValid(c, date)).map((c) => (c as { id: string }).id);
  assert.deepEqual(at('1990-01-01'), ['COG']);
  assert.deepEqual(at('2010-01-01'), ['COD']);
  assert.equal((cands[0] as { id: string }).id, 'COD', 'a reader that ignores dates keeps today\'s sense');
  assert.equal(aliasTokens('Congo-Brazzaville').length, 3);
  assert.deepEqual(stateCands(kb, 'Congo-Brazzaville').map((c) => (c as { id: string }).id), ['COG']);
});

test('state media are their government (GOV, code XXXGOVMED: the CAMEO/ICEWS convention); other outlets stay MED', () => {
  const kb = loadKB();
  for (const id of ['org/xinhua', 'org/tass', 'org/kcna', 'org/sonna', 'org/irna']) {
    const o = kb.orgs.get(id)!;
    assert.equal(o.kind, 'media', id);
    assert.equal(o.sector, 'GOV', id);
    assert.equal(o.code, `${o.country}GOVMED`, id);
    assert.ok(o.sources.some((s) => /GOVMED/.test(s)), `${id} names the convention it follows`);
  }
  for (const id of ['org/reuters', 'org/nyt', 'org/al-jazeera', 'org/bbc']) assert.equal(kb.orgs.get(id)!.sector, 'MED', id);
});

test('peoples living chiefly in one state are places of it (named only before a group word); shared peoples and first names are not', () => {
  const kb = loadKB();
  const placeOf = (w: string) => kb.states.get(w)!;
  assert.ok(placeOf('RUS').places?.includes('Chechen'));
  assert.ok(placeOf('NGA').places?.includes('Yoruba'));
  assert.ok(placeOf('CHN').places?.includes('Uighur'));
  const all = new Set([...kb.states.values()].flatMap((s) => (s.places ?? []).map((p) => p.toLowerCase())));
  for (const w of ['karen', 'hausa', 'kurdish', 'pashtun', 'shona', 'tamil']) assert.ok(!all.has(w), w);
});

test('offices the KB lists only in part (guess_holder false) name no one in particular; specific ones still do', () => {
  const kb = loadKB();
  for (const o of ['lawmaker', 'party_leader', 'spokesperson', 'envoy', 'minister']) {
    assert.equal(kb.offices.get(o)!.guess_holder, false, o);
    assert.ok(![...kb.holders.keys()].some((k) => k.startsWith(`${o}|`)), `${o} has no holder lookup`);
  }
  assert.ok(kb.holders.get('foreign_ministry_spokesperson|RUS')?.some((h) => h.person === 'person/maria-zakharova'));
  assert.ok(kb.holders.get('chief_cabinet_secretary|JPN')?.length);
  assert.ok(kb.holders.get('defence_minister|RUS')?.length);
  const d = mkdtempSync(join(tmpdir(), 'entente-kb-office-'));
  try {
    cpSync(FIXTURE_KB, d, { recursive: true });
    const p = join(d, 'offices.json');
    const offices = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>[];
    const single = offices.find((o) => o.single_holder === true)!;
    single.guess_holder = false;
    writeFileSync(p, JSON.stringify(offices));
    assert.throws(() => loadKB(d), (e: unknown) => e instanceof DataError && /"guess_holder" false contradicts single_holder/.test(e.message));
  } finally { rmSync(d, { recursive: true, force: true }); }
});
