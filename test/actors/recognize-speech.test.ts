// Session-2 recogniser rules about speakers and pronouns, on our own sample sentences (written for
// these tests, not taken from any article); the fixture KB for people, the shipped KB for states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKB, recognizeActors } from '../../src/actors/index.js';
import type { Mention } from '../../src/types.js';
import { FIXTURE_KB, sampleDoc } from './helpers.js';

const fx = loadKB(FIXTURE_KB);
const real = loadKB();

function run(text: string, date: string | null, kb = fx) {
  const doc = sampleDoc(text, date);
  const ms = recognizeActors(doc, kb);
  for (const m of ms) assert.equal(doc.text.slice(m.start, m.end), m.text, 'span slices the text back');
  return ms;
}
const all = (ms: Mention[], text: string) => ms.filter((m) => m.text === text);

test('a statement after "X, <title>, said:" is X speaking: every "I" of its paragraphs is X', () => {
  const ms = run("Lena Marsh, Canada's deputy foreign minister, said:\n\nI welcome the ceasefire agreed last night.\n\nThe talks were long and difficult. Both sides made concessions. I urge them to keep their word.", '2024-01-01', real);
  const is = all(ms, 'I');
  assert.equal(is.length, 2);
  for (const i of is) assert.equal(i.entity?.id, 'new/lena-marsh');
});

test('the author\'s own "I" outside quotation marks is the author (a person, no country), never the minister', () => {
  const ms = run("Canada's foreign minister Lena Marsh said the talks would resume. The city was quiet that night.\n\nIn the morning I walked to the market, where few shops were open.", '2024-01-01', real);
  const is = all(ms, 'I');
  assert.equal(is.length, 1);
  assert.equal(is[0]!.entity?.id, 'author');
  assert.equal(is[0]!.entity?.kind, 'person');
  assert.equal(is[0]!.entity?.country_code, null);
});

test('a quotation running over several sentences: its "I" is the speaker named before it', () => {
  const ms = run('"We will rebuild the bridge," said Canada\'s foreign minister Lena Marsh. "The road is gone. The river is high. I have asked our engineers for a plan. I will not wait."', '2024-01-01', real);
  const is = all(ms, 'I');
  assert.equal(is.length, 2);
  for (const i of is) assert.equal(i.entity?.id, 'new/lena-marsh');
});

test('"says Manal": a single unknown name after a speech verb is a person (unresolved)', () => {
  const ms = run('"The harvest was poor this year," says Manal, lifting a crate of tomatoes.', '2024-01-01');
  const m = all(ms, 'Manal')[0]!;
  assert.ok(m, 'detected');
  assert.equal(m.entity, null, 'not in the KB: no guessed entity');
});

test('"him" resolves like "he"; possessives stay out', () => {
  const ms = run('Sergei Shoigu arrived in Minsk on Monday. His hosts urged him to stay longer.', '2025-01-01');
  assert.equal(all(ms, 'him')[0]?.entity?.id, 'person/sergei-shoigu');
  assert.equal(all(ms, 'His').length, 0);
});

test('a domestic group without a country takes the one country its sentence names; two countries: no guess', () => {
  const one = run('Rebels shelled the outskirts of the capital, the Malian army said on Sunday.', '2024-01-01', real);
  assert.equal(all(one, 'Rebels')[0]?.entity?.code, 'MLIREB');
  const eth = run('Hundreds of ethnic Uzbeks marched through the city centre in Kyrgyzstan on Friday.', '2024-01-01', real);
  assert.equal(eth.find((m) => m.text.endsWith('Uzbeks'))?.entity?.country_code, 'KGZ');
  const two = run('Rebels clashed with Sudanese troops and Chadian police overnight.', '2024-01-01', real);
  assert.equal(all(two, 'Rebels')[0]?.entity?.country_code, null, 'two countries named: none chosen');
  const dest = run('Students protested in Nairobi against the decision to send them back to Somalia.', '2024-01-01', real);
  assert.equal(dest.find((m) => m.text.startsWith('Students'))?.entity?.code, 'KENEDU', 'a destination ("to Somalia") is not where the group is from');
  const visit = run('Students visited China last week.', '2024-01-01', real);
  assert.equal(all(visit, 'Students')[0]?.entity?.country_code, null);
  const troops = run('Troops shelled the outskirts of the capital, the Malian army said.', '2024-01-01', real);
  assert.equal(all(troops, 'Troops')[0]?.entity?.country_code ?? null, null, 'troops often act abroad: left alone');
  const prof = run('A professor at the university in Bamako said the vote in Mali was fair.', '2024-01-01', real);
  const p = prof.find((m) => m.text.endsWith('professor'))!;
  assert.equal(p.entity?.code, 'MLIEDU');
  assert.equal(p.entity?.kind, 'person');
  const named = run('Judge Amadou Kone said the vote in Mali was fair.', '2024-01-01', real);
  assert.equal(named.find((m) => m.text.includes('Kone'))?.entity?.country_code ?? null, null, 'a named person is never given a country from the context');
});

