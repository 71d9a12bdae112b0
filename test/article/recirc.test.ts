// Session 8: recirculation boxes after the story whose cards have no link of their own. Every page
// here is a SAMPLE written for these tests (realistic markup of the kind news sites use; no text
// copied from any site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STORY, extract, p } from './helpers.js';

// a card: an overlay anchor with screen-reader text, then a plain headline and summary
const card = (head: string, summary: string) =>
  `<div class="news-item"><a class="overlay" href="/other/${head.length}"><span class="sr-only">${head}</span></a><h3>${head}</h3><p>${summary}</p></div>`;
const BOX = [
  card('Grain prices fall as harvest estimates rise', 'Traders cut their forecasts after a wet spring gave way to a dry, warm summer across the plains.'),
  card('Three ports reopen after the strike ends', 'Dock workers returned on Monday after a pay deal was agreed with the port authority late on Sunday.'),
];

test('a recirculation label followed only by short card lines closes the story', () => {
  for (const label of ['Read This Next', 'The Latest', 'More like this']) {
    const out = extract([...STORY.map(p), `<div><h2>${label}</h2>${BOX.join('')}</div>`].join('\n')).body;
    for (const t of STORY) assert.ok(out.includes(t), `story kept before "${label}"`);
    assert.ok(!out.includes('Grain prices') && !out.includes('Dock workers'), `box cut after "${label}": ${out.slice(-200)}`);
  }
});

test('a section headed like a label but going on with story paragraphs stays', () => {
  const long = 'The latest figures from the statistics office show that exports to the region rose by a fifth in the first half of the year, the fastest rise since the agreement took effect, while imports barely moved and the trade gap narrowed for a third quarter in a row.';
  const out = extract([...STORY.map(p), '<h2>The Latest</h2>', p(long), p('Officials expect the trend to continue.')].join('\n')).body;
  assert.ok(out.includes(long), out.slice(-300));
});

test('a review trust box told by its closing link and an account prompt ending "Login Now!" are furniture; a sentence about logging in stays', () => {
  const notes = [
    'Our reviewers spend many hours with every product to find what matters to you. Find out more about how we test laptops and phones.',
    'Unlock member benefits with Example News! Newsletters, alerts and a personal feed are just a click away! Login Now!',
  ];
  for (const n of notes) {
    const out = extract([...STORY.map(p), p(n)].join('\n')).body;
    for (const t of STORY) assert.ok(out.includes(t));
    assert.ok(!out.includes(n.slice(0, 30)), `dropped: ${n}`);
  }
  const keep = 'Residents were told to log in to the council website to register, and officials said more than a thousand had done so by noon.';
  assert.ok(extract([...STORY.map(p), p(keep)].join('\n')).body.includes(keep));
});
