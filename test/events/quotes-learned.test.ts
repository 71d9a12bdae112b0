// The learned cue model (quotes-learned.ts) and the noun, adjective and quantifier cues built on it
// (sample sentences written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSparseModel, sparseFeatures, sparseScore } from '../../src/events/quotes-learned.js';
import type { Tok } from '../../src/events/tokens.js';
import { E, quotesOf } from './helpers.js';

test('the sparse cue model loads, with its thresholds, and scores a saying verb above a verb of motion', () => {
  const m = loadSparseModel();
  assert.ok(m && m.weights.size > 1000 && m.threshold > 0 && m.threshold < 1);
  const tok = (text: string, pos: string, lemma = text.toLowerCase()): Tok => ({ text, low: text.toLowerCase(), lemma, pos, start: 0, end: 0, negated: false });
  const says = [tok('The', 'DET'), tok('minister', 'NOUN'), tok('said', 'VERB', 'say'), tok('that', 'SCONJ'), tok('talks', 'NOUN'), tok('failed', 'VERB', 'fail')];
  const walks = [tok('The', 'DET'), tok('minister', 'NOUN'), tok('walked', 'VERB', 'walk'), tok('to', 'ADP'), tok('the', 'DET'), tok('car', 'NOUN')];
  assert.ok(sparseScore(m!, sparseFeatures(says, 2, false, false)) >= m!.threshold);
  assert.ok(sparseScore(m!, sparseFeatures(walks, 2, false, false)) < m!.threshold);
});

test('a quantifier alone is the source: "Some have suggested", "although most oppose it"', () => {
  assert.equal(quotesOf('Some have suggested that the new port will never pay for itself.').find((x) => x.cue?.text === 'have suggested')?.source?.text, 'Some');
});

test('a floating quantifier stays in the cue: "The two ministers both stressed"', () => {
  const q = quotesOf('The two ministers both stressed that the ceasefire must hold.');
  const a = q.find((x) => x.cue?.text === 'both stressed');
  assert.equal(a?.source?.text, 'The two ministers');
});

test('a noun cue takes its possessor as source and the phrase after the preposition as content', () => {
  const q = quotesOf('The party welcomed her criticism of the new budget.');
  const a = q.find((x) => x.cue?.text === 'criticism of');
  assert.equal(a?.source?.text, 'her');
  assert.equal(a?.content.text, 'the new budget');
});

test('a pronoun source keeps the pronoun span; the speaker is its antecedent', () => {
  const text = 'Sergei Shoigu, the defence minister, said Moscow would send more advisers. He also said the base would grow.';
  const q = quotesOf(text, [['Sergei Shoigu', E.SHOIGU]]);
  const he = q.find((x) => x.source?.text === 'He');
  assert.ok(he, JSON.stringify(q.map((x) => [x.cue?.text, x.source?.text])));
  assert.equal(he!.speaker?.id, 'person/sergei-shoigu');
});

test('a relative pronoun source ("X, who has argued that ...") resolves to the name before it', () => {
  const text = 'The plan was drafted by Sergei Shoigu, who has argued that the base must grow.';
  const q = quotesOf(text, [['Sergei Shoigu', E.SHOIGU]]);
  const rel = q.find((x) => x.source?.text === 'who');
  assert.ok(rel, JSON.stringify(q.map((x) => [x.cue?.text, x.source?.text])));
  assert.equal(rel!.speaker?.id, 'person/sergei-shoigu');
});

test('a name ending in a capitalised verb-like word ("Human Rights Watch said") is the source', () => {
  const q = quotesOf('Human Rights Watch said the detentions broke international law.');
  assert.equal(q.find((x) => x.cue?.text === 'said')?.source?.text, 'Human Rights Watch');
});

test('an inverted cue closed by a quantifier: "..., tweeted another."', () => {
  const q = quotesOf('“The vote was rigged from the start,” tweeted another.');
  assert.equal(q.find((x) => x.cue?.text === 'tweeted')?.source?.text, 'another');
});