test('a head of government\'s name before regime/administration/forces is that government or its military', () => {
  const ms = run('Sergei Shoigu met the Putin government on Monday. Putin forces then moved south. Putin said nothing.', '2023-06-01');
  const gov = all(ms, 'Putin government')[0]!;
  assert.equal(gov.entity?.code, 'RUSGOV');
  assert.notEqual(gov.entity?.kind, 'person');
  assert.equal(all(ms, 'Putin forces')[0]?.entity?.code, 'RUSMIL');
  assert.equal(all(ms, 'Putin')[0]?.entity?.id, 'person/vladimir-putin', 'the name alone is still the person');
});

test('"the group", "this terrorist organization" refer back to the last organisation that fits; none fits: no mention', () => {
  const ms = run('Islamic State fighters stormed the village on Monday. The group said it had taken the bridge. Officials vowed to defeat this terrorist organization within months.', '2024-01-01', real);
  const g = all(ms, 'The group')[0]!;
  assert.equal(g.entity?.id, 'org/isis');
  assert.equal(g.antecedent, ms.indexOf(all(ms, 'Islamic State fighters')[0]!));
  assert.equal(all(ms, 'this terrorist organization')[0]?.entity?.id, 'org/isis');
  const none = run('The group of seven met in the morning. The group said little afterwards.', '2024-01-01', real);
  assert.equal(none.filter((m) => /group/i.test(m.text)).length, 0);
});

test('an acronym defined after an unknown organisation\'s name is detected where it recurs, unresolved', () => {
  const ms = run('The grant to the Northern Heritage Trust (NHT) pays for repairs. Experts from NHT will lead the work.', '2024-01-01', real);
  const acr = all(ms, 'NHT');
  assert.equal(acr.length, 2);
  for (const a of acr) { assert.equal(a.type, 'acronym'); assert.equal(a.entity, null); }
  assert.equal(all(run('Prices rose sharply (GDP fell) in May. GDP is down.', '2024-01-01', real), 'GDP').length, 0, 'no organisation name before it: no acronym');
});

test('a counted plural ("43 people", "thousands of people") is a group of people; "people" alone is not', () => {
  const ms = run('At least 43 people were killed when the market was shelled. Thousands of people fled the town. People say the war is far from over.', '2024-01-01', real);
  const counted = ms.filter((m) => m.text.endsWith('people') && m.entity?.sector === 'CVL');
  assert.deepEqual(counted.map((m) => m.text), ['43 people', 'Thousands of people'], 'the span starts at the number');
  assert.equal(all(ms, 'People').length, 0);
});

test('an official\'s "we" is their government; a named group nearby still wins', () => {
  const ms = run('"We will answer in kind," the Russian foreign minister said on Tuesday.', '2016-10-01', real);
  assert.equal(all(ms, 'We')[0]?.entity?.code, 'RUSGOV');
  const g = run('"We will answer in kind," a NATO spokesman said on Tuesday.', '2016-10-01', real);
  assert.notEqual(all(g, 'We')[0]?.entity?.code, 'RUSGOV');
});

test('"a newspaper based in east Beirut": where a group is based is its country; qualifiers before a bare group word join its span', () => {
  const ms = run('A newspaper based in east Beirut printed the statement.', '2000-01-01', real);
  const n = ms.find((m) => m.text.startsWith('newspaper'))!;
  assert.equal(n.text, 'newspaper based in east Beirut');
  assert.equal(n.entity?.code, 'LBNMED');
  assert.equal(n.entity?.kind, 'group');
  const q = run('Egyptian police dispersed radical fundamentalist demonstrators in the city.', '2000-01-01', real);
  const d = q.find((m) => m.text.endsWith('demonstrators'))!;
  assert.equal(d.text, 'radical fundamentalist demonstrators');
  assert.equal(d.entity?.code, 'EGYOPP', 'one country in the sentence');
});

test('a person not in the KB named in full is found again by first name, before a KB person of that surname', () => {
  const ms = run('"We kept the library open," says Tariq Haddad, a former student. Tariq says the books were saved from ruins. Later, Tariq said more.', '2016-07-01', real);
  const later = ms.filter((m) => m.text === 'Tariq');
  assert.equal(later.length, 2);
  for (const m of later) assert.equal(m.antecedent, ms.indexOf(ms.find((x) => x.text === 'Tariq Haddad')!));
  const titled = run('General Lena Corvo arrived on Monday. Corvo said the troops would stay.', '2016-07-01', real);
  assert.equal(titled.find((m) => m.text === 'Corvo')?.entity?.name, 'Lena Corvo', 'the entity of the full mention is carried');
});

