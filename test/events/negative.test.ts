// Sentences that must give no asserted event: opinion, sport "attacks", hypotheticals, negation,
// headlines in capitals, text without verbs (samples written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E } from './helpers.js';

const asserted = (text: string, marks: Parameters<typeof makeDoc>[1]) => {
  const doc = makeDoc(text, marks);
  const r = codeEvents(doc);
  return { doc, events: r.events.filter((e) => !e.negated && e.modality !== 'hypothetical') };
};

test('negation: "did not harbor intentions for military deployment" is no asserted MOBILIZE', () => {
  const { events } = asserted('Russia said it did not harbor intentions for military deployment in Afghanistan.', [['Russia', E.RUS], ['Afghanistan', E.AFG]]);
  assert.equal(events.length, 0);
});

test('hypothetical: "would attack if"', () => {
  const { events } = asserted('France would attack Iran only if talks collapsed.', [['France', E.FRA], ['Iran', E.IRN]]);
  assert.equal(events.length, 0);
});

test('sport: a striker "attacks" is no event without political actors', () => {
  const { events } = asserted('The striker attacks down the left wing in the second half.', []);
  assert.equal(events.length, 0);
});

test('opinion without an event verb', () => {
  const { events, doc } = asserted('Relations between Russia and China are complicated and full of history.', [['Russia', E.RUS], ['China', E.CHN]]);
  assert.equal(events.length, 0);
  assert.ok(doc.messages.some((m) => m.origin.startsWith('events:')), 'the reason is recorded as a message');
});

test('all-caps headline is not coded, with a message', () => {
  const { events, doc } = asserted('RUSSIA ATTACKS UKRAINE IN OVERNIGHT STRIKES', [['RUSSIA', E.RUS], ['UKRAINE', E.UKR]]);
  assert.equal(events.length, 0);
  assert.ok(doc.messages.some((m) => m.origin === 'events:all-caps'));
});

test('a 2,000-word sentence and a flattened table finish fast, with a message', () => {
  const long = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? 'Russia attacked Ukraine' : 'and')).join(' ') + '.';
  const table = Array.from({ length: 400 }, (_, i) => `| ${i} | 12.5 | 33 |`).join(' ');
  const t0 = performance.now();
  const doc = makeDoc(long + '\n\n' + table, [['Russia', E.RUS], ['Ukraine', E.UKR]]);
  const r = codeEvents(doc);
  assert.ok(performance.now() - t0 < 5000);
  assert.ok(Array.isArray(r.events));
  assert.ok(doc.messages.some((m) => m.origin === 'events:sentence-too-long'));
});

test('non-English text that slipped through gives no event and no crash', () => {
  const { events } = asserted('Россия и Китай договорились о сотрудничестве.', []);
  assert.equal(events.length, 0);
});

test('a question asserts nothing: "Did China send troops to Russia?"', () => {
  const { events } = asserted('Did China send troops to Russia?', [['China', E.CHN], ['Russia', E.RUS]]);
  assert.equal(events.length, 0);
});

test('a reported denial: what is denied is negated; what was not said is not claimed', () => {
  const marks: Parameters<typeof makeDoc>[1] = [['Russia', E.RUS], ['Ukraine', E.UKR], ['France', E.FRA]];
  for (const text of ['Russia denied that its troops attacked Ukraine.', 'Russia dismissed claims that its troops shelled Ukraine.', 'Russia did not say it had attacked Ukraine.']) {
    const { events } = asserted(text, marks);
    assert.ok(!events.some((e) => e.event === 'ASSAULT'), `${text}: ${events.map((e) => e.cameo).join(' ')}`);
  }
  // the denial's scope ends with its clause: "rejected the plan and attacked" denies nothing
  const { events } = asserted('Russia rejected the plan and attacked Ukraine.', marks);
  assert.ok(events.some((e) => e.event === 'ASSAULT'));
});
