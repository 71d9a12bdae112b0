import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleStage, createPipeline, processDoc } from '../src/pipeline.js';

test('pipeline runs every stage and keeps the reference date from the article', () => {
  const p = createPipeline();
  const doc = articleStage({ id: 'x', kind: 'text', origin: 'x', content: 'Russia and China signed an agreement on Monday.', hints: { published: '2026-05-14' } });
  assert.equal(doc.refDate, '2026-05-14');
  const coded = processDoc(doc, p);
  assert.ok(coded.sentences.length >= 1);
  for (const s of coded.sentences) assert.equal(coded.text.slice(s.start, s.end), s.text);
});

test('a missing article date is a message, never the clock', () => {
  const doc = articleStage({ id: 'y', kind: 'text', origin: 'y', content: 'Some text.' });
  assert.equal(doc.refDate, null);
  assert.ok(doc.messages.some((m) => m.origin === 'time:no-article-date'));
});

test("the source's notes about a document become its messages", () => {
  const doc = articleStage({ id: 'z', kind: 'text', origin: 'http://127.0.0.1/a', content: 'Ministers met on Monday.', notes: ['http://127.0.0.1/a: redirected to http://127.0.0.1/b'] });
  const m = doc.messages.find((x) => x.origin === 'source:note');
  assert.ok(m);
  assert.match(m.text, /redirected to/);
});

test('"According to <medium>, X did ...": the group after the comma is the event\'s actor, not the source', () => {
  // sample sentence written for this test
  const p = createPipeline();
  const doc = articleStage({ id: 'a', kind: 'text', origin: 'a', content: 'According to Interfax, Russia deployed troops to Belarus.', hints: { published: '2024-03-01' } });
  const coded = processDoc(doc, p);
  const e = coded.events.find((x) => x.event_text.startsWith('deployed'));
  assert.ok(e);
  assert.deepEqual(e.actor.map((a) => a.id), ['RUS']);
});

test('an article written in capitals gets one document-level warning; normal text none', () => {
  // sample bulletin written for this test
  const p = createPipeline();
  const caps = 'MOSCOW, MARCH 3 - THE FOREIGN MINISTERS OF RUSSIA AND KAZAKHSTAN MET IN ASTANA ON TUESDAY AND SIGNED A TRADE AGREEMENT, OFFICIALS SAID.';
  const a = processDoc(articleStage({ id: 'c', kind: 'text', origin: 'c', content: caps, hints: { published: '2024-03-05' } }), p);
  assert.equal(a.messages.filter((m) => m.origin === 'text:all-caps').length, 1);
  const b = processDoc(articleStage({ id: 'n', kind: 'text', origin: 'n', content: 'The foreign ministers of Russia and Kazakhstan met in Astana on Tuesday and signed a trade agreement, officials said.', hints: { published: '2024-03-05' } }), p);
  assert.equal(b.messages.filter((m) => m.origin === 'text:all-caps').length, 0);
});
