// The pattern index (src/events/lexicon.ts candidatePatterns): for a sentence it must return, in
// block order, every pattern of the block that passes the coder's quick rejection (each item has an
// alternative whose first word, or that word's singular, is among the sentence's words), so that
// indexing changes the time of coding and never its result. Sample sentences written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon, candidatePatterns, type Pattern } from '../../src/events/lexicon.js';
import { sentenceWordSet } from '../../src/events/coder.js';
import { sentenceTokens } from '../../src/events/tokens.js';
import { makeDoc } from './helpers.js';

const SAMPLES = [
  'The ministry in Lima demanded the extradition of the former mayor and urged talks with the rebels.',
  'Farmers blocked highways and began a hunger strike to demand the resignation of the governor.',
  'The army opened fire on protesters, and police arrested dozens of students.',
  'Chile will provide food aid and send peacekeeping troops to the border region.',
  'No verbs here at all, just nouns and commas, tables, numbers 1 2 3.',
];
const passes = (p: Pattern, words: Set<string>): boolean => [...p.before, ...p.after].every((item) => item.some((alt) => {
  const w = alt[0]!;
  return words.has(w) || (w.endsWith('s') && words.has(w.slice(0, -1)));
}));

test('candidatePatterns keeps, in order, every pattern that can pass the quick rejection', () => {
  const lex = loadLexicon();
  let kept = 0, total = 0;
  for (const text of SAMPLES) {
    const doc = makeDoc(text, []);
    const words = sentenceWordSet(sentenceTokens(doc.sentences[0]!, doc.text));
    for (const [block, ps] of lex.patterns) {
      const got = candidatePatterns(lex, block, words);
      // order kept, no pattern twice, a subset of the block
      const at = got.map((p) => ps.indexOf(p));
      assert.ok(at.every((k, j) => k >= 0 && (j === 0 || k > at[j - 1]!)), `${block}: order or membership`);
      const want = ps.filter((p) => passes(p, words));
      const gotSet = new Set(got);
      for (const p of want) assert.ok(gotSet.has(p), `${block}: a passing pattern was dropped for "${text}"`);
      kept += got.length; total += ps.length;
    }
  }
  // the index is worth having: most patterns are never tried
  assert.ok(kept < total / 5, `kept ${kept} of ${total}`);
});

test('candidatePatterns of an unknown or empty block is empty', () => {
  const lex = loadLexicon();
  assert.deepEqual(candidatePatterns(lex, 'NO_SUCH_BLOCK', new Set(['talks'])), []);
  assert.deepEqual(candidatePatterns(lex, [...lex.patterns.keys()][0]!, new Set()), []);
});
