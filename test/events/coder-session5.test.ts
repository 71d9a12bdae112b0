// Session 5: the codebook's reading of preparations, findings of guilt and restated demands
// (sample sentences written for these tests, not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, assertNoEvent, codeMarked, eventView, type Ent } from './helpers.js';

const MARKS: Array<[string, Ent]> = [['Russia', E.RUS], ['Ukraine', E.UKR], ['Iran', E.IRN], ['France', E.FRA], ['China', E.CHN], ['the United States', E.USA]];

test('"prepared to <attack>" is a mobilization reported as fact, the attack kept as the act prepared', () => {
  for (const s of ['Russia prepared to resume shelling Ukraine on Monday.', 'Russia is preparing to attack Ukraine.']) {
    const a = codeMarked(s, MARKS);
    const m = a.find((e) => e.event === 'MOBILIZE');
    assert.ok(m, `${s}: ${eventView(a).join('; ')}`);
    assert.equal(m.modality, 'asserted');
    assert.equal(m.intended?.event, 'ASSAULT');
    assert.deepEqual(m.recipient.map((r) => r.id), ['UKR']);
    assert.ok(!a.some((e) => e.event === 'ASSAULT'), eventView(a).join('; '));
  }
});

test('"is prepared to <attack>" stays an offer or threat, and preparing a cooperative act is no mobilization', () => {
  const a = codeMarked('Russia is prepared to attack Ukraine.', MARKS);
  assert.ok(!a.some((e) => e.event === 'MOBILIZE'), eventView(a).join('; '));
  const b = codeMarked('France prepared to sign a trade agreement with China.', MARKS);
  assert.ok(!b.some((e) => e.event === 'MOBILIZE'), eventView(b).join('; '));
});

test('"X and Y are guilty of V-ing" codes the act of both (the gerund is the predicate, not a modifier)', () => {
  const a = codeMarked('Both Russia and Ukraine are guilty of violating the ceasefire, a monitoring group said.', MARKS);
  const v = a.find((e) => e.cameo === '196');
  assert.ok(v, eventView(a).join('; '));
  assert.deepEqual(v.actor.map((x) => x.id).sort(), ['RUS', 'UKR']);
});

test('a gerund after "of" elsewhere is still subordinate', () => {
  const a = codeMarked('Russia is tired of violating the ceasefire.', MARKS);
  assert.ok(!a.some((e) => e.cameo === '196'), eventView(a).join('; '));
});

test('"insisted on its demands that X V" is the demand; what is demanded is not an event', () => {
  const a = codeMarked('Russia insisted on its demands that Ukraine grant the region more rights.', MARKS);
  assert.deepEqual(eventView(a).map((x) => x.split(' ').slice(1).join(' ')), ['RUS->UKR "insisted"']);
  assert.equal(a[0]!.event, 'REQUEST');
  const b = codeMarked('Iran reiterated its demand that the United States lift the sanctions.', MARKS);
  assert.ok(b.some((e) => e.event === 'REQUEST' && e.recipient.some((r) => r.id === 'USA')), eventView(b).join('; '));
  assert.ok(!b.some((e) => e.event === 'RETREAT'), eventView(b).join('; '));
});

test('a plain "insisted that" is still an attribution, not a demand', () => {
  const a = codeMarked('Iran insisted that Russia had attacked Ukraine.', MARKS);
  assert.ok(!a.some((e) => e.event === 'REQUEST'), eventView(a).join('; '));
});

// ---- round 2: the lexicon and the PLOVER table read by the codebook

test('"called for sanctions against X" decries X (ACCUSE), it threatens nothing', () => {
  const a = codeMarked('France called for sanctions against Iran on Monday.', MARKS);
  assert.deepEqual(a.map((e) => [e.event, e.recipient.map((r) => r.id).join()]), [['ACCUSE', 'IRN']], eventView(a).join('; '));
  // (a threat to impose them is still a threat)
  const b = codeMarked('France threatened sanctions against Iran.', MARKS);
  assert.ok(b.some((e) => e.event === 'THREATEN'), eventView(b).join('; '));
});

test('opposing a plan or a deployment rejects it; opposing an act done disapproves of it', () => {
  const a = codeMarked('Russia opposed the deployment of a peacekeeping force in Ukraine.', MARKS);
  assert.equal(a[0]?.event, 'REJECT', eventView(a).join('; '));
  const b = codeMarked('China opposes the missile launch by Iran.', MARKS);
  assert.equal(b[0]?.event, 'ACCUSE', eventView(b).join('; '));
});

