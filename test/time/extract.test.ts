// The time stage on sample sentences (written for these tests), with the reference date pinned
// to Thursday 2026-05-14.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTimes, dateForClause } from '../../src/time/index.js';
import { validateLexicon, loadLexicon } from '../../src/time/lexicon.js';
import type { TimeExpr } from '../../src/types.js';

const REF = '2026-05-14'; // a Thursday

function times(text: string, ref: string | null = REF): TimeExpr[] {
  const r = extractTimes(text, ref);
  for (const t of r.times) assert.equal(text.slice(t.start, t.end), t.text, 'span slices the text back');
  for (let i = 1; i < r.times.length; i++) assert.ok(r.times[i - 1]!.end <= r.times[i]!.start, 'ordered, no overlaps');
  return r.times;
}
/** The single expression found, checked for its text. */
function one(text: string, expected: string, ref: string | null = REF): TimeExpr {
  const ts = times(text, ref).filter((t) => t.text === expected);
  assert.equal(ts.length, 1, `"${expected}" in ${JSON.stringify(text)}: found ${JSON.stringify(times(text, ref).map((t) => t.text))}`);
  return ts[0]!;
}
function value(text: string, expected: string, ref: string | null = REF): string | null {
  return one(text, expected, ref).value;
}

test('absolute dates in the common news forms', () => {
  assert.equal(value('The summit opened on May 14, 2026 in Astana.', 'May 14, 2026'), '2026-05-14');
  assert.equal(value('It was signed on 14 May 2026.', '14 May 2026'), '2026-05-14');
  assert.equal(value('The deal was signed on Thursday, May 14, 2026.', 'Thursday, May 14, 2026'), '2026-05-14');
  assert.equal(value('Elections were held in March 2019.', 'March 2019'), '2019-03');
  assert.equal(value('The law came into force on 2013-03-12.', '2013-03-12'), '2013-03-12');
  assert.equal(value('The ministers met on May 4.', 'May 4'), '2026-05-04');
  assert.equal(value('Talks collapsed in 2024.', '2024'), '2024');
  assert.equal(value('The army left in the 1990s.', 'the 1990s'), '199X');
  const mid = one('Prices rose sharply in mid-2023.', 'mid-2023');
  assert.equal(mid.value, '2023');
  assert.equal(mid.precision, 'year');
  const d = one('The ministers met on May 4.', 'May 4');
  assert.deepEqual([d.stated, d.implied], [['month', 'day'], ['year']]);
});

test('a bare month follows the tense of its clause', () => {
  assert.equal(value('The ministers met in March.', 'March'), '2026-03');
  assert.equal(value('The delegation visited Kabul in September.', 'September'), '2025-09');
  assert.equal(value('Elections will be held in September.', 'September'), '2026-09');
  assert.equal(value('Moscow recognised the government last July.', 'last July'), '2025-07');
  assert.equal(value('A vote is planned for next July.', 'next July'), '2026-07');
  const lj = one('Moscow recognised the government last July.', 'last July');
  assert.equal(lj.precision, 'month');
  assert.deepEqual(lj.implied, ['year']);
});

test('weekdays: the speech day, the last one in the past, the next one in the future', () => {
  assert.equal(value('Shoigu said Thursday that ties were growing.', 'Thursday'), '2026-05-14');
  assert.equal(value('The foreign minister spoke on Monday.', 'Monday'), '2026-05-11');
  assert.equal(value('The envoys met last Friday.', 'last Friday'), '2026-05-08');
  assert.equal(value('The envoys will meet on Monday.', 'Monday'), '2026-05-18');
  assert.equal(value('The envoys will meet next Tuesday.', 'next Tuesday'), '2026-05-19');
  const t = one('Shoigu said Thursday that ties were growing.', 'Thursday');
  assert.deepEqual([t.stated, t.precision], [['weekday'], 'day']);
});

test('relative expressions', () => {
  assert.equal(value('Growth slowed last year.', 'last year'), '2025');
  assert.equal(value('The talks resume next month.', 'next month'), '2026-06');
  assert.equal(value('The troops arrived two weeks ago.', 'two weeks ago'), '2026-04-30');
  assert.equal(value('The embassy reopened earlier this month.', 'earlier this month'), '2026-05');
  assert.equal(value('The plan was agreed late last year.', 'late last year'), '2025');
  assert.equal(value('Delegates arrive this week.', 'this week'), '2026-W20');
  assert.equal(value('The minister resigned yesterday.', 'yesterday'), '2026-05-13');
  assert.equal(value('The minister resigns today.', 'today'), '2026-05-14');
  assert.equal(value('The minister was in Paris a year ago.', 'a year ago'), '2025');
  assert.equal(value('Russia and China met this summer.', 'this summer'), '2026-SU');
  assert.equal(value('Profits fell in the third quarter.', 'the third quarter'), '2025-Q3');
});

