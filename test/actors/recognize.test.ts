// Recogniser tests on our own sample sentences (written for these tests, not taken from any
// article). Person/office logic runs on the small fixture KB so the tests do not move when the
// people data grows; states, organisations and negative cases run on the shipped KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKB, lookup, recognizeActors } from '../../src/actors/index.js';
import type { Mention } from '../../src/types.js';
import { FIXTURE_KB, sampleDoc } from './helpers.js';

const fx = loadKB(FIXTURE_KB);
const real = loadKB();

function run(text: string, date: string | null, kb = fx) {
  const doc = sampleDoc(text, date);
  const ms = recognizeActors(doc, kb);
  for (const m of ms) {
    assert.equal(doc.text.slice(m.start, m.end), m.text, 'span slices the text back');
    if (m.entity) assert.equal(m.entity.entity_text, m.text);
  }
  return { doc, ms };
}
const find = (ms: Mention[], text: string) => ms.find((m) => m.text === text);

test('a full name with its titles: person, office, country; later surname and pronoun mentions resolve to it', () => {
  const { ms } = run('Russian Security Council Secretary Sergei Shoigu said on Thursday that talks would go on. Shoigu added that he saw no obstacle.', '2026-05-14');
  const full = find(ms, 'Russian Security Council Secretary Sergei Shoigu')!;
  assert.equal(full.type, 'title');
  assert.equal(full.entity!.id, 'person/sergei-shoigu');
  assert.equal(full.entity!.office, 'security_council_secretary');
  assert.equal(full.entity!.code, 'RUSGOV');
  const sur = find(ms, 'Shoigu')!;
  assert.equal(sur.type, 'surname');
  assert.equal(sur.antecedent, ms.indexOf(full));
  const he = find(ms, 'he')!;
  assert.equal(he.type, 'pronoun');
  assert.equal(he.entity!.id, 'person/sergei-shoigu');
});

test('pronouns follow gender: "she" skips the last man for the last woman', () => {
  const { ms } = run('Maria Zakharova met Vladimir Putin in the morning. Later she told reporters the meeting went well.', '2026-05-14');
  assert.equal(find(ms, 'she')!.entity!.id, 'person/maria-zakharova');
});

test('"they" takes the last group named in this or the previous sentence', () => {
  const { ms } = run('Afghan forces retook the town on Monday. They said the militants had fled.', '2020-01-01');
  const they = find(ms, 'They')!;
  assert.equal(they.entity!.code, 'AFGMIL');
  assert.equal(they.antecedent, ms.indexOf(find(ms, 'Afghan forces')!));
});

test('a description resolves through the office holder at the article date', () => {
  assert.equal(run('The Russian defence minister arrived in Hanoi.', '2020-03-01').ms[0]!.entity!.id, 'person/sergei-shoigu');
  assert.equal(run('The Russian defence minister arrived in Hanoi.', '2025-03-01').ms[0]!.entity!.id, 'person/andrei-belousov');
  assert.equal(lookup(fx, 'Russian defence minister', '2025-03-01')!.name, 'Andrei Belousov');
});

test('a year stated in the sentence moves the resolution date', () => {
  const { ms } = run('In 2015, then defence minister Shoigu visited the region.', '2026-05-14');
  const m = ms.find((x) => x.text.endsWith('Shoigu'))!;
  assert.equal(m.entity!.id, 'person/sergei-shoigu');
  assert.equal(m.entity!.office, 'defence_minister');
});

test('"the former defence minister" is, as of the date, the holder before the current one', () => {
  const e = run("Russia's former defence minister criticised the plan.", '2025-03-01').ms[0]!.entity!;
  assert.equal(e.id, 'person/sergei-shoigu');
  assert.equal(e.code, 'RUSGOV', 'he holds another office now');
  const u = run('A former Pakistani defence minister criticised the plan.', '2025-03-01').ms[0]!.entity!;
  assert.equal(u.code, 'PAKELI', 'unknown to the KB: an elite of that country');
});

test('"then defence minister Shoigu": the office the text gives, not his office at the date', () => {
  const e = run('The deal was signed by then defence minister Shoigu.', '2026-05-14').ms[0]!.entity!;
  assert.equal(e.office, 'defence_minister');
});

test('a person who no longer holds office is an elite (ELI) at the date', () => {
  assert.equal(lookup(fx, 'Theresa May', '2018-01-01')!.sector, 'GOV');
  assert.equal(lookup(fx, 'Theresa May', '2023-01-01')!.sector, 'ELI');
});

