// Session 4: notes and furniture at the end of the story container, one kind per test. Every page
// here is a SAMPLE written for these tests (realistic markup of the kind news sites use; no text
// copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';

const STORY = [
  'The foreign ministers of the two countries met in Geneva on Tuesday to discuss a ceasefire along the disputed border, officials said after the talks ended.',
  'Talks are expected to continue next week, according to a statement released after the meeting by the host government, which offered to mediate further.',
  'Neither side gave details of the proposals, but diplomats described the atmosphere as constructive and businesslike, a change from earlier rounds.',
  'A spokesman for the northern delegation said prisoner exchanges would be discussed at the next round, along with the reopening of two border crossings.',
];

const page = (inner: string) => `<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva"></head><body>
<main><article class="story"><h1>Ministers meet in Geneva</h1><div class="story-body">${inner}</div></article></main>
<footer class="site-footer">© 2024 Example News</footer></body></html>`;
const p = (t: string) => `<p>${t}</p>`;
const body = (inner: string) => extractArticle(page(inner), 'https://news.example/world/geneva-talks').body;

test('closing notes set wholly in italics or bold after the story are cut; emphasis inside the story stays', () => {
  const out = body([
    p(STORY[0]!), p(`<em>${STORY[1]!}</em>`), p(STORY[2]!), p(`${STORY[3]!.slice(0, 60)}<em>${STORY[3]!.slice(60)}</em>`),
    '<p><em>Sample Wire reporter Jane Roe contributed to this report from Bern.</em></p>',
    '<p><strong><em>Want the week\'s diplomacy in one place? Join our Sample Forum to keep talking about it.</em></strong></p>',
    '<p><i>Correction, Jan. 10: An earlier version of this story misstated the day of the meeting.</i></p>',
  ].join('\n'));
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const f of ['contributed to this report', 'Join our Sample Forum', 'Correction, Jan. 10']) assert.ok(!out.includes(f), `note dropped: ${f}`);
});

test('a story set entirely in italics keeps its paragraphs', () => {
  const out = body(STORY.map((s) => p(`<em>${s}</em>`)).join('\n'));
  for (const s of STORY) assert.ok(out.includes(s), `italic story paragraph kept: ${s.slice(0, 40)}`);
});
