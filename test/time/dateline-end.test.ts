// datelineEnd: where a wire dateline opening a sentence ends (the event coder leaves its place out of
// the roles). Sample texts written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTimes, datelineEnd } from '../../src/time/index.js';

const REF = '2024-02-20';
const whole = (text: string) => ({ start: 0, end: text.length });

test('a dated dateline ends after its agency and separator', () => {
  for (const [text, next] of [
    ['NAIROBI, 2024-02-20 (Sample News) - Kenya recalled its ambassador to Somalia on Tuesday.', 'Kenya'],
    ['NAIROBI, Feb 20 (Sample News) — Officials recalled the ambassador.', 'Officials'],
    ['ADDIS ABABA, February 19 -- The African Union called for talks.', 'The African'],
    ['MOSCOW, February 19. /SAMPLE/. The ministry summoned the envoy.', 'The ministry'],
  ] as const) {
    const { times } = extractTimes(text, REF);
    const end = datelineEnd(text, whole(text), times);
    assert.equal(text.slice(end, end + next.length), next, text);
  }
});

test('an undated dateline is the article\'s own when the sentence starts with it', () => {
  const text = 'NAIROBI (Sample News) - Officials recalled the ambassador.';
  const { times } = extractTimes(text, REF);
  assert.equal(datelineEnd(text, whole(text), times, { text: 'NAIROBI (Sample News) -' }), text.indexOf('Officials') - 1);
  assert.equal(datelineEnd(text, whole(text), times, null), -1);
});

test('no dateline: a date inside the sentence, or a later sentence', () => {
  const a = 'Kenya recalled its ambassador on February 19, officials said.';
  assert.equal(datelineEnd(a, whole(a), extractTimes(a, REF).times), -1);
  const b = 'NAIROBI, Feb 20 (Sample News) - Kenya protested. Somalia expelled two diplomats.';
  const s2 = { start: b.indexOf('Somalia'), end: b.length };
  assert.equal(datelineEnd(b, s2, extractTimes(b, REF).times, { text: 'NAIROBI, Feb 20 (Sample News) -' }), -1);
});