test('titled people not in the KB become new actors with the title\'s country and sector', () => {
  const { ms } = run("Pakistan's interior minister Mohsin Naqvi met the delegation.", '2026-05-14');
  const m = find(ms, "Pakistan's interior minister Mohsin Naqvi")!;
  assert.equal(m.in_kb, false);
  assert.equal(m.entity!.id, 'new/mohsin-naqvi');
  assert.equal(m.entity!.code, 'PAKGOV');
  assert.equal(m.entity!.office, 'interior_minister');
});

test('an appositive title gives an unknown person a country', () => {
  const { ms } = run("Harry Tseng, Taiwan's deputy foreign minister, said the visit was useful.", '2024-01-01');
  const m = find(ms, 'Harry Tseng')!;
  assert.equal(m.entity!.country_code, 'TWN');
  assert.equal(m.entity!.office, 'deputy_foreign_minister');
});

test('demonym or possessive + group word: country and sector', () => {
  const { ms } = run("Russian officials said Afghan forces had withdrawn. Russia's ambassador to Hanoi was recalled.", '2026-05-14');
  assert.equal(find(ms, 'Russian officials')!.entity!.code, 'RUSGOV');
  assert.equal(find(ms, 'Afghan forces')!.entity!.code, 'AFGMIL');
  const amb = find(ms, "Russia's ambassador")!;
  assert.equal(amb.entity!.code, 'RUSGOV');
  assert.equal(amb.entity!.office, 'ambassador');
});

test('the Taliban: an insurgent group before 2021-08-15, the government of Afghanistan after', () => {
  const before = run('The Taliban attacked a checkpoint.', '2019-06-01').ms[0]!.entity!;
  assert.equal(before.code, 'AFGREB');
  assert.equal(run('Taliban forces crossed the river.', '2025-06-01').ms[0]!.entity!.code, 'AFGMIL', 'the forces of the government they became');
  const after = run('The Taliban attacked a checkpoint.', '2025-06-01').ms[0]!.entity!;
  assert.equal(after.code, 'AFGGOV');
  assert.equal(after.id, 'gov/afg-islamic-emirate');
  assert.equal(run('The envoy arrived in Kabul.', '2019-06-01').ms.find((m) => m.text === 'Kabul')!.entity!.sector, null, '"in Kabul" is a place');
  assert.equal(find(run('The government of Afghanistan denied it.', '2019-06-01').ms, 'government of Afghanistan')!.entity!.id, 'gov/afg-islamic-republic');
  assert.equal(run('Kabul denied it.', '2019-06-01').ms[0]!.entity!.id, 'gov/afg-islamic-republic');
  assert.equal(run('Kabul denied it.', '2025-06-01').ms[0]!.entity!.id, 'gov/afg-islamic-emirate');
});

test('"the U.S.-backed government": the backer is a separate actor, the government is the country\'s own', () => {
  const { ms } = run('In 2021 the Taliban overthrew the U.S.-backed government.', '2026-05-14');
  const gov = find(ms, 'government')!;
  assert.equal(gov.entity!.country_code, 'AFG');
  assert.equal(gov.entity!.id, 'gov/afg-islamic-republic');
  assert.ok(ms.some((m) => m.entity?.country_code === 'USA' && m.end <= gov.start));
});

test('"the government" takes the one country its sentence names, even after a sentence naming two', () => {
  const { ms } = run('Russian officials met Afghan envoys in Moscow on Monday. In 2021 the Taliban ousted the U.S.-backed government.', '2026-05-14');
  assert.equal(find(ms, 'government')!.entity!.id, 'gov/afg-islamic-republic');
  const none = run('Russian and Afghan officials met on Monday. The government said nothing.', '2026-05-14').ms;
  assert.equal(find(none, 'government')!.entity!.country_code, null, 'two countries in view: no guess');
});

test('unknown capitalised names are kept unresolved with a message, never guessed', () => {
  const { doc, ms } = run('Talks were chaired by Ilhom Rustamov and Dilnoza Karimova on Monday.', '2026-05-14');
  const m = find(ms, 'Ilhom Rustamov')!;
  assert.equal(m.entity, null);
  assert.ok(doc.messages.some((x) => x.origin === 'actors:unresolved' && x.start === m.start));
});

