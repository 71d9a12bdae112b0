// Source phrases with long appositions and names the tagger misreads (sample sentences written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc } from './helpers.js';

const quotesOf = (text: string) => codeEvents(makeDoc(text, [])).quotes;

test('an apposition with a reduced relative ("one of the regions suing the ministry") stays in the source', () => {
  const q = quotesOf('“This is an overreach,” Maria Castell, the attorney general of the province, one of the regions suing the ministry, said at a forum on Monday.');
  const a = q.find((x) => x.cue?.text === 'said');
  assert.equal(a?.source?.text, 'Maria Castell, the attorney general of the province, one of the regions suing the ministry');
});

test('a hyphenated participle ("Geneva-based") does not break an apposition', () => {
  const q = quotesOf('Tomas Brenner, a Geneva-based analyst and adviser to the trade council, said the tariffs would hurt exporters.');
  const a = q.find((x) => x.cue?.text === 'said');
  assert.equal(a?.source?.text, 'Tomas Brenner, a Geneva-based analyst and adviser to the trade council');
});
