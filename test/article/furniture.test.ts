// Furniture inside the story container, one kind per test. Every page here is a SAMPLE written for
// these tests (realistic markup of the kind news sites use; no text copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';
import { STORY, STORY_URL, extract as extractSample, p } from './helpers.js';

/** The sample page, with a site header before the story, extracted. */
const extract = (inner: string) => extractSample(inner, true);
import { parseDocument } from '../../src/article/html.js';
import { preclean } from '../../src/article/preclean.js';

const body = (inner: string) => extract(inner).body;

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

test('captions inside the story: camelCase caption classes and image boxes without <figure>', () => {
  const a = extract([
    p(STORY[0]!),
    '<div class="artSplitter mol-img-group"><div class="mol-img"><img src="https://img.example/1.jpg"></div><p class="imageCaption">The two delegations arrive at the Palais des Nations on Tuesday morning</p></div>',
    p(STORY[1]!),
    '<div class="image_wrapper"><img src="https://img.example/2.jpg"><p>Border crossing at dawn</p></div>',
    p(STORY[2]!),
    '<div class="embed size-medium"><img src="https://img.example/3.jpg"><div class="css-x1">A delegate reads a statement to reporters outside the hall.</div><figcaption><span>Sample Photographer</span><span>//</span><span>Example Images</span></figcaption></div>',
    p(STORY[3]!),
  ].join('\n'));
  assertStoryOnly(a.body, ['Palais des Nations', 'Border crossing at dawn', 'reads a statement']);
  const caps = a.captions.map((c) => c.text).join(' | ');
  assert.ok(caps.includes('Palais des Nations'), caps);
  assert.ok(caps.includes('Border crossing at dawn'), caps);
});

test('a pull quote repeating a sentence of the story is dropped with its attribution; repeated paragraphs stay', () => {
  const quote = 'We are closer to an agreement than at any time in the past two years';
  const out = body([
    p(STORY[0]!),
    `<div class="enhancement"><div class="quote"><blockquote><p class="quote-body">“${quote}.”</p></blockquote><p class="quote-attribution">— Sample Spokesman</p></div></div>`,
    p(`“${quote}. Both sides know what is at stake,” the spokesman told reporters after the session closed on Tuesday evening.`),
    p(STORY[1]!), p(STORY[2]!), p(STORY[3]!),
  ].join('\n'));
  assertStoryOnly(out, ['— Sample Spokesman']);
  assert.equal(out.split(quote).length - 1, 1, 'the quoted sentence appears once');
  // a page that prints a paragraph of the story twice keeps both (the annotated text has it twice as well)
  const twice = body([p(STORY[0]!), p(STORY[1]!), p(STORY[2]!), p(STORY[1]!), p(STORY[3]!)].join('\n'));
  assert.equal(twice.split(STORY[1]!).length - 1, 2);
});

test('the summary shown twice (first block repeated as a story paragraph) is kept once; a story printed twice stays twice', () => {
  const summary = body([`<p class="summary">${STORY[0]!}</p>`, p(STORY[0]!), p(STORY[1]!), p(STORY[2]!), p(STORY[3]!)].join('\n'));
  assertStoryOnly(summary, []);
  assert.equal(summary.split(STORY[0]!).length - 1, 1);
  const later = body([p(STORY[0]!), p(STORY[1]!), p(STORY[2]!), p(STORY[0]!), p(STORY[3]!)].join('\n'));
  assert.equal(later.split(STORY[0]!).length - 1, 1);
  const doubled = body([...STORY, ...STORY].map((s) => p(s)).join('\n'));
  assert.equal(doubled.split(STORY[0]!).length - 1, 2);
});

test('stacked stories (infinite scroll): only the story the page is titled by is the body', () => {
  const next = '<article class="post"><header><h1 itemprop="headline">Storm closes mountain passes</h1></header><div class="body">' +
    p('Heavy snow closed three mountain passes on Wednesday, stranding hundreds of drivers overnight, the regional road authority said in an update.') +
    p('Ploughs were expected to reopen the roads by the weekend if the forecast held, the authority added in a second statement.') + '</div></article>';
  const html = `<!DOCTYPE html><html><head><title>Ministers meet in Geneva | Example News</title></head><body><main><div class="feed">
<article class="post"><header><h1 itemprop="headline">Ministers meet in Geneva</h1></header><div class="body">${STORY.map(p).join('')}</div></article>
${next}</div></main></body></html>`;
  const out = extractArticle(html, STORY_URL).body;
  assertStoryOnly(out, ['Heavy snow closed', 'Ploughs were expected']);
});

