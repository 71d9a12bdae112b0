// Session 7: lexicon follow-ups from the user audit (sample sentences written for these tests, not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, type Ent } from './helpers.js';

const UZB: Ent = { id: 'UZB', kind: 'state', cc: 'UZB', code: 'UZB', name: 'Uzbekistan' };
const MAL: Ent = { id: 'MLI', kind: 'state', cc: 'MLI', code: 'MLI', name: 'Mali' };
const GHA: Ent = { id: 'GHA', kind: 'state', cc: 'GHA', code: 'GHA', name: 'Ghana' };

test('"remove X from (its) list / sanctions list / blacklist" eases an administrative sanction (081 CONCEDE), not an expulsion (174)', () => {
  const marks: Array<[string, Ent]> = [['Uzbekistan', UZB], ['Taliban', E.TALIBAN]];
  for (const s of [
    'Uzbekistan has removed the Taliban from the list of prohibited movements.',
    'Uzbekistan is considering removing the Taliban from its terror blacklist.',
    'Uzbekistan removed the Taliban from the national sanctions list on Tuesday.',
  ]) {
    const a = codeMarked(s, marks);
    const ev = a.find((e) => e.text_info.trigger.text.startsWith('remov'));
    assert.ok(ev, `${s}: ${eventView(a).join('; ')}`);
    assert.equal(ev.cameo, '081', `${s}: ${eventView(a).join('; ')}`);
    assert.equal(ev.event, 'CONCEDE', `${s}: ${eventView(a).join('; ')}`);
  }
  // a future removal is the stated intent to ease it (0351), still no coercion
  const f = codeMarked('Uzbekistan will remove the Taliban from its list of banned groups next month.', marks);
  assert.ok(f.length && f.every((e) => !e.cameo.startsWith('17')), eventView(f).join('; '));
  // removing people from a place stays what it was
  const d = codeMarked('Uzbekistan removed Taliban envoys from the capital.', marks);
  assert.ok(!d.some((e) => e.cameo === '081'), eventView(d).join('; '));
});

test('a punctuation token is never a trigger (score lines: "Mali 1, Ghana 2")', () => {
  const a = codeMarked('Final scores: Uzbekistan 4, Mali 1. Ghana 2, Russia 2.', [['Uzbekistan', UZB], ['Mali', MAL], ['Ghana', GHA], ['Russia', E.RUS]]);
  assert.ok(!a.some((e) => !/[\p{L}\p{N}]/u.test(e.text_info.trigger.text)), eventView(a).join('; '));
  assert.equal(a.length, 0, eventView(a).join('; '));
});
