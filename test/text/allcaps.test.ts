// A text written in capitals gets a warning (SAMPLE text written for these tests, not real reporting).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllCaps, noteAllCaps, splitSentences } from '../../src/text/sentences.js';
import type { Message } from '../../src/types.js';

const NORMAL = [
  'The foreign ministers of the two countries met in Geneva on Tuesday to discuss a ceasefire along the disputed border, officials said.',
  'Talks are expected to continue next week, according to a statement released after the meeting by the host government.',
].join('\n\n');
const BULLETIN = NORMAL.toUpperCase();

test('a bulletin in capitals gets one non-fatal warning; normal text none', () => {
  const doc = { text: BULLETIN, messages: [] as Message[] };
  noteAllCaps(doc);
  assert.equal(doc.messages.length, 1);
  assert.equal(doc.messages[0]!.origin, 'text:all-caps');
  assert.equal(doc.messages[0]!.severity, 'warning');
  assert.match(doc.messages[0]!.text, /capitals/);
  const normal = { text: NORMAL, messages: [] as Message[] };
  noteAllCaps(normal);
  assert.deepEqual(normal.messages, []);
});

test('a headline or acronyms in capitals, or a short line, do not count as a text in capitals', () => {
  assert.equal(isAllCaps(`MINISTERS MEET IN GENEVA\n\n${NORMAL} NATO, the UN and the EU welcomed it.`), false);
  assert.equal(isAllCaps('BREAKING: TALKS END'), false);
  assert.equal(isAllCaps(''), false);
  assert.equal(isAllCaps(BULLETIN), true);
});

test('the check changes nothing in the sentences and tokens', () => {
  const before = JSON.stringify(splitSentences(BULLETIN));
  noteAllCaps({ text: BULLETIN, messages: [] });
  assert.equal(JSON.stringify(splitSentences(BULLETIN)), before);
});
