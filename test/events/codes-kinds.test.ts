// Event codes for recurring kinds of news sentence (sample sentences written for these tests):
// summoning an envoy, seeking refuge, verbal defence, expelling/withdrawing monitors, offers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E } from './helpers.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
function top(text: string) {
  const doc = makeDoc(text, [['Chile', CHL], ['Peru', PER], ['France', E.FRA], ['Iran', E.IRN]]);
  const evs = codeEvents(doc, { keepActorless: true }).events;
  assert.ok(evs.length > 0, `no event for: ${text}`);
  return evs[0]!;
}

test('summoning an ambassador is a diplomatic protest (CAMEO 11), a plain meeting is not', () => {
  assert.equal(top("Chile on Tuesday summoned Peru's ambassador to protest against the border decree.").cameo.slice(0, 2), '11');
  assert.equal(top('Chile met Peru on Tuesday in Lima.').cameo.slice(0, 2), '04');
});

test('seeking refuge in a country is CAMEO 1033; seeking talks stays an appeal (02)', () => {
  assert.equal(top('About 5,000 people from Peru have sought refuge in Chile since the floods.').cameo, '1033');
  assert.equal(top('Chile sought talks with Peru on the fishing dispute.').cameo.slice(0, 2), '02');
});

test('defending a policy is verbal (052); defending a town is not', () => {
  assert.equal(top("Chile's foreign minister defended Chile's migration policy before Peru's envoys.").cameo, '052');
  assert.notEqual(top('Chile defended the northern town against Peru.').cameo, '052');
});

test('expelling or withdrawing peacekeepers and inspectors is CAMEO 166x; troops withdrawn stay 0874', () => {
  assert.equal(top('Chile withdrew its peacekeepers from Peru on Monday.').cameo, '1661');
  assert.equal(top('Iran expelled inspectors of the nuclear agency from France.').cameo, '1662');
  assert.equal(top('Chile withdrew its troops from the border with Peru.').cameo, '0874');
  assert.equal(top('Chile expelled two citizens of Peru.').cameo, '174');
});

test('"is willing / ready to" is an offer: future modality, not an action that happened', () => {
  assert.equal(top('Chile is willing to withdraw its troops from the border with Peru.').modality, 'future');
  assert.equal(top('Chile is ready to resume talks with Peru.').modality, 'future');
  assert.equal(top('Chile withdrew its troops from the border with Peru.').modality, 'asserted');
});

test('pattern ties go to the words nearer the verb: troops arriving are not a visit', () => {
  // "<troops> arrived" (before the verb, adjacent) beats "arrived ... to" (three tokens on)
  assert.equal(top('Hundreds of French troops arrived in Chile to join the relief mission.').cameo.slice(0, 2), '07');
  assert.equal(top('The Chilean minister arrived in Peru to meet the president.').cameo.slice(0, 2), '04');
});

test('money given is aid (07) whatever verb follows; borders opened to refugees are humanitarian aid (073, CAMEO 075 note); cut tariffs ease restrictions (08)', () => {
  assert.equal(top('Chile provided 6.3 million euros to support projects in Peru.').cameo, '071');
  assert.equal(top('Chile has provided $2 billion in humanitarian assistance to Peru.').cameo, '073');
  assert.equal(top('Chile provided support for the bid of Peru.').cameo.slice(0, 2), '05');
  assert.equal(top('Chile opened its borders to refugees from Peru.').cameo, '073');
  assert.equal(top('Chile opened fire at the border with Peru.').cameo.slice(0, 2), '19');
  assert.equal(top('Chile and Peru have cut tariffs on farm goods.').cameo, '085');
  assert.equal(top('Chile cut ties with Peru.').cameo.slice(0, 2), '16');
});

test('"X claimed that it had attacked ..." is a claim of responsibility (015); a claim about another actor is not', () => {
  assert.equal(top('Chile claimed that it had attacked rebel camps in Peru.').cameo, '015');
  assert.equal(top('Chile claimed that Peru had attacked its border post.').cameo.slice(0, 2), '19');
  assert.equal(top('Chile said that it had attacked rebel camps in Peru.').cameo.slice(0, 2), '19');
});

test('"X said Y must <act>" is a demand by X on Y (CAMEO 10); "will <act>" stays the act', () => {
  const doc = makeDoc('Chile said Peru must end its attacks on the border.', [['Chile', CHL], ['Peru', PER]]);
  const e = codeEvents(doc, { keepActorless: true }).events[0]!;
  assert.equal(e.cameo.slice(0, 2), '10');
  assert.deepEqual(e.actor.map((a) => a.id), ['CHL']);
  assert.deepEqual(e.recipient.map((a) => a.id), ['PER']);
  assert.notEqual(top('Chile said Peru will end its attacks on the border.').cameo.slice(0, 2), '10');
});

test('going on strike, organizing a strike and declaring a state of siege are coded as such', () => {
  assert.equal(top('Workers in Chile went on strike for better pay on Thursday.').cameo, '143');
  assert.equal(top('Unions in Chile organized a general strike against Peru.').cameo, '143');
  assert.equal(top('Chile declared a 30-day state of siege in the north.').cameo, '1724');
  assert.equal(top('The Chilean minister went to Peru for talks.').cameo.slice(0, 2), '04');
  assert.notEqual(top('Chile organized a meeting with Peru.').cameo.slice(0, 2), '14');
});

test('a reduced relative ("warplanes supported by X pounded ...") is not the event; a passive main verb is', () => {
  assert.equal(top('Chilean warplanes supported by Peru pounded the rebel enclave for a sixth day.').cameo.slice(0, 2), '19');
  assert.equal(top('Chile was supported by Peru.').cameo.slice(0, 2), '05');
});
