// Which events a sentence yields and who fills the roles (session 3; sample sentences written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E, eventView } from './helpers.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
const MARKS: Array<[string, typeof CHL]> = [['Chile', CHL], ['Peru', PER], ['France', E.FRA], ['Iran', E.IRN], ['Russia', E.RUS]];
const code = (text: string) => codeEvents(makeDoc(text, MARKS)).events;

test('what an accusation charges is no event of its own ("accused X of V-ing, V-ing", "charging X with V-ing")', () => {
  const a = code('France accused Iran of violating human rights, ignoring international law and sending weapons to Peru.');
  assert.equal(a.length, 1, eventView(a).join('; '));
  assert.equal(a[0]!.event, 'ACCUSE');
  const b = code('Chile lodged an official protest with Peru today, charging its neighbor with supporting rebels.');
  assert.equal(b.length, 1, eventView(b).join('; '));
  // an allegation reported as a clause stays a claimed event
  const c = code('France alleged that Iran had attacked Peru.');
  assert.ok(c.some((e) => e.event === 'ASSAULT' && e.modality !== 'asserted'), eventView(c).join('; '));
});

test('"demanded the withdrawal of X from Y": the one the named act is done to is the target', () => {
  const es = codeEvents(makeDoc('France demanded the withdrawal of Russian forces from Peru on Monday.', [['France', E.FRA], ['Russian forces', E.RUS], ['Peru', PER]])).events;
  assert.deepEqual(es[0]!.recipient.map((e) => e.id), ['RUS'], eventView(es).join('; '));
  // a plain object keeps its "from" target
  const b = codeEvents(makeDoc('France bought the remaining shares of the company from Peru.', [['France', E.FRA], ['Peru', PER]])).events;
  assert.ok(!b.length || b[0]!.recipient.every((e) => e.id === 'PER'));
});

test('speakers: "X was quoted today as saying he would ...", "Iraq\'s interim government announced that it ..."', () => {
  const MAR = { id: 'MAR', kind: 'state' as const, cc: 'MAR', code: 'MAR', name: 'Morocco' };
  const a = codeEvents(makeDoc('King Hassan of Morocco was quoted today as saying he would be ready to host a meeting with Peru.', [['King Hassan of Morocco', MAR], ['Peru', PER]])).events;
  assert.ok(a.some((e) => e.actor.some((x) => x.id === 'MAR') && e.event === 'AGREE'), eventView(a).join('; '));
  const b = codeEvents(makeDoc("Chile's interim government announced that it is ready to release the prisoners from Peru.", [['Chile', CHL], ['Peru', PER]])).events;
  assert.ok(b.some((e) => e.actor.some((x) => x.id === 'CHL') && e.cameo === '0353'), eventView(b).join('; '));
});

test('"received aid from X", "won backing from X": X gives, the subject receives', () => {
  const a = code('Peru received military aid from Chile.');
  assert.deepEqual([a[0]!.actor.map((e) => e.id), a[0]!.recipient.map((e) => e.id)], [['CHL'], ['PER']], eventView(a).join('; '));
  // meeting people who come from a country is no transfer: the subject still acts
  const b = code('Chile met envoys from Peru.');
  assert.deepEqual(b[0]!.actor.map((e) => e.id), ['CHL']);
});

test('"Israeli helicopters and tanks": the nationality of the first force qualifies the second', async () => {
  const { mentionGroups } = await import('../../src/events/coder.js');
  const { sentenceTokens } = await import('../../src/events/tokens.js');
  const text = 'Chilean helicopters and tanks shelled positions in Peru.';
  const doc = makeDoc(text, [['Peru', PER]]);
  const ent = (t: string, cc: string | null, code: string, sector: string | null) => ({ entity_text: t, name: t, id: code + ':' + t, kind: 'group' as const, country_code: cc, sector, code, office: null, sentence: 0, start: text.indexOf(t), end: text.indexOf(t) + t.length });
  const ms = [
    { start: 0, end: 19, text: 'Chilean helicopters', sentence: 0, type: 'demonym' as const, entity: ent('Chilean helicopters', 'CHL', 'CHL', null), in_kb: true },
    { start: 24, end: 29, text: 'tanks', sentence: 0, type: 'description' as const, entity: ent('tanks', null, 'MIL', 'MIL'), in_kb: true },
  ];
  const groups = mentionGroups(sentenceTokens(doc.sentences[0]!, text), ms);
  assert.deepEqual(groups[0]!.entities.map((e) => e.country_code), ['CHL', 'CHL']);
  assert.equal(groups[0]!.entities[1]!.code, 'CHLMIL');
});

test('a subordinate clause with its own subject closes off the main subject ("..., as shells continued crashing")', () => {
  const a = codeEvents(makeDoc('Chilean officers ended mediation efforts in Peru as shells continued crashing into the port.', [['Chilean officers', CHL], ['Peru', PER]])).events;
  assert.ok(!a.some((e) => e.event === 'ASSAULT'), eventView(a).join('; '));
  // an unresolved pronoun there refers back to the main subject
  const b = code('Chile promised reforms when it joined the talks with Peru.');
  assert.ok(b.every((e) => e.actor.every((x) => x.id === 'CHL')), eventView(b).join('; '));
});
