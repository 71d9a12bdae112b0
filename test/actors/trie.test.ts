// The hand-written tokenizer must equal its reference definition (a Unicode regex) on any text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, aliasTokens, caseFits } from '../../src/actors/trie.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const SAMPLES = [
  'Côte d’Ivoire’s ex-leader 😀 said: “no”. Ελλάδα αθήνα 2024\u00a0x',
  'MOSCOW, Dec. 26 /TASS/. The U.S.-backed government fell; Al-Qaeda (AQAP) wasn\'t named.\n\nNew line\ttab',
  '  leading spaces, trailing spaces  ',
  'Mixed scripts: Москва, 北京, بغداد, עברית — and an em dash… done!?',
  '',
];

test('tokenize equals the regex definition on sample texts', () => {
  for (const s of SAMPLES) {
    assert.deepEqual(tokenize(s).map((t) => [t.start, t.text]), [...s.matchAll(TOKEN)].map((m) => [m.index, m[0]]));
    for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text);
  }
});

test('alias case classes: acronyms need upper case, names an initial capital, lexicon words any case', () => {
  const [us] = aliasTokens('US');
  assert.equal(us!.cls, 'U');
  assert.ok(caseFits(us!.cls, 'US'));
  assert.ok(!caseFits(us!.cls, 'us'));
  const [ge] = aliasTokens('Georgia');
  assert.ok(caseFits(ge!.cls, 'Georgia'));
  assert.ok(!caseFits(ge!.cls, 'georgia'));
  assert.equal(aliasTokens('defence minister', true)[0]!.cls, 'a');
});
