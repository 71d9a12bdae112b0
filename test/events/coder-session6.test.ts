// Session 6: clause edges and roles of the coder (sample sentences written for these tests, not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, ids, type Ent } from './helpers.js';

const UKR_STUDENTS: Ent = { id: 'UKREDU', kind: 'group', cc: 'UKR', code: 'UKREDU', name: 'Ukrainian students', sector: 'EDU' };
const RUS_DIPLOMATS: Ent = { id: 'RUSGOV', kind: 'group', cc: 'RUS', code: 'RUSGOV', name: 'Russian diplomats', sector: 'GOV' };

test('", where ..." opens a relative clause of place: its actors are not the main verb\'s target', () => {
  const s = 'Ukrainian students demonstrated on Monday in France, where Russian diplomats were expelled last year.';
  const a = codeMarked(s, [['Ukrainian students', UKR_STUDENTS], ['France', E.FRA], ['Russian diplomats', RUS_DIPLOMATS]]);
  const protest = a.find((e) => e.event === 'PROTEST');
  assert.ok(protest, eventView(a).join('; '));
  assert.deepEqual(ids(protest.recipient), ['FRA'], eventView(a).join('; '));
});

const FARMERS: Ent = { id: 'FRAAGR', kind: 'group', cc: 'FRA', code: 'FRAAGR', name: 'French farmers', sector: 'AGR' };
const PARIS: Ent = { id: 'FRA-paris', kind: 'state', cc: 'FRA', code: 'FRA', name: 'France' };

test('a participle right after a place phrase ("in Paris demanding that ...") is the clause\'s: the place is not its speaker', () => {
  const s = 'Hundreds of French farmers blocked roads in Paris demanding that the minister resign.';
  const a = codeMarked(s, [['French farmers', FARMERS], ['Paris', PARIS]]);
  const protest = a.find((e) => e.event === 'PROTEST');
  assert.ok(protest, eventView(a).join('; '));
  assert.deepEqual(ids(protest.actor), ['FRAAGR'], eventView(a).join('; '));
  assert.deepEqual(ids(protest.recipient), ['FRA-paris'], eventView(a).join('; '));
});

test('"sued X alleging that Y ...": the participle\'s clause holds no object of the main verb', () => {
  const s = 'The French firm sued the state alleging that Russia had seized its plant.';
  const a = codeMarked(s, [['French firm', { id: 'FRABUS', kind: 'group', cc: 'FRA', code: 'FRABUS', sector: 'BUS' }], ['Ukraine', E.UKR], ['Russia', E.RUS]]);
  const sue = a.find((e) => e.cameo === '115');
  assert.ok(sue, eventView(a).join('; '));
  assert.deepEqual(ids(sue.recipient), [], eventView(a).join('; '));
});

test('joining troops or observers is no mobilization; amassing troops still is', () => {
  const marks: Array<[string, Ent]> = [['Ukraine', E.UKR], ['France', E.FRA], ['Russia', E.RUS]];
  for (const s of ['Ukraine joined French troops on the border.', 'A unit from France arrived on Monday, joining 40 unarmed military observers from Ukraine.']) {
    const a = codeMarked(s, marks);
    assert.ok(!a.some((e) => e.event === 'MOBILIZE'), `${s}: ${eventView(a).join('; ')}`);
  }
  const b = codeMarked('Russia amassed troops near Ukraine.', marks);
  assert.ok(b.some((e) => e.event === 'MOBILIZE'), eventView(b).join('; '));
});

const FRA_SOLDIERS: Ent = { id: 'FRAMIL', kind: 'group', cc: 'FRA', code: 'FRAMIL', name: 'French soldiers', sector: 'MIL' };
const KHARKIV: Ent = { id: 'UKR-kharkiv', kind: 'state', cc: 'UKR', code: 'UKR', name: 'Ukraine' };

test('an attack by a weapon with no attacker named has the place as its source (unidentified attackers of that state)', () => {
  const marks: Array<[string, Ent]> = [['French soldiers', FRA_SOLDIERS], ['Ukrainian city of Kharkiv', KHARKIV]];
  const a = codeMarked('Two French soldiers were killed by a roadside bomb outside of the Ukrainian city of Kharkiv.', marks);
  const hit = a.find((e) => e.event === 'ASSAULT');
  assert.ok(hit, eventView(a).join('; '));
  assert.deepEqual(ids(hit.actor), ['UKR-kharkiv'], eventView(a).join('; '));
  assert.deepEqual(ids(hit.recipient), ['FRAMIL'], eventView(a).join('; '));
  // no weapon or attack named (an accident, or deaths of no stated cause): no source from the place
  for (const s of ['Two French soldiers were killed in a bus crash outside of the Ukrainian city of Kharkiv.', 'Two French soldiers were killed outside of the Ukrainian city of Kharkiv.']) {
    const b = codeMarked(s, marks);
    assert.ok(!b.some((e) => e.actor.some((x) => x.id === 'UKR-kharkiv')), `${s}: ${eventView(b).join('; ')}`);
  }
});

test('the forces a mobilization moves are the actor\'s own, not its target', () => {
  const police: Ent = { id: 'FRACOP', kind: 'group', cc: 'FRA', code: 'FRACOP', sector: 'COP' };
  const soldiers: Ent = { id: 'MIL', kind: 'group', cc: null, code: 'MIL', sector: 'MIL' };
  const a = codeMarked('France has ordered patrols by police and paramilitary soldiers after the riots.', [['France', E.FRA], ['police', police], ['paramilitary soldiers', soldiers]]);
  const mob = a.find((e) => e.event === 'MOBILIZE');
  assert.ok(mob, eventView(a).join('; '));
  assert.deepEqual(ids(mob.recipient), [], eventView(a).join('; '));
});

test('a retreat within the actor\'s own state has no place target; a withdrawal from another state keeps it', () => {
  const kyiv: Ent = { id: 'UKR-kyiv', kind: 'state', cc: 'UKR', code: 'UKR', name: 'Ukraine' };
  const rebels: Ent = { id: 'UKRREB', kind: 'armed_group', cc: 'UKR', code: 'UKRREB', sector: 'REB' };
  const a = codeMarked('Ukrainian rebels completed their withdrawal from the besieged town near Kyiv on Monday.', [['Ukrainian rebels', rebels], ['Kyiv', kyiv]]);
  const ret = a.find((e) => e.event === 'RETREAT');
  assert.ok(ret, eventView(a).join('; '));
  assert.deepEqual(ids(ret.recipient), [], eventView(a).join('; '));
  const b = codeMarked('Russia completed its withdrawal from Ukraine on Monday.', [['Russia', E.RUS], ['Ukraine', E.UKR]]);
  const ret2 = b.find((e) => e.event === 'RETREAT');
  assert.ok(ret2, eventView(b).join('; '));
  assert.deepEqual(ids(ret2.recipient), ['UKR'], eventView(b).join('; '));
});

test('a clause opened by a subordinator ends at the comma before the main clause: the main subject is not its object', () => {
  const s = 'When Russia came to power in the region, France held talks.';
  const a = codeMarked(s, [['Russia', E.RUS], ['France', E.FRA]]);
  assert.ok(!a.some((e) => ids(e.actor).includes('RUS') && ids(e.recipient).includes('FRA')), `${s}: ${eventView(a).join('; ')}`);
});
