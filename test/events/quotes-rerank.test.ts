// The learned source-span reranker (quotes-filter.ts: sourceVariants, spanFeatures, rerankSource;
// data/quotes/source-spans.json). Sample sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf } from './helpers.js';
import { setSpanTap } from '../../src/events/quotes-filter.js';

const sourceOf = (text: string, cue = 'said'): string | undefined => quotesOf(text).find((q) => q.cue?.text === cue)?.source?.text;
/** The candidate sources offered for cues the rules found no source for (none first, as ''). */
function candidatesOf(text: string): string[][] {
  const out: string[][] = [];
  setSpanTap((vs) => { if (!vs[0]) out.push(vs.map((v) => (v ? text.slice(v[0], v[1]) : ''))); });
  try { quotesOf(text); } finally { setSpanTap(null); }
  return out;
}
/** The source variants the reranker chooses among (as text), the rules' own first. */
function variantsOf(text: string): string[][] {
  const out: string[][] = [];
  setSpanTap((vs) => { if (vs[0]) out.push(vs.map((v) => (v ? text.slice(v[0], v[1]) : ''))); });
  try { quotesOf(text); } finally { setSpanTap(null); }
  return out;
}

test('variants: the rules\' span first, then the phrase cut before a relative clause or a comma aside', () => {
  const [v] = variantsOf('Dan Keller, who has run the food bank for a decade, said donations had fallen.');
  assert.equal(v![0], 'Dan Keller, who has run the food bank for a decade');
  assert.ok(v!.includes('Dan Keller'));
  // (never a span ending inside the relative clause or on its pronoun)
  assert.ok(!v!.some((x) => /, who$|who has$/.test(x)));
});

test('variants: a phrase the rules started too late is extended to the clause start', () => {
  const [v] = variantsOf('The person familiar with the planning confirmed that the summit would go ahead.');
  assert.ok(v!.includes('The person familiar with the planning'));
});

test('the reranker drops a relative clause or an adverb aside after a name before its cue', () => {
  assert.equal(sourceOf('Dan Keller, who has run the food bank for a decade, said donations had fallen.'), 'Dan Keller');
  assert.equal(sourceOf('Haddad, meanwhile, said the bridge would reopen.'), 'Haddad');
});

test('the reranker keeps an apposition naming the office', () => {
  assert.equal(sourceOf('Omar Haddad, the mayor of the city, said the bridge would reopen.'), 'Omar Haddad, the mayor of the city');
});

test('a cue without a source gets candidate subjects: the phrase before an earlier verb of its clause', () => {
  const [c] = candidatesOf('All of the opposition parties reject the plan and have pledged to repeal it.');
  assert.equal(c![0], '');
  assert.ok(c!.includes('the opposition parties'));
});