test('prompts and notices between and after paragraphs are furniture; story sentences about the same words are not', async () => {
  const { isBoilerplate } = await import('../../src/article/boilerplate.js');
  for (const t of [
    'GET EXAMPLE NEWS ON THE GO BY CLICKING HERE',
    'GO HERE FOR MORE WORLD NEWS FROM EXAMPLE DIGITAL',
    'Click here for the latest market news and analysis',
    'This live blog has ended. For the most recent updates, click here.',
    'Click to save this article.',
    'Was this page helpful?',
    'Thank you for your comment, we value your opinion!',
    'Comments on this piece are premoderated to ensure the discussion remains on topic.',
    'Have a tip? Send it to us! Email the newsroom at tips@news.example.',
    'Curious about the science of everyday life? Email us at show@news.example.',
    '—Staff writer Sam Example can be reached at sam@news.example.',
    'Listen to Example Weekly on Spotify, Apple Podcasts and Google Podcasts.',
    'The full interview is on our podcast. Listen and subscribe wherever you get your podcasts.',
    'This episode was produced by Jane Roe and edited by John Doe.',
    'Want to keep up with breaking news? Subscribe to our email newsletter.',
    'If you buy something from a link on this page, Example Media may earn a commission.',
    'The author or authors do not own shares in any securities mentioned in this article.',
    'This article appeared in the World section of the print edition under the headline "Talks resume"',
    'This story originally appeared in Sample Quarterly and is republished here with permission.',
    'Disclaimer: All rights reserved for writing and editorial content. No rights claimed for images.',
  ]) assert.equal(isBoilerplate(t), true, t);
  for (const t of [
    'The minister said on Tuesday that the two sides could be reached for comment only through their embassies.',
    'Officials said the live broadcast of the talks ended abruptly when the power failed in the hall.',
    'The fund does not own shares in the company, a spokesman said, denying a report in a local newspaper.',
  ]) assert.equal(isBoilerplate(t), false, t);
});

test('ad-blocker notices and feedback widgets are furniture by class; author bios with a capitalised role are cut at the end', () => {
  const out = body([
    p(STORY[0]!), p(STORY[1]!), p(STORY[2]!), p(STORY[3]!),
    '<div class="adb-notification"><h3>We noticed you are using an ad blocker.</h3><p>Advertising revenue helps support our journalism. Please consider turning it off for this site.</p></div>',
    '<div class="article-feedback"><div class="article-feedback__heading">Did this article answer your question?</div></div>',
    p('Sam Example is a Senior Reporter at Example News, covering diplomacy and security in Europe.'),
  ].join('\n'));
  assertStoryOnly(out, ['ad blocker', 'answer your question', 'Senior Reporter']);
});

test('text wrapped for a "read more" expander is story text; a "read more" link box is not', () => {
  const out = body([
    `<div class="photo_desc"><span class="readmore_span"><p>${STORY[0]}</p><p>${STORY[1]}</p></span><a class="readmore" href="#more">readmore</a></div>`,
    `<div class="photo_desc"><span class="readmore_span"><p>${STORY[2]}</p><p>${STORY[3]}</p></span></div>`,
    '<div class="read-more"><a href="/a">Floods force thousands from their homes</a> <a href="/b">Central bank holds rates</a></div>',
  ].join('\n'));
  assertStoryOnly(out, ['Floods force thousands', 'Central bank holds']);
});

test('teaser summaries in a list after the story do not pull the whole page in as the article', () => {
  const teaser = (i: number) => `<li><a class="title" href="/news/${i}">Week in review: rate decisions, border talks and a record harvest, part ${i}</a>
<a class="by-line" href="/writer/1">Sample Writer</a> <time datetime="2024-01-0${i}">January ${i}, 2024</time>
<p>Which central bank surprised markets this week, and what did the harvest figures say about prices? This is our look back at the week, with the stories that mattered most to readers.</p></li>`;
  const html = `<!DOCTYPE html><html><head><title>Ministers meet in Geneva | Example News</title></head><body>
<div class="page"><article><h1>Ministers meet in Geneva</h1><div class="text">${STORY.map(p).join('')}</div></article>
<div class="two-column"><ul class="items-list">${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</ul></div></div></body></html>`;
  const out = extractArticle(html, STORY_URL).body;
  assertStoryOnly(out, ['Week in review', 'look back at the week']);
});

test('runs of short fact lines (recipe facts, spec grids) and Pros/Cons boxes are not prose; table cells stay', () => {
  const facts = ['Prep Time:', '20 mins', 'Total Time:', '1 hr 5 mins', 'Servings:', '8', 'Yield:', '16 pieces'];
  const out = body([
    p(STORY[0]!),
    `<div class="facts">${facts.map((f) => `<div class="item">${f}</div>`).join('')}</div>`,
    p(STORY[1]!),
    '<h3>Pros</h3><ul><li>Long battery life</li><li>Bright screen</li></ul><h3>Cons</h3><ul><li>Heavy</li><li>Expensive to renew</li></ul>',
    p(STORY[2]!),
    '<table><tr><th>Round</th><th>Venue</th></tr><tr><td>First</td><td>Geneva</td></tr><tr><td>Second</td><td>Vienna</td></tr><tr><td>Third</td><td>Oslo</td></tr></table>',
    p(STORY[3]!),
  ].join('\n'));
  assertStoryOnly(out, ['Prep Time', '20 mins', 'Long battery life', 'Expensive to renew', 'Pros', 'Cons']);
  assert.ok(out.includes('Vienna') && out.includes('Oslo'), 'table cells kept');
});

