// Session 4: which events a sentence yields and who fills the roles (sample sentences written for
// these tests, not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E, eventView } from './helpers.js';
import { mentionGroups } from '../../src/events/coder.js';
import { sentenceTokens } from '../../src/events/tokens.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
const BOL = { id: 'BOL', kind: 'state' as const, cc: 'BOL', code: 'BOL', name: 'Bolivia' };
const MARKS: Array<[string, typeof CHL]> = [['Chile', CHL], ['Peru', PER], ['Bolivia', BOL], ['France', E.FRA], ['Iran', E.IRN], ['Russia', E.RUS]];
const code = (text: string) => codeEvents(makeDoc(text, MARKS)).events;

test('a word after an article and its modifiers is a noun, not an event verb ("after a two-year break")', () => {
  const es = codeEvents(makeDoc('Chile and Peru have upgraded their ties after an 18-year break.', MARKS), { keepActorless: true }).events;
  assert.ok(!es.some((e) => e.text_info.trigger.text === 'break'), eventView(es).join('; '));
});

test('a participle after a quoted noun modifies it ("a ``special law\'\' recognizing X")', () => {
  const es = code("The parliament of Chile approved a ``new law'' recognizing the borders of Peru.");
  assert.ok(!es.some((e) => e.text_info.trigger.text === 'recognizing'), eventView(es).join('; '));
});

test('an object is not looked for past a coordinated verb phrase (", but was still refusing ...")', () => {
  const a = code('Chile opened its borders to refugees on Monday, but was still refusing entry to people from Peru.');
  const open = a.find((e) => e.text_info.trigger.text === 'opened');
  assert.ok(open && !open.recipient.some((e) => e.id === 'PER'), eventView(a).join('; '));
});

test('"as shells continued crashing into X": the subordinate clause has its own subject, not the main clause\'s', () => {
  const es = code('Chile ended its mediation between the parties in Peru as shells continued crashing into the port of Peru.');
  assert.ok(!es.some((e) => e.text_info.trigger.text === 'crashing' && e.actor.some((a) => a.id === 'CHL')), eventView(es).join('; '));
});

test('what protesters demand in a participle of their protest is its purpose, not a second event', () => {
  const a = code('Supporters of the president of Peru blocked roads in Chile demanding that he be reinstated.');
  assert.ok(a.some((e) => e.cameo.startsWith('14')), eventView(a).join('; '));
  assert.ok(!a.some((e) => /^(02|10)/.test(e.cameo)), eventView(a).join('; '));
  // a demand in a clause of its own stays an event
  const b = code('Students in Chile staged a rally on Monday, and Peru demanded the release of its citizens.');
  assert.ok(b.some((e) => e.cameo.startsWith('10')), eventView(b).join('; '));
});

test('the content of a charge made after it ("..., a rights group protested") is no event of its own', () => {
  const doc = makeDoc('Chile is failing to protect refugees from Peru, Amnesty International protested on Monday.', [...MARKS, ['Amnesty International', { id: 'org/amnesty', kind: 'organization', cc: null, code: 'NGOHRI', name: 'Amnesty International' }]]);
  const es = codeEvents(doc).events;
  assert.ok(es.some((e) => e.event === 'ACCUSE'), eventView(es).join('; '));
  assert.ok(!es.some((e) => e.text_info.trigger.text === 'failing'), eventView(es).join('; '));
});

test('after a modal the word is a verb even when tagged an adjective ("said it would free prisoners")', () => {
  const es = code('Chile announced it would free 150 prisoners from Peru by the end of August.');
  assert.ok(es.some((e) => e.text_info.trigger.text === 'free' && e.recipient.some((r) => r.id === 'PER')), eventView(es).join('; '));
});

