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
