import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDate, dateFromUrl } from '../../src/article/dates.js';
import { findDateline } from '../../src/article/dateline.js';
import { splitCredit } from '../../src/article/captions.js';
import { stripSiteSuffix, chooseTitle } from '../../src/article/title.js';
import { cleanAuthors } from '../../src/article/people.js';
import { decideLanguage, normalizeLangTag } from '../../src/article/language.js';
import { decodeHtml } from '../../src/article/decode.js';
import { rawToArticle, detectLanguage, extractArticle } from '../../src/article/index.js';
const extractArticleForTest = (h: string) => extractArticle(h, null);
import { isBoilerplate } from '../../src/article/boilerplate.js';

test('normalizeDate keeps the local day and zone', () => {
  assert.equal(normalizeDate('2023-12-17T23:30:00-05:00'), '2023-12-17T23:30:00-05:00');
  assert.equal(normalizeDate('2023-12-17T10:31:00.000Z'), '2023-12-17T10:31:00Z');
  assert.equal(normalizeDate('2023-12-17T10:31:00+0100'), '2023-12-17T10:31:00+01:00');
  assert.equal(normalizeDate('20231217'), '2023-12-17');
  assert.equal(normalizeDate('Sun, 17 Dec 2023 10:31:00 GMT'), '2023-12-17T10:31:00Z');
  assert.equal(normalizeDate('2023/12/7'), '2023-12-07');
  assert.equal(normalizeDate('December 17, 2023'), '2023-12-17');
  assert.equal(normalizeDate('2023-02-30'), null);
  assert.equal(normalizeDate('yesterday'), null);
  assert.equal(dateFromUrl('https://x.example/world/2024/01/19/story.html'), '2024-01-19');
  assert.equal(dateFromUrl('https://x.example/story-123'), null);
});

test('datelines: wire formats, and sentences that are not datelines', () => {
  assert.deepEqual(findDateline('MOSCOW, December 26. /TASS/. The ministry said'), { text: 'MOSCOW, December 26. /TASS/.', place: 'Moscow', agency: 'TASS' });
  assert.deepEqual(findDateline('ATLANTA -- Federal officials warned'), { text: 'ATLANTA --', place: 'Atlanta', agency: null });
  assert.deepEqual(findDateline('WASHINGTON (Reuters) - The Senate voted'), { text: 'WASHINGTON (Reuters) -', place: 'Washington', agency: 'Reuters' });
  assert.equal(findDateline('KANSAS CITY, Mo. (AP) — A judge ruled')?.agency, 'AP');
  assert.equal(findDateline('LONDON, Dec 5 (Reuters) - Shares fell')?.place, 'London');
  assert.equal(findDateline('NATO said on Monday it would expand patrols.'), null);
  assert.equal(findDateline('The UN Security Council met today.'), null);
});

test('captions: credits split from the caption text', () => {
  assert.deepEqual(splitCredit('Crowds in the square on Monday. (Photo: Jane Doe/AP)'), { text: 'Crowds in the square on Monday.', credit: 'Jane Doe/AP' });
  assert.deepEqual(splitCredit('The president arrives in Kyiv. Evan Vucci/AP'), { text: 'The president arrives in Kyiv.', credit: 'Evan Vucci/AP' });
  assert.deepEqual(splitCredit('A ship in the strait. Photograph by Ana Ruiz'), { text: 'A ship in the strait.', credit: 'Ana Ruiz' });
  assert.deepEqual(splitCredit('Delegates at the summit.'), { text: 'Delegates at the summit.', credit: null });
});

