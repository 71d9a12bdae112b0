// Session 4: "in X" right after an institution of X is where that body sits, not the event's place
// (sample sentences written for these tests, not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, type Ent } from './helpers.js';

const GOV: Ent = { id: 'org/afg-government', kind: 'government', cc: 'AFG', code: 'AFGGOV', name: 'Government of Afghanistan', sector: 'GOV' };

test('"the government in Afghanistan" is no location of the act', () => {
  const a = codeMarked('Russia is expanding trade with the new government in Afghanistan.', [['Russia', E.RUS], ['government', GOV], ['Afghanistan', E.AFG]]);
  assert.ok(a.some((e) => e.recipient.some((r) => r.country_code === 'AFG')), eventView(a).join('; '));
  assert.ok(a.every((e) => !e.event_loc), a.map((e) => e.event_loc?.name).join('; '));
});

test('a place after an ordinary object is still the location', () => {
  const a = codeMarked('Russia held talks with Afghanistan in Kyrgyzstan.', [['Russia', E.RUS], ['Afghanistan', E.AFG], ['Kyrgyzstan', E.KGZ]]);
  assert.ok(a.some((e) => e.event_loc?.country_code === 'KGZ'), eventView(a).join('; '));
});
