// Session 8: what a user reading the events found wrong, by kind (sample sentences written for these tests,
// not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, makeDoc, type Ent } from './helpers.js';
import { codeEvents } from '../../src/events/index.js';

// the actors stage's entity for the writer's own "I" outside quotes (src/actors/recognize.ts AUTHOR_ID)
const WRITER: Ent = { id: 'author', kind: 'person', cc: null, code: '', name: 'the author' };
const AHMED: Ent = { id: 'person/ahmed-karimi', kind: 'person', cc: 'AFG', code: 'AFGGOV', name: 'Ahmed Karimi', sector: 'GOV' };

test('the writer\'s own "I" (interviewee, columnist) is no actor: its acts are not coded, with a reason', () => {
  for (const [s, mark] of [
    ['I met the Russian ambassador in Kabul last week.', 'I'],
    ['I strongly criticised Russia over the arrests.', 'I'],
    ['Last year I visited Ukraine twice.', 'I'],
  ] as const) {
    const doc = makeDoc(s, [[mark, WRITER], ['Russia', E.RUS], ['Russian', E.RUS], ['Ukraine', E.UKR], ['Kabul', E.AFG]]);
    const { events } = codeEvents(doc);
    assert.ok(!events.some((e) => e.actor.some((a) => a.id === 'author')), `${s}: ${eventView(events).join('; ')}`);
    assert.ok(doc.messages.some((m) => m.origin === 'events:author'), `${s}: ${doc.messages.map((m) => m.origin).join(', ')}`);
  }
});

test('the writer as a recipient is dropped; the act of the named actor stays', () => {
  const a = codeMarked('Ahmed Karimi criticised me and Russia over the arrests.', [['me', WRITER], ['Ahmed Karimi', AHMED], ['Russia', E.RUS]]);
  assert.ok(a.length, 'an event');
  assert.ok(a.every((e) => !e.recipient.some((r) => r.id === 'author') && !e.actor.some((r) => r.id === 'author')), eventView(a).join('; '));
  assert.ok(a.some((e) => e.actor[0]?.id === AHMED.id), eventView(a).join('; '));
});

test('a compound actor with the writer keeps its other members', () => {
  const a = codeMarked('Ahmed Karimi and I criticised Russia over the arrests.', [['I', WRITER], ['Ahmed Karimi', AHMED], ['Russia', E.RUS]]);
  const e = a.find((x) => x.recipient.some((r) => r.id === 'RUS'));
  assert.ok(e, eventView(a).join('; '));
  assert.deepEqual(e.actor.map((x) => x.id), [AHMED.id]);
});

const PAK: Ent = { id: 'PAK', kind: 'state', cc: 'PAK', code: 'PAK', name: 'Pakistan' };
const TUR: Ent = { id: 'TUR', kind: 'state', cc: 'TUR', code: 'TUR', name: 'Turkey' };

test('a refused permission for hostile use of one\'s own ground is a pledge (030 AGREE) to the party named, not a refusal (124)', () => {
  for (const [s, target] of [
    ['Afghanistan would never allow its territory to be used against Russia, the minister said.', 'RUS'],
    ['Pakistan will not allow its soil to be used for attacks on Afghanistan.', 'AFG'],
    ['Iran does not permit its airspace to be used against Afghanistan.', 'AFG'],
  ] as const) {
    const a = codeMarked(s, [['Afghanistan', E.AFG], ['Russia', E.RUS], ['Pakistan', PAK], ['Iran', E.IRN]]);
    const e = a.find((x) => /^(allow|permit)$/.test(x.text_info.trigger.text));
    assert.ok(e, `${s}: ${eventView(a).join('; ')}`);
    assert.equal(e.cameo, '030', `${s}: ${eventView(a).join('; ')}`);
    assert.equal(e.event, 'AGREE');
    assert.equal(e.negated, false, 'the pledge itself was made');
    assert.deepEqual(e.recipient.map((r) => r.id), [target]);
    assert.equal(e.intended?.negated, true, 'the act pledged is a refused permission');
  }
});

test('other refused permissions stay refusals: of someone else\'s act, or of a use that is not hostile', () => {
  for (const s of [
    'Turkey will not allow Russia to send warships through the straits.',
    'Russia will not allow Ukraine to join the alliance.',
  ]) {
    const a = codeMarked(s, [['Turkey', TUR], ['Russia', E.RUS], ['Ukraine', E.UKR]]);
    assert.ok(!a.some((e) => e.cameo === '030'), `${s}: ${eventView(a).join('; ')}`);
  }
  const b = codeMarked('Afghanistan will not allow its territory to be used for drug trafficking.', [['Afghanistan', E.AFG]]);
  assert.ok(!b.some((e) => e.cameo === '030'), eventView(b).join('; '));
});

const FRA: Ent = { id: 'FRA', kind: 'state', cc: 'FRA', code: 'FRA', name: 'France' };

test('"X was the first country to recognize Y" is no attribution: a ranked infinitive of a verb that mostly reports acts', () => {
  for (const s of [
    'Russia was the first country to recognize the Islamic Emirate of Afghanistan last July.',
    'France was the only member state to refuse the new rules after the summit.',
  ]) {
    const { quotes } = codeEvents(makeDoc(s, [['Russia', E.RUS], ['France', FRA], ['Afghanistan', E.AFG]]));
    assert.ok(!quotes.some((q) => /^to /.test(q.cue?.text ?? '')), `${s}: ${JSON.stringify(quotes.map((q) => q.cue?.text))}`);
  }
});

test('... but a speech act or a reported clause after it keeps its cue', () => {
  const a = codeEvents(makeDoc('He was the first minister to say that the talks had failed.', [])).quotes;
  assert.ok(a.some((q) => q.cue?.text === 'to say'), JSON.stringify(a.map((q) => q.cue?.text)));
  const b = codeEvents(makeDoc('France is the third country to announce new sanctions on Russia this month.', [['France', FRA], ['Russia', E.RUS]])).quotes;
  assert.ok(b.some((q) => q.cue?.text === 'to announce'), JSON.stringify(b.map((q) => q.cue?.text)));
});
