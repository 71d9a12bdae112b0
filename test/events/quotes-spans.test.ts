// Source-span extent: coordinated subjects, possessors of noun cues, a phrase boundary the tagger
// missed (sample sentences written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, rulesOnly } from './helpers.js';

test('a coordinated subject that opens the clause is the whole source', () => {
  let q = quotesOf('The farmers union and its lawyers said the ruling would be appealed.');
  assert.equal(q.find((x) => x.cue?.text === 'said')?.source?.text, 'The farmers union and its lawyers');
  q = quotesOf('Teachers, parents and local officials have argued that the school should stay open.');
  assert.equal(q.find((x) => /argued/.test(x.cue?.text ?? ''))?.source?.text, 'Teachers, parents and local officials');
});

test('an object before "and" is not part of the subject: "The minister met the envoy and the mayor said"', () => {
  const q = quotesOf('The minister met the envoy and the mayor said the talks went well.');
  assert.equal(q.find((x) => x.cue?.text === 'said')?.source?.text, 'the mayor');
});

test('the possessor of a noun cue is the name before "\'s", not a phrase over a preposition', () => {
  const q = quotesOf('The newspaper ran a fact-check on Senator Alma Ruiz’s claim that the army had withdrawn.');
  assert.equal(q.find((x) => x.cue?.text === 'claim')?.source?.text, 'Senator Alma Ruiz’s');
});

test('the attribution filter model loads and keeps a plain reported statement', async () => {
  const { loadFilterModel } = await import('../../src/events/quotes-filter.js');
  const m = loadFilterModel();
  assert.ok(m && m.threshold >= 0 && m.threshold < 1 && Object.keys(m.weights).length > 10);
  const q = quotesOf('The defence minister said on Monday that the troops would stay until spring.');
  assert.equal(q.find((x) => /said/.test(x.cue?.text ?? ''))?.source?.text, 'The defence minister');
});

test('a participle after a comma and an adverb or a closing quotation mark takes the clause subject', () => {
  let q = rulesOnly('The mayor complained about the budget on Monday, even suggesting the council had misled voters.');
  assert.equal(q.find((x) => /suggesting/.test(x.cue?.text ?? ''))?.source?.text, 'The mayor');
  q = rulesOnly('The senator praised the general as a “true patriot,” saying he had served with honour.');
  assert.equal(q.find((x) => /saying/.test(x.cue?.text ?? ''))?.source?.text, 'The senator');
});
