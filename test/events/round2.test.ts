// Round-2 coder fixes (issue 5): one test per kind of sentence. Sample sentences written for these
// tests; mentions are given, so the coder is tested without the actors stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeMarked as code, ids, eventView as view, E, type Ent } from './helpers.js';

const NGO: Ent = { id: 'org/jurists', kind: 'organization', cc: null, code: 'NGO', name: 'Jurists Association' };
const AU: Ent = { id: 'org/au', kind: 'igo', cc: null, code: 'IGOAFR', name: 'African Union' };
const SDN: Ent = { id: 'SDN', kind: 'state', cc: 'SDN', code: 'SDN', name: 'Sudan' };


test('an appositive with its own participle (", a group linked to X,") neither subordinates the main verb nor yields an event', () => {
  const es = code('Lawyers of the Jurists Association, a group linked to the African Union, investigated the detention of hundreds of Sudanese prisoners.', [['Jurists Association', NGO], ['African Union', AU], ['Sudanese prisoners', SDN]]);
  const e = es.find((x) => x.text_info.trigger.text === 'investigated');
  assert.ok(e, view(es).join('; '));
  assert.deepEqual(ids(e.actor), ['org/jurists']);
  assert.ok(!es.some((x) => x.text_info.trigger.text === 'linked'), view(es).join('; '));
});

const HAMAS: Ent = { id: 'org/hamas', kind: 'armed_group', cc: 'PSE', code: 'PSEREB', name: 'Hamas' };
const ISR: Ent = { id: 'ISR', kind: 'state', cc: 'ISR', code: 'ISR', name: 'Israel' };

test('a claim verb with its own object keeps its code (015) though a relative clause follows; the claimed act is the claimant\'s', () => {
  const es = code('A militant faction claimed responsibility for the rocket attacks that wounded three Israelis near the border on Friday.', [['militant faction', HAMAS], ['Israelis', ISR]]);
  const claim = es.find((x) => x.text_info.trigger.text === 'claimed');
  assert.ok(claim, view(es).join('; '));
  assert.equal(claim.cameo, '015');
  assert.deepEqual(ids(claim.actor), ['org/hamas']);
  const act = es.find((x) => x.text_info.trigger.text === 'wounded');
  assert.ok(act, view(es).join('; '));
  assert.deepEqual(ids(act.actor), ['org/hamas']);
  assert.ok(act.cameo.startsWith('1') && act.cameo !== '015', view(es).join('; '));
});

test('a speech verb before a reported clause is still no event ("announced the army would withdraw")', () => {
  const es = code('Israel announced the army would withdraw from two towns next week.', [['Israel', ISR]]);
  assert.ok(!es.some((x) => x.text_info.trigger.text === 'announced'), view(es).join('; '));
});

test('a verbal act coordinated after a reported clause is the speaker\'s ("He claimed X remained ... and praised Y")', () => {
  const es = code('The minister claimed thousands of fighters remained active in Iran and praised France for its firm support against the insurgents.', [['The minister', E.SHOIGU], ['Iran', E.IRN], ['France', E.FRA]]);
  const e = es.find((x) => x.text_info.trigger.text === 'praised');
  assert.ok(e, view(es).join('; '));
  assert.deepEqual(ids(e.actor), ['person/sergei-shoigu']);
  assert.deepEqual(ids(e.recipient), ['FRA']);
  assert.equal(e.modality, 'asserted');
});

test('a material verb coordinated inside the reported clause stays the clause\'s ("said Russia shelled X and seized Y")', () => {
  const es = code('The minister said Russia shelled Kharkiv and seized two villages in Ukraine.', [['The minister', E.SHOIGU], ['Russia', E.RUS], ['Kharkiv', E.UKR], ['Ukraine', E.UKR]]);
  assert.ok(!es.some((x) => ids(x.actor)[0] === 'person/sergei-shoigu' && x.text_info.trigger.text === 'seized'), view(es).join('; '));
});

