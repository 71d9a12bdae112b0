// The recogniser reads a dated alias in the sense it had on the article's date (sample sentences
// written for this test; the shipped KB carries bare "Congo" = COG before 1997-05-17, COD from then).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKB, recognizeActors } from '../../src/actors/index.js';
import { sampleDoc } from './helpers.js';

const kb = loadKB();
const text = 'Rebels in Congo attacked a village near the border, the government of Congo said on Monday.';
const countries = (date: string | null): string[] =>
  recognizeActors(sampleDoc(text, date), kb).filter((m) => /Congo/.test(m.text)).map((m) => m.entity?.country_code ?? '-');

test('bare "Congo" in a 1995 article is the Republic of the Congo', () => {
  const got = countries('1995-03-01');
  assert.ok(got.length >= 2, `mentions: ${got}`);
  assert.ok(got.every((c) => c === 'COG'), `got ${got}`);
});

test('bare "Congo" after May 1997, or undated, is the Democratic Republic of the Congo', () => {
  for (const d of ['2005-03-01', null]) {
    const got = countries(d);
    assert.ok(got.length >= 2 && got.every((c) => c === 'COD'), `${d}: got ${got}`);
  }
});
