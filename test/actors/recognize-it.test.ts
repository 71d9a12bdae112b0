// Session-3 round-3 rule: "it" for a body. Sample sentences written for these tests (not taken from any article); shipped KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../src/types.js';
import { recognizeSample } from './helpers.js';

const run = recognizeSample;
const its = (ms: Mention[]) => ms.filter((m) => m.text.toLowerCase() === 'it');

test('"it" as a subject names the body that acts just before it', () => {
  const a = its(run('The United Nations announced on Monday that it would send a team of inspectors to the port.'));
  assert.equal(a.length, 1);
  assert.equal(a[0]!.entity?.id, 'org/un');
  assert.equal(a[0]!.type, 'pronoun');
  // the previous sentence's subject, with a date between; a participle after "was"
  const b = its(run('The government acted quickly in March. It was worried that prices would rise.'));
  assert.equal(b[0]?.entity?.kind === 'government' || b[0]?.entity?.sector === 'GOV', true);
});

test('"it" stays unresolved where it is expletive, an object, or something else is meant', () => {
  // expletive: "it is", "it was reported that", "it would be", "it seems"
  assert.equal(its(run('The ministry said on Friday it is too early to judge the damage.')).length, 0);
  assert.equal(its(run('The army withdrew from the town. It was reported that several shops had burned.')).length, 0);
  assert.equal(its(run('The government warned the strike would spread. It would be a disaster for exporters.')).length, 0);
  assert.equal(its(run('The council voted against the plan, and it seems the mayor will resign.')).length, 0);
  // an object, and a possessor (re3d leaves "its" unlabelled: not taken)
  assert.equal(its(run('The government studied the report and rejected it.')).length, 0);
  // a singular noun between: "it" may mean the plan
  assert.equal(its(run('The ministry published a plan on Tuesday. It will cost five billion dollars.')).length, 0);
  // the nearest actor is a person or a plural group
  assert.equal(its(run('The committee met Ahmed Salem, who said it had done nothing wrong.')).length, 0);
  // a body that is only described ("the EU is ..."), not acting
  assert.equal(its(run('The European Union is often invited. It grew out of an older forum.')).length, 0);
});

test('"these people" is a generic civilian group, and a later "they" may refer back to it', () => {
  const ms = run('Now these people live in safety. The camp where they live is crowded.');
  const g = ms.find((m) => m.text === 'these people');
  assert.equal(g?.entity?.sector, 'CVL');
  const they = ms.find((m) => m.text === 'they');
  assert.equal(they?.type, 'pronoun');
  assert.equal(they?.entity?.sector, 'CVL');
  // "people" alone needs no such rule here, and "these" before another noun is not it
  assert.equal(run('These measures hurt the farmers.').some((m) => m.text === 'These measures'), false);
});

test('"they" takes a generic group only when that group is a subject with no actor between', () => {
  // the victims are an object here: "they" is left alone
  const ms = run('Blankets were sent to the victims of the flood, and they arrived on Monday.');
  assert.equal(ms.some((m) => m.text === 'they'), false);
});
