// Statements of intent coded the CAMEO codebook's way (sample sentences written for these tests):
// "X will / would / is willing to <act>" is the intent (03x) or threat (13x) that announces the act,
// "X will not <cooperate>" a refusal (12x); a timetable reported as fact, a condition, a passive
// and a third party's forecast keep the act.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { loadLexicon } from '../../src/events/lexicon.js';
import { intentCode, loadIntent } from '../../src/events/intent.js';
import { makeDoc, E } from './helpers.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
const MARKS: Array<[string, typeof CHL]> = [['Chile', CHL], ['Peru', PER], ['France', E.FRA], ['Iran', E.IRN]];
function top(text: string) {
  const evs = codeEvents(makeDoc(text, MARKS)).events;
  assert.ok(evs.length > 0, `no event for: ${text}`);
  return evs.sort((a, b) => b.confidence - a.confidence)[0]!;
}

test('the table: every action code maps to the intent, refusal or threat of its kind', () => {
  const t = loadIntent(loadLexicon());
  assert.equal(intentCode(t, 'intent', '042'), '036');
  assert.equal(intentCode(t, 'intent', '0874'), '0356');
  assert.equal(intentCode(t, 'refusal', '0841'), '1243');
  assert.equal(intentCode(t, 'threat', '195'), '1384');
  assert.equal(intentCode(t, 'intent', '111'), null);
});

test('"will <cooperate>" is an intent (03x), the act kept in `intended`', () => {
  const e = top('Chile will send food aid to Peru.');
  assert.equal(e.cameo.slice(0, 2), '03');
  assert.equal(e.event, 'AGREE');
  assert.equal(e.modality, 'future');
  assert.equal(e.intended?.cameo.slice(0, 2), '07');
  assert.equal(e.intended?.event, 'AID');
  assert.deepEqual(e.actor.map((a) => a.id), ['CHL']);
  assert.deepEqual(e.recipient.map((a) => a.id), ['PER']);
});

test('"said it would <act>" from the actor itself is an intent; "would attack" a threat', () => {
  const e = top('Chile said it would withdraw its troops from the border with Peru.');
  assert.equal(e.cameo, '0356');
  assert.equal(e.negated, false);
  const t = top('France said it would bomb rebel bases in Iran.');
  assert.equal(t.event, 'THREATEN');
  assert.equal(t.cameo.slice(0, 2), '13');
});

test('"is willing to" and "wants to" announce the act', () => {
  assert.equal(top('Chile is willing to release the prisoners from Peru.').cameo, '0353');
  assert.equal(top('Chile wants to attack Peru.').event, 'THREATEN');
});

test('"will not / would not <cooperate>" is a refusal (12x), not negated: the refusal is made', () => {
  const e = top('Chile said it would not lift the sanctions on Peru.');
  assert.equal(e.cameo.slice(0, 2), '12');
  assert.equal(e.event, 'REJECT');
  assert.equal(e.negated, false);
  assert.equal(e.intended?.negated, true);
});

test('a timetable reported as fact keeps the act: "is scheduled to attend"; "prepared to resume shelling" is the preparation', () => {
  assert.equal(top('The president of Chile is scheduled to visit Peru next week.').cameo.slice(0, 2), '04');
  // (session 5: getting ready to fight is a mobilization done, PLOVER MOBILIZE / CAMEO 154; the shelling is the act prepared)
  const p = top('Chile prepared to resume shelling positions in Peru.');
  assert.equal(p.cameo, '154');
  assert.equal(p.intended?.cameo.slice(0, 2), '19');
  assert.equal(p.modality, 'asserted');
});

test('a condition, a passive and a third party forecast are no intent', () => {
  const c = top('France would attack Iran only if talks collapsed.');
  assert.equal(c.intended, undefined);
  assert.equal(c.modality, 'hypothetical');
  const p = top('Peru will be attacked by Chile.');
  assert.equal(p.intended, undefined);
  const f = top('France said Chile will attack Peru.');
  assert.equal(f.cameo.slice(0, 2), '19');
  assert.equal(f.intended, undefined);
});

test('a past act and a verbal act are never converted', () => {
  assert.equal(top('Chile sent food aid to Peru.').intended, undefined);
  assert.equal(top('Chile will accuse Peru of spying.').cameo.slice(0, 2), '11');
});

test('a generic offer, refusal or threat is refined by the act it announces ("offered to", "refused to", "threatened to")', () => {
  const o = top('Chile agreed to allow access to observers from Peru.');
  assert.equal(o.cameo.slice(0, 3), '035');
  assert.equal(o.intended?.event, 'CONCEDE');
  assert.equal(o.modality, 'asserted');
  const t = top('Chile threatened to shell towns in Peru.');
  assert.equal(t.cameo, '138');
  assert.equal(t.intended?.event, 'ASSAULT');
  // a head with a specific code keeps it
  assert.equal(top('Chile refused to release the prisoners from Peru.').cameo, '1243');
});

test('the PLOVER format names the announced act of an intent record', async () => {
  const { toPlover } = await import('../../src/events/formats.js');
  const r = toPlover(top('Chile will send food aid to Peru.')) as any;
  assert.equal(r.event, 'AGREE');
  // (since f773fd7 entente's own fields sit under 'entente'; 'intended' is null on a record that announces nothing)
  assert.equal(r.entente.intended?.event, 'AID');
  assert.equal((toPlover(top('Chile sent food aid to Peru.')) as any).entente.intended, null);
});

test('CSV carries the announced act of an intent record in its last columns', async () => {
  const { CSV_COLUMNS, toCsvRow } = await import('../../src/events/formats.js');
  const e = top('Chile will send food aid to Peru.');
  const row = toCsvRow(e).trimEnd().split(',');
  const col = (name: string) => row[CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number])];
  assert.equal(row.length, CSV_COLUMNS.length);
  assert.equal(col('intended_event'), 'AID');
  assert.equal(col('intended_cameo'), e.intended!.cameo);
  assert.equal(col('intended_negated'), 'false');
});
