// Session 9: the standfirst set in the story's own <header> beside the headline. Every page here is
// a SAMPLE written for these tests (realistic markup of the kind news sites use; no text copied from
// any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';
import { STORY, STORY_URL, p } from './helpers.js';

const DEK = 'Both delegations agreed to meet again next week, but neither would say what was offered.';
/** A page whose story <article> opens with a <header> (headline, `inner`) and whose description is worded otherwise. */
const page = (inner: string, description = 'Talks between the two neighbours resume in Switzerland.') => `<!DOCTYPE html><html lang="en"><head>
<title>Ministers meet in Geneva | Example News</title><meta property="og:title" content="Ministers meet in Geneva">
<meta name="description" content="${description}"></head><body><main><article class="story">
${inner}
<div class="story-body">${STORY.map(p).join('\n')}</div></article></main></body></html>`;

test('a dek in the story header opens the body when the description is worded otherwise', () => {
  for (const dek of [`<h2 class="dek">${DEK}</h2>`, `<p class="subtitle">${DEK}</p>`]) {
    const a = extractArticle(page(`<header class="story-header"><h1>Ministers meet in Geneva</h1>${dek}<div class="byline">By Jane Doe</div></header>`), STORY_URL);
    assert.ok(a.body.startsWith(DEK), a.body.slice(0, 200));
    for (const t of STORY) assert.ok(a.body.includes(t));
    assert.ok(!a.body.includes('Jane Doe') && !a.body.startsWith('Ministers meet'), a.body.slice(0, 200));
  }
});

test('a header without the headline (a notice bar) gives no standfirst; a short kicker is none either', () => {
  const notice = 'To find this story again later, open your account page and choose the saved stories tab.';
  let a = extractArticle(page(`<header class="notice"><p>${notice}</p></header><h1>Ministers meet in Geneva</h1>`), STORY_URL);
  assert.ok(a.body.startsWith(STORY[0]!), a.body.slice(0, 200));
  a = extractArticle(page('<header><p class="kicker">Diplomacy and talks</p><h1>Ministers meet in Geneva</h1></header>'), STORY_URL);
  assert.ok(a.body.startsWith(STORY[0]!), a.body.slice(0, 200));
});

test('the description shown in the header is the standfirst once, not twice', () => {
  const a = extractArticle(page(`<header><h1>Ministers meet in Geneva</h1><p class="dek">${DEK}</p></header>`, DEK), STORY_URL);
  assert.ok(a.body.startsWith(DEK), a.body.slice(0, 200));
  assert.equal(a.body.split(DEK).length, 2, a.body.slice(0, 300));
});

// Session 10: a dek can show twice — in the header and again as a paragraph of the story further down
// than its first four blocks (after a lead image, a kicker, a dateline line...). It opens the body once.
test('a header standfirst the story repeats further down is not prepended a second time', () => {
  const body = `<div class="story-body">${STORY.map(p).join('\n')}<p>${DEK}</p>${p('The talks will resume after the holiday, a spokesman said on Wednesday evening in Geneva.')}</div>`;
  const html = `<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva | Example News</title><meta property="og:title" content="Ministers meet in Geneva">
<meta name="description" content="Talks between the two neighbours resume in Switzerland."></head><body><main><article class="story">
<header class="story-header"><h1>Ministers meet in Geneva</h1><h2 class="dek">${DEK}</h2></header>${body}</article></main></body></html>`;
  const a = extractArticle(html, STORY_URL);
  assert.equal(a.body.split(DEK).length, 2, a.body);
  for (const t of STORY) assert.ok(a.body.includes(t));
});
