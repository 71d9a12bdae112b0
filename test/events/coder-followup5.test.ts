// Session 5 follow-up: an attack on a policy, a text or a decision is criticism (CAMEO 111), an
// attack on people or places stays an assault (sample sentences written for these tests, not from
// any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, assertNoEvent, codeMarked, eventView, type Ent } from './helpers.js';

const MARKS: Array<[string, Ent]> = [['Russia', E.RUS], ['Ukraine', E.UKR], ['France', E.FRA], ['China', E.CHN]];

test('"attacked the legislation / the new pledges / the inquiry" is criticism (111), not an assault', () => {
  for (const s of [
    'France attacked the legislation, saying it would raise prices.',
    "Russia attacked Ukraine's four new pledges as empty.",
    'China attacked the inquiry on Tuesday.',
    "Ukraine attacked Russia's decision to close the port.",
  ]) {
    const a = codeMarked(s, MARKS);
    assert.ok(a.some((e) => e.cameo === '111'), `${s}: ${eventView(a).join('; ')}`);
    assert.ok(!a.some((e) => e.event === 'ASSAULT'), `${s}: ${eventView(a).join('; ')}`);
  }
});

test('an attack on a place, or one followed by a moving target, stays an assault', () => {
  for (const s of ['Russia attacked Ukraine on Monday.', 'Russia attacked a Ukrainian convoy as it moved north.', 'Russia attacked Ukraine, a statement said.']) {
    const a = codeMarked(s, MARKS);
    assert.ok(a.some((e) => e.event === 'ASSAULT'), `${s}: ${eventView(a).join('; ')}`);
    assert.ok(!a.some((e) => e.cameo === '111'), `${s}: ${eventView(a).join('; ')}`);
  }
});

test('"struggling to <verb>" and "dominates the market" are no violence', () => {
  assertNoEvent(['France is struggling to contain the cost of its pensions.', 'China dominates the market for solar panels.', 'The dispute dominated talks between Russia and Ukraine.'], MARKS, 'ASSAULT');
});

test('"hit the headlines / record highs / sales" is no attack; a strike on a market or a town still is', () => {
  assertNoEvent(['Chinese shares hit record highs on Monday.', 'The dispute with France hit sales in China.'], MARKS, 'ASSAULT');
  const b = codeMarked('Russian missiles hit a market in Ukraine.', MARKS);
  assert.ok(b.some((e) => e.event === 'ASSAULT'), eventView(b).join('; '));
});

test('"broke even / the record / the law / his word" is no destruction', () => {
  assertNoEvent(['France broke even last year.', 'China broke the world record on Sunday.', 'Russia has broken its word again, Ukraine said.'], MARKS, 'ASSAULT');
});
