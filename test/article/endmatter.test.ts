// Session 5: what closes the story container after the story (writer bios, author boxes,
// recirculation boxes), one kind per test. Every page here is a SAMPLE written for these tests
// (realistic markup of the kind news sites use; no text copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';
import { STORY, STORY_URL, extract, p } from './helpers.js';

/** The sample page with a byline in its metadata. */
const bylined = (inner: string, author: string) => extractArticle(`<!DOCTYPE html><html lang="en"><head><title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva"><meta name="author" content="${author}"></head><body>
<main><article class="story"><h1>Ministers meet in Geneva</h1><div class="story-body">${inner}</div></article></main></body></html>`, STORY_URL);

test("the writer's bio closing the story is told by the byline's name, with no role word", () => {
  const a = bylined([...STORY.map(p), p('Sample Roe is a gadget enthusiast who enjoys long train journeys, old maps and the quiet corners of the continent.')].join('\n'), 'Sample Roe');
  assert.deepEqual(a.authors, ['Sample Roe']);
  for (const s of STORY) assert.ok(a.body.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  assert.ok(!a.body.includes('gadget enthusiast'), a.body.slice(-200));
  // the first name alone ("Sample graduated from…") is the same writer
  const b = bylined([...STORY.map(p), p('Sample graduated from a sample university in 2016 and writes about shopping when not on a train.')].join('\n'), 'Sample Roe');
  assert.ok(!b.body.includes('graduated from a sample university'), b.body.slice(-200));
});

test('a closing paragraph about someone else, or a past-tense sentence with the first name, stays', () => {
  const last = 'Sample Doe is expected to lead the northern delegation when the talks resume in Geneva next week.';
  const a = bylined([...STORY.map(p), p(last)].join('\n'), 'Sample Roe');
  assert.ok(a.body.includes(last), 'another person with the same first name is story text');
  const own = 'Sample was in Geneva for the talks and spoke to both delegations after the meeting ended.';
  assert.ok(bylined([...STORY.map(p), p(own)].join('\n'), 'Sample Roe').body.includes(own));
});

test('an author box named by its class (author-box, author-about, authorbio) is not body text', () => {
  for (const cls of ['m-author-box', 'author-about', 'authorbio', 'article-author__details']) {
    const out = extract([
      p(STORY[0]!), p(STORY[1]!), p(STORY[2]!), p(STORY[3]!),
      `<div class="${cls}"><a href="/author/sample-roe">Sample Roe</a><span>Senior Writer</span><p>Sample has covered the region for a decade for several sample outlets and newsletters.</p></div>`,
    ].join('\n')).body;
    for (const s of STORY) assert.ok(out.includes(s), `${cls}: story paragraph kept`);
    assert.ok(!out.includes('covered the region for a decade'), `${cls}: ${out.slice(-200)}`);
  }
});

test('two teasers under a recirculation label ("Latest News View all") are cut with the label', () => {
  const out = extract([
    ...STORY.map(p),
    '<h2>Latest News View all</h2>',
    '<h3><a href="/world/harbour-reopens">Sample harbour reopens after the winter storms</a></h3>',
    p('The harbour authority said ferries would run on the summer timetable from Monday onwards.'),
    '<h3><a href="/world/bridge-vote">Sample council votes on the new bridge across the river</a></h3>',
    p('Councillors meet on Thursday to decide between the two designs put forward last year.'),
  ].join('\n')).body;
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const f of ['Latest News', 'harbour reopens', 'summer timetable', 'bridge across the river']) assert.ok(!out.includes(f), `recirculation dropped: ${f}`);
});

