// Session 7: where an event happened, as a reader places it; and the backshifted pluperfect of
// reported speech. Sample sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, type Ent } from './helpers.js';

const LTU: Ent = { id: 'LTU', kind: 'state', cc: 'LTU', code: 'LTU', name: 'Lithuania' };
const AZE: Ent = { id: 'AZE', kind: 'state', cc: 'AZE', code: 'AZE', name: 'Azerbaijan' };
const TUR_PRES: Ent = { id: 'person/tur-president', kind: 'person', cc: 'TUR', code: 'TURGOV', name: 'Turkish president', sector: 'GOV' };
const TUR_FM: Ent = { id: 'person/tur-fm', kind: 'person', cc: 'TUR', code: 'TURGOV', name: 'Turkish foreign minister', sector: 'GOV' };
const ANKARA: Ent = { id: 'TUR', kind: 'government', cc: 'TUR', code: 'TURGOV', name: 'Turkey', sector: 'GOV' };
const NATO: Ent = { id: 'org/nato', kind: 'igo', cc: 'IGO', code: 'IGONAT', name: 'NATO' };
const BAKU: Ent = { id: 'AZE-baku', kind: 'state', cc: 'AZE', code: 'AZE', name: 'Azerbaijan' };
const place = (a: ReturnType<typeof codeMarked>, trigger: string): string | null | undefined => a.find((e) => e.text_info.trigger.text === trigger)?.event_loc?.country_code;

test('an event reported in someone\'s words takes the place of the speaking ("Speaking at a summit in X, ...")', () => {
  const marks: Array<[string, Ent]> = [['Turkish president', TUR_PRES], ['Ankara', ANKARA], ['Ukraine', E.UKR], ['Lithuania', LTU], ['NATO', NATO]];
  const a = codeMarked('Speaking at a NATO summit in Lithuania, the Turkish president said Ankara had sent drones to Ukraine.', marks);
  assert.equal(place(a, 'sent'), 'LTU', eventView(a).join('; '));
  // (the backshifted pluperfect of reported speech is a claim, not background the article recalls)
  assert.equal(a.find((e) => e.text_info.trigger.text === 'sent')?.modality, 'claimed');
  const b = codeMarked('The Turkish president said at a news conference in Lithuania that Ankara would send drones to Ukraine.', marks);
  assert.equal(place(b, 'send'), 'LTU', eventView(b).join('; '));
});

test('a sponsor named before the meeting is not its place ("at the Russia-led meeting in X")', () => {
  const a = codeMarked('Speaking at the Russia-led security meeting in Lithuania, the Turkish president said Ankara had sent drones to Ukraine.', [['Turkish president', TUR_PRES], ['Ankara', ANKARA], ['Ukraine', E.UKR], ['Lithuania', LTU], ['Russia', E.RUS]]);
  assert.equal(place(a, 'sent'), 'LTU', eventView(a).join('; '));
});

test('a parenthetical participle sets the scene of the main verb ("X, speaking in Baku, praised Y")', () => {
  const a = codeMarked('The Turkish foreign minister, speaking in Baku on Tuesday, praised Azerbaijan for its restraint.', [['Turkish foreign minister', TUR_FM], ['Baku', BAKU], ['Azerbaijan', AZE]]);
  assert.equal(place(a, 'praised'), 'AZE', eventView(a).join('; '));
});

test('a place of another clause is not the event\'s: before the verb across "and", or inside what a verbal act asks', () => {
  const marks: Array<[string, Ent]> = [['Turkish foreign minister', TUR_FM], ['France', E.FRA], ['Iran', E.IRN], ['Ukraine', E.UKR]];
  const a = codeMarked('The Turkish foreign minister said rebel groups remained active in Ukraine and praised France for its mediation.', marks);
  assert.ok(a.some((e) => e.text_info.trigger.text === 'praised'), eventView(a).join('; '));
  assert.equal(place(a, 'praised') ?? null, null, eventView(a).join('; '));
  const b = codeMarked('The Turkish foreign minister called on France to end its military presence in Ukraine.', marks);
  assert.ok(b.some((e) => e.text_info.trigger.text === 'called'), eventView(b).join('; '));
  assert.equal(place(b, 'called') ?? null, null, eventView(b).join('; '));
});

test('a place of the act itself stays ("France held talks with Iran in Ukraine")', () => {
  const a = codeMarked('France held talks with Iran in Ukraine on Monday.', [['France', E.FRA], ['Iran', E.IRN], ['Ukraine', E.UKR]]);
  assert.equal(place(a, 'held'), 'UKR', eventView(a).join('; '));
});

test('"be going to" + a verb is the future, not a move: the verb after it is the event (session 7)', () => {
  const USA_GOV: Ent = { id: 'USA', kind: 'government', cc: 'USA', code: 'USAGOV', name: 'United States', sector: 'GOV' };
  const a = codeMarked('Washington is going to impose new sanctions on Iran.', [['Washington', USA_GOV], ['Iran', E.IRN]]);
  assert.ok(!a.some((e) => e.text_info.trigger.text.startsWith('going')), eventView(a).join('; '));
  const e = a.find((x) => x.text_info.trigger.text === 'impose');
  assert.ok(e, eventView(a).join('; '));
  assert.equal(e.modality, 'future');
  // a move is still one: "is going to Kenya"
  const b = codeMarked('The premier of Iran is going to Kenya next week.', [['Iran', E.IRN], ['Kenya', { id: 'KEN', cc: 'KEN', code: 'KEN', name: 'Kenya' }]]);
  assert.ok(b.some((x) => x.text_info.trigger.text === 'going to'), eventView(b).join('; '));
});

test('"X thinks ..." states an opinion: no CAMEO 040 event (session 7)', () => {
  const a = codeMarked('Iran thinks the talks with Kenya will go well.', [['Iran', E.IRN], ['Kenya', { id: 'KEN', cc: 'KEN', code: 'KEN', name: 'Kenya' }]]);
  assert.ok(!a.some((e) => e.text_info.trigger.text === 'thinks'), eventView(a).join('; '));
});
