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
