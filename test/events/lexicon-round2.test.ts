// Round-2 lexicon families (sample sentences written for these tests, not from any gold set):
// codebook-defined codes for strikes, riots, petitions, primitive weapons, peacekeepers arriving,
// and the PLOVER type of CAMEO 192 (occupying territory is an assault).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { loadLexicon } from '../../src/events/lexicon.js';
import { makeDoc, E } from './helpers.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
const codes = (text: string): string[] => {
  const doc = makeDoc(text, [['Chile', CHL], ['Peru', PER], ['France', E.FRA]]);
  return codeEvents(doc, { keepActorless: true }).events.map((e) => e.cameo);
};

test('refusing to work is a strike (143); stones thrown at a protest are a riot (145)', () => {
  assert.ok(codes('Dock workers in Chile shunned work on Friday to protest against the new port law.').includes('143'));
  assert.ok(codes('Students in Peru were throwing stones during demonstrations against the fee rise.').includes('145'));
  // stones thrown outside a protest keep the dictionary's assault codes
  assert.ok(!codes('Gunmen in Peru were throwing stones at passing cars.').includes('145'));
});

test('a petition drive is dissent (140); machete attacks are unconventional violence (180), not artillery', () => {
  assert.ok(codes('The opposition in Chile is collecting signatures against the mining bill.').includes('140'));
  const c = codes('A village in Peru was attacked by gangs armed with machetes.');
  assert.ok(c.includes('180'), c.join(','));
  assert.ok(!c.includes('194'));
});

test('peacekeepers arriving somewhere is their deployment there (0861); sending them stays 074', () => {
  assert.ok(codes('French peacekeeping troops arrived in Chile on Monday.').includes('0861'));
  assert.ok(codes('France sent peacekeepers to Chile on Monday.').includes('074'));
});

test('CAMEO 192 (attack and capture territory) is a PLOVER ASSAULT', () => {
  const lex = loadLexicon();
  assert.equal(lex.codes.get('192')!.event, 'ASSAULT');
  assert.equal(lex.codes.get('194')!.event, 'ASSAULT');
});

test('an attempt or plot to assassinate is 185, a killing 186; "with strings attached" is no event', () => {
  assert.ok(codes('Gunmen in Peru tried to assassinate the mayor on Monday.').includes('185'));
  assert.ok(codes('Gunmen in Peru assassinated the mayor on Monday.').includes('186'));
  assert.deepEqual(codes('Chile will sell copper to Peru, with strings attached.').filter((c) => c === '060'), []);
});

test('blocking traffic is obstruction (144); opposing mediation rejects it (126); ordering a paper shut restricts the media (1721)', () => {
  assert.ok(codes('Farmers in Chile blocked traffic on the main road to Peru.').includes('144'));
  assert.ok(codes('Chile is opposed to French mediation in its dispute with Peru.').includes('126'));
  assert.ok(codes('Chile opposed the plan.').every((c) => c !== '126'));
  assert.ok(codes('The government of Chile ordered the newspaper to suspend publication.').includes('1721'));
});

test('"blamed X for" accuses (112); "the measures taken by X" is no seizure', () => {
  assert.ok(codes('Chile blamed Peru for a suspected attack on the border post.').some((c) => c.startsWith('112')));
  assert.ok(!codes('Chile praised the measures taken by Peru.').includes('171'));
});