test('police preventing a demonstration restricts assembly (CAMEO 1721, PLOVER COERCE), not a violent repression', () => {
  const police: Ent = { id: 'IRN-police', kind: 'group', cc: 'IRN', code: 'IRNCOP', name: 'Iranian police', sector: 'COP' };
  const a = codeMarked('Iranian police prevented the demonstration in Tehran.', [['Iranian police', police]]);
  assert.equal(a[0]?.event, 'COERCE', eventView(a).join('; '));
  assert.equal(a[0]?.cameo, '1721');
});

test('"called X on <day> to congratulate him" is a telephone call', () => {
  const a = codeMarked('Russia called France on Wednesday to congratulate it on the election.', MARKS);
  assert.equal(a[0]?.cameo, '041', eventView(a).join('; '));
});

test('what a resolution or a bill "aims to" do is its purpose: no act and no intent of the actors around it', () => {
  const a = codeMarked('France said it will support a resolution that aims to tighten sanctions and impose a blockade against Iran.', MARKS);
  const scored = a.filter((e) => e.intended || !e.negated && e.modality !== 'hypothetical');
  assert.deepEqual(scored.map((e) => e.event), ['AGREE'], eventView(a).join('; '));
  // (an actor's own aim is still its intent)
  const b = codeMarked('Russia aims to seize Ukraine.', MARKS);
  assert.ok(b.every((e) => e.modality === 'hypothetical' || e.intended), eventView(b).join('; '));
});

// ---- round 3: publications, attackers named in the attack, accidents

test('releasing figures, footage or a game is no release of captives; releasing prisoners is', () => {
  assertNoEvent(['Russia released growth figures on Tuesday.', 'France released footage of the missile test.', 'China is releasing a new game console.'], MARKS, 'RETREAT');
  const b = codeMarked('Russia released 20 prisoners to Ukraine on Tuesday.', MARKS);
  assert.ok(b.some((e) => e.event === 'RETREAT'), eventView(b).join('; '));
});

test('a report released on a day, before its verb of saying (tagged an adjective), is a reduced relative', () => {
  const a = codeMarked('A report released Tuesday in Kiev alleged that Russia was aware of the plan.', [...MARKS, ['Kiev', E.UKR]]);
  assert.ok(!a.some((e) => e.event === 'RETREAT'), eventView(a).join('; '));
});

test('"were killed in Russian shelling": the actor before the attack noun is the attacker, not the target', () => {
  const a = codeMarked('Four civilians were killed in Russian tank shelling on Friday.', [['Russian', E.RUS]]);
  const k = a.find((e) => e.event === 'ASSAULT');
  assert.ok(k, eventView(a).join('; '));
  assert.deepEqual(k.actor.map((x) => x.id), ['RUS']);
  assert.ok(!k.recipient.some((r) => r.id === 'RUS'));
});

test('deaths in a crash or a disaster named by "by" are no assault by its owner', () => {
  const air: Ent = { id: 'org/airline', kind: 'organization', cc: 'FRA', code: 'FRABUS', name: 'Air France', sector: 'BUS' };
  const a = codeMarked('Experts will identify the victims killed by the Air France crash in Ukraine.', [['Air France', air], ['Ukraine', E.UKR]]);
  assert.ok(!a.some((e) => e.event === 'ASSAULT'), eventView(a).join('; '));
  const b = codeMarked('Ten soldiers were killed by Russian artillery fire in Ukraine.', [['Russian', E.RUS], ['Ukraine', E.UKR]]);
  assert.ok(b.some((e) => e.event === 'ASSAULT' && e.actor.some((x) => x.id === 'RUS')), eventView(b).join('; '));
});

test('"warned that <prospect>" is a comment, not a threat; a warning addressed to an actor stays a threat', () => {
  assertNoEvent(['France warned that earnings in Iran may slide next year.', 'Russia cautioned that no deadline had been set for the withdrawal.'], MARKS, 'THREATEN');
  for (const s of ['Russia warned Ukraine that it would retaliate.', 'Iran warned the United States to stop its attacks.']) {
    const a = codeMarked(s, MARKS);
    assert.ok(a.some((e) => e.event === 'THREATEN'), `${s}: ${eventView(a).join('; ')}`);
  }
});

test('joining a company, a party or a union is no meeting; joining talks still is one', () => {
  assertNoEvent(['Ukraine hopes to join the European Union within a decade.', 'The Russia minister joined the company in January.'], MARKS, 'CONSULT');
  const b = codeMarked('Russia joined talks with Ukraine on Monday.', MARKS);
  assert.ok(b.some((e) => e.event === 'CONSULT'), eventView(b).join('; '));
});