test('advice disclaimers, correction notes, paper reference lines and support appeals are furniture', () => {
  const notes = [
    'Sample Advice is for informational purposes only, does not constitute medical advice, and is not a substitute for professional advice.',
    'Correction, 2 January 2024, 10:15 a.m.: This story has been updated to give the correct day of the meeting.',
    'A previous version of this story said the talks would resume in March. In fact they resume next week.',
    'Jane Sample et al, Border talks and sample ceasefires, Journal of Sample Studies (2023). DOI: 10.1234/sample.5678',
    'Help Example News publish trustworthy stories about the world. Please make a tax-deductible gift today.',
    'Special offer for Example readers: Get a 1-year subscription for $5. This includes unlimited access.',
  ];
  const out = extract([...STORY.map(p), ...notes.map(p)].join('\n')).body;
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const n of notes) assert.ok(!out.includes(n.slice(0, 30)), `note dropped: ${n.slice(0, 40)}`);
  // the same words inside a story sentence stay
  const inStory = 'The ministry said the figures were released for informational purposes and a correction would follow if needed.';
  assert.ok(extract([...STORY.map(p), p(inStory)].join('\n')).body.includes(inStory));
});

test('a breadcrumb or kicker glued before the repeated headline is dropped; a sentence ending in its words stays', () => {
  const out = extract([p('Home News World Ministers meet in Geneva'), ...STORY.map(p)].join('\n')).body;
  assert.ok(!out.includes('Home News World'), out.slice(0, 120));
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  const sentence = 'Diplomats from both sides were pleased when the ministers meet in Geneva';
  assert.ok(extract([p(sentence), ...STORY.map(p)].join('\n')).body.includes(sentence));
});

test('editorial-sourcing and cookie notices, reprint credits and embed markup shown as text are furniture', () => {
  const notes = [
    'Example Health uses only high-quality sources, including peer-reviewed studies, to support the facts within our articles. Read our editorial process to learn more.',
    'In order to give you the most accurate information possible, the data used to compile this article was sourced from the ministry and other sources.',
    'This website uses cookies to enhance user experience and to analyze performance and traffic on our website.',
    'Recipes adapted from Sample Kitchen, by Jane Sample. Copyright 2024 by Jane Sample. Reprinted by permission of Sample Books.',
  ];
  const embed = '<blockquote>Sample Reporter @sample | &lt;a href="https://social.example/hashtag/Geneva?src=hash"&gt;#Geneva&lt;/a&gt; talks resume next week, sources say.</blockquote>';
  const out = extract([...STORY.map(p), embed, ...notes.map(p)].join('\n')).body;
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const n of [...notes, '#Geneva']) assert.ok(!out.includes(n.slice(0, 30)), `dropped: ${n.slice(0, 40)}`);
});

test('a related-story card inside the story (a "card" box with a linked headline and a summary) is skipped', () => {
  const card = '<div class="display-card article-card small"><div class="card-content"><span>Related</span><h5 class="display-card-title"><a href="/world/earlier-talks">Earlier Sample Talks Ended Without A Deal In The Spring</a></h5><p>The last round broke up over the crossings, and both sides blamed the other for it.</p></div></div>';
  const out = extract([p(STORY[0]!), p(STORY[1]!), card, p(STORY[2]!), p(STORY[3]!)].join('\n')).body;
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  assert.ok(!out.includes('Earlier Sample Talks') && !out.includes('broke up over the crossings'), out);
});

test('cross-link lines between paragraphs ("[Related: …]", "See: …", "WATCH MORE: …", "REQUIRED READING: …") are dropped', () => {
  const links = ['[Related: Sample ceasefire talks stalled in the spring]', 'See: Markets shrug off the sample border dispute', 'WATCH MORE: Ministers arrive in Geneva for the talks', 'REQUIRED READING: What the sample border dispute is about'];
  const out = extract([p(STORY[0]!), p(links[0]!), p(STORY[1]!), p(links[1]!), p(STORY[2]!), p(links[2]!), p(links[3]!), p(STORY[3]!)].join('\n')).body;
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const l of links) assert.ok(!out.includes(l.slice(0, 25)), `cross-link dropped: ${l}`);
});
