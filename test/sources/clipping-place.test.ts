// Session 7: a paragraph the clipping tool broke inside a sentence is one sentence again, so the
// place named after the break reaches the event (sample clipping written for this test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClipping } from '../../src/sources/clipping.js';
import { createPipeline, processRaw } from '../../src/pipeline.js';

const SAMPLE = `Turkey Says It Sent Drones to Ukraine

March 3, 2026

Speaking at a NATO summit meeting in

Lithuania, the Turkish president said Ankara had sent drones to Ukraine.

The talks ended on Tuesday.
`;

test('a clipping broken after "in" is rejoined; the sentence keeps its place and the event takes it', () => {
  const c = parseClipping(SAMPLE, { markdown: true });
  const paras = c.content.split('\n\n');
  assert.equal(paras[0], 'Speaking at a NATO summit meeting in Lithuania, the Turkish president said Ankara had sent drones to Ukraine.');
  const doc = processRaw({ id: 'sample', kind: 'text', content: c.content, origin: 'sample', hints: c.hints }, createPipeline());
  // offsets index the joined text
  for (const m of doc.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
  assert.equal(doc.sentences.filter((s) => s.text.includes('Lithuania')).length, 1);
  const e = doc.events.find((x) => x.text_info.trigger.text === 'sent');
  assert.ok(e, JSON.stringify(doc.events.map((x) => x.text_info.trigger.text)));
  assert.equal(e.event_loc?.country_code, 'LTU');
  assert.equal(e.modality, 'claimed');
});
