// Body cleanup: recirculation chains after the story and furniture lines (samples written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanBlocks, cutTeaserTail } from '../../src/article/content.js';
import { isBoilerplate } from '../../src/article/boilerplate.js';
import type { RawBlock } from '../../src/article/blocks.js';

const para = (text: string): RawBlock => ({ type: 'paragraph', text, links: [], el: null });
const teaser = (headline: string, rest = ''): RawBlock => ({
  type: 'paragraph', text: rest ? `${headline}\n${rest}` : headline, el: null,
  links: [{ text: headline, href: 'https://news.example/x', start: 0, end: headline.length }],
});
const story = [
  para('The foreign ministers of the two countries met in Geneva on Tuesday to discuss a ceasefire along the disputed border, officials said.'),
  para('Talks are expected to continue next week, according to a statement released after the meeting by the host government.'),
  para('Neither side gave details of the proposals, but diplomats described the atmosphere as constructive and businesslike.'),
];

test('a chain of teaser headlines after the story is cut, with its label', () => {
  const blocks = [...story, para('More World Headlines'),
    teaser('Floods force thousands from their homes', 'Heavy rain swept the region overnight.'),
    teaser('Central bank holds interest rates steady', 'The decision was widely expected.'),
    teaser('Election count enters its third day', 'Officials urged patience.')];
  const out = cleanBlocks(blocks, null);
  assert.deepEqual(out.map((b) => b.text), story.map((b) => b.text));
});

test('linked names heading the items of a listicle are not teasers', () => {
  const item = (name: string): RawBlock[] => [
    { type: 'heading', level: 3, text: name, el: null, links: [{ text: name, href: 'https://bar.example', start: 0, end: name.length }] },
    para('A neighbourhood bar with cheap pints, a late licence and a dance floor that fills up well before midnight on the last night of the year.'),
  ];
  const blocks = [...story, ...item('Red Derby'), ...item('Blue Moon'), ...item('Lucky Star'), ...item('Green Room')];
  assert.equal(cutTeaserTail(blocks).length, blocks.length);
});

test('a story is never cut down to its teasers', () => {
  const blocks = [story[0]!, teaser('Floods force thousands from their homes'), teaser('Central bank holds interest rates steady'), teaser('Election count enters its third day')];
  assert.equal(cutTeaserTail(blocks).length, blocks.length);
});

test('furniture lines: contact lines, notices, account widgets, stacked date lines', () => {
  for (const t of [
    'Jane Roe may be reached at jroe@example.com and followed on X at @janeroe.',
    'You can email Sam Smith at ask@example.com or write to P.O. Box 1, Springfield.',
    'This article has been reviewed according to the editorial process and policies of the publisher.',
    'Citation: Storms grow stronger (2023, December 22) retrieved 24 December 2023 from https://news.example/storms',
    'More information: A. Author et al, Storm intensity and sea temperature, Journal of Weather (2023). DOI: 10.0000/xyz',
    'This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without written permission.',
    'If you purchase a product or register for an account through a link on our site, we may receive compensation. By using this site, you consent to our User Agreement and agree that your clicks may be collected.',
    'Forgot your password?',
    '(Credit: Jane Doe/Example Images)',
    'Updated: Feb. 13, 2024, 11:31 p.m.\nPublished: Feb. 12, 2024, 7:00 p.m.',
    "Editors' Recommendations",
  ]) assert.equal(isBoilerplate(t), true, t);
  for (const t of [
    'The minister said the talks could be reached at a later date if both sides agreed.',
    'Officials said they would publish more information about the agreement next week.',
  ]) assert.equal(isBoilerplate(t), false, t);
});

test('preclean: fewer nodes, same text', async () => {
  const { preclean } = await import('../../src/article/preclean.js');
  const html = '<html><head>\n  <link rel="canonical" href="https://news.example/a">\n  <link rel="stylesheet" href="x.css">\n</head><body>\n<nav><a href="/">Home</a></nav>\n<div class="byline" data-x="1" style="color:red">\n  <span>Dec 5, 2023</span>\n  <span>6 min read</span>\n</div>\n<p>One <b>two</b> <i>three</i></p>\n</body></html>';
  const out = preclean(html).html;
  assert.match(out, /rel="canonical"/);
  assert.doesNotMatch(out, /stylesheet|<nav|data-x|style=/);
  // whitespace between siblings stays (it separates words); first/last-child whitespace goes
  assert.match(out, /<div class="byline"><span>Dec 5, 2023<\/span>\n  <span>6 min read<\/span><\/div>/);
  assert.match(out, /<b>two<\/b> <i>three<\/i>/);
  // an unclosed quote: later tags keep their quoted attributes, so the parser recovers as a browser would
  const broken = '<body><p style="margin>text</p><p class="a" style="b">more</p></body>';
  assert.match(preclean(broken).html, /class="a"/);
});

test('end matter after the story is cut; a "Read more" link box inside it is dropped', async () => {
  const { cutEndMatter } = await import('../../src/article/content.js');
  const withBio = [...story, para('About the author'), para('Jane Roe covers diplomacy from Geneva.')];
  assert.equal(cutEndMatter(withBio).length, story.length);
  // a label followed by most of the text is a section heading, not end matter
  const long = [story[0]!, story[1]!, para('Sources'), ...story, ...story];
  assert.equal(cutEndMatter(long).length, long.length);
  const box: RawBlock = { type: 'paragraph', text: 'Read more:\nFloods force thousands from their homes\nCentral bank holds rates', el: null,
    links: [{ text: 'Floods force thousands from their homes', href: 'https://news.example/a', start: 11, end: 50 }, { text: 'Central bank holds rates', href: 'https://news.example/b', start: 51, end: 75 }] };
  assert.deepEqual(cleanBlocks([story[0]!, box, story[1]!, story[2]!], null).map((b) => b.text), story.map((b) => b.text));
  for (const t of ['We noticed you\'re using an ad blocker.', 'Get all the latest news, reviews and exclusives, direct to your inbox.', 'Advertisement - Page continues below', 'Sign up for our email newsletter for the latest science news'])
    assert.equal(isBoilerplate(t), true, t);
});
