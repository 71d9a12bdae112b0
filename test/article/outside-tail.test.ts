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
