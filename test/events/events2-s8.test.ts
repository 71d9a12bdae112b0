// Session 8 follow-up (EVENTS2): kinds a user audit found. Sample sentences written for these
// tests, not from any gold set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView } from './helpers.js';

const marks: Array<[string, typeof E.RUS]> = [['Russia', E.RUS], ['China', E.CHN], ['Ukraine', E.UKR], ['Iran', E.IRN], ['France', E.FRA]];

test('"signed a deal / deals with Y" is CAMEO 057 (sign formal agreement), like "signed an agreement with"', () => {
  for (const s of [
    'Russia signed a deal with China on Monday.',
    'Russia signed a ten-year gas supply deal with China.',
    'France has signed new deals with Ukraine on grain exports.',
    'Russia signed an agreement with Iran on Monday.',
    'Russia signed a memorandum with Iran.',
  ]) {
    const ev = codeMarked(s, marks);
    assert.ok(ev.some((e) => e.cameo === '057' && e.text_info.trigger.text.startsWith('sign')), `${s}: ${eventView(ev).join('; ')}`);
  }
});

test('a peace deal stays 057; a deal with a manufacturer keeps its own code (060)', () => {
  const a = codeMarked('Ukraine signed a peace deal with Russia.', marks);
  assert.ok(a.some((e) => e.cameo === '057'), eventView(a).join('; '));
  const b = codeMarked('Iran signed a deal with a manufacturer.', marks);
  assert.ok(!b.some((e) => e.cameo === '057'), eventView(b).join('; '));
});
