import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/article/index.js';

// A short story (a feed item wrapped as a page, a news brief): every paragraph is body text,
// while a short trailing sign-off that is not a sentence is still dropped. Sample text written for this test.
test('a brief keeps its short closing sentences and drops a trailing sign-off', () => {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Envoys Meet</title></head><body><article>
    <p>Envoys from Chile and Peru held talks in Lima on Tuesday about a new border crossing for trucks.</p>
    <p>Chile’s envoy said construction could begin this year.</p>
    <p>Peru’s delegation called the talks useful.</p>
    <p>Follow us</p></article></body></html>`;
  const a = extractArticle(html, 'https://sample.invalid/brief');
  assert.equal(a.body, 'Envoys from Chile and Peru held talks in Lima on Tuesday about a new border crossing for trucks.\n\nChile’s envoy said construction could begin this year.\n\nPeru’s delegation called the talks useful.');
});
