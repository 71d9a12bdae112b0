// Session 7: events inside direct quotes carry the quote's speaker, its relay (via) and modality
// "claimed", and the quote's first person is the speaker's side. Sample texts written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, type Ent } from './helpers.js';

const NOWAK: Ent = { id: 'person/jan-nowak', kind: 'person', cc: 'POL', code: 'POLGOV', name: 'Jan Nowak', sector: 'GOV' };
const POL: Ent = { id: 'POL', kind: 'state', cc: 'POL', code: 'POL', name: 'Poland' };
const PAP: Ent = { id: 'org/pap', kind: 'media', cc: 'POL', code: 'POLMED', name: 'PAP' };
const CRISIS_GROUP: Ent = { id: 'org/crisis-group', kind: 'organization', cc: null, code: 'NGO', name: 'Crisis Group' };

test('an event in a direct quote attributed after it ("..., X was quoted as saying by <agency>") is the speaker\'s claim, relayed', () => {
  const text = 'Poland hosted the talks on Monday.\n\n“We are steadily building a strategic partnership with Ukraine,” Defence Minister Jan Nowak was quoted as saying by the state news agency PAP.';
  // the actors stage resolved "We" to the wrong party (the nearest state): the quote's speaker wins
  const a = codeMarked(text, [['Poland', POL], ['Ukraine', E.UKR], ['Jan Nowak', NOWAK], ['PAP', PAP], ['We', E.UKR]]);
  const e = a.find((x) => x.text_info.trigger.text === 'building');
  assert.ok(e, eventView(a).join('; '));
  assert.equal(e.actor[0]!.id, 'POL', eventView(a).join('; '));
  assert.equal(e.actor[0]!.code, 'POLGOV');
  assert.equal(e.actor[0]!.name, 'Poland', 'named as the article names the state');
  assert.equal(e.actor[0]!.entity_text, 'We');
  assert.deepEqual(e.recipient.map((r) => r.id), ['UKR']);
  assert.equal(e.modality, 'claimed');
  assert.equal(e.speaker?.id, 'person/jan-nowak');
  assert.equal(e.via?.id, 'org/pap');
  assert.match(e.quote ?? '', /^We are steadily building/);
});

test('an unresolved first-person subject in a quote is the speaker\'s side; an organisation speaks for itself', () => {
  const a = codeMarked('“We have repeatedly criticised Ukraine over the arrests,” said the head of the Crisis Group.', [['Ukraine', E.UKR], ['Crisis Group', CRISIS_GROUP]]);
  const e = a.find((x) => x.event === 'ACCUSE' || x.cameo.startsWith('11'));
  assert.ok(e, eventView(a).join('; '));
  assert.equal(e.actor[0]?.id, 'org/crisis-group', eventView(a).join('; '));
  assert.equal(e.modality, 'claimed');
});

test('the second paragraph of a quote, attributed by "she said" after it, is the same speaker\'s', () => {
  const text = '“We will not recognise the vote,” Jan Nowak said on Tuesday.\n\n“We will also send humanitarian aid to Ukraine,” he said.';
  const a = codeMarked(text, [['Ukraine', E.UKR], ['Jan Nowak', NOWAK]]);
  const e = a.find((x) => x.text_info.trigger.text === 'send');
  assert.ok(e, eventView(a).join('; '));
  assert.equal(e.actor[0]?.id, 'POL', eventView(a).join('; '));
  assert.equal(e.speaker?.id, 'person/jan-nowak');
  assert.notEqual(e.modality, 'asserted');
});

test('a word in scare quotes is nobody\'s claim: the event stays asserted', () => {
  const a = codeMarked('Poland signed a “strategic” agreement with Ukraine on Monday.', [['Poland', POL], ['Ukraine', E.UKR]]);
  const e = a.find((x) => x.text_info.trigger.text === 'signed');
  assert.ok(e, eventView(a).join('; '));
  assert.equal(e.modality, 'asserted');
  assert.equal(e.speaker, null);
});

test('a sentence with actors and no event says why in a message (an attribution with no event verb in what it reports)', async () => {
  const { makeDoc } = await import('./helpers.js');
  const { codeEvents } = await import('../../src/events/index.js');
  const doc = makeDoc('Jan Nowak said Poland was neutral.', [['Jan Nowak', NOWAK], ['Poland', POL]]);
  const r = codeEvents(doc);
  assert.equal(r.events.length, 0);
  const m = doc.messages.find((x) => x.origin.startsWith('events:'));
  assert.ok(m, JSON.stringify(doc.messages));
  assert.equal(m.start, 0);
});
