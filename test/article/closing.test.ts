// Session 4: notes and furniture at the end of the story container, one kind per test. Every page
// here is a SAMPLE written for these tests (realistic markup of the kind news sites use; no text
// copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';
import { STORY, extract, p } from './helpers.js';

const body = (inner: string) => extract(inner).body;

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

test('lines of dates and times, market ticker strips, consent checkboxes and CMS shortcodes are furniture', () => {
  const ticker = ['Index 500 5,005.57 -24.16 (-0.48%)', 'Sample 30 38,627.99 -145.13 (-0.37%)', 'Crude Oil 79.22 +1.19 (+1.53%)', 'Gold 2,025.50 +10.60 (+0.53%)'].join('<br>');
  const out = body([
    `<div class="quotes">${ticker}</div>`,
    '<p>Tuesday January 9, 2024 09:30 AM EST 1/9/2024 9:30 AM</p>',
    '<p>I agree to the terms of the Terms and Conditions<br>and the Privacy Policy</p>',
    p(STORY[0]!), p(STORY[1]!),
    '<p>2:18pm Tuesday 9th January 2024</p>',
    '<p>[sample-related id="1234" url="https://news.example/world/earlier-talks" title="Earlier talks in Geneva ended without a deal"]</p>',
    p(STORY[2]!),
    '<table><tr><td>1990-1994</td></tr><tr><td>1994-1999</td></tr></table>',
    p(STORY[3]!),
  ].join('\n'));
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const f of ['Crude Oil', '09:30 AM EST', '2:18pm', 'I agree to the terms', 'sample-related']) assert.ok(!out.includes(f), `furniture dropped: ${f}`);
  assert.ok(out.includes('1990-1994'), 'a run of years is data, not a date line');
});

test('a brief under the scorer threshold is not replaced by a longer menu the fallback finds', () => {
  const menu = `<ul>${Array.from({ length: 60 }, (_, i) => `<li><a href="/events/${i}">Sample Events Section ${i}</a></li>`).join('\n')}</ul>`;
  const html = `<!DOCTYPE html><html lang="en"><head><title>Sample tribute night | Example Events</title></head><body>
<div><p>Departments</p>${menu}</div>
<div class="event"><h1>Sample tribute night</h1><p>The Sample Band brings a high-energy tribute show to the old theatre on Saturday night, with classic songs.</p></div>
</body></html>`;
  const out = extractArticle(html, 'https://events.example/e/1').body;
  assert.ok(out.includes('brings a high-energy tribute show'), out.slice(0, 200));
  assert.ok(!out.includes('Sample Events Section 7'), 'menu not taken as the body');
});

test('a contributor-bio box inside the story container is not body text', () => {
  const out = body([
    p(STORY[0]!), p(STORY[1]!),
    '<div class="writer-tooltip__bio"><p>Sample Roe has spent two decades reporting from European capitals and now leads the diplomacy desk of this paper.</p></div>',
    p(STORY[2]!), p(STORY[3]!),
  ].join('\n'));
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  assert.ok(!out.includes('two decades reporting'), 'bio box dropped');
});

test('a caption written as a story paragraph, told by its credit, goes to captions', () => {
  const a = extract([
    p(STORY[0]!), p(STORY[1]!),
    p('The delegations arrive at the lakeside venue on Tuesday morning. Credit: Sample Photo Agency.'),
    p('PHOTO BY JANE ROE The northern delegation leaves the hall after the first session.'),
    p(STORY[2]!),
    p('She later shared a photo by her daughter, taken outside the hall before the talks resumed.'),
    p(STORY[3]!),
  ].join('\n'));
  for (const s of STORY) assert.ok(a.body.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  assert.ok(!a.body.includes('lakeside venue') && !a.body.includes('PHOTO BY'), 'credited captions left the body');
  assert.ok(a.body.includes('a photo by her daughter'), 'a sentence mentioning a photo is story text');
  const cap = a.captions.find((c) => c.text.includes('lakeside venue'));
  assert.equal(cap?.credit, 'Sample Photo Agency');
});

test('notes after a closing separator line and science-news source sections are cut; a separator between sections stays', () => {
  const out = body([
    p(STORY[0]!), '<p>___</p>', p(STORY[1]!), p(STORY[2]!), p(STORY[3]!),
    '<p>___</p>', p('Roe reported from Bern.'), '<p>___</p>', p('Get alerts on the latest diplomacy news. Sign up here.'),
  ].join('\n'));
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  assert.ok(!out.includes('reported from Bern') && !out.includes('Get alerts'), out.slice(-200));
  const sci = body([
    p(STORY[0]!), p(STORY[1]!), p(STORY[2]!), p(STORY[3]!),
    '<h3>Story Source:</h3>', p('Materials provided by Sample University. Note: Content may be edited for style and length.'),
  ].join('\n'));
  assert.ok(sci.includes(STORY[3]!) && !sci.includes('Materials provided by'), sci.slice(-200));
});

test('widget and player messages, tip lines and opinion disclaimers are furniture', () => {
  const out = body([
    p(STORY[0]!), p('Story Saved'), p('You can find this story in My Bookmarks. Or by opening the menu at the top.'),
    p(STORY[1]!), p('This video has an invalid file format.'), p(STORY[2]!), p(STORY[3]!),
    p('Sign up for notifications from Example News! Stay up to date with what matters to you.'),
    p('Got a tip? Send it to the Example News desk here.'),
    p('The opinions expressed here are the author’s own and do not reflect those of Example News.'),
    p('Create your free account or log in<br>for more features.'),
  ].join('\n'));
  for (const s of STORY) assert.ok(out.includes(s), `story paragraph kept: ${s.slice(0, 40)}`);
  for (const f of ['Story Saved', 'My Bookmarks', 'invalid file format', 'notifications from', 'Got a tip', 'opinions expressed', 'free account']) assert.ok(!out.includes(f), `furniture dropped: ${f}`);
});
