// Output formats and quotes on hand-built sample documents (texts written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeEvents } from '../../src/events/index.js';
import { formatEvents, GDELT_COLUMNS, CSV_COLUMNS, toPlover } from '../../src/events/formats.js';
import { quotedSegments } from '../../src/events/quotes.js';
import { makeDoc, E } from './helpers.js';

const sample = () => {
  const doc = makeDoc('Russia and China agreed to expand military cooperation with Iran.', [['Russia', E.RUS], ['China', E.CHN], ['Iran', E.IRN]]);
  return codeEvents(doc).events;
};

test('gdelt: 61 tab-separated columns, one row per actor × recipient pair', () => {
  const rows = formatEvents(sample(), 'gdelt').split('\n').filter(Boolean);
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.equal(rows.length, 2);
  for (const r of rows) assert.equal(r.split('\t').length, 61);
  const c = rows[0]!.split('\t');
  assert.equal(c[GDELT_COLUMNS.indexOf('SQLDATE')], '20260514');
  assert.equal(c[GDELT_COLUMNS.indexOf('Actor2Code')], 'IRN');
});

test('csv: header and one row per event; plover: source/target records', () => {
  const csv = formatEvents(sample(), 'csv').trim().split('\n');
  assert.equal(csv[0], CSV_COLUMNS.join(','));
  assert.equal(csv.length, 2);
  const p = toPlover(sample()[0]!);
  assert.equal(p.event, 'AGREE');
  assert.deepEqual((p.source as { code: string }[]).map((x) => x.code), ['RUS', 'CHN']);
});

test('direct quote attributed after the quote, relayed by a news agency', () => {
  const text = '“We are building a full partnership with Kabul,” Shoigu was quoted as saying by the TASS news agency.';
  const doc = makeDoc(text, [['Shoigu', E.SHOIGU], ['Kabul', E.AFG], ['TASS', E.TASS]]);
  const { quotes } = codeEvents(doc);
  const q = quotes.find((x) => x.direct)!;
  assert.ok(q);
  assert.equal(q.content.text, 'We are building a full partnership with Kabul');
  assert.equal(q.speaker?.id, 'person/sergei-shoigu');
  assert.equal(q.via?.id, 'org/tass');
  assert.equal(text.slice(q.content.start, q.content.end), q.content.text);
});

test('indirect quote: "X said (that) ..." and a multi-paragraph quote', () => {
  const doc = makeDoc('Shoigu said that Moscow is building a partnership with Kabul.', [['Shoigu', E.SHOIGU], ['Moscow', E.RUS], ['Kabul', E.AFG]]);
  const { quotes } = codeEvents(doc);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.direct, false);
  assert.equal(quotes[0]!.content.text, 'Moscow is building a partnership with Kabul');
  assert.equal(quotes[0]!.cue?.text, 'said');
  const segs = quotedSegments('“First paragraph of the statement.\n\n“Second paragraph,” she said.');
  assert.equal(segs.length, 1);
});

test('"she said" after the quote attributes it; the comma before the closing mark is not content', () => {
  const text = '“The sanctions will stay in place until the troops leave,” Shoigu said.';
  const doc = makeDoc(text, [['Shoigu', E.SHOIGU]]);
  const { quotes } = codeEvents(doc);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.direct, true);
  assert.equal(quotes[0]!.content.text, 'The sanctions will stay in place until the troops leave');
  assert.equal(quotes[0]!.cue?.text, 'said');
  assert.equal(quotes[0]!.speaker?.id, 'person/sergei-shoigu');
});
