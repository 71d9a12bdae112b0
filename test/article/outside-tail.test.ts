// Session 10: short blocks after the story's own container ends (cutOutsideTail). Every page here is
// a SAMPLE written for these tests (realistic markup of the kind news sites use; no text copied from
// any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, STORY, p } from './helpers.js';
import { cutOutsideTail } from '../../src/article/content.js';
import { parseDocument } from '../../src/article/html.js';
import { walkBlocks } from '../../src/article/blocks.js';

const AFTER = [
  'Our regional desk brings you the stories that matter from across the valley.',
  'Ask the editors: questions about this story can go to the newsroom inbox.',
];

test('short lines in a box after the story container are cut', () => {
  const a = extract(`${STORY.map(p).join('\n')}</div><div class="story-extras">${AFTER.map(p).join('\n')}`);
  for (const t of STORY) assert.ok(a.body.includes(t), t);
  for (const t of AFTER) assert.ok(!a.body.includes(t), a.body.slice(-300));
});

test('a long paragraph after the story container keeps the run (a conclusion in its own box)', () => {
  const long = 'In the end, both delegations left Geneva with more questions than answers, and the mediators said they would return to the border region next month to hear from the families who live there, many of whom have waited years for the crossings to reopen and for news of relatives held on the other side since the fighting of the last decade. Local officials hope the next round will settle the question of the river crossing, which farmers on both banks use every season to bring their harvest to market.';
  const a = extract(`${STORY.map(p).join('\n')}</div><div class="story-outro"><h2>What comes next</h2>${p(long)}`);
  assert.ok(a.body.includes(long) && a.body.includes('What comes next'), a.body.slice(-400));
});

test('no cut when the paragraphs are not mostly in one parent, nor when the story container ends the body', () => {
  const blocksOf = (html: string) => walkBlocks(parseDocument(`<html><body>${html}</body></html>`).body, null).blocks;
  // split halves in two parent styles: no main container
  let bs = blocksOf(`<div class="a">${p(STORY[0]!)}${p(STORY[1]!)}</div><div class="b">${p(STORY[2]!)}${p(STORY[3]!)}</div><div class="c">${p(AFTER[0]!)}</div>`);
  assert.equal(cutOutsideTail(bs).length, bs.length);
  bs = blocksOf(`<div class="a">${STORY.map(p).join('')}</div>`);
  assert.equal(cutOutsideTail(bs).length, bs.length);
  bs = blocksOf(`<div class="a">${STORY.map(p).join('')}</div><div class="c">${AFTER.map(p).join('')}</div>`);
  assert.deepEqual(cutOutsideTail(bs).map((b) => b.text), STORY);
  // a reported sentence after the container is the story's closing line: the run stays
  const closing = 'The border crossings will stay shut until the next round, the host government said.';
  bs = blocksOf(`<div class="a">${STORY.map(p).join('')}</div><div class="c">${p(closing)}${p(AFTER[0]!)}</div>`);
  assert.equal(cutOutsideTail(bs).length, bs.length);
});

// Session 11: the story's parent style holding only half to 70% of the text (a long appendix in its own
// container). A source list of short lines is cut; a second section of real paragraphs stays.
const SOURCES = [
  'Interview with a regional election official, Dec. 12, 2023',
  'Example Wire, Border talks resume in Geneva, Dec. 11, 2023',
  'Example Times, What the ceasefire talks could change, Dec. 9, 2023',
  'Host government statement on the second round of talks, accessed Dec. 13, 2023',
  'Example Review, Ten years of talks on the border, Nov. 30, 2023',
  'Example Post, Families wait for news from across the river, Oct. 2, 2023',
  'Example Journal, The crossings and the harvest, Sept. 18, 2023',
];

test('a long source list in its own container after the story is cut', () => {
  const blocksOf = (html: string) => walkBlocks(parseDocument(`<html><body>${html}</body></html>`).body, null).blocks;
  const bs = blocksOf(`<div class="story">${STORY.map(p).join('')}</div><section class="sources"><h3>Our Sources</h3>${SOURCES.map(p).join('')}</section>`);
  const total = bs.filter((b) => b.type === 'paragraph').reduce((n, b) => n + b.text.length, 0);
  const story = STORY.reduce((n, t) => n + t.length, 0);
  assert.ok(story >= 0.5 * total && story < 0.7 * total, `story share ${(story / total).toFixed(2)} (this test is about the 50-70% case)`);
  assert.deepEqual(cutOutsideTail(bs).map((b) => b.text), STORY);
});

test('a second section with a paragraph of 250+ characters in another container stays when the story holds under 70%', () => {
  const blocksOf = (html: string) => walkBlocks(parseDocument(`<html><body>${html}</body></html>`).body, null).blocks;
  const more = [
    'Farmers on both banks of the river have waited years for the crossings to reopen, and many now sell their harvest to traders who take a large share of the price in exchange for carrying it over the border by the long road through the hills, a trip of two days each way in good weather.',
    'Local officials hope the next round will settle the question of the river crossing, which families also use to visit relatives on the other side, something that has been impossible for most of them since the fighting of the last decade ended.',
  ];
  assert.ok(more[0]!.length >= 250);
  const bs = blocksOf(`<div class="story">${STORY.map(p).join('')}</div><div class="story-part-two">${more.map(p).join('')}</div>`);
  // under 50% nothing is cut at all, and at 70% or more the 500 limit applies: this test is about 50-70%
  const total = bs.filter((b) => b.type === 'paragraph').reduce((n, b) => n + b.text.length, 0);
  const story = STORY.reduce((n, t) => n + t.length, 0);
  assert.ok(story >= 0.5 * total && story < 0.7 * total, `story share ${(story / total).toFixed(2)} (this test is about the 50-70% case)`);
  assert.equal(cutOutsideTail(bs).length, bs.length);
});
