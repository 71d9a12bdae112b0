// The cue model's context features (quotes-learned.ts) for the kinds of cue added in session 5:
// light-verb phrases scored with their object noun, infinitives with the verb they depend on, and
// quotation marks elsewhere in the sentence (sample sentences written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sparseFeatures } from '../../src/events/quotes-learned.js';
import type { Tok } from '../../src/events/tokens.js';

const tok = (text: string, pos: string, lemma = text.toLowerCase()): Tok => ({ text, low: text.toLowerCase(), lemma, pos, start: 0, end: 0, negated: false });

test('a light verb carries its object noun across determiner and adjectives: "raised serious concerns about"', () => {
  const s = [tok('The', 'DET'), tok('senator', 'NOUN'), tok('raised', 'VERB', 'raise'), tok('serious', 'ADJ'), tok('concerns', 'NOUN', 'concern'), tok('about', 'ADP'), tok('the', 'DET'), tok('deal', 'NOUN')];
  const f = sparseFeatures(s, 2, false, false);
  assert.ok(f.includes('o=raise|concern'), f.join(' '));
  assert.ok(f.includes('on=concern'));
  assert.ok(f.includes('ln2=raise|serious|concerns'));
});

test('a verb followed by a clause has no object feature: "warned that"', () => {
  const s = [tok('Officials', 'NOUN', 'official'), tok('warned', 'VERB', 'warn'), tok('that', 'SCONJ'), tok('talks', 'NOUN', 'talk'), tok('could', 'AUX'), tok('fail', 'VERB')];
  const f = sparseFeatures(s, 1, false, false);
  assert.ok(!f.some((x) => x.startsWith('o=')), f.join(' '));
  assert.ok(f.includes('sx=ed|NOUN|VERB'));
});

test('an infinitive knows the verb it depends on: "decided to back"', () => {
  const s = [tok('The', 'DET'), tok('governor', 'NOUN'), tok('decided', 'VERB', 'decide'), tok('to', 'PART'), tok('back', 'VERB'), tok('the', 'DET'), tok('bill', 'NOUN')];
  const f = sparseFeatures(s, 4, false, false);
  assert.ok(f.includes('g=decide|VERB') && f.includes('lg=back|decide'), f.join(' '));
  assert.ok(f.includes('inf|VERB'));
});

test('quotation marks before and after the token are seen: “...,” she said', () => {
  const s = [tok('“', 'PUNCT'), tok('We', 'PRON'), tok('will', 'AUX'), tok('win', 'VERB'), tok(',', 'PUNCT'), tok('”', 'PUNCT'), tok('she', 'PRON'), tok('said', 'VERB', 'say'), tok('.', 'PUNCT')];
  assert.ok(sparseFeatures(s, 7, false, true).includes('qs=10|VERB'));
  assert.ok(sparseFeatures(s, 3, true, false).includes('qs=11|VERB'));
});
