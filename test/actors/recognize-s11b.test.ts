// Session 11 (second pass): a nationality adjective qualifying a thing ("British cinema", "the French wine industry")
// names no actor (data/actors/non-actor-nouns.json). Sample texts written for these tests (not from any article or
// gold set); shipped KB and data files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mention } from '../../src/types.js';
import { loadNonActorNouns } from '../../src/actors/generic.js';
import { DataError } from '../../src/errors.js';
import { recognizeSample } from './helpers.js';

const states = (ms: Mention[]) => ms.filter((m) => m.entity?.kind === 'state').map((m) => `${m.text}=${m.entity!.country_code}`);

test('an adjective before an art form, an industry, a law, a sport or a named tournament is no mention of the state', () => {
  const ms = recognizeSample('Critics have long appreciated British cinema.\n\nThe French wine industry has been hit by falling sales.\n\nThe firm said it had complied with Venezuelan law.\n\nShe reached the final of the Australian Open.\n\nThe film was directed by Tunisian-born Ali Mansour.\n\nGrowth in the US economy slowed.');
  assert.deepEqual(states(ms), []);
});

test('an adjective before a person, a group or an organisation noun, or a trade good, stays that actor\'s country (negative cases)', () => {
  const ms = recognizeSample('A Chinese trade delegation arrived in Nairobi.\n\nJapanese car maker Hondo signed a deal.\n\nRussia banned Georgian wine imports.\n\nThe French film director praised the festival.\n\nBritish troops left the base.');
  const cc = ms.map((m) => m.entity?.country_code ?? null);
  for (const c of ['CHN', 'JPN', 'RUS', 'GEO', 'FRA', 'GBR']) assert.ok(cc.includes(c), `${c} is still named as an actor's country`);
});

test('a country named only as a qualifier still counts as the article\'s country for its offices', () => {
  // Brazil named three times, twice only as a qualifier: the government is Brazil's (session 11's one-country rule)
  const ms = recognizeSample('The Brazilian economy grew last year.\n\nExporters in Brazil blamed weak demand.\n\nThe Brazilian stock market fell on Monday.\n\nThe government said it would cut the budget.');
  assert.equal(ms.find((m) => m.text === 'government')?.entity?.code, 'BRAGOV');
});

test('the non-actor nouns file is validated at load: a bad entry names the file, entry and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-nonactor-'));
  const f = join(dir, 'n.json');
  writeFileSync(f, JSON.stringify({ classes: [{ class: 'art', nouns: ['Cinema'] }], names: [], hyphenated: [] }));
  assert.throws(() => loadNonActorNouns(f), (e: unknown) => e instanceof DataError && /n\.json: entry "art": field "nouns"/.test(e.message));
  const g = join(dir, 'g.json');
  writeFileSync(g, JSON.stringify({ classes: [{ class: 'a', nouns: ['film'] }, { class: 'b', nouns: ['film'] }], names: [], hyphenated: [] }));
  assert.throws(() => loadNonActorNouns(g), /lists "film" twice/);
});

// KB name clashes: the mechanism, not the names (each sample pairs a clash with the reading that must survive)
const ids = (ms: Mention[], text: string) => ms.filter((m) => m.text === text).map((m) => m.entity?.id ?? null);

test('a given name before a KB surname makes another person: "Martin Johnson" is not Boris Johnson, nor is a later "Johnson"', () => {
  const ms = recognizeSample('Former England captain Martin Johnson has announced his retirement.\n\nJohnson said he was proud of the team.', '2020-01-01');
  assert.ok(!ms.some((m) => m.entity?.id === 'person/boris-johnson'), 'no mention resolves to the prime minister');
  assert.ok(ms.some((m) => m.text === 'Martin Johnson'), 'the full name is one mention');
  // negative: the prime minister alone, or named in full first, still resolves
  assert.deepEqual(ids(recognizeSample('Johnson said the talks went well.', '2020-01-01'), 'Johnson'), ['person/boris-johnson']);
  assert.deepEqual(ids(recognizeSample('Boris Johnson met Emmanuel Macron.\n\nJohnson said the talks went well.', '2020-01-01'), 'Johnson'), ['person/boris-johnson']);
});

