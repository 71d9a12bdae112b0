// Round-2 coder fixes (issue 5): one test per kind of sentence. Sample sentences written for these
// tests; mentions are given, so the coder is tested without the actors stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E, type Ent } from './helpers.js';

const NGO: Ent = { id: 'org/jurists', kind: 'organization', cc: null, code: 'NGO', name: 'Jurists Association' };
const AU: Ent = { id: 'org/au', kind: 'igo', cc: null, code: 'IGOAFR', name: 'African Union' };
const SDN: Ent = { id: 'SDN', kind: 'state', cc: 'SDN', code: 'SDN', name: 'Sudan' };

function code(text: string, marks: Array<[string, Ent]>) {
  return codeEvents(makeDoc(text, marks)).events;
}
const ids = (es: { id: string }[]) => es.map((e) => e.id);
const view = (es: ReturnType<typeof code>) => es.map((e) => `${e.cameo} ${ids(e.actor).join('+')}->${ids(e.recipient).join('+')} "${e.text_info.trigger.text}"`);

test('an appositive with its own participle (", a group linked to X,") neither subordinates the main verb nor yields an event', () => {
  const es = code('Lawyers of the Jurists Association, a group linked to the African Union, investigated the detention of hundreds of Sudanese prisoners.', [['Jurists Association', NGO], ['African Union', AU], ['Sudanese prisoners', SDN]]);
  const e = es.find((x) => x.text_info.trigger.text === 'investigated');
  assert.ok(e, view(es).join('; '));
  assert.deepEqual(ids(e.actor), ['org/jurists']);
  assert.ok(!es.some((x) => x.text_info.trigger.text === 'linked'), view(es).join('; '));
});