test('a compound subject of an infinitive is both sides of a reciprocal act ("X and Y are seeking to deepen ties")', () => {
  const es = code('Chile and Peru are seeking to deepen a partnership in energy.');
  assert.ok(es.some((e) => e.text_info.trigger.text === 'deepen' && e.actor.length === 2), eventView(es).join('; '));
  // a compound agent of a passive modifier is not
  const b = code('France apologized to Chile for an incident in the channel, disputed by Peru and Iran.');
  assert.ok(!b.some((e) => e.text_info.trigger.text === 'disputed'), eventView(b).join('; '));
});

test('a gerund after a noun of decision or possibility is no event ("the decision of sending troops"); after a light noun it is', () => {
  const a = codeEvents(makeDoc('Police in Chile stopped a protest against the decision of sending troops to Peru.', MARKS), { keepActorless: true }).events;
  assert.ok(!a.some((e) => e.text_info.trigger.text === 'sending'), eventView(a).join('; '));
  const b = codeEvents(makeDoc('Chile has begun the process of returning the refugees to Peru.', MARKS), { keepActorless: true }).events;
  assert.ok(b.some((e) => e.text_info.trigger.text === 'returning'), eventView(b).join('; '));
});

test('a forecast passive ("expected to be visited by X") is hypothetical, not a future act', () => {
  // (session 5: "joined" alone is no event any more, data/lexicon/supplement.txt ASSEMBLE)
  const es = code('Peru opened a new port on Monday, expected to be visited later by Chile.');
  const j = es.find((e) => e.text_info.trigger.text === 'visited');
  assert.equal(j?.modality, 'hypothetical', eventView(es).join('; '));
});

test('a comma list of three or more actors is one group even when an aside breaks its end', () => {
  const es = code('France agreed to lift the embargo on sales to Chile, Peru, Iran, and with conditions, Russia.');
  const a = es.find((e) => e.text_info.trigger.text === 'agreed');
  assert.deepEqual(a?.recipient.map((e) => e.id), ['CHL', 'PER', 'IRN'], eventView(es).join('; '));
  // two names with a comma are no list ("Chile, Peru said")
  const b = mentionGroups(sentenceTokens(makeDoc('Officials in Chile, Peru said.', MARKS).sentences[0]!, 'Officials in Chile, Peru said.'), makeDoc('Officials in Chile, Peru said.', MARKS).mentions);
  assert.equal(b.length, 2);
});

test('a participle tagged a noun after "have" is a verb ("forces have retaken a village")', () => {
  const es = code('Forces from Peru have retaken a strategic village in Chile after heavy fighting.');
  assert.ok(es.some((e) => e.text_info.trigger.text === 'retaken'), eventView(es).join('; '));
});

test('"held talks with leaders of X" is a negotiation both ways, like "held talks with X" (CAMEO 046)', () => {
  const es = code('The foreign minister of Chile held talks with leaders of Peru on Tuesday.');
  const t = es.find((e) => e.cameo.startsWith('046'));
  assert.deepEqual(t?.actor.map((e) => e.id).sort(), ['CHL', 'PER'], eventView(es).join('; '));
});

test('a second verb of the same type whose only target is the place adds no record ("killed ... when they blew themselves up in X")', () => {
  const es = code('Two bombers from Peru killed 23 people from Chile late Sunday when they blew themselves up in Chile.');
  assert.equal(es.filter((e) => e.event === 'ASSAULT').length, 1, eventView(es).join('; '));
});

test('the reason given for an arrest, a sentence or an accusation ("jailed X for helping militants join Y") is its charge, not an event', () => {
  const es = code('A court in Chile has jailed a student from Peru for two years for helping militants join an armed group in Bolivia, his lawyer said.');
  assert.deepEqual(es.map((e) => e.text_info.trigger.text), ['jailed'], eventView(es).join('; '));
  // a purpose of a later clause of its own stays
  const b = code('Chile arrested a student from Peru, and Bolivia asked for help.');
  assert.ok(b.some((e) => e.text_info.trigger.text.startsWith('asked')), eventView(b).join('; '));
});
