// Round-3 lexicon families (sample sentences written for these tests, not from any gold set),
// each from the CAMEO 1.1b3 sub-code definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E } from './helpers.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
const codes = (text: string): string[] => {
  const doc = makeDoc(text, [['Chile', CHL], ['Peru', PER], ['France', E.FRA]]);
  return codeEvents(doc, { keepActorless: true }).events.map((e) => e.cameo);
};

test('a protest takes its fourth digit from what is demanded (1411-1454)', () => {
  // leadership change
  assert.ok(codes('Miners in Chile began a hunger strike to demand the resignation of the minister.').includes('1421'));
  // rights
  assert.ok(codes('Students in Peru were throwing stones during protests against violations of their rights.').includes('1453'));
  // policy
  assert.ok(codes('Farmers in Chile blocked a highway against the water policies of the government.').includes('1442'));
  // no purpose named: the three-digit code stays
  const c = codes('Farmers in Chile began a hunger strike outside the ministry.');
  assert.ok(c.includes('142'), c.join(','));
});

test('opening borders to people is humanitarian aid (073, CAMEO 075 note); to goods it eases economic limits (085)', () => {
  assert.ok(codes('Chile opened its borders to thousands of refugees from Peru.').includes('073'));
  const g = codes('Chile opened its borders to goods from Peru.');
  assert.ok(g.includes('085') && !g.includes('073'), g.join(','));
});

test('a warm welcome given to a visitor is hosting a visit (043); "a welcome speech" is not', () => {
  assert.ok(codes('The president of Chile gave a warm welcome to the leader of Peru.').includes('043'));
  assert.ok(!codes('The president of Chile gave a welcome speech.').includes('043'));
});

test('a dictionary pattern naming an undefined synonym set is skipped, not reduced to its other words', () => {
  // CAMEO.2.0.txt "- * &FIGHT_GAMES IN +" (no such set) once coded any "began ... in" as 062
  assert.ok(!codes('Farmers in Chile began collecting signatures in March.').includes('062'));
});

test('hurt in an accident or a storm is no attack; hurt in a riot is 145; hurting profits is no event', () => {
  assert.ok(!codes('Two farmers from Chile were injured in a motorcycle crash.').some((c) => c.startsWith('18')));
  assert.ok(codes('Two policemen in Chile were injured in riots on Monday.').includes('145'));
  assert.ok(!codes('Chile said the strike would hurt its exports this year.').some((c) => c.startsWith('18')));
});

test('"seized parts of X" is a seizure (171), not the idiom "take part" (030) the block shares', () => {
  const c = codes('Rebels from Peru have seized parts of Chile.');
  assert.ok(c.includes('171') && !c.includes('030'), c.join(','));
});

test('"arrested / seized ... as part of an inquiry" keeps the verb\'s own code (173 / 171)', () => {
  assert.ok(codes('Police in Chile arrested the mayor as part of an inquiry into bribes from Peru.').includes('173'));
  assert.ok(codes('Police in Chile seized the computers as part of an inquiry.').includes('171'));
});

test('an election law is institutional change (0244 / 1044, CAMEO 0834 note), not a call for elections (0241)', () => {
  const c = codes('The opposition in Chile urged parliament to pass a new electoral law.');
  assert.ok(c.includes('0244') && !c.includes('0241'), c.join(','));
});
