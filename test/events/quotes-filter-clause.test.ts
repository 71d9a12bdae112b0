// The attribution filter's clause features (quotes-filter.ts clauseFeatures, via filterFeatures):
// the clause opener before an attribution, its verb group, a common-noun source's determiner.
// Sample sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf } from './helpers.js';
import { setFilterTap } from '../../src/events/quotes-filter.js';

/** The filter features of every attribution of `text` (the filter switched off by the tap). */
function featuresOf(text: string): string[][] {
  const out: string[][] = [];
  setFilterTap((f) => { out.push(f); });
  try { quotesOf(text); } finally { setFilterTap(null); }
  return out;
}
const has = (fs: string[][], re: RegExp): boolean => fs.some((f) => f.some((x) => re.test(x)));

test('clause opener: a subordinate or relative clause, against a main clause at the sentence start', () => {
  assert.ok(has(featuresOf('The mayor will resign if the council says the budget is illegal.'), /^op=verb\|if$/));
  assert.ok(has(featuresOf('Residents remain doubtful, although the mayor says the plan works.'), /^op=verb\|although$/));
  assert.ok(has(featuresOf('The minister said the port would reopen next week.'), /^op=verb\|-$/));
});

test('verb group: negation and a perfect auxiliary before the cue', () => {
  assert.ok(has(featuresOf('The company did not say whether the plant would close.'), /^neg\|verb$/));
  assert.ok(has(featuresOf('The governor has argued that the tax is unfair.'), /^aux=verb\|perf$/));
});

test('nesting: reported speech inside reported speech marks both attributions', () => {
  const fs = featuresOf('The spokesman said the senator had told donors that the bill would pass.');
  assert.ok(has(fs, /^nhold\|/), 'the outer attribution holds another cue in its content');
  assert.ok(has(fs, /^nin\|/), 'the inner attribution stands inside the outer one\'s content');
});
