// Session-4 lexicon entries (sample sentences written for these tests, not from any gold set): verbs
// whose PETRARCH2 default read ordinary news prose as an event, and preparing an offensive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E } from './helpers.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
const codes = (text: string): string[] => {
  const doc = makeDoc(text, [['Chile', CHL], ['Peru', PER], ['France', E.FRA]]);
  return codeEvents(doc, { keepActorless: true }).events.map((e) => `${e.cameo} "${e.text_info.trigger.text}"`);
};

test('a hope is no appeal (020); "hope for peace" stays 013', () => {
  assert.deepEqual(codes('The foreign minister of Chile said she hoped the talks would go well.').filter((c) => c.includes('hoped')), []);
  assert.ok(codes('Chile hopes for peace with Peru.').some((c) => c.startsWith('013')));
});

test('"face charges", "the threat we face" are no meeting (040)', () => {
  assert.deepEqual(codes('The former minister of Chile faces charges of fraud.').filter((c) => c.startsWith('040')), []);
  assert.deepEqual(codes('Chile faces stiff opposition to the plan.').filter((c) => c.startsWith('040')), []);
});

test('"leave" is no visit unless it is "leave for" a place (042)', () => {
  assert.deepEqual(codes('The central bank of Chile left its interest rate unchanged.').filter((c) => c.includes('left')), []);
  assert.ok(codes('The president of Chile left for Peru on Thursday.').some((c) => c.startsWith('042')));
});

test('"pass" is approval (080) only for a law or a motion', () => {
  assert.deepEqual(codes('Lorries from Peru passing through the crossing were searched by Chile.').filter((c) => c.includes('passing')), []);
  assert.ok(codes('The parliament of Chile passed a law on border trade with Peru.').some((c) => c.startsWith('080')));
});

test('preparing an offensive is a military build-up (154), not an intent to cooperate (030)', () => {
  const c = codes('The army of Chile is preparing a major offensive against rebels in Peru.');
  assert.ok(c.some((x) => x.startsWith('154')) && !c.some((x) => x.startsWith('030')), c.join(','));
});