test('vague references are kept, never given a day', () => {
  for (const [s, w, v] of [
    ['Officials met recently in Doha.', 'recently', 'PAST_REF'],
    ['Russia previously said it had no plans.', 'previously', 'PAST_REF'],
    ['The border is now closed.', 'now', 'PRESENT_REF'],
    ['A deal may come soon.', 'soon', 'FUTURE_REF'],
    ['Such talks could resume in the future.', 'the future', 'FUTURE_REF'],
  ] as const) {
    const t = one(s, w);
    assert.equal(t.value, v);
    assert.equal(t.vague, true);
    assert.equal(t.precision, null);
  }
});

test('ranges and spans', () => {
  const r = one('He served as defence minister between 2012 and 2024.', 'between 2012 and 2024');
  assert.deepEqual([r.value, r.role, r.range], ['P12Y', 'range', { begin: '2012', end: '2024' }]);
  const f = one('He ruled from 2012 to 2024.', 'from 2012 to 2024');
  assert.deepEqual(f.range, { begin: '2012', end: '2024' });
  const s = one('The Taliban have governed since 2021.', '2021');
  assert.deepEqual([s.role, s.range], ['since', { begin: '2021', end: null }]);
  assert.equal(one('The post was vacant until 2020.', '2020').role, 'until');
});

test('durations and sets', () => {
  assert.deepEqual([one('It ended its 20-year presence.', '20-year').value, one('It ended its 20-year presence.', '20-year').type], ['P20Y', 'DURATION']);
  assert.equal(value('The blockade lasted for three months.', 'three months'), 'P3M');
  assert.equal(value('The conflict lasted two decades.', 'two decades'), 'P20Y');
  assert.equal(value('Aid rose over the past year.', 'the past year'), 'P1Y');
  assert.equal(value('The talks lasted 24 hours.', '24 hours'), 'PT24H');
  const e = one('The council meets every year.', 'every year');
  assert.deepEqual([e.type, e.value], ['SET', 'P1Y']);
  assert.equal(one('The ministry publishes weekly figures.', 'weekly').value, 'P1W');
  assert.equal(one('Envoys meet each Thursday.', 'each Thursday').value, 'XXXX-WXX-4');
});

test('datelines: the date of the dispatch, never after the publication date', () => {
  const t = one('MOSCOW, December 26. /TASS/. The ministry said talks would go on.', 'December 26');
  assert.deepEqual([t.value, t.role], ['2025-12-26', 'dateline']);
  const r = one('WASHINGTON, Nov 3 (Reuters) - The State Department said on Monday.', 'Nov 3', '2026-11-03');
  assert.deepEqual([r.value, r.role], ['2026-11-03', 'dateline']);
});

test('negative cases: names, verbs, numbers, URLs and modals are not dates', () => {
  const none = (s: string) => assert.deepEqual(times(s).map((t) => t.text), [], s);
  none('Theresa May said the plan was sound.');
  none('Protesters will march to the parliament.');
  none('Officials say 2,024 people were displaced.');
  none('About 2024 soldiers crossed the border.');
  none('Revenue rose 12% in Q3 according to the filing.');
  none('See https://example.com/2024/05/14/story for details.');
  none('One of them may resign.');
  none('The Sun reported the story.');
  none('Call +1 202-555-2024 for tickets.');
  none('April Ryan asked the question.');
  none('Only one said so.');
});

test('without a reference date: a message, relative values stay null, absolute ones resolve', () => {
  const r = extractTimes('The talks on Thursday followed the May 14, 2026 meeting and the 2021 takeover.', null);
  assert.equal(r.messages.length, 1);
  assert.equal(r.messages[0]!.origin, 'time:no-reference-date');
  const by = Object.fromEntries(r.times.map((t) => [t.text, t.value]));
  assert.deepEqual(by, { Thursday: null, 'May 14, 2026': '2026-05-14', '2021': '2021' });
  const bad = extractTimes('They met yesterday.', 'last week');
  assert.match(bad.messages[0]!.text, /"last week" is not a YYYY-MM-DD date/);
  assert.equal(bad.times[0]!.value, null);
});

