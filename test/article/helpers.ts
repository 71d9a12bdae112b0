// Shared by the article tests: a SAMPLE story (written for these tests, no text copied from any
// site) and a news page around a story container's HTML.
import { extractArticle } from '../../src/article/index.js';

export const STORY = [
  'The foreign ministers of the two countries met in Geneva on Tuesday to discuss a ceasefire along the disputed border, officials said after the talks ended.',
  'Talks are expected to continue next week, according to a statement released after the meeting by the host government, which offered to mediate further.',
  'Neither side gave details of the proposals, but diplomats described the atmosphere as constructive and businesslike, a change from earlier rounds.',
  'A spokesman for the northern delegation said prisoner exchanges would be discussed at the next round, along with the reopening of two border crossings.',
];

/** A sample news page: headline, then `inner` (the story container's HTML); `siteHeader` adds a site header before it. */
export const page = (inner: string, siteHeader = false) => `<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva"></head><body>
${siteHeader ? '<header class="site-header"><a href="/">Example News</a></header>\n' : ''}<main><article class="story"><h1>Ministers meet in Geneva</h1><div class="story-body">${inner}</div></article></main>
<footer class="site-footer">© 2024 Example News</footer></body></html>`;

export const p = (t: string) => `<p>${t}</p>`;

/** The sample story's address. */
export const STORY_URL = 'https://news.example/world/geneva-talks';
/** `page(inner, siteHeader)` extracted at the sample story's address. */
export const extract = (inner: string, siteHeader = false) => extractArticle(page(inner, siteHeader), STORY_URL);
