// Furniture inside the story container, one kind per test. Every page here is a SAMPLE written for
// these tests (realistic markup of the kind news sites use; no text copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';

const STORY = [
  'The foreign ministers of the two countries met in Geneva on Tuesday to discuss a ceasefire along the disputed border, officials said after the talks ended.',
  'Talks are expected to continue next week, according to a statement released after the meeting by the host government, which offered to mediate further.',
  'Neither side gave details of the proposals, but diplomats described the atmosphere as constructive and businesslike, a change from earlier rounds.',
  'A spokesman for the northern delegation said prisoner exchanges would be discussed at the next round, along with the reopening of two border crossings.',
];

/** A sample news page: headline, then `inner` (the story container's HTML). */
const page = (inner: string) => `<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva"></head><body>
<header class="site-header"><a href="/">Example News</a></header>
<main><article class="story"><h1>Ministers meet in Geneva</h1><div class="story-body">${inner}</div></article></main>
<footer class="site-footer">© 2024 Example News</footer></body></html>`;

const p = (t: string) => `<p>${t}</p>`;
const body = (inner: string) => extractArticle(page(inner), 'https://news.example/world/geneva-talks').body;

function assertStoryOnly(out: string, furniture: string[]): void {
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const f of furniture) assert.ok(!out.includes(f), `furniture dropped: ${f}`);
}

test('embedded social posts (tweet, Instagram, TikTok cards) are not body text', () => {
  const out = body([
    p(STORY[0]!), p(STORY[1]!),
    '<div class="embed-wrapper"><blockquote class="twitter-tweet"><p lang="en">Productive talks today in Geneva. More soon.</p>— Sample Minister (@sample_min) <a href="https://twitter.com/sample_min/status/1">January 9, 2024</a></blockquote></div>',
    p(STORY[2]!),
    '<blockquote class="instagram-media"><a href="https://www.instagram.com/p/x/">View this post on Instagram</a><p>A post shared by Sample Delegation (@sampledelegation)</p></blockquote>',
    '<blockquote class="tiktok-embed"><section><a href="https://www.tiktok.com/@x">@samplevideo</a> Border crossing queue this morning #geneva</section></blockquote>',
    p(STORY[3]!),
  ].join('\n'));
  assertStoryOnly(out, ['Productive talks today', 'View this post on Instagram', 'Border crossing queue']);
});

test('elements hidden by a utility class (support appeals, reminders) are not body text', () => {
  const out = body([
    p(STORY[0]!), p(STORY[1]!), p(STORY[2]!),
    '<div id="support-entry" class="cli hidden cli-support"><h4 class="hidden">Support Example News</h4><p>At Example News we believe everyone deserves good journalism, which is why we keep our reporting free. Would you chip in today?</p></div>',
    '<div class="reminder box -hidden"><ul><li>remind me tomorrow</li><li>never remind me</li></ul></div>',
    '<div class="beta-flag beta-flag-hidden">This is a BETA experience. You may opt-out by clicking here</div>',
    p(STORY[3]!),
    // a clipping wrapper is not hidden: its paragraph stays
    '<div class="overflow-hidden rounded"><p>The ministers are due to meet again in Vienna on 16 January, the host government said in a brief statement on Wednesday.</p></div>',
  ].join('\n'));
  assertStoryOnly(out, ['chip in today', 'remind me tomorrow', 'BETA experience']);
  assert.ok(out.includes('due to meet again in Vienna'));
});