test('titles: site suffixes stripped, the visible h1 preferred when metadata confirms it', () => {
  assert.equal(stripSiteSuffix('Talks resume | The Hill', 'The Hill', null, null), 'Talks resume');
  assert.equal(stripSiteSuffix('Talks resume - Daily Example', null, 'www.dailyexample.com', null), 'Talks resume');
  assert.equal(stripSiteSuffix('Russia - Ukraine talks resume', null, 'news.example.com', null), 'Russia - Ukraine talks resume');
  assert.equal(chooseTitle(["Musk's SpaceX hits milestone"], null, ['Musk’s SpaceX hits milestone'], null, null), 'Musk’s SpaceX hits milestone');
  assert.equal(chooseTitle(['Opinion | What the treaty leaves out'], null, ['What the treaty leaves out'], null, null), 'What the treaty leaves out');
  assert.equal(chooseTitle([], 'Only a title | Site', [], 'Site', null), 'Only a title');
  assert.equal(chooseTitle([], 'Port strike enters its second week - National - News - Harbour Times', [], null, null), 'Port strike enters its second week');
  assert.equal(chooseTitle([], 'Russia - Ukraine talks resume', [], null, null), 'Russia - Ukraine talks resume');
  assert.equal(chooseTitle([], null, ['Share this story'], null, null, 0), null, 'a widget heading is not a title');
  // Samples: the visible h1 over a different social/SEO headline; labels glued to headlines.
  assert.equal(chooseTitle(['Ceasefire talks stall again', 'Ceasefire talks stall again | Daily Example'], 'Ceasefire talks stall again | Daily Example', ['Why the ceasefire talks keep failing'], 'Daily Example', null), 'Why the ceasefire talks keep failing');
  assert.equal(chooseTitle(['Ceasefire talks stall again'], null, ['Daily Example'], 'Daily Example', null), 'Ceasefire talks stall again', 'a logo h1 is not a headline');
  assert.equal(chooseTitle(['Ceasefire talks stall again'], null, ['Most popular stories today'], null, null), 'Ceasefire talks stall again', 'an unrelated h1 is not taken');
  assert.equal(chooseTitle(['Keep the library open | Editorial'], null, ['Opinion | Keep the library open | Editorial'], null, null), 'Keep the library open');
  assert.equal(chooseTitle(['Ministers meet in Geneva (video)'], null, ['Ministers meet in Geneva (video)'], null, null), 'Ministers meet in Geneva');
  assert.equal(chooseTitle([], 'Ministers meet in Geneva - World - Daily Example', ['Monday, 9 January 2008 Ministers meet in Geneva'], null, null), 'Ministers meet in Geneva');
});

test('authors: bylines cleaned into names', () => {
  assert.deepEqual(cleanAuthors(['By Jane Doe and John Roe, Staff Writers']), ['Jane Doe', 'John Roe']);
  assert.deepEqual(cleanAuthors(['Jane Doe | Reuters']), ['Jane Doe']);
  assert.deepEqual(cleanAuthors(['Ann Lee, Ph.D.']), ['Ann Lee, Ph.D.']);
  assert.deepEqual(cleanAuthors(['https://example.com/authors/x', 'Sam Park']), ['Sam Park']);
  assert.deepEqual(cleanAuthors(['Jane Doe', 'John Roe', 'Financial Times']), ['Jane Doe', 'John Roe']);
  assert.deepEqual(cleanAuthors(['Courtney CarrPublished: December 20, 2023']), ['Courtney Carr']);
  assert.deepEqual(cleanAuthors(['Nick Levine, March 9']), ['Nick Levine']);
});

test('language: body evidence beats a template lang, short text trusts the page', () => {
  assert.equal(normalizeLangTag('en-US'), 'en');
  assert.equal(normalizeLangTag('pt_BR'), 'pt');
  assert.equal(normalizeLangTag('deu'), 'de');
  const es = 'El Gobierno aprobó el martes un plan nacional para proteger los humedales del norte del país, que en los últimos años han perdido gran parte de su superficie por la sequía y la expansión agrícola. '.repeat(3);
  assert.equal(decideLanguage(es, 'en'), 'es');
  assert.equal(decideLanguage('Short text.', 'fr'), 'fr');
  assert.equal(detectLanguage('The ministers met on Tuesday and agreed to continue the talks next month in the capital.'), 'en');
});

test('language: a short undeclared text is foreign only when the guess is clear (sample sentences)', () => {
  // English sentences dense with names, which trigram models misread as Swedish, Malagasy...
  assert.notEqual(decideLanguage('Arab League envoy Chedli Klibi undertook a mediation mission between Baghdad and Tehran on Monday.', null), 'sv');
  assert.equal(decideLanguage('Secretary-General Kofi Annan dispatched envoy Lakhdar Brahimi to Kabul.', null), null);
  // clear foreign sentences still are
  assert.equal(decideLanguage('Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten gesprochen.', null), 'de');
  assert.equal(decideLanguage('El presidente de Colombia se reunió con su homólogo venezolano en Caracas el lunes.', null), 'es');
});

