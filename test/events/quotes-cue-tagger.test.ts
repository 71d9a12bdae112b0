// The BIO cue tagger (quotes-learned.ts: quoteStates, viterbi, spansOf, cueSpanAt with the
// committed data/quotes/cue-tagger.json): the spans it gives for the kinds of cue it finds
// (auxiliaries and adverbs before the verb, a light verb with its adjective, "according to") and
// no cue in sentences that report nothing. Sample sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cueSpanAt, loadCueTagger, quoteStates, spansOf, tagTokens, viterbi } from '../../src/events/quotes-learned.js';
import { sentenceTokens, type Tok } from '../../src/events/tokens.js';
import { makeDoc } from './helpers.js';

const toksOf = (s: string): Tok[] => {
  const d = makeDoc(s, []);
  return sentenceTokens(d.sentences[0]!, d.text);
};
const spanText = (toks: Tok[], s: [number, number] | null): string | null => (s ? toks.slice(s[0], s[1] + 1).map((t) => t.text).join(' ') : null);
const at = (toks: Tok[], word: string): number => toks.findIndex((t) => t.text === word);

test('quoteStates: tokens between curly marks are inside; a closing mark first means the sentence began inside', () => {
  const a = toksOf('“We will not back down,” she said.');
  const qa = quoteStates(a);
  assert.equal(qa[at(a, 'We')], true);
  assert.equal(qa[at(a, 'she')], false);
  const b = toksOf('and we will win,” he said.');
  const qb = quoteStates(b);
  assert.equal(qb[at(b, 'win')], true);
  assert.equal(qb[at(b, 'said')], false);
  // a possessive apostrophe is no quotation mark
  const c = toksOf('The senators’ letter said the plan was dead.');
  assert.ok(quoteStates(c).every((x) => !x));
});

test('viterbi never puts I first or after O; spansOf reads B-I runs', () => {
  // emissions that prefer I everywhere: the best legal path starts with B
  const em = [0, 1, 5, 0, 1, 5, 0, 1, 5];
  const trans = new Float64Array(12);
  const l = viterbi(em, 3, trans);
  assert.deepEqual(Array.from(l), [1, 2, 2]);
  assert.deepEqual(spansOf([0, 1, 2, 0, 1, 1, 2, 0]), [[1, 2], [4, 4], [5, 6]]);
});

test('the committed tagger loads and gives multi-word cue spans', () => {
  assert.ok(loadCueTagger(), 'data/quotes/cue-tagger.json');
  const s1 = toksOf('The senator has also said that the bill would fail in the House.');
  assert.equal(spanText(s1, cueSpanAt(s1, at(s1, 'said'))), 'has also said');
  const s2 = toksOf('Officials made clear that no deal was near.');
  assert.equal(spanText(s2, cueSpanAt(s2, at(s2, 'made'))), 'made clear');
  const s3 = toksOf('According to the ministry, the talks will resume next week.');
  assert.equal(spanText(s3, cueSpanAt(s3, 0)), 'According to');
  const s4 = toksOf('“We will not back down,” she said on Tuesday.');
  assert.equal(spanText(s4, cueSpanAt(s4, at(s4, 'said'))), 'said');
  // the reported clause's own verb is no cue
  const s5 = toksOf('The report found that wages rose by three percent.');
  assert.equal(spanText(s5, cueSpanAt(s5, at(s5, 'found'))), 'found');
  assert.equal(cueSpanAt(s5, at(s5, 'rose')), null);
});

test('sentences that report nothing get no cue span', () => {
  const m = loadCueTagger()!;
  for (const s of ['The bridge was closed on Monday for repairs.', 'Heavy rain fell across the region overnight.', 'He walked to the store and bought bread.']) {
    const toks = toksOf(s);
    assert.deepEqual(spansOf(tagTokens(m, toks)), [], s);
    toks.forEach((t, i) => { if (t.pos === 'VERB') assert.equal(cueSpanAt(toks, i), null, `${s}: ${t.text}`); });
  }
});
