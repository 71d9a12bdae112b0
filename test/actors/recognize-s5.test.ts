// Session 5: recogniser rules for the event coder. Sample sentences written for these tests (not from any
// article or gold set); shipped KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../src/types.js';
import { recognizeSample } from './helpers.js';

const find = (ms: Mention[], text: string) => ms.find((m) => m.text === text);

test('an undated text: a bare surname names a leader of any time when one person fits', () => {
  const ms = recognizeSample('Obama told reporters that the talks would resume.', null);
  assert.equal(find(ms, 'Obama')?.entity?.country_code, 'USA');
  assert.equal(find(recognizeSample('Uribe rejected the offer from the rebels.', null), 'Uribe')?.entity?.country_code, 'COL');
  // dated ten years after he left office, the bare surname stays unresolved, as before
  assert.equal(find(recognizeSample('Uribe rejected the offer from the rebels.', '2026-01-10'), 'Uribe')?.entity ?? null, null);
});

test('an undated text: a leader\'s surname inside a longer name, a compound or after "in" is not that leader', () => {
  for (const [s, w] of [['The court heard that Gul Rahman had been held for weeks.', 'Gul'], ['Aid workers met in Kerry on Friday.', 'Kerry'], ['The Franco-German brigade left the base.', 'Franco']]) {
    const m = recognizeSample(s!, null).find((x) => x.text === w);
    assert.ok(!m?.entity || m.entity.kind !== 'person', `${w}: ${m?.entity?.code}`);
  }
});
