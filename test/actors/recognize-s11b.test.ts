// Session 11 (second pass): a nationality adjective qualifying a thing ("British cinema", "the French wine industry")
// names no actor (data/actors/non-actor-nouns.json). Sample texts written for these tests (not from any article or
// gold set); shipped KB and data files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mention } from '../../src/types.js';
import { loadNonActorNouns } from '../../src/actors/generic.js';
import { DataError } from '../../src/errors.js';
import { recognizeSample } from './helpers.js';

const states = (ms: Mention[]) => ms.filter((m) => m.entity?.kind === 'state').map((m) => `${m.text}=${m.entity!.country_code}`);

test('an adjective before an art form, an industry, a law, a sport or a named tournament is no mention of the state', () => {
  const ms = recognizeSample('Critics have long appreciated British cinema.\n\nThe French wine industry has been hit by falling sales.\n\nThe firm said it had complied with Venezuelan law.\n\nShe reached the final of the Australian Open.\n\nThe film was directed by Tunisian-born Ali Mansour.\n\nGrowth in the US economy slowed.');
  assert.deepEqual(states(ms), []);
});

test('an adjective before a person, a group or an organisation noun, or a trade good, stays that actor\'s country (negative cases)', () => {
  const ms = recognizeSample('A Chinese trade delegation arrived in Nairobi.\n\nJapanese car maker Hondo signed a deal.\n\nRussia banned Georgian wine imports.\n\nThe French film director praised the festival.\n\nBritish troops left the base.');
  const cc = ms.map((m) => m.entity?.country_code ?? null);
  for (const c of ['CHN', 'JPN', 'RUS', 'GEO', 'FRA', 'GBR']) assert.ok(cc.includes(c), `${c} is still named as an actor's country`);
});

test('a country named only as a qualifier still counts as the article\'s country for its offices', () => {
  // Brazil named three times, twice only as a qualifier: the government is Brazil's (session 11's one-country rule)
  const ms = recognizeSample('The Brazilian economy grew last year.\n\nExporters in Brazil blamed weak demand.\n\nThe Brazilian stock market fell on Monday.\n\nThe government said it would cut the budget.');
  assert.equal(ms.find((m) => m.text === 'government')?.entity?.code, 'BRAGOV');
});

test('the non-actor nouns file is validated at load: a bad entry names the file, entry and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-nonactor-'));
  const f = join(dir, 'n.json');
  writeFileSync(f, JSON.stringify({ classes: [{ class: 'art', nouns: ['Cinema'] }], names: [], hyphenated: [] }));
  assert.throws(() => loadNonActorNouns(f), (e: unknown) => e instanceof DataError && /n\.json: entry "art": field "nouns"/.test(e.message));
  const g = join(dir, 'g.json');
  writeFileSync(g, JSON.stringify({ classes: [{ class: 'a', nouns: ['film'] }, { class: 'b', nouns: ['film'] }], names: [], hyphenated: [] }));
  assert.throws(() => loadNonActorNouns(g), /lists "film" twice/);
});
