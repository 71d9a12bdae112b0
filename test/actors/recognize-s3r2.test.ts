// Session-3 round-2 rules. Sample sentences written for these tests (not taken from any article); shipped KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../src/types.js';
import { recognizeSample } from './helpers.js';

const run = recognizeSample;
const all = (ms: Mention[], text: string) => ms.filter((m) => m.text === text);

test('a bare "Secretary"/"Minister" before a surname fits the holder of a named ministry', () => {
  const ms = run('Secretary Kerry arrived in Geneva on Monday for talks on the ceasefire.');
  assert.equal(all(ms, 'Secretary Kerry')[0]?.entity?.id, 'person/john-kerry');
  assert.equal(all(ms, 'Secretary Kerry')[0]?.entity?.country_code, 'USA');
  // a transcript's official speaks for the government: "we" is the United States government
  const t = run('QUESTION: Did you reach a deal?\n\nSECRETARY KERRY: We talked for a long time and we will meet again.');
  const we = all(t, 'We')[0];
  assert.equal(we?.entity?.country_code, 'USA');
  assert.equal(we?.entity?.sector, 'GOV');
});

test('a bare title never picks a prime minister by surname alone', () => {
  // "Minister Cameron" is no title the prime minister bears: no KB person is guessed
  const ms = run('Minister Cameron visited the flooded town on Tuesday.');
  assert.notEqual(all(ms, 'Minister Cameron')[0]?.entity?.id, 'person/david-cameron');
});

test('users, enthusiasts and employees are generic groups (civilians; employees labour)', () => {
  const ms = run('The app was pulled after users complained, and the firm told its employees to stay home.');
  assert.equal(all(ms, 'users')[0]?.entity?.sector, 'CVL');
  assert.equal(all(ms, 'its employees')[0]?.entity?.sector, 'LAB');
});

test('families, relatives and friends need no determiner to be a generic group', () => {
  const ms = run('Relatives of the missing sailors gathered at the port, where families waited for news.');
  assert.equal(all(ms, 'Relatives')[0]?.entity?.sector, 'CVL');
  assert.equal(all(ms, 'families')[0]?.entity?.sector, 'CVL');
});

test('a lower-case title that is also a common word is no person unless "the general" stands alone', () => {
  const ms = run('Sales at general merchandise stores rose, the deputy director said, and the justice system was slow. In general, the general said, the army is ready.');
  const descs = ms.filter((m) => m.type === 'description' && m.entity?.kind === 'person');
  assert.deepEqual(descs.map((m) => m.text), ['general'], 'only "the general said" is a person');
  assert.equal(descs[0]!.start, 'Sales at general merchandise stores rose, the deputy director said, and the justice system was slow. In general, the '.length);
});