test('timestamp lines with a reading time, and long closing author bios, are furniture', async () => {
  const { isBoilerplate } = await import('../../src/article/boilerplate.js');
  assert.equal(isBoilerplate('Dec 23, 2023 at 3:15 pm ET • 3 min read'), true);
  assert.equal(isBoilerplate('Nov 7, 2023,01:51pm EST'), true);
  assert.equal(isBoilerplate('Talks resume • Ministers agree to meet again in Vienna next month'), false);
  const bio = 'Sam Example is the Senior Diplomatic Editor at Example News, where she shapes coverage of European security, writes profiles of negotiators, edits long-form investigations and hosts the weekly podcast on foreign affairs. Before joining Example News she spent a decade as a correspondent in Brussels, Moscow and Ankara, and her reporting on arms-control talks won two national awards. She studied history and languages and lives in Geneva with her family and a very old cat.';
  assert.ok(bio.length > 400);
  const out = body([...STORY.map(p), p(bio)].join('\n'));
  assertStoryOnly(out, ['Senior Diplomatic Editor']);
});

test('an italic paragraph right after an image-only paragraph is that image\'s caption', () => {
  const a = extract([
    p(STORY[0]!), p(STORY[1]!),
    '<p><img src="https://img.example/talks.jpg"></p>',
    '<p><em>Delegates leave the conference hall in Geneva on Tuesday, Jan. 9, 2024. (AP Photo/Sample Photographer)</em></p>',
    p(STORY[2]!),
    // italics that follow text, not an image, are the story's own emphasis
    '<p><em>The talks were the first direct contact between the two governments in more than two years, diplomats said.</em></p>',
    p(STORY[3]!),
  ].join('\n'));
  assertStoryOnly(a.body, ['Delegates leave the conference hall']);
  assert.ok(a.body.includes('first direct contact'));
  assert.ok(a.captions.some((c) => c.text.includes('Delegates leave') && c.credit === 'AP Photo/Sample Photographer'), JSON.stringify(a.captions));
});

test('a reader-comment thread after the story is cut at its label', () => {
  const out = body([
    ...STORY.map(p),
    '<h3>Have your say</h3>',
    p('Talks are pointless while the shelling goes on. Posted by reader_one on January 10, 2024'),
    p('At last some good news from Geneva, let us hope it lasts. Posted by another_reader'),
  ].join('\n'));
  assertStoryOnly(out, ['Have your say', 'Talks are pointless', 'At last some good news']);
});

test('a truncated crawl without <body> whose <head> never closes still yields its story', () => {
  const html = `<html><head><meta http-equiv="Content-Type" conte</i></font></p>
<p><b><font>Please support local business!</font></b></p>
<table><tr><td class="ArticleText"><p><font><br><title>Ministers meet in Geneva</title><font><b><h3>Ministers meet in Geneva</h3></b>
<font>${STORY.map((s) => `<p>${s}`).join('\n')}</font></font></font></p></td></tr></table>`;
  const out = extractArticle(html, STORY_URL).body;
  for (const s of STORY) assert.ok(out.includes(s), s.slice(0, 40));
  // the page's own <html>/<head> must not end up nested inside the shell's <body>, where the
  // content scorer skips the <head> and everything the broken tag left in it
  const doc = parseDocument(preclean(html).html);
  assert.equal(doc.body.querySelector('head'), null);
  assert.ok((doc.body.textContent ?? '').includes(STORY[0]!));
});

test('a standfirst that the story also prints as a paragraph further down is not prepended a second time', () => {
  const dek = 'Two neighbours with a long-running border dispute are edging toward a ceasefire, with a third round of talks due next week.';
  const html = `<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva | Example News</title>
<meta name="description" content="${dek}"></head><body><header class="page-head"><h1>Ministers meet in Geneva</h1><p class="dek">${dek}</p></header>
<main><article class="story"><div class="story-body">${[STORY[0]!, STORY[1]!, STORY[2]!, STORY[3]!, dek, STORY[0]!.replace('Tuesday', 'Monday')].map(p).join('')}</div></article></main></body></html>`;
  const out = extractArticle(html, STORY_URL).body;
  assertStoryOnly(out, []);
  assert.equal(out.split(dek).length - 1, 1, out);
});
