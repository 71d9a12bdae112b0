// Session 6: furniture told by its form (byline and date stamps, …), one kind per test. Every page
// here is a SAMPLE written for these tests (realistic markup of the kind news sites use; no text
// copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORY, extract, p } from './helpers.js';

test('a byline or source stamped with a date and time inside the story container is not body text', () => {
  const stamps = [
    'Sample Roe, Senior WriterDec 22, 2023, 06:21 AM ET',
    '22 Dec 2023 | 10:45 AM ET | BySample Roe',
    'Sample Roe, Money Reporter 22 December 2023 • 3:55pm',
    'By Sample Roe and Sample Doe on December 21, 2023 at 3:53PM PST',
    'by Sample Roe December 19, 2023 Source: sample-magazine.example',
    'Saturday 23 December 2023 05:39, UK',
  ];
  for (const s of stamps) {
    const out = extract([p(s), ...STORY.map(p)].join('\n')).body;
    for (const t of STORY) assert.ok(out.includes(t), `story kept beside "${s}"`);
    assert.ok(!out.includes(s), `stamp dropped: ${s}`);
  }
  // a stamp split over lines (<br>): byline, paper, day
  const out = extract([p('By Sample Roe<br>THE SAMPLE TRIBUNE<br>Saturday, December 29, 2007'), ...STORY.map(p)].join('\n')).body;
  assert.ok(!out.includes('SAMPLE TRIBUNE'), out.slice(0, 200));
});

test('a sentence with a date, a timeline entry with words, and an event listing with hours stay', () => {
  const keep = [
    'The talks resumed on December 21, 2023 at 3:53 p.m., two hours late.',
    'Tuesday, January 15, 2008 | Sample Community Hall | 66 Main Street South | 3:30 – 8:00 pm',
    'December 7, 2023, 10:00 am: the northern delegation walked out of the talks after the envoys of the two sides failed to agree on an agenda',
  ];
  for (const k of keep) {
    const out = extract([...STORY.map(p), p(k), p(STORY[0]!.replace('Tuesday', 'Wednesday'))].join('\n')).body;
    assert.ok(out.includes(k.split(' | ')[0]!), `kept: ${k}`);
  }
});

test('where else the story ran, CMS owner widgets, unavailable-widget notices, invites and trust boxes are furniture', () => {
  const notes = [
    'A version of this story appeared in Sample Science, Vol 12, Issue 345.',
    'This story was originally published in our Winter 2024 issue as "Border Talk." Click here to subscribe to read more stories like this one.',
    'This article was featured in the Sample Morning newsletter. Sign up for it here.',
    'This story will appear in the Jan. 6, 2024, issue of Sample Weekly.',
    'Editor’s note (January 3rd 2024): This article was updated to reflect the new date of the talks.',
    'You have permission to edit this article.',
    'We’re sorry, this feature is currently unavailable. We’re working to restore it. Please try again later.',
    'We’ll be in Geneva on March 3 to discuss how newsrooms cover ceasefires. Request an invite to the sample event here.',
    'Why you can trust Sample Reviews We spend hours testing every product or service we review, so you can be sure you are buying the best. Find out more about how we test.',
  ];
  const out = extract([STORY[0]!, STORY[1]!, notes[4]!, STORY[2]!, STORY[3]!, ...notes.filter((_, i) => i !== 4)].map(p).join('\n')).body;
  for (const s of STORY) assert.ok(out.includes(s), `story kept: ${s.slice(0, 40)}`);
  for (const n of notes) assert.ok(!out.includes(n.slice(0, 30)), `dropped: ${n}`);
  // the same words inside a story sentence stay
  const told = 'The envoys said a version of this plan had appeared in earlier drafts, and asked reporters to request an invite to the signing.';
  assert.ok(extract([...STORY, told].map(p).join('\n')).body.includes(told));
  // a story paragraph may open like a trust box's tagline
  const back = 'The mayor’s got your back, the sample council’s leader told residents on Tuesday, promising repairs to the flooded bridge before the talks.';
  assert.ok(extract([...STORY, back].map(p).join('\n')).body.includes(back));
});

test('a prompt ending on its link ("… click here", "…! Sign up now!") is furniture; a story sentence about a link stays', () => {
  const prompts = [
    'For the full schedule of the sample talks, click here.',
    'Win two return flights to Geneva with the Sample Times - Click here',
    'Get three weeks FREE when you subscribe to home delivery of the Sample Times! | Sign up now!',
    'Read the full story here.',
    'https://news.example/2024/01/03/world/geneva-talks-resume.html',
  ];
  const out = extract([...STORY, ...prompts].map(p).join('\n')).body;
  for (const s of STORY) assert.ok(out.includes(s), `story kept: ${s.slice(0, 40)}`);
  for (const n of prompts) assert.ok(!out.includes(n.slice(0, 25)), `dropped: ${n}`);
  const told = 'Officials urged residents not to click here and there on links sent by strangers during the talks.';
  assert.ok(extract([...STORY, told].map(p).join('\n')).body.includes(told));
});

test('a linked image boxed with its caption line is a figure: the caption leaves the body', () => {
  const cap = 'A map of the sample border crossing where the two delegations met in 1980.';
  const box = `<div class="embed body-image"><div class="img-wrap"><a href="https://news.example/photos/map"><img src="https://news.example/map.jpg"></a></div><div class="cap-wrap"><div class="cap-text">${cap}</div><figcaption>Sample Photo Agency</figcaption></div></div>`;
  const a = extract([p(STORY[0]!), p(STORY[1]!), box, p(STORY[2]!), p(STORY[3]!)].join('\n'));
  for (const s of STORY) assert.ok(a.body.includes(s), `story kept: ${s.slice(0, 40)}`);
  assert.ok(!a.body.includes('sample border crossing'), a.body);
  assert.ok(a.captions.some((c) => c.text.includes('sample border crossing')), JSON.stringify(a.captions));
  // a linked headline with an image is a teaser card, not a figure: the image-box rule leaves it alone
  const card = `<div class="promo"><a href="https://news.example/world/other"><img src="https://news.example/o.jpg"></a><a href="https://news.example/world/other">Sample harbour reopens after the storms</a></div>`;
  assert.ok(!extract([...STORY.map(p), card].join('\n')).captions.some((c) => c.text.includes('harbour')));
});

test('a closing story sentence with "fellow" as an adjective or "staff" as a head count is no author bio; "a fellow at" still is', () => {
  const last = 'Sample Doe is the third envoy to join the talks this month, joining fellow Geneva native Sample Poe.';
  const a = extract([...STORY, last].map(p).join('\n')).body;
  assert.ok(a.includes(last), a.slice(-200));
  const agency = 'Sample Sport is the national agency for sport in the region, employing 140 staff, aimed at increasing participation.';
  assert.ok(extract([...STORY, agency].map(p).join('\n')).body.includes(agency), 'a head count is no staff post');
  const bio = 'Sample Roe is a senior fellow at the Sample Institute for Peace Studies.';
  assert.ok(!extract([...STORY, bio].map(p).join('\n')).body.includes(bio));
});
