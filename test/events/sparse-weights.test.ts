// The packed weight table (sparse-weights.ts): exact lookups of present and absent keys, also when
// keys share a hash bucket or a whole hash (sample keys written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PackedWeights, fnv1a } from '../../src/events/sparse-weights.js';

const SAMPLE: [string, number][] = [['l=say', 2.5], ['lp=say|VERB', 0.125], ['p1=PRON|VERB', -1.75], ['w=claimed', 1e-9], ['n1=that|VERB', -0.0], ['é|ünï', 3], ['引用', -4]];

test('present keys give their exact weights, absent keys undefined', () => {
  const t = new PackedWeights(SAMPLE);
  assert.equal(t.size, SAMPLE.length);
  for (const [k, v] of SAMPLE) assert.ok(Object.is(t.get(k), v), k);
  for (const k of ['', 'l=sa', 'l=says', 'l=say ', 'L=say', 'lp=say|NOUN', '引', 'é|üni']) {
    assert.equal(t.get(k), undefined, k);
    assert.equal(t.has(k), false);
  }
});

test('keys forced into one hash value are told apart by their characters', () => {
  const t = new PackedWeights(SAMPLE, () => 7);
  for (const [k, v] of SAMPLE) assert.ok(Object.is(t.get(k), v), k);
  assert.equal(t.get('l=sat'), undefined);
  assert.equal(t.get('w=claimer'), undefined);
});

test('keys sharing a bucket (same low hash bits) probe past each other', () => {
  // a hash that keeps only a key's length: every same-length key lands in one bucket
  const t = new PackedWeights([['ab', 1], ['cd', 2], ['ef', 3], ['abc', 4]], (s) => s.length * 1024);
  assert.deepEqual(['ab', 'cd', 'ef', 'abc', 'gh', 'abd'].map((k) => t.get(k)), [1, 2, 3, 4, undefined, undefined]);
});

test('a Latin-1 table does not match a wider character with the same low byte', () => {
  const t = new PackedWeights([['a\u00e9', 1]], () => 1);
  assert.equal(t.get('a\u01e9'), undefined);
  assert.equal(t.get('a\u00e9'), 1);
});

test('an empty table and FNV-1a reference values', () => {
  assert.equal(new PackedWeights([]).get('x'), undefined);
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
});
