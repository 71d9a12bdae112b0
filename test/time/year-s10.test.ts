// Session 10 (from UX's audit): a number before 1500 with no word introducing a year is no year. Sample sentences
// written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTimes } from '../../src/time/index.js';

const years = (t: string) => extractTimes(t, '2020-11-20').times.map((x) => x.value);

test('a section number read as a year ("the DMCA 1201.") is none', () => {
  assert.deepEqual(years('They met to discuss the harms of the DMCA 1201.'), []);
  assert.deepEqual(years('The notice cited Section 1201, the anti-circumvention rule.'), []);
});

test('a year stays a year: introduced by a word, or after 1500 at a clause end (negative cases)', () => {
  assert.deepEqual(years('The castle was built in 1201 by the king.'), ['1201']);
  assert.deepEqual(years('The law has stood since 1998.'), ['1998']);
  assert.deepEqual(years('The treaty was signed in Westphalia in 1648.'), ['1648']);
});
