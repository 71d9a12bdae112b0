// Session 8: a month governed by a finite past verb is the last one, however far back (sample sentences written for
// these tests; article dated 2020-11-02, so "January" is ten months back and the next one two months ahead).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTimes } from '../../src/time/index.js';
import { splitSentences } from '../../src/text/sentences.js';

const REF = '2020-11-02';
const valueOf = (text: string, expr: string): string | null => {
  const t = extractTimes(text, REF, splitSentences(text)).times.find((x) => x.text === expr);
  assert.ok(t, `"${expr}" in ${text}`);
  return t.value;
};

test('"he banned travel in January" (a subject before the -ed verb, an object after it) is past: the last January', () => {
  assert.equal(valueOf('Trump said he banned travel from China in January.', 'January'), '2020-01');
  assert.equal(valueOf('The president banned travel from China in January, the report said.', 'January'), '2020-01');
  assert.equal(valueOf('They imposed new tariffs in January.', 'January'), '2020-01');
});

test('an -ed word that is no finite verb of the date stays weak evidence: the near date wins', () => {
  // a participle after a noun, no object: a reduced relative
  assert.equal(valueOf('Talks scheduled in January will go ahead.', 'January'), '2021-01');
  // the finite verb governs an infinitive, whose object holds the date: "urged X to boycott the January concert"
  assert.equal(valueOf('Ministers urged fans to boycott the concert in January.', 'January'), '2021-01');
});