test('sentence indexes come from the sentences when given', () => {
  const text = 'Talks began in 2021. They resumed on Monday.';
  const sentences = [
    { index: 0, start: 0, end: 20, text: text.slice(0, 20), tokens: [] },
    { index: 1, start: 21, end: text.length, text: text.slice(21), tokens: [] },
  ];
  const r = extractTimes(text, REF, sentences);
  assert.deepEqual(r.times.map((t) => [t.text, t.sentence]), [['2021', 0], ['Monday', 1]]);
});

test('dateForClause: governing expression, speech time, else publication', () => {
  const text = 'Russia recognised the government last July, Shoigu said Thursday. Kabul welcomed it.';
  const ts = extractTimes(text, REF).times;
  const s1 = text.indexOf('recognised');
  assert.deepEqual(dateForClause({ start: 0, end: text.indexOf(','), trigger: { start: s1, end: s1 + 10 } }, ts, REF),
    { date: '2025-07', precision: 'month', source: 'text', text: 'last July' });
  const said = text.indexOf('said');
  assert.deepEqual(dateForClause({ start: text.indexOf('Shoigu'), end: text.indexOf('.') + 1, speech: { start: said, end: said + 4 } }, ts, REF),
    { date: '2026-05-14', precision: 'day', source: 'text', text: 'Thursday' });
  const k = text.indexOf('Kabul');
  assert.deepEqual(dateForClause({ start: k, end: text.length }, ts, REF), { date: REF, precision: 'day', source: 'publication', text: null });
  assert.deepEqual(dateForClause({ start: k, end: text.length }, ts, null), { date: null, precision: null, source: null, text: null });
  // a span dates by its beginning; a week by its month; a vague reference gives no date
  const t2 = 'He served between 2012 and 2024. Envoys met this week. They met recently.';
  const ts2 = extractTimes(t2, REF).times;
  assert.deepEqual(dateForClause({ start: 0, end: 32 }, ts2, REF), { date: '2012', precision: 'year', source: 'text', text: 'between 2012 and 2024' });
  assert.deepEqual(dateForClause({ start: 33, end: 54 }, ts2, REF), { date: '2026-05', precision: 'month', source: 'text', text: 'this week' });
  assert.deepEqual(dateForClause({ start: 55, end: t2.length }, ts2, REF), { date: null, precision: null, source: 'text', text: 'recently' });
});

test('the lexicon is validated at load', () => {
  assert.ok(loadLexicon().months.july === 7);
  assert.throws(() => validateLexicon({ ...loadLexicon(), months: { july: 13 } }), /months\.july must be a number in 1\.\.12/);
  assert.throws(() => validateLexicon({ ...loadLexicon(), seasons: { spring: 'XX' } }), /seasons\.spring/);
});

test('speed: a few hundred paragraphs well under a second', () => {
  const para = 'MOSCOW, December 26. /TASS/. Russia said on Thursday it had held talks with the Taliban last July and would meet again next month, two weeks after the 2024 summit; since 2021 the two sides have met every year.\n\n';
  const text = para.repeat(300);
  const t0 = performance.now();
  const r = extractTimes(text, REF);
  const ms = performance.now() - t0;
  assert.ok(r.times.length >= 300 * 6);
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
});

test('anaphora: "the next day", "two years later" count from the last date mentioned', () => {
  const text = 'The envoys arrived on March 3, 2025. The next day they met the minister. Two years later the embassy reopened. That week was calm.';
  const by = Object.fromEntries(times(text).map((t) => [t.text, t.value]));
  assert.equal(by['the next day'.replace('the', 'The')], '2025-03-04');
  assert.equal(by['Two years later'], '2027');
  // with no earlier date, an anaphoric expression stays unresolved rather than guessing from the article date
  assert.equal(value('The next day they left.', 'The next day'), null);
  assert.equal(value('The regime fell a decade ago.', 'a decade ago'), '2016');
});

test('report periods, clock times and quarters', () => {
  assert.equal(value('Sales for the year ended March 31 rose.', 'the year'), 'P1Y');
  assert.equal(value('Shares hit a high for the year in June.', 'the year'), '2026');
  assert.equal(value('The index ended the day 2% lower.', 'the day'), '2026-05-14');
  assert.equal(one('The ministry posted an annual loss.', 'annual').type, 'DURATION');
  assert.equal(value('The strike began at 0800 UTC.', '0800 UTC'), '2026-05-14T08:00Z');
  assert.equal(value('The vote opened at 10:35 a.m. on Tuesday.', '10:35 a.m. on Tuesday'), '2026-05-12T10:35');
  assert.equal(value('Output fell in the final quarter of 2025.', 'the final quarter of 2025'), '2025-Q4');
  assert.equal(value('The plant will close in October of next year.', 'October of next year'), '2027-10');
  assert.equal(value('Markets have not been this low since ’82.', '’82'), '1982');
  assert.equal(value('The treaty may be signed on September 12.', 'September 12'), '2026-09-12');
  assert.equal(value('Prices rose for six straight days.', 'six straight days'), 'P6D');
});

