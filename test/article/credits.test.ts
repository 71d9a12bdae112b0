// Session 11: a credit line set as a paragraph of its own (video and source-image credits), a
// syndication notice naming the story's title, and an account widget's state line. Every page here is
// a SAMPLE written for these tests (realistic markup of the kind news sites use; no text copied from
// any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORY, extract, p } from './helpers.js';

const bodyWith = (extra: string[], at: 'start' | 'middle' | 'end' = 'end') => {
  const parts = STORY.map(p);
  if (at === 'start') parts.unshift(...extra.map(p));
  else if (at === 'middle') parts.splice(2, 0, ...extra.map(p));
  else parts.push(...extra.map(p));
  return extract(parts.join('\n'));
};

test('a video or source-image credit set as a paragraph goes with the captions, not the body', () => {
  for (const credit of ['Video by Example Media.', 'Source images by Jane Roe, John Doe and Example/Getty Images.', 'Lead image: Jane Roe for Example News']) {
    for (const at of ['start', 'middle', 'end'] as const) {
      const a = bodyWith([credit], at);
      for (const t of STORY) assert.ok(a.body.includes(t), `story kept (${at})`);
      assert.ok(!a.body.includes(credit.slice(0, 20)), `credit dropped (${at}): ${credit}`);
      // the whole line is the credit (not a caption "Source" or "Lead" credited to the rest)
      const name = credit.replace(/^.*?(?:by|:)\s*/, '').replace(/\.$/, '');
      // (before or after the story a short line may be cut as furniture instead: then it is in no caption)
      const mine = a.captions.filter((c) => c.credit === name || c.text.includes(name));
      assert.deepEqual(mine, at !== 'middle' && !mine.length ? [] : [{ text: '', credit: name }], `${at}: ${JSON.stringify(a.captions)}`);
    }
  }
});

test('a story sentence about a video, or one naming who shot it, stays', () => {
  const keep = [
    'The video by the coast guard, released on Wednesday, shows the boat drifting for hours before rescuers arrived at the scene.',
    'Video by residents shows smoke rising over the harbour, and officials said they were still trying to establish what caused the fire.',
  ];
  for (const k of keep) assert.ok(bodyWith([k], 'middle').body.includes(k), k);
});

test('a syndication notice naming the story\'s title is dropped; a sentence about where a claim first appeared stays', () => {
  const note = "This article 'Ministers Meet In Geneva As Talks Resume — Here Is What Changed' originally appeared on Example Wire.";
  const a = bodyWith([note]);
  for (const t of STORY) assert.ok(a.body.includes(t));
  assert.ok(!a.body.includes('originally appeared'), a.body.slice(-200));
  const keep = 'The claim, which spread widely last week, originally appeared on a forum for traders before officials denied it on Monday.';
  assert.ok(bodyWith([keep]).body.includes(keep));
});

test('an account widget\'s "You are logged in" line is dropped; a sentence saying so stays', () => {
  const a = bodyWith(['You are logged in'], 'middle');
  for (const t of STORY) assert.ok(a.body.includes(t));
  assert.ok(!/You are logged in/.test(a.body), a.body);
  const keep = 'You are logged in to the voting portal once the code arrives by text, the election office said in its guidance to residents.';
  assert.ok(bodyWith([keep], 'middle').body.includes(keep));
});
