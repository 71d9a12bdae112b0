// The learned block decision (src/article/blockmodel.ts): its features on SAMPLE pages written for
// these tests (no text from any site), and how a model's weights keep or drop a block. The weights
// here are hand-set, so the tests do not move when the committed model is refitted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';
import { applyBlockModel, attrWords, keepMask, tailCut, defaultBlockModel, type BlockModel } from '../../src/article/blockmodel.js';
import type { RawBlock } from '../../src/article/blocks.js';
import { STORY, page, p, STORY_URL } from './helpers.js';

/** The blocks the rules keep on a sample page and their features (the model off). */
function blocksOf(inner: string): { blocks: RawBlock[]; feats: string[][] } {
  let out: { blocks: RawBlock[]; feats: string[][] } = { blocks: [], feats: [] };
  extractArticle(page(inner), STORY_URL, { blockModel: null, onBlocks: (blocks, feats) => { out = { blocks, feats }; } });
  return out;
}

// A sample story with a promo box inside the story container: a sentence inviting readers to a
// newsletter, in a box whose class names say so in generic words (not a furniture class the rules
// prune: "briefing-note" is not in the prune list).
const PROMO = 'Our weekday letter from the diplomacy desk follows the talks, the ministers and the maps for readers who want more of them.';
const SAMPLE = [
  p(STORY[0]!), p(STORY[1]!),
  `<div class="inline-box briefing-note"><p class="inline-box__text">${PROMO}</p></div>`,
  p(STORY[2]!), p(STORY[3]!),
].join('\n');

test('block features: the story paragraphs share the page\'s paragraph style; a box in the story says what it is in its class words', () => {
  const { blocks, feats } = blocksOf(SAMPLE);
  const i = blocks.findIndex((b) => b.text === PROMO);
  assert.ok(i > 0, 'the rules keep the promo (the model is what can drop it)');
  assert.ok(feats[i]!.includes('othersig'), feats[i]!.join(' '));
  assert.ok(feats[i]!.includes('c0:inline') && feats[i]!.includes('ca:briefing') && feats[i]!.includes('ca:note'), feats[i]!.join(' '));
  for (const s of STORY) {
    const j = blocks.findIndex((b) => b.text === s);
    assert.ok(feats[j]!.includes('mainsig') && feats[j]!.includes('inmain') && feats[j]!.includes('sent'), feats[j]!.join(' '));
  }
  assert.deepEqual(attrWords(blocks[i]!.el!), ['inline', 'box', 'text']);
});

test('a model keeps the story and drops a block kind it learned to be furniture', () => {
  const model: BlockModel = { bias: 2, threshold: 0.5, weights: { 'ca:briefing': -3, 'ca:note': -2, mainsig: 1 } };
  const a = extractArticle(page(SAMPLE), STORY_URL, { blockModel: model });
  for (const s of STORY) assert.ok(a.body.includes(s), `story kept: ${s.slice(0, 30)}`);
  assert.ok(!a.body.includes('weekday letter'), 'promo dropped');
  // the default is the rules alone: the promo stays
  assert.ok(extractArticle(page(SAMPLE), STORY_URL).body.includes('weekday letter'));
});

test('a data table is never the model\'s to drop; a model dropping everything leaves the rules\' output', () => {
  const table = '<table><tr><th>Round</th><th>Venue</th></tr><tr><td>First</td><td>Geneva</td></tr><tr><td>Second</td><td>Vienna</td></tr></table>';
  const { blocks, feats } = blocksOf([p(STORY[0]!), table, p(STORY[1]!)].join('\n'));
  const harsh: BlockModel = { bias: -5, threshold: 0.5, weights: {} };
  const kept = keepMask(feats, harsh);
  assert.ok(blocks.some((b, i) => /Vienna/.test(b.text) && kept[i]), 'table cells kept');
  assert.ok(!kept[blocks.findIndex((b) => b.text === STORY[0])], 'a paragraph can be dropped');
  const none = applyBlockModel(blocks.filter((b) => !b.el?.closest('table')), feats.filter((f) => !f.includes('intable')), harsh);
  assert.equal(none.length, 2, 'all dropped: the rules\' blocks stand');
});

test('the tail cut keeps the blocks before the run whose log-odds of "story ended" sum highest', () => {
  assert.equal(tailCut([-3, -3, -2, 2, 3], 0), 3);
  assert.equal(tailCut([-3, -3, -2, 2, 3], 4), 5, 'a margin above the evidence: no cut');
  assert.equal(tailCut([5, 5, 5], 0), 1, 'never cut to nothing');
});

test('the committed model file loads and is a fitted model', () => {
  const m = defaultBlockModel();
  assert.ok(m, 'data/article/block-model.json present');
  assert.ok(m!.threshold > 0 && m!.threshold < 1);
  assert.ok(Object.keys(m!.weights).length > 100);
  assert.ok(!Object.keys(m!.weights).some((k) => /^(?:c0|ca):.*[^a-z:]/.test(k)), 'no numbered class names');
});
