// Publication dates as the page shows them (sample pages written for these tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localizePublished } from '../../src/article/dates.js';
import { extractArticle } from '../../src/article/index.js';

const body = '<p>' + 'The council voted on Tuesday to extend the programme for another year, officials said. '.repeat(6) + '</p>';

test('a UTC time is re-expressed in the zone the page shows', () => {
  // evening in New York is the next day in UTC
  assert.equal(localizePublished('2023-12-20T01:00:21Z', [{ datetime: null, text: 'Published 8:00 PM EST, Tue December 19, 2023' }]), '2023-12-19T20:00:21-05:00');
  assert.equal(localizePublished('2023-12-25T22:03:00.000Z'.replace('.000', ''), [{ datetime: null, text: 'December 26, 2023 - 9:03AM' }]), '2023-12-26T09:03:00+11:00');
  assert.equal(localizePublished('2023-12-23T03:22:07Z', [{ datetime: '2023-12-22T22:22:07-0500', text: 'Dec 22' }]), '2023-12-22T22:22:07-05:00');
  // a navigation date ("today") or a time that is no real zone offset away changes nothing
  assert.equal(localizePublished('2023-12-23T03:00:46Z', [{ datetime: null, text: 'Sunday, December 24, 2023' }]), '2023-12-23T03:00:46Z');
  assert.equal(localizePublished('2023-12-22T09:09:29Z', [{ datetime: null, text: 'December 22, 2023 10:54 AM' }]), '2023-12-22T09:09:29Z');
  assert.equal(localizePublished('2023-12-22T09:09:29-05:00', [{ datetime: null, text: 'December 22, 2023 4:09 PM' }]), '2023-12-22T09:09:29-05:00');
});

test('the update date is the date when the page shows only it', () => {
  const page = (shown: string) => `<html><head><meta property="article:published_time" content="2022-10-24T19:16:43-04:00"><meta property="article:modified_time" content="2023-12-14T13:36:44-05:00"></head><body><h1>Cheap gifts that still feel special this year</h1><div class="byline-date">${shown}</div><article>${body}</article></body></html>`;
  assert.equal(extractArticle(page('Updated on December 14, 2023'), null).published, '2023-12-14T13:36:44-05:00');
  assert.equal(extractArticle(page('Published October 24, 2022; updated December 14, 2023'), null).published?.slice(0, 10), '2022-10-24');
  assert.equal(extractArticle(page('By Jane Roe'), null).published?.slice(0, 10), '2022-10-24');
});

test('a date next to the headline when no element is labelled as one', () => {
  const html = `<html><body><h1>Why the budget talks failed this week</h1><div class="x1"><span class="a9">Jane Roe</span><span class="a9">Dec 05, 2023</span></div><article>${body}</article></body></html>`;
  assert.equal(extractArticle(html, null).published, '2023-12-05');
});

test('a <time> within a day of the URL date refines it; a sidebar time far from it does not', () => {
  const page = (t: string) => `<html><body><h1>Missile tests resume after a long pause</h1><time datetime="${t}">x</time><article>${body}</article></body></html>`;
  assert.equal(extractArticle(page('2023-12-19T23:30:00-05:00'), 'https://news.example/news/2023-12-20/missile-tests').published, '2023-12-19T23:30:00-05:00');
  assert.equal(extractArticle(page('2023-12-24T17:00:00Z'), 'https://news.example/news/2023-12-20/missile-tests').published, '2023-12-20');
});
