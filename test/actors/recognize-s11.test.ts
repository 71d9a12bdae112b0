// Session 11: a public office or body the text gives no country, in an article that names one country and no
// other. Sample texts written for these tests (not from any article or gold set); shipped KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../src/types.js';
import { recognizeSample } from './helpers.js';

const ent = (ms: Mention[], text: string, nth = 0) => ms.filter((m) => m.text === text)[nth]?.entity ?? null;

// Portugal is named in three sentences; the last two name no country at all
const ONE_COUNTRY = 'Portugal\'s economy shrank in the third quarter.\n\nExporters in Portugal blamed weak demand.\n\nUnemployment in Portugal rose to nine percent.\n\nAnalysts expect a slow recovery next year.\n\nThe finance minister said on Monday that the budget would be cut, and police dispersed a protest outside parliament.\n\nHe said ministers would meet again on Friday.';

test('an office with no country in an article about one country is that country\'s (person, group, pronoun)', () => {
  const ms = recognizeSample(ONE_COUNTRY, '2016-11-14');
  const fm = ent(ms, 'finance minister');
  assert.equal(fm?.country_code, 'PRT');
  assert.equal(fm?.code, 'PRTGOV');
  assert.equal(ent(ms, 'police')?.code, 'PRTCOP');
  assert.equal(ent(ms, 'ministers')?.country_code, 'PRT');
  // "He" takes the country-less minister as antecedent, and the country with it
  const he = ms.find((m) => m.type === 'pronoun' && m.text === 'He')?.entity;
  assert.equal(he?.office, 'finance_minister');
  assert.equal(he?.country_code, 'PRT');
});

test('a second country anywhere in the article, or a country named in fewer than three sentences, gives no default (negative cases)', () => {
  // the same article with one early sentence also naming Spain: two countries, no guess
  const two = ONE_COUNTRY.replace('blamed weak demand.', 'blamed weak demand from Spain.');
  const a = recognizeSample(two, '2016-11-14');
  assert.equal(ent(a, 'finance minister')?.country_code ?? null, null);
  assert.equal(ent(a, 'police')?.country_code ?? null, null);
  // Portugal named in two sentences only
  const few = 'Portugal\'s economy shrank in the third quarter.\n\nUnemployment in Portugal rose to nine percent.\n\nAnalysts expect a slow recovery next year.\n\nThe finance minister said on Monday that the budget would be cut.';
  assert.equal(ent(recognizeSample(few, '2016-11-14'), 'finance minister')?.country_code ?? null, null);
  // one sentence: the country it names is the minister's target, not the minister's own
  const one = recognizeSample('The finance minister criticised Portugal on Monday.', '2016-11-14');
  assert.notEqual(ent(one, 'finance minister')?.country_code, 'PRT');
});
