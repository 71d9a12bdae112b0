// Session 4, round 2: acts on the source's own units
// (sample sentences written for these tests, not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, type Ent } from './helpers.js';

const MARKS: Array<[string, Ent]> = [['Afghanistan', E.AFG], ['Iran', E.IRN], ['Russia', E.RUS], ['Ukraine', E.UKR], ['Taliban', E.TALIBAN]];

test('a protest in a place still targets the place (the PLOVER coders\' convention)', () => {
  const a = codeMarked('Hundreds of students demonstrated on Monday in Iran.', MARKS);
  assert.ok(a.some((e) => e.cameo.startsWith('14') && e.recipient.some((r) => r.id === 'IRN')), eventView(a).join('; '));
});

test('"withdrew its troops from X": the subject\'s own unit is not the target; the place it leaves is', () => {
  const MIL = { id: 'new/mil', kind: 'group' as const, cc: null, code: 'MIL', name: 'troops', sector: 'MIL' };
  const a = codeMarked('Russia withdrew its troops from Ukraine on Monday.', [...MARKS, ['troops', MIL]]);
  const w = a.find((e) => e.cameo.startsWith('087'));
  assert.ok(w && w.recipient.length === 1 && w.recipient[0]!.id === 'UKR', eventView(a).join('; '));
  const b = codeMarked('Iran pulled back its remaining troops.', [...MARKS, ['troops', MIL]]);
  assert.ok(b.every((e) => !e.recipient.some((r) => r.id === 'new/mil')), eventView(b).join('; '));
  // another actor's unit stays the target
  const c = codeMarked('Russia attacked the troops of Ukraine on Monday.', [...MARKS, ['troops', MIL]]);
  assert.ok(c.some((e) => e.recipient.some((r) => r.id === 'UKR' || r.id === 'new/mil')), eventView(c).join('; '));
});
