// Broken HTML: an unclosed heading (SAMPLE pages written for these tests, no text copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';
import { parseDocument } from '../../src/article/html.js';
import { STORY, STORY_URL } from './helpers.js';

const shell = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva | Example News</title></head><body>${body}</body></html>`;

test('an unclosed <h1> before the story (sample page): the headline is the title, the paragraphs the body', () => {
  const html = shell(`<main><article class="story"><h1>Ministers meet in Geneva${STORY.map((t) => `<p>${t}</p>`).join('')}</article></main>`);
  const a = extractArticle(html, STORY_URL);
  assert.equal(a.title, 'Ministers meet in Geneva');
  assert.equal(a.body, STORY.join('\n\n'));
  assert.deepEqual(a.blocks.map((b) => b.type), STORY.map(() => 'paragraph'));
});

test('an unclosed <h2> inside a story (sample page) keeps the paragraphs after it', () => {
  const html = shell(`<article><h1>Ministers meet in Geneva</h1><p>${STORY[0]}</p><p>${STORY[1]}</p><h2>Next round<p>${STORY[2]}</p><p>${STORY[3]}</p></article>`);
  const a = extractArticle(html, STORY_URL);
  assert.equal(a.title, 'Ministers meet in Geneva');
  assert.deepEqual(a.blocks.map((b) => b.text), [STORY[0], STORY[1], 'Next round', STORY[2], STORY[3]]);
  assert.equal(a.blocks[2]!.type, 'heading');
});

test('well-formed headings, and a heading that only wraps its text in a block, are left as they are', () => {
  const doc = parseDocument(shell(`<h1><div class="hed">Ministers meet in Geneva</div></h1><h2>Short<p>kicker</p></h2><p>${STORY[0]}</p>`));
  assert.equal(doc.querySelector('h1')!.textContent, 'Ministers meet in Geneva');
  assert.equal(doc.querySelector('h2')!.textContent, 'Shortkicker');
  assert.equal(doc.querySelectorAll('body > p').length, 1);
});