test('a day of the month alone, and "the end of the month"', () => {
  assert.equal(value('The ceasefire was agreed on the 3rd and broke down.', 'the 3rd'), '2026-05-03');
  assert.equal(value('Envoys met on the 21st, officials said.', 'the 21st'), '2026-04-21');
  assert.equal(value('Talks will resume on the 20th.', 'the 20th'), '2026-05-20');
  assert.equal(value('The deal must be signed by the end of the month.', 'the end of the month'), '2026-05');
  assert.deepEqual(times('Offices are on the 14th floor.'), []);
});

test('day ranges within a month keep both ends', () => {
  const r = one('The G7 summit is due to take place June 15-17 in Italy.', 'June 15-17');
  assert.deepEqual([r.type, r.value, r.role, r.range], ['DURATION', 'P3D', 'range', { begin: '2026-06-15', end: '2026-06-17' }]);
  assert.deepEqual(one('Talks were held March 3–5, 2024.', 'March 3–5, 2024').range, { begin: '2024-03-03', end: '2024-03-05' });
});

test('a capitalised "May" is the month, not a modal, in tense cues', () => {
  assert.equal(value('KYIV, May 13 (Reuters) - Ukraine said on Wednesday that forces had shelled the city.', 'Wednesday'), '2026-05-13');
});

test('dateForClause: bounds ("until", "after") do not date the event', () => {
  const text = 'The sanctions were extended until January 31, 2027.';
  const ts = extractTimes(text, REF).times;
  assert.deepEqual(dateForClause({ start: 0, end: text.length }, ts, REF), { date: REF, precision: 'day', source: 'publication', text: null });
});

test('years spelled out after a month or a preposition', () => {
  assert.equal(value('The bomb went off in nineteen ninety-six.', 'nineteen ninety-six'), '1996');
  assert.equal(value('January nineteen ninety-seven. A clinic was bombed.', 'January nineteen ninety-seven'), '1997-01');
  assert.deepEqual(times('He bought twenty twenty tickets.'), []);
});

test('a clear past cue is never overruled by proximity; weak evidence is', () => {
  // "met" governs: June 2025, although June 2026 is closer
  assert.equal(value('The ministers met in June.', 'June'), '2025-06');
  // only a weak cue ("listed" may be a participle): the near date wins over one a year back
  assert.equal(value('Payments go to holders listed June 2.', 'June 2'), '2026-06-02');
});

test('set words as names are not sets', () => {
  assert.deepEqual(times('The regulator was quoted in China Daily.'), []);
  assert.equal(one('Daily flights resumed.', 'Daily').type, 'SET');
});

test('"one day" after a modal is an unspecified future', () => {
  const t = one('The business may one day fade away.', 'one day');
  assert.deepEqual([t.value, t.vague], ['FUTURE_REF', true]);
  assert.equal(value('The strike lasted one day.', 'one day'), 'P1D');
});

test('a year after a possessive ("Russia\'s 2022 invasion")', () => {
  assert.equal(value("Russia's 2022 invasion of Ukraine changed the region.", '2022'), '2022');
});

test('split years ("2019-20", "2025/26") are two-year ranges; page ranges are not', () => {
  const r = one('In 2019-20 the deficit rose.', '2019-20');
  assert.deepEqual([r.role, r.range], ['range', { begin: '2019', end: '2020' }]);
  assert.deepEqual(one('The 2025/26 budget cuts it.', '2025/26').range, { begin: '2025', end: '2026' });
  assert.deepEqual(times('See pages 2019-45 of the report.'), []);
});

test('"ahead of Friday\'s summit" takes the nearest Friday whatever the verb', () => {
  assert.equal(value("Diplomats gathered ahead of Friday's summit.", 'Friday'), '2026-05-15');
});

test('ages are not durations', () => {
  assert.deepEqual(times('Mr. Schwarz, 52 years old, will succeed him.'), []);
  assert.deepEqual(times('A 40-year-old man was arrested.'), []);
});