test('an inverted verb of protest reports the sentence and is the speaker\'s verbal act against its subject (", a rights group protested")', () => {
  const RIGHTS: Ent = { id: 'org/rights', kind: 'organization', cc: null, code: 'NGO', name: 'rights group' };
  const es = code('The Iranian authorities are refusing to release dozens of detained journalists, a rights group protested on Tuesday.', [['Iranian authorities', E.IRN], ['rights group', RIGHTS]]);
  const p = es.find((x) => x.text_info.trigger.text === 'protested');
  assert.ok(p, view(es).join('; '));
  assert.equal(p.cameo, '111');
  assert.deepEqual(ids(p.actor), ['org/rights']);
  assert.deepEqual(ids(p.recipient), ['IRN']);
  const r = es.find((x) => x.text_info.trigger.text === 'refusing');
  assert.ok(!r || (r.modality === 'claimed' && r.speaker?.id === 'org/rights'), view(es).join('; '));
});

test('a verb of protest with its own object is no attribution ("Iran protested the decision")', () => {
  const es = code('Iran protested the decision of France on Tuesday.', [['Iran', E.IRN], ['France', E.FRA]]);
  assert.ok(es.every((x) => x.modality !== 'claimed'), view(es).join('; '));
});

test('"held talks with" is reciprocal, PLOVER-style (both as actor, no recipient); "met with" stays one-way', () => {
  const a = code('Russia held talks with China in Beijing on Monday.', [['Russia', E.RUS], ['China', E.CHN]]);
  const t = a.find((x) => x.text_info.trigger.text === 'held');
  assert.ok(t && t.cameo.startsWith('046'), view(a).join('; '));
  assert.deepEqual(ids(t.actor), ['RUS', 'CHN']);
  assert.deepEqual(ids(t.recipient), []);
  const b = code('The foreign minister of Russia met with China on Monday.', [['Russia', E.RUS], ['China', E.CHN]]);
  assert.ok(!b.some((x) => x.actor.length > 1), view(b).join('; '));
});

test('"with X\'s help" / "with the support of X" names a helper, not the target', () => {
  const SRB: Ent = { id: 'SRB', kind: 'state', cc: 'SRB', code: 'SRB', name: 'Serbia' };
  const ALB: Ent = { id: 'ALB', kind: 'state', cc: 'ALB', code: 'ALB', name: 'Albania' };
  const a = code('France tightened the blockade of Serbia with Albania\'s help.', [['France', E.FRA], ['Serbia', SRB], ['Albania', ALB]]);
  const t = a.find((x) => x.text_info.trigger.text === 'tightened');
  assert.ok(t, view(a).join('; '));
  assert.deepEqual(ids(t.recipient), ['SRB']);
  const b = code('France shelled the rebel positions with the support of Albania.', [['France', E.FRA], ['Albania', ALB]]);
  assert.ok(!b.some((x) => ids(x.recipient).includes('ALB')), view(b).join('; '));
});

test('a relative "that" after a noun opens a clause whose subject is that noun ("a strike that shut down X" is not the parties\')', () => {
  const NPL: Ent = { id: 'NPL', kind: 'state', cc: 'NPL', code: 'NPL', name: 'Nepal' };
  const es = code('Opposition parties in Nepal organized a general strike that paralysed the capital on Monday.', [['Opposition parties in Nepal', NPL]]);
  assert.ok(!es.some((x) => x.text_info.trigger.text === 'paralysed' && ids(x.actor)[0] === 'NPL'), view(es).join('; '));
});

test('"X said their forces had ..." : the speaker\'s own forces, unresolved, act for the speaker', () => {
  const es = code('Serbia said on Tuesday their forces had completed a withdrawal from Kosovo.', [['Serbia', { id: 'SRB', kind: 'state', cc: 'SRB', code: 'SRB', name: 'Serbia' }], ['Kosovo', { id: 'XKX', kind: 'state', cc: 'XKX', code: 'XKX', name: 'Kosovo' }]]);
  const e = es.find((x) => x.event === 'RETREAT');
  assert.ok(e, view(es).join('; '));
  assert.deepEqual(ids(e.actor), ['SRB']);
});