test('negative cases: a US state, a first name, a bird, a month', () => {
  const ga = run('The summit took place in Atlanta, Georgia, last week.', '2026-05-14', real).ms;
  assert.ok(!ga.some((m) => m.entity?.country_code === 'GEO'), 'Atlanta, Georgia is not the country');
  const jo = run('The columnist Jordan Peterson spoke at the event.', '2026-05-14', real).ms;
  assert.ok(!jo.some((m) => m.entity?.country_code === 'JOR'), 'Jordan Peterson is not the kingdom');
  const tu = run('They roasted a turkey for the holiday.', '2026-05-14', real).ms;
  assert.ok(!tu.some((m) => m.entity?.country_code === 'TUR'));
  const may = run('The vote is set for May 14 and talks resume in May.', '2018-01-01').ms;
  assert.ok(!may.some((m) => m.entity?.id === 'person/theresa-may'), 'May the month is not Theresa May');
});

test('states, seats of power, IGOs and armed groups from the shipped KB', () => {
  const { ms } = run('The Pentagon and the White House rejected the claim, while Moscow and the UN Security Council urged restraint. ISIS-K and al-Shabaab were named.', '2026-05-14', real);
  assert.equal(find(ms, 'The Pentagon')!.entity!.code, 'USAMIL');
  assert.equal(find(ms, 'the White House')!.entity!.code, 'USAGOV');
  assert.equal(find(ms, 'Moscow')!.entity!.code, 'RUSGOV');
  assert.equal(find(ms, 'UN Security Council')!.entity!.code, 'IGOUNO');
  assert.equal(find(ms, 'ISIS-K')!.entity!.id, 'org/isis-k');
  assert.equal(find(ms, 'al-Shabaab')!.entity!.code, 'SOMREB');
});

test('disputed entities follow PLOVER: Kosovo and Taiwan their own codes, breakaway regions under the sovereign (PRE)', () => {
  assert.equal(lookup(real, 'Kosovo')!.country_code, 'KOS');
  assert.equal(lookup(real, 'Taiwan')!.country_code, 'TWN');
  const ab = lookup(real, 'Abkhazia')!;
  assert.equal(ab.country_code, 'GEO');
  assert.equal(ab.sector, 'PRE');
});

test('a city or region names its country only before a group word', () => {
  const { ms } = run('Rakhine rebels attacked a post. Kandahar police made arrests. He lives in Mumbai.', '2022-01-01', real);
  assert.equal(find(ms, 'Rakhine rebels')!.entity!.code, 'MMRREB');
  assert.equal(find(ms, 'Kandahar police')!.entity!.code, 'AFGCOP');
  assert.equal(find(ms, 'Mumbai'), undefined, 'a place alone is no actor');
});

test('no mention runs over a line break', () => {
  const { ms } = run('Talks were held in Moscow\nRussian officials said little.\nThe Russian\nforces stayed.', '2026-05-14', real);
  for (const m of ms) assert.ok(!m.text.includes('\n'), `"${m.text}" crosses a line`);
});

test('lookup gives null when nothing fits', () => {
  assert.equal(lookup(real, 'a cat named Frank', null), null);
  assert.equal(lookup(real, 'was, participates', null), null);
});

test('recognition is fast: a 40-sentence article well under 50 ms', () => {
  const para = 'Russian officials said the Taliban government in Kabul met the UN envoy, and Chinese troops stayed in Beijing. ';
  const doc = sampleDoc(para.repeat(40), '2026-05-14');
  recognizeActors(doc, real);
  const t0 = performance.now();
  const n = recognizeActors({ ...doc, messages: [] }, real).length;
  assert.ok(n >= 200);
  assert.ok(performance.now() - t0 < 50 * 4, 'generous bound: the machine may be shared');
});

test('a title that names its organisation or seat of power, with no name, is that body\'s office holder', () => {
  // sample sentences written for this test
  const { ms } = run('The NATO chief warned on Tuesday that the alliance would respond. The UN Secretary-General called for calm, and the Kremlin spokesman declined to comment.', '2020-06-01', real);
  const nato = find(ms, 'NATO chief')!;
  assert.equal(nato.entity!.country_code, 'IGO');
  assert.equal(nato.entity!.code, 'IGONAT');
  assert.equal(nato.entity!.office, 'secretary_general');
  assert.equal(nato.entity!.kind, 'person');
  const un = find(ms, 'UN Secretary-General')!;
  assert.equal(un.entity!.code, 'IGOUNO');
  const kr = find(ms, 'Kremlin spokesman')!;
  assert.equal(kr.entity!.country_code, 'RUS');
  assert.equal(kr.entity!.office, 'presidential_spokesperson');
  // the bare title still names no body
  const bare = run('The secretary general said the meeting went well.', '2020-06-01', real).ms.find((m) => m.text === 'secretary general')!;
  assert.equal(bare.entity!.country_code, null);
});

