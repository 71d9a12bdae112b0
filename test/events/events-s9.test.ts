// Session 9 (EVENTS): kinds a user still found wrong after session 8. Sample sentences written for
// these tests (fictional agency and officials), through the whole pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline, processRaw } from '../../src/pipeline.js';

const p = createPipeline();
const run = (text: string, date = '2024-02-22') => processRaw({ id: 'sample', kind: 'text', origin: 'sample', content: text, hints: { published: date } }, p);
const view = (es: ReturnType<typeof run>['events']) => es.map((e) => `${e.cameo} ${e.actor.map((a) => a.entity_text).join('+')}->${e.recipient.map((a) => a.entity_text).join('+')} ${e.date} ${e.modality}`).join('; ');

test('a past perfect under a speech verb takes no day: not the article\'s, not the saying\'s', () => {
  for (const text of [
    'Kenya said on Tuesday it had expelled two Somali diplomats.',
    'Kenya said it had expelled two Somali diplomats.',
    'The Kenyan foreign ministry said on Tuesday that Somalia had expelled two Kenyan diplomats.',
  ]) {
    const { events } = run(text);
    const e = events.find((x) => x.cameo.startsWith('16') || x.cameo.startsWith('17'));
    assert.ok(e, `${text}: ${view(events)}`);
    assert.equal(e.date, null, `${text}: ${view(events)}`);
    assert.equal(e.modality, 'claimed', `${text}: ${view(events)}`);
  }
});

test('a reported past perfect with its own time keeps it; a reported simple past keeps the saying\'s day', () => {
  const a = run('Kenya said on Tuesday it had expelled two Somali diplomats in January.').events.find((x) => x.cameo.startsWith('16') || x.cameo.startsWith('17'));
  assert.ok(a);
  assert.equal(a.date, '2024-01');
  const b = run('Kenya said on Tuesday it expelled two Somali diplomats.').events.find((x) => x.cameo.startsWith('16') || x.cameo.startsWith('17'));
  assert.ok(b);
  assert.equal(b.date, '2024-02-20');
});

test('"had" of obligation or possession is no past perfect ("had to withdraw", "had no plans to")', () => {
  for (const text of ['Kenya said it had to withdraw its troops from Somalia.', 'Kenya had no plans to withdraw its troops from Somalia.']) {
    const { events } = run(text);
    assert.ok(events.every((e) => e.modality !== 'historical' && e.date !== null), `${text}: ${view(events)}`);
  }
});

test('"said on Tuesday that X ...": X is the subject of the reported clause, not a time\'s object', () => {
  for (const text of ['Kenya said on Tuesday that Somalia expelled two Kenyan diplomats.', 'Kenya said on Tuesday that Somalia had expelled two Kenyan diplomats.']) {
    const { events } = run(text);
    const e = events.find((x) => x.cameo === '161');
    assert.ok(e, `${text}: ${view(events)}`);
    assert.equal(e.actor[0]?.country_code, 'SOM', `${text}: ${view(events)}`);
  }
  // (a place after "in that" keeps its preposition)
  const { events } = run('Kenya expelled two Somali diplomats in that country on Tuesday.');
  assert.ok(events.some((e) => e.cameo === '161' && e.actor[0]?.country_code === 'KEN'), view(events));
});
