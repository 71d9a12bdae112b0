// The event lexicon's lookup rules (sample sentences written for these tests): patterns written
// for one verb of a PETRARCH2 block do not code a verb of another CAMEO root in the same block;
// "wants to / plans to <act>" defers to the act.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { loadLexicon } from '../../src/events/lexicon.js';
import { makeDoc, E } from './helpers.js';

const CHL = { id: 'CHL', kind: 'state' as const, cc: 'CHL', code: 'CHL', name: 'Chile' };
const PER = { id: 'PER', kind: 'state' as const, cc: 'PER', code: 'PER', name: 'Peru' };
function events(text: string) {
  const doc = makeDoc(text, [['Chile', CHL], ['Peru', PER], ['France', E.FRA], ['Iran', E.IRN]]);
  return codeEvents(doc, { keepActorless: true }).events;
}
const top = (text: string) => {
  const evs = events(text);
  assert.ok(evs.length > 0, `no event for: ${text}`);
  return evs.slice().sort((a, b) => b.confidence - a.confidence)[0]!;
};

test('a verb sharing a PETRARCH2 block with verbs of other roots keeps its own root', () => {
  const lex = loadLexicon();
  // demand (10), want (03), urge (02) share the DEMAND block
  const demand = lex.forms.get('demanded')!.find((e) => e.lemma === 'demand')!;
  const ps = lex.patterns.get(demand.block)!;
  assert.ok(!ps.some((p) => p.from?.includes('want') || p.from?.includes('urge')), 'no pattern written for "want" or "urge" is used for "demand"');
  assert.ok(ps.some((p) => p.from?.includes('demand')));
  assert.equal(top('Chile demanded talks with Peru on the border.').cameo.slice(0, 2), '10');
  assert.equal(top('Chile urged Peru to hold talks on the border.').cameo.slice(0, 2), '02');
  assert.equal(top('Chile is demanding a military presence of Peru to protect the border.').cameo.slice(0, 2), '10');
});

test('"X wants Y to" is an appeal; "X wants to <act>" codes the act with its modality', () => {
  assert.equal(top('Chile wants Peru to withdraw its troops.').cameo.slice(0, 2), '02');
  const a = top('Chile wants to attack Peru.');
  assert.equal(a.text_info.trigger.text, 'attack');
  assert.equal(a.modality, 'hypothetical');
  const v = top('Chile plans to visit Peru next month.');
  assert.equal(v.text_info.trigger.text, 'visit');
  assert.equal(v.modality, 'future');
});

test('"pushed for" and "needs to" are requests (02), not demands', () => {
  assert.equal(top('Chile pushed Peru for new elections.').cameo.slice(0, 2), '02');
});

test('"returned <object> to <country>" is a return (084); going back somewhere is not', () => {
  assert.equal(top('Chile returned two stolen colonial paintings to Peru on Monday.').cameo.slice(0, 2), '08');
  assert.equal(top('Chile returned 40 prisoners to Peru.').cameo, '0841');
  assert.ok(!events('The Chilean delegation returned to Peru on Monday.').some((e) => e.cameo.startsWith('08')));
});

test('actions PETRARCH2 codes as intents or other roots follow the codebook definitions', () => {
  assert.equal(top('Chile accepted 1,200 refugees from Peru in May.').cameo, '073');
  assert.equal(top('Chile removed sanctions on three banks of Peru.').cameo, '085');
  assert.equal(top('Rebels in Peru have stepped up attacks on Chile.').cameo.slice(0, 2), '19');
  assert.equal(top('Chile is training pilots of Peru.').cameo, '062');
  assert.equal(top('Chile condemned the terrorist attack in Peru.').cameo, '111');
  assert.equal(top('Chile is exploring the possibility of a new pipeline to Peru.').cameo, '014');
  assert.equal(top('Chile participated in joint exercises with Peru.').cameo, '062');
  assert.equal(top('Chile allowed humanitarian aid into Peru.').cameo, '0863');
});

test('verb families completed from the codebook: bombings, releases, lawsuits, expulsions, blockades', () => {
  assert.equal(top('Two soldiers of Chile were killed in a car bomb attack in Peru.').cameo, '1832');
  assert.equal(top('Rebels wounded three policemen of Chile in a bomb attack in Peru.').cameo.slice(0, 3), '183');
  assert.equal(top('Chile released the reporter of the national news agency of Peru.').cameo, '0841');
  assert.equal(top('Chile released the seized tanker of Peru.').cameo, '0842');
  assert.equal(top('A businessman of Chile is suing Peru for damages.').cameo, '115');
  assert.equal(top('Soldiers of Chile forced thousands of villagers from their homes in Peru.').cameo, '201');
  assert.equal(top('Protesters blocked roads in Chile to demand the resignation of the president.').cameo.slice(0, 3), '144');
  assert.equal(top('Police of Chile dispersed the demonstrators outside the embassy of Peru.').cameo, '175');
  assert.equal(top('Chile and Peru failed to reach an agreement on the border.').cameo, '164');
  assert.equal(top('Chile has been pressuring Peru to end the strike.').cameo.slice(0, 2), '10');
  assert.equal(top('Rebels in Peru swore to fight the army of Chile.').cameo, '138');
  assert.ok(!events('The new president of Chile was sworn in on Monday.').some((e) => e.cameo.startsWith('11')));
});

test('batch 3: inspectors, cyber-attacks, violations, reinforcements, released captives, called-off strikes', () => {
  assert.equal(top('Peru expelled all the weapons inspectors of Chile.').cameo, '1662');
  assert.equal(top('Hackers of Chile hacked the servers of the foreign ministry of Peru.').cameo, '176');
  assert.equal(top('Chile has violated a ban on arms sales to Peru.').cameo, '128');
  assert.equal(top('Chile has strengthened its forces on the border with Peru.').cameo, '154');
  assert.equal(top('Chile let free six aid workers of Peru.').cameo, '0841');
  assert.equal(top('Chile ratified the trade agreement with Peru on Tuesday.').cameo, '057');
  assert.equal(top('Chile defended Peru against criticism of its mining laws.').cameo, '052');
  assert.ok(!events('The missiles struck a depot of Peru or its allied forces.').some((e) => e.text_info.trigger.text === 'allied'));
});

test('"is committed to" is a commitment (03); war games are military cooperation (062)', () => {
  assert.equal(top('Chile is committed to opening its economy to investors from Peru.').cameo.slice(0, 2), '03');
  assert.equal(top('Warships of Chile and Peru launched ten days of war games on Monday.').cameo, '062');
  assert.equal(top('Chile held military exercises near the border with Peru.').cameo, '150');
});

test('a generic code is refined by what is asked, offered, refused or threatened (data/lexicon/refine.txt)', () => {
  assert.equal(top('Chile urged Peru to agree to a ceasefire.').cameo, '0256');
  assert.equal(top('Chile demanded the extradition of two bankers from Peru.').cameo, '1013');
  assert.equal(top('Chile threatened Peru with sanctions.').cameo, '1312');
  // the root never changes, and a verb with no generic default is not refined
  assert.equal(top('Chile threatened to invade Peru.').cameo.slice(0, 2), '13');
  const lex = loadLexicon();
  const use = lex.forms.get('use')!.find((e) => e.lemma === 'use')!;
  assert.ok(!(lex.patterns.get(use.block) ?? []).some((p) => p.only), 'refinements stay with the verbs they were generated for');
});

test('surrendering is CAMEO 0874 (retreat or surrender militarily)', () => {
  assert.equal(top('Five hundred rebels of Peru surrendered to the army of Chile last week.').cameo.slice(0, 2), '08');
});
