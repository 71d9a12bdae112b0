// Session-2 recogniser rules about speakers and pronouns, on our own sample sentences (written for
// these tests, not taken from any article); the fixture KB for people, the shipped KB for states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKB, recognizeActors } from '../../src/actors/index.js';
import type { Mention } from '../../src/types.js';
import { FIXTURE_KB, sampleDoc } from './helpers.js';

const fx = loadKB(FIXTURE_KB);
const real = loadKB();

function run(text: string, date: string | null, kb = fx) {
  const doc = sampleDoc(text, date);
  const ms = recognizeActors(doc, kb);
  for (const m of ms) assert.equal(doc.text.slice(m.start, m.end), m.text, 'span slices the text back');
  return ms;
}
const all = (ms: Mention[], text: string) => ms.filter((m) => m.text === text);

test('a statement after "X, <title>, said:" is X speaking: every "I" of its paragraphs is X', () => {
  const ms = run("Lena Marsh, Canada's deputy foreign minister, said:\n\nI welcome the ceasefire agreed last night.\n\nThe talks were long and difficult. Both sides made concessions. I urge them to keep their word.", '2024-01-01', real);
  const is = all(ms, 'I');
  assert.equal(is.length, 2);
  for (const i of is) assert.equal(i.entity?.id, 'new/lena-marsh');
});

test('the author\'s own "I" outside quotation marks names no actor', () => {
  const ms = run("Canada's foreign minister Lena Marsh said the talks would resume. The city was quiet that night.\n\nIn the morning I walked to the market, where few shops were open.", '2024-01-01', real);
  assert.equal(all(ms, 'I').length, 0);
});

test('a quotation running over several sentences: its "I" is the speaker named before it', () => {
  const ms = run('"We will rebuild the bridge," said Canada\'s foreign minister Lena Marsh. "The road is gone. The river is high. I have asked our engineers for a plan. I will not wait."', '2024-01-01', real);
  const is = all(ms, 'I');
  assert.equal(is.length, 2);
  for (const i of is) assert.equal(i.entity?.id, 'new/lena-marsh');
});

test('"says Manal": a single unknown name after a speech verb is a person (unresolved)', () => {
  const ms = run('"The harvest was poor this year," says Manal, lifting a crate of tomatoes.', '2024-01-01');
  const m = all(ms, 'Manal')[0]!;
  assert.ok(m, 'detected');
  assert.equal(m.entity, null, 'not in the KB: no guessed entity');
});

test('"him" resolves like "he"; possessives stay out', () => {
  const ms = run('Sergei Shoigu arrived in Minsk on Monday. His hosts urged him to stay longer.', '2025-01-01');
  assert.equal(all(ms, 'him')[0]?.entity?.id, 'person/sergei-shoigu');
  assert.equal(all(ms, 'His').length, 0);
});
