// A text's tokens, POS and lemmas must not depend on what the process read before: wink-nlp interns
// every unknown word it meets, and its tokenizer used to consult those learned words (after
// "the men's' lawyers" it kept "men's" as one token everywhere). Sample texts written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/text/sentences.js';

const TEXTS = [
  "Lawyers for the women's team and the men's squad met on Monday, and Korea's delegation walked out.",
  "There was no reply from the men's' lawyers, nor from the women's'. Officials later met Korea's.",
  "Valdoria's foreign ministry summoned the envoy of Kestrany's government over the border incident.",
  "A spokesman said Valdoria's. Kestrany's' officials declined to comment on the Brantwick-Ostrava talks.",
  "The Brantwick-Ostrava pipeline deal, signed in Zelmont's capital, was suspended; Zelmont's army mobilised.",
  "Talks on the Zelmont-Valdoria border resumed.Officials from both sides met in Ostrava's old town.",
];

const tokens = (text: string): string =>
  splitSentences(text).map((s) => s.tokens.map((t) => `${t.start}:${t.text}/${t.pos}/${t.lemma}${t.negated ? '/neg' : ''}`).join(' ')).join('\n');

test('every sample text tokenises the same whatever was read before it (forward, reverse, repeated)', () => {
  const first = TEXTS.map(tokens);
  const reverse = [...TEXTS].reverse().map(tokens).reverse();
  const again = TEXTS.map(tokens);
  for (let i = 0; i < TEXTS.length; i++) {
    assert.equal(reverse[i], first[i], `text ${i} after reading the later texts`);
    assert.equal(again[i], first[i], `text ${i} on a second pass`);
  }
});

test("a possessive after an unknown glued form still gives the stem its own POS and lemma", () => {
  tokens("No comment came from the men's' lawyers.");
  const t = splitSentences("The men's relay final was delayed.")[0]!.tokens;
  const men = t.find((x) => x.text === 'men')!;
  assert.deepEqual([men.pos, men.lemma], ['NOUN', 'man']);
  assert.deepEqual(t.map((x) => x.text), ['The', 'men', "'s", 'relay', 'final', 'was', 'delayed', '.']);
});
