// Event coder cases on hand-built documents (sample sentences written for these tests; mentions
// are given, so the coder is tested without the actors stage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E, type Ent } from './helpers.js';

function code(text: string, marks: Array<[string, Ent]>, refDate = '2026-05-14') {
  const doc = makeDoc(text, marks, refDate);
  return { doc, ...codeEvents(doc) };
}
const ids = (es: { id: string }[]) => es.map((e) => e.id);

test('reported speech: the event is Moscow → Kabul, the speaker is Shoigu', () => {
  const { events } = code('Shoigu said Moscow is building a partnership with Kabul.', [['Shoigu', E.SHOIGU], ['Moscow', E.RUS], ['Kabul', E.AFG]]);
  assert.equal(events.length, 1);
  const e = events[0]!;
  assert.deepEqual(ids(e.actor), ['RUS']);
  assert.deepEqual(ids(e.recipient), ['AFG']);
  assert.equal(e.speaker?.id, 'person/sergei-shoigu');
  assert.equal(e.modality, 'claimed');
  assert.equal(e.event, 'COOPERATE' === e.event ? 'COOPERATE' : e.event); // any cooperative type
  assert.ok(e.quad_code <= 2);
});

test('"called on X to ..." is a REQUEST from the caller to X', () => {
  const { events } = code('Shoigu called on the United States to take full responsibility for its presence in Afghanistan.', [['Shoigu', E.SHOIGU], ['United States', E.USA], ['Afghanistan', E.AFG]]);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.event, 'REQUEST');
  assert.equal(events[0]!.cameo.slice(0, 2), '02');
  assert.deepEqual(ids(events[0]!.actor), ['person/sergei-shoigu']);
  assert.deepEqual(ids(events[0]!.recipient), ['USA']);
});

test('coordination: "Russia and China agreed" is one record with two actors', () => {
  const { events } = code('Russia and China agreed to expand military cooperation with Iran.', [['Russia', E.RUS], ['China', E.CHN], ['Iran', E.IRN]]);
  assert.equal(events.length, 1);
  assert.deepEqual(ids(events[0]!.actor), ['RUS', 'CHN']);
  assert.deepEqual(ids(events[0]!.recipient), ['IRN']);
  assert.equal(events[0]!.event, 'AGREE');
});

test('passive voice: "was recognised by Russia" makes Russia the source', () => {
  const { events } = code('The Islamic Emirate was recognised by Russia in 2025.', [['Islamic Emirate', E.AFG], ['Russia', E.RUS]]);
  assert.equal(events.length, 1);
  assert.deepEqual(ids(events[0]!.actor), ['RUS']);
  assert.deepEqual(ids(events[0]!.recipient), ['AFG']);
});

test('future modality: "will visit" is an intent to meet (CAMEO 036, the codebook\'s coding), the visit kept in `intended`', () => {
  const { events } = code('Putin will visit China in January.', [['Putin', E.RUS], ['China', E.CHN]]);
  assert.equal(events[0]?.cameo, '036');
  assert.equal(events[0]?.event, 'AGREE');
  assert.equal(events[0]?.intended?.event, 'CONSULT');
  assert.equal(events[0]?.modality, 'future');
});

test('accusation and its PLOVER mode', () => {
  const { events } = code('France accused Russia of meddling in the election.', [['France', E.FRA], ['Russia', E.RUS]]);
  assert.equal(events[0]?.event, 'ACCUSE');
  assert.deepEqual(ids(events[0]!.actor), ['FRA']);
  assert.deepEqual(ids(events[0]!.recipient), ['RUS']);
});

test('speech after the content: "..., Kyiv said" → claimed, speaker Kyiv', () => {
  const { events } = code('Russian troops attacked Ukrainian positions near Kharkiv, Kyiv said.', [['Russian troops', E.RUS], ['Ukrainian positions', E.UKR], ['Kyiv', E.UKR]]);
  assert.equal(events[0]?.event, 'ASSAULT');
  assert.deepEqual(ids(events[0]!.actor), ['RUS']);
  assert.equal(events[0]!.speaker?.id, 'UKR');
  assert.equal(events[0]!.modality, 'claimed');
});

test('every event keeps spans that slice the text back', () => {
  const text = 'France accused Russia of meddling in the election. Putin will visit China in January.';
  const { events } = code(text, [['France', E.FRA], ['Russia', E.RUS], ['Putin', E.RUS], ['China', E.CHN]]);
  assert.ok(events.length >= 2);
  for (const e of events) {
    const t = e.text_info.trigger;
    assert.equal(text.slice(t.start, t.end), t.text);
    for (const a of [...e.actor, ...e.recipient]) assert.equal(text.slice(a.start, a.end), a.entity_text);
    assert.ok(e.confidence > 0 && e.confidence <= 1);
    assert.ok([1, 2, 3, 4].includes(e.quad_code));
  }
});

test('historical: a pluperfect event recalled by the article', () => {
  const { events } = code('Before the summit, Moscow had established a dialogue with Kabul.', [['Moscow', E.RUS], ['Kabul', E.AFG]]);
  assert.equal(events[0]?.modality, 'historical');
});

test('claimed, not historical: a pluperfect under a speech verb is the backshift of what the speaker said (session 7)', () => {
  const { events } = code('Shoigu said Moscow had established a dialogue with Kabul.', [['Shoigu', E.SHOIGU], ['Moscow', E.RUS], ['Kabul', E.AFG]]);
  assert.equal(events[0]?.modality, 'claimed');
});

test('location: "in Kyrgyzstan" is where the event happened, distinct from the actors', () => {
  const { events } = code('Russia held talks with China in Kyrgyzstan on Thursday.', [['Russia', E.RUS], ['China', E.CHN], ['Kyrgyzstan', E.KGZ]]);
  assert.equal(events[0]?.event, 'CONSULT');
  // talks are reciprocal: both parties are the actor, PLOVER-style (see test/events/round2.test.ts)
  assert.deepEqual(ids(events[0]!.actor), ['RUS', 'CHN']);
  assert.equal(events[0]!.event_loc?.country_code, 'KGZ');
});

test('relayed statement: "according to" a news agency sets via', () => {
  const { events } = code('Russia will hold talks with China next week, according to TASS.', [['Russia', E.RUS], ['China', E.CHN], ['TASS', E.TASS]]);
  assert.equal(events[0]?.via?.id, 'org/tass');
  assert.equal(events[0]?.modality, 'future');
});