test('a surname joined by "&" names a firm, and a surname that is also a KB place names the place until the person is named in full', () => {
  assert.deepEqual(ids(recognizeSample('Johnson & Johnson has agreed to buy a medical technology firm.', '2020-01-01'), 'Johnson'), []);
  const club = recognizeSample('Liverpool beat Chelsea on Saturday.\n\nProtesters gathered in Liverpool on Monday.', '2008-06-01');
  assert.ok(!club.some((m) => m.entity?.id === 'person/nicholas-liverpool'), 'the city is no president of Dominica');
  // negative: named in full first, the bare surname is that person
  const pres = recognizeSample('President Nicholas Liverpool of Dominica opened the session.\n\nLiverpool said the budget was balanced.', '2008-06-01');
  assert.deepEqual(ids(pres, 'Liverpool'), ['person/nicholas-liverpool']);
});

test('a surname inside a longer name or word, or after an article, is not the KB person', () => {
  const none = (text: string, id: string) => assert.ok(!recognizeSample(text, '2020-01-01').some((m) => m.entity?.id === id), `${text} → not ${id}`);
  none('Television host Lorraine Kelly took the role.\n\nKelly said she was delighted.', 'person/john-f-kelly'); // a place's name as a given name
  none('Scores from Malcolm O\'Kelly put the visitors ahead.', 'person/john-f-kelly'); // O'Kelly
  none('Nominees include Dickie Betts and Elvis Bishop.', 'person/julie-bishop'); // a surname that is also a sector word
  none('The Bishop of Durham described the novel as fiction.', 'person/julie-bishop');
  // negative: the Trump administration (a name qualifying a noun) and Trump's aides still name him
  const ms = recognizeSample('The Trump administration imposed tariffs.\n\nTrump\'s aides met the envoy.', '2020-01-01');
  assert.ok(ms.some((m) => m.entity?.code === 'USAGOV' && /administration/.test(m.text)));
  assert.deepEqual(ids(ms, 'Trump'), ['person/donald-trump']);
});

// a capitalised title word standing as a name ("Prince", "King" after "Stephen")
test('a capitalised title alone with no determiner or complement is a name, not an office; "the Queen" and a titled name still are (negative cases)', () => {
  assert.deepEqual(recognizeSample('Prince played a concert in Minneapolis.', '2016-06-01').filter((m) => m.entity?.office).map((m) => m.text), []);
  assert.deepEqual(recognizeSample('Last year\'s winner, Stephen King, accused the industry of snobbery.', '2016-06-01').filter((m) => m.entity?.office).map((m) => m.text), []);
  // an office completed by "for"/"of", or with a modifier before it, is still an office
  assert.ok(recognizeSample('Minister for the Middle East, Tobias Ellwood, responds to the attack.', '2016-06-01').some((m) => m.entity?.office));
  assert.ok(recognizeSample('Be sure to follow the Deputy Secretary on Twitter.', '2016-06-01').some((m) => m.entity?.office));
  assert.ok(recognizeSample('A senior Tory MP has criticised the department.', '2016-06-01').some((m) => m.entity?.office));
  assert.ok(recognizeSample('Fellow guest Ruth Kelly MP was also hit.', '2016-06-01').some((m) => m.entity?.office));
  assert.ok(recognizeSample('The Planning Minister did not rule out a new tender.', '2016-06-01').some((m) => m.entity?.office));
  assert.equal(recognizeSample('The Queen opened parliament.', '2016-06-01').find((m) => m.text === 'Queen')?.entity?.office, 'monarch');
  assert.equal(recognizeSample('The prince met the president.', '2016-06-01').find((m) => m.text === 'prince')?.entity?.office, 'monarch');
  assert.ok(recognizeSample('Pope Francis said the King would visit.', '2016-06-01').some((m) => m.entity?.id === 'person/pope-francis'));
});


test('a country name before a verb that is also a listed noun keeps its mention (hopes, demand, names, charts)', () => {
  const ms = recognizeSample('Britain hopes to secure a trade deal with France.\n\nBritain and France demand the release of the hostages.\n\nIran names a new ambassador to Iraq.\n\nChina charts a new course with Japan.\n\nRussia hopes Ukraine will return to talks.');
  const got = states(ms);
  for (const s of ['Britain=GBR', 'France=FRA', 'Iran=IRN', 'China=CHN', 'Russia=RUS']) assert.ok(got.includes(s), `${s} kept: ${got.join(', ')}`);
  assert.equal(got.filter((x) => x === 'Britain=GBR').length, 2);
});