test('"I" and "we" in reported speech resolve to the speaker named in the sentence; the author\'s own "we" is no actor', () => {
  // sample sentences written for this test
  const { ms } = run('"I will not step down," Vladimir Putin said on Monday. "We have withdrawn our forces," the Pentagon said. The weather was mild. We asked readers what they think.', '2024-03-01', real);
  const i = ms.find((m) => m.text === 'I')!;
  assert.equal(i.type, 'pronoun');
  assert.equal(i.entity!.id, 'person/vladimir-putin');
  assert.equal(ms[i.antecedent!]!.text, 'Vladimir Putin');
  const we = ms.filter((m) => m.text === 'We');
  assert.equal(we.length, 1, 'only the quoted "We" is a mention');
  assert.equal(we[0]!.entity!.id, 'org/pentagon');
  assert.equal(ms[we[0]!.antecedent!]!.text, 'the Pentagon');
  assert.ok(!ms.some((m) => m.text === 'our'), 'a possessive is no mention');
  for (let x = 1; x < ms.length; x++) assert.ok(ms[x - 1]!.start <= ms[x]!.start, 'mentions stay in text order');
  // "US" is the country, never "us"
  assert.ok(!run('The US said it would respond.', '2024-03-01', real).ms.some((m) => m.type === 'pronoun'));
});

test('an ethnic group "in" a country is that country\'s civilians; a compass word before the country is still that country', () => {
  // sample sentences written for this test
  const a = run('Ethnic Uzbeks in southern Kyrgyzstan asked for protection.', '2024-03-01', real).ms.find((m) => m.text.startsWith('Uzbeks'))!;
  assert.equal(a.entity!.code, 'KGZCVL');
  assert.equal(a.text, 'Uzbeks in southern Kyrgyzstan');
  const b = run('Ethnic Uzbeks fled across the border.', '2024-03-01', real).ms.find((m) => m.text === 'Uzbeks')!;
  assert.equal(b.entity!.country_code, null, 'no country named: none guessed');
  const c = run('Opposition parties in northern Nepal called a strike.', '2024-03-01', real).ms[0]!;
  assert.equal(c.entity!.code, 'NPLOPP');
});

test('a country adjective + one official ("the Jordanian planning minister") is a person of that government, not the government', () => {
  // sample sentences written for this test
  const { ms } = run('The Jordanian planning minister met donors, and the Jordanian government thanked them.', '2024-03-01', real);
  const min = ms.find((m) => m.text === 'Jordanian planning minister')!;
  assert.equal(min.entity!.kind, 'person');
  assert.equal(min.entity!.code, 'JORGOV');
  const gov = ms.find((m) => m.text === 'Jordanian government')!;
  assert.equal(gov.entity!.kind, 'government');
});

test('a seat of power used attributively without its article ("Kremlin officials") names the government', () => {
  // sample sentences written for this test
  const { ms } = run('Kremlin officials declined to comment, and a Kremlin aide said talks would resume.', '2024-03-01', real);
  assert.equal(ms.find((m) => m.text === 'Kremlin officials')!.entity!.code, 'RUSGOV');
  assert.equal(ms.find((m) => m.text.startsWith('Kremlin aide'))!.entity!.country_code, 'RUS');
});

test('an international organisation + "chief"/"head" is its head at the date; "chief of staff" stays its own office', () => {
  // sample sentences written for this test
  const { ms } = run('The IAEA chief arrived in Vienna on Monday.', '2024-03-01', real);
  const m = ms.find((x) => x.text === 'IAEA chief')!;
  assert.equal(m.entity!.kind, 'person');
  assert.equal(m.entity!.code, 'IGOUNOIAEA');
  assert.equal(m.entity!.office, 'secretary_general');
  const cos = run('The IAEA chief of staff arrived.', '2024-03-01', real).ms.find((x) => x.text.includes('chief of staff'))!;
  assert.equal(cos.entity!.office, 'chief_of_staff');
});