test('language: a short text needs function words of its language to be marked foreign (sample sentences)', () => {
  // short English a user might paste: names and few function words, which trigrams misread
  for (const en of ['Nigeria said its peacekeepers would stay.', 'Ghana recalls envoy', 'Chad rejects Sudan border claim', 'Oman hosts Yemen ceasefire talks']) {
    assert.ok([null, 'en'].includes(decideLanguage(en, null)), en);
  }
  // short but plainly foreign: several function words of the language
  assert.equal(decideLanguage('Le ministre est arrivé à Dakar avec une délégation.', null), 'fr');
  assert.equal(decideLanguage('La policía detuvo a los sospechosos en la frontera.', null), 'es');
  assert.equal(decideLanguage('Der Minister ist nach Wien gereist.', null), 'de');
  // another script decides without a word list
  assert.equal(decideLanguage('Министр иностранных дел прибыл в Каир.', null), 'ru');
});

test('boilerplate: whole-block furniture only', () => {
  assert.ok(isBoilerplate('Advertisement'));
  assert.ok(isBoilerplate('- Advertisement -'));
  assert.ok(isBoilerplate('Related: Ministers meet again'));
  assert.ok(isBoilerplate('Sign up for our newsletter'));
  assert.ok(!isBoilerplate('The advertisement campaign was criticised by the ministry.'));
  assert.ok(!isBoilerplate('Share prices fell sharply on Monday after the announcement.'));
});

test('decodeHtml: declared charset, BOM, and windows-1252 fallback', () => {
  assert.equal(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), 'hi');
  const latin = Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')]);
  assert.ok(decodeHtml(latin).includes('café'));
  assert.ok(decodeHtml(Buffer.from([0x63, 0x61, 0x66, 0xe9])).endsWith('café'));
  assert.equal(decodeHtml(Buffer.from('naïve', 'utf8')), 'naïve');
});

test('text documents: CRLF normalised, paragraphs with exact offsets, hints as metadata', () => {
  const content = '\r\n  MOSCOW, December 26. /TASS/. The talks resumed.\r\n\r\nA second paragraph follows.\r\n \r\nThird.  \r\n';
  const a = rawToArticle({ id: 'clip-1', kind: 'text', content, origin: 'sample.md', hints: { title: 'Talks resume', published: '2025-12-26', authors: ['Olga Petrenko'] } });
  assert.equal(a.body, 'MOSCOW, December 26. /TASS/. The talks resumed.\n\nA second paragraph follows.\n \nThird.');
  assert.equal(a.blocks.length, 3);
  for (const b of a.blocks) assert.equal(a.body.slice(b.start, b.end), b.text);
  assert.equal(a.blocks[2]!.text, 'Third.');
  assert.equal(a.title, 'Talks resume');
  assert.equal(a.published, '2025-12-26');
  assert.deepEqual(a.authors, ['Olga Petrenko']);
  assert.equal(a.dateline?.agency, 'TASS');
});

test('html documents: source hints win over page metadata', () => {
  const html = '<html><head><title>Page title</title></head><body><article><p>' + 'The ministers met on Tuesday and agreed to continue the talks. '.repeat(8) + '</p></article></body></html>';
  const a = rawToArticle({ id: 'p1', kind: 'html', content: html, origin: 'p1.html', url: 'https://x.example/a', hints: { title: 'Hinted title', published: '2026-01-02' } });
  assert.equal(a.title, 'Hinted title');
  assert.equal(a.published, '2026-01-02');
  assert.equal(a.id, 'p1');
  assert.ok(a.body.startsWith('The ministers met'));
});

test('degenerate input: empty, plain text, bare tags never throw', () => {
  for (const h of ['', 'just some text', '<html>', '<p>' + 'x'.repeat(10), '<title>unclosed\n<body><p>Body text here.</p>']) {
    const a = extractArticleForTest(h);
    for (const b of a.blocks) assert.equal(a.body.slice(b.start, b.end), b.text);
  }
  assert.equal(extractArticleForTest('').body, '');
  assert.equal(extractArticleForTest('<title>unclosed\n<body><p>Body text here.</p>').title, 'unclosed');
});
