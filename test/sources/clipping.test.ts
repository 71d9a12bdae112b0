import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseClipping, parseDateLine, stripInline } from '../../src/sources/clipping.js';
import { articleToMarkdown, formatDate } from '../../src/article/markdown.js';
import type { Article } from '../../src/types.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

test('a clipping gives title, date, caption with credit, url and clean body paragraphs', () => {
  const c = parseClipping(fixture('sample-clipping.md'), { markdown: true });
  assert.equal(c.hints.title, 'Norway and Chile Agree to Expand ‘Blue Economy’ Cooperation, Ministers Say');
  assert.equal(c.hints.published, '2026-03-03');
  assert.equal(c.hints.url, 'https://news.example.com/2026/03/03/norway-chile-blue-economy');
  assert.deepEqual(c.hints.captions, [{ text: 'Delegations at the signing ceremony in Oslo.', credit: 'NTB' }]);
  const paras = c.content.split('\n\n');
  assert.equal(paras.length, 5);
  // links keep their text, markup is gone
  assert.match(paras[0]!, /Ingrid Halvorsen said after talks in Oslo\.$/);
  assert.ok(!/[[\]*]|\(#\)/.test(c.content));
  // furniture lines are dropped
  assert.ok(!/Related article|Read more|Original url|SAMPLE/.test(c.content));
  // the paragraph the clipping broke after "in" is rejoined
  assert.ok(paras.includes('Speaking at a joint press conference with her Chilean counterpart in Oslo, Halvorsen said the new agreement would “open a new chapter” in relations between the two coastal states.'));
});

test('plain text without a clipping header stays body; a header is only read before a date line', () => {
  const plain = parseClipping(fixture('sample-plain.txt'));
  assert.equal(plain.hints.title, undefined);
  assert.equal(plain.content.split('\n\n').length, 2);
  assert.ok(plain.content.startsWith('Officials from three Baltic states'));

  const withHeader = parseClipping('Talks Resume in Geneva\n\n12 January 2026\n\nBy Sam Doe and Ola Nordmann\n\nDelegates resumed talks on Monday.\n');
  assert.equal(withHeader.hints.title, 'Talks Resume in Geneva');
  assert.equal(withHeader.hints.published, '2026-01-12');
  assert.deepEqual(withHeader.hints.authors, ['Sam Doe', 'Ola Nordmann']);
  assert.equal(withHeader.content, 'Delegates resumed talks on Monday.');
});

test('paragraphs that end a sentence or are short headings are not joined', () => {
  const c = parseClipping('Title Here\n\nMay 1, 2026\n\nThe first paragraph ends here.\n\nA Short Subheading\n\nThe talks went on for a long time and the delegates said that they would\n\nmeet again.\n', { markdown: true });
  assert.deepEqual(c.content.split('\n\n'), [
    'The first paragraph ends here.',
    'A Short Subheading',
    'The talks went on for a long time and the delegates said that they would meet again.',
  ]);
});

test('date lines in the common news formats', () => {
  assert.equal(parseDateLine('May 14, 2026'), '2026-05-14');
  assert.equal(parseDateLine('Thursday, May 14, 2026'), '2026-05-14');
  assert.equal(parseDateLine('14 May 2026'), '2026-05-14');
  assert.equal(parseDateLine('Sept. 3, 2025, 10:31 am'), '2025-09-03');
  assert.equal(parseDateLine('Published: 2026-05-14'), '2026-05-14');
  assert.equal(parseDateLine('2026-05-14T10:31:00+03:00'), '2026-05-14T10:31:00+03:00');
  assert.equal(parseDateLine('14.05.2026'), '2026-05-14');
  assert.equal(parseDateLine('February 30, 2026'), null);
  assert.equal(parseDateLine('May 14, 2026 was a busy day.'), null);
  assert.equal(parseDateLine('Moscow is building relations'), null);
});

test('inline Markdown becomes plain text', () => {
  assert.equal(stripInline('He [said](#) **this** and *that*, see <https://a.example/x> \\*not bold\\*'), 'He said this and that, see https://a.example/x *not bold*');
  assert.equal(stripInline('![photo](img.jpg)Text'), 'Text');
});

function sampleArticle(): Article {
  const paras = [
    'Envoys from two neighbouring states met in Vienna on Monday, a spokesperson said.',
    'The talks, the *first* since 2024, covered water rights [and] trade_policy.',
    '- not a list, just a dash',
    'Both sides will meet again in June.',
  ];
  const body = paras.join('\n\n');
  const said = body.indexOf('a spokesperson said');
  return {
    id: 'sample', url: 'https://news.example.com/vienna-talks', canonical_url: null, title: 'Envoys Meet in Vienna',
    published: '2026-07-06T09:00:00+02:00', modified: null, authors: ['Kim Berg'], site: null, language: 'en', lede: null, body,
    blocks: [], captions: [{ text: 'The envoys before the talks.', credit: 'Sample Photo Agency' }, { text: 'A map of the river basin.', credit: null }],
    links: [{ text: 'a spokesperson said', href: 'https://news.example.com/statement?id=1', start: said, end: said + 'a spokesperson said'.length }],
    section: null, tags: [],
  };
}

test('articleToMarkdown renders the clipping layout, with links as [text](href)', () => {
  const md = articleToMarkdown(sampleArticle());
  const lines = md.split('\n\n');
  assert.equal(lines[0], 'Envoys Meet in Vienna');
  assert.equal(lines[1], 'July 6, 2026');
  assert.equal(lines[2], 'By Kim Berg');
  assert.equal(lines[3], 'The envoys before the talks. **Sample Photo Agency**');
  assert.ok(md.includes('[a spokesperson said](https://news.example.com/statement?id=1)'));
  assert.ok(md.endsWith('Original url:\n\n<https://news.example.com/vienna-talks>\n'));
  assert.equal(formatDate('2026-12-01'), 'December 1, 2026');
});

test('round trip: render → parse as clipping keeps title, date, url, authors, captions and body', () => {
  const a = sampleArticle();
  const back = parseClipping(articleToMarkdown(a), { markdown: true });
  assert.equal(back.hints.title, a.title);
  assert.equal(back.hints.published, '2026-07-06');
  assert.equal(back.hints.url, a.url);
  assert.deepEqual(back.hints.authors, a.authors);
  assert.deepEqual(back.hints.captions, a.captions);
  assert.equal(back.content, a.body);
});

test('round trip of the sample clipping itself: parse → render → parse', () => {
  const first = parseClipping(fixture('sample-clipping.md'), { markdown: true });
  const art: Article = {
    id: 'x', url: first.hints.url ?? null, canonical_url: null, title: first.hints.title ?? null, published: first.hints.published ?? null,
    modified: null, authors: [], site: null, language: null, lede: null, body: first.content, blocks: [], captions: first.hints.captions ?? [],
    links: [], section: null, tags: [],
  };
  const second = parseClipping(articleToMarkdown(art), { markdown: true });
  assert.deepEqual(second, first);
});

test('round trip keeps brackets, underscores, line breaks, bullets, quotes and lists', () => {
  const paras = [
    'He said the deal was “[a] turning point” for the_region and _both_ sides.',
    'A verse line\nand the next line',
    '• A paragraph that starts with a bullet character.',
    '1. Not a numbered list either.',
    'First item\nSecond item',
  ];
  const body = paras.join('\n\n');
  const at = (k: number) => body.indexOf(paras[k]!);
  const a: Article = {
    ...sampleArticle(), authors: ['Sam Smith Jr.'], links: [], captions: [{ text: '*Starred* caption', credit: null }], body,
    blocks: [
      { type: 'paragraph', text: paras[0]!, start: at(0), end: at(0) + paras[0]!.length },
      { type: 'quote', text: paras[1]!, start: at(1), end: at(1) + paras[1]!.length },
      { type: 'paragraph', text: paras[2]!, start: at(2), end: at(2) + paras[2]!.length },
      { type: 'paragraph', text: paras[3]!, start: at(3), end: at(3) + paras[3]!.length },
      { type: 'list', text: paras[4]!, items: paras[4]!.split('\n'), start: at(4), end: at(4) + paras[4]!.length },
    ],
    url: '//news.example.com/relative',
  };
  const back = parseClipping(articleToMarkdown(a), { markdown: true });
  assert.equal(back.content, body);
  assert.deepEqual(back.hints.authors, ['Sam Smith Jr.']);
  assert.deepEqual(back.hints.captions, [{ text: '*Starred* caption', credit: null }]);
  assert.equal(back.hints.url, '//news.example.com/relative');
});

test('YAML front matter from web clippers gives title, url, date, authors and tags', () => {
  const md = [
    '---',
    'title: "Sample: Ministers Meet in Hanoi"',
    'source: https://news.example.com/hanoi',
    'author:',
    '  - "[[Tran Van An]]"',
    '  - Jo Park',
    'published: 2026-04-09',
    'created: 2026-11-01',
    'tags: [clippings, asia]',
    '---',
    '',
    'Ministers met in Hanoi on Thursday. (Sample text.)',
    '',
    'Short second paragraph',
    '',
  ].join('\n');
  const c = parseClipping(md, { markdown: true });
  assert.deepEqual(c.hints, {
    title: 'Sample: Ministers Meet in Hanoi', url: 'https://news.example.com/hanoi', authors: ['Tran Van An', 'Jo Park'],
    published: '2026-04-09', tags: ['clippings', 'asia'],
  });
  assert.equal(c.content, 'Ministers met in Hanoi on Thursday. (Sample text.)\n\nShort second paragraph');
});

test('plain text: hard-wrapped lines join, one-paragraph-per-line text keeps its paragraphs', () => {
  const wrapped = parseClipping('The delegations met on Monday in Geneva and agreed\nto meet again before the end of the month.\n\nA second paragraph.\n');
  assert.deepEqual(wrapped.content.split('\n\n'), ['The delegations met on Monday in Geneva and agreed to meet again before the end of the month.', 'A second paragraph.']);
  const long = 'The delegations of the two neighbouring countries met on Monday in Geneva and agreed to meet again before the end of the month, officials said.';
  const perLine = parseClipping(`${long}\nA short second paragraph.\n${long}\n`);
  assert.deepEqual(perLine.content.split('\n\n'), [long, 'A short second paragraph.', long]);
});

test('clipping without a date line: a wire dateline with a full date gives the publication date; one without a year does not', () => {
  // sample clippings written for this test
  const md = parseClipping('# Sample ministers sign a grain accord\n\nBRASILIA, Nov. 4, 2024 — Brazil and Argentina signed an accord on Monday, officials said.\n', { markdown: true });
  assert.equal(md.hints.published, '2024-11-04');
  const txt = parseClipping('Sample envoy recalled\n\nNAIROBI, 2024-02-20 (Sample News) - Kenya recalled its envoy on Tuesday, the ministry said.\n');
  assert.equal(txt.hints.published, '2024-02-20');
  assert.equal(txt.hints.title, 'Sample envoy recalled', 'the line before a dated dateline is the title');
  assert.equal(parseClipping('KANSAS CITY, Mo., Jan. 5, 2024 (AP) -- The council met on Friday.').hints.published, '2024-01-05');
  assert.equal(parseClipping('MOSCOW, December 26, 2023. /TASS/. The ministry said on Tuesday that talks would go on.').hints.published, '2023-12-26');
  assert.equal(parseClipping('LONDON, Dec 5 (Reuters) - Ministers met on Friday.').hints.published, undefined, 'no year: left to --date');
  assert.equal(parseClipping('Russia, China, 2024-01-01 - a list, not a dateline.').hints.published, undefined);
  // a date line in the header wins over the dateline
  assert.equal(parseClipping('# Title of a sample\n\nMay 14, 2026\n\nGENEVA, 3 March 2025 - The talks ended.', { markdown: true }).hints.published, '2026-05-14');
});