test('"the counter-ISIL coalition", "anti-ISIL forces": the organisation in the compound is the opponent, not the actor', () => {
  const ms = run('Anti-ISIL forces advanced on the town. The counter-ISIL coalition met in Rome. Officials said they want to counter ISIL everywhere.', '2016-07-01', real);
  const isil = ms.filter((m) => m.entity?.id === 'org/isis');
  assert.equal(isil.length, 1, 'none inside the compounds');
  assert.equal(isil[0]!.start, 'Anti-ISIL forces advanced on the town. The counter-ISIL coalition met in Rome. Officials said they want to counter '.length, '"to counter ISIL": ISIL is the object, still a mention');
});

test('"the Coalition", capitalised, refers back to the coalition named before (resolved in place, no stale message)', () => {
  const doc = sampleDoc('The U.S.-led coalition struck targets near Mosul. The Coalition said the strikes hit enemy positions.', '2016-07-01');
  const ms = recognizeActors(doc, real);
  const c = ms.find((m) => m.text === 'The Coalition')!;
  assert.equal(c.entity?.id, ms[0]!.entity?.id);
  assert.equal(doc.messages.filter((m) => m.origin === 'actors:unresolved' && m.start === c.start).length, 0);
});

test('a titled name is the KB holder of that office up to spelling or a left-out middle name; two fits: none', () => {
  const ms = run('President Vladimir Poutin arrived. Later, Defence Minister Sergei Shoygu spoke.', '2020-01-01');
  assert.equal(ms.find((m) => m.text.includes('Poutin'))?.entity?.id, 'person/vladimir-putin', 'one edit in the surname');
  assert.equal(ms.find((m) => m.text.includes('Shoygu'))?.entity?.id, 'person/sergei-shoigu');
  const other = run('President Vladimir Pitkin arrived.', '2020-01-01');
  assert.ok(other[0]!.entity?.id.startsWith('new/'), 'two edits in a short surname: another person');
  const office = run('Defence Minister Vladimir Poutin arrived.', '2020-01-01');
  assert.ok(office[0]!.entity?.id.startsWith('new/'), 'the office must fit too');
});

test('"X welcomed him": an object pronoun is not the subject of its own clause', () => {
  const ms = run('Vladimir Putin welcomed him warmly. Sergei Shoigu said Putin had thanked him.', '2020-01-01');
  const hims = ms.filter((m) => m.text === 'him');
  assert.equal(hims.length, 1, 'the first "him" has no antecedent outside its clause');
  assert.equal(hims[0]!.entity?.id, 'person/sergei-shoigu');
});

test('a country adjective before a plural noun of people the sector lists lack is a group of that country', () => {
  const ms = run('The minister met his French counterparts in Paris. A team of Iraqi preservationists restored the gate. Iraqi towns were shelled.', '2016-07-01', real);
  const fr = ms.find((m) => m.text === 'French counterparts')!;
  assert.equal(fr.entity?.kind, 'group');
  assert.equal(fr.entity?.country_code, 'FRA');
  assert.equal(ms.find((m) => m.text === 'Iraqi preservationists')?.entity?.country_code, 'IRQ');
  assert.equal(ms.find((m) => m.text.startsWith('Iraqi town')), undefined, 'towns are no people: the adjective stays alone');
});

test('"the Turkish border", "the Syrian city of Raqqa": a place in that country, not a nationality; "rebel-held" is no actor', () => {
  const ms = run('The blast hit the rebel-held Syrian town of Azaz, near the Turkish border.', '2016-07-01', real);
  const azaz = ms.find((m) => m.text === 'Syrian town of Azaz')!;
  assert.equal(azaz.type, 'name');
  assert.equal(azaz.entity?.country_code, 'SYR', 'PLOVER still codes the country');
  assert.equal(ms.find((m) => m.text === 'Turkish border')?.entity?.country_code, 'TUR');
  assert.equal(ms.find((m) => m.text === 'rebel'), undefined);
});

test('a qualifying sector word before a collective noun ("a Congressional group", "opposition groups in Zimbabwe") is a body of that sector', () => {
  const ms = run('A Congressional group visited Kyiv on Monday.', '2024-01-01', real);
  const g = ms.find((m) => m.text === 'Congressional group')!;
  assert.equal(g.entity?.sector, 'LEG');
  assert.equal(g.entity?.country_code, null, 'a delegation often acts abroad: not given the country it visits');
  const z = run('Opposition groups in Zimbabwe called a strike.', '2024-01-01', real);
  assert.equal(z.find((m) => m.text.startsWith('Opposition groups'))?.entity?.code, 'ZWEOPP');
});
