// Debug aid: print tokens and attributions for sentences given on the command line.
//   node --import tsx scripts/quotes/debug.ts "Sentence one." ["Sentence two." ...]
import { createPipeline, articleStage, sentenceStage, actorStage, timeStage } from '../../src/pipeline.js';
import { codeEvents } from '../../src/events/index.js';
import type { RawDocument } from '../../src/types.js';

const pipe = createPipeline();
for (const text of process.argv.slice(2)) {
  const raw: RawDocument = { id: 'x', kind: 'text', content: text, origin: 'x', hints: { published: '2016-10-01' } };
  const d = timeStage(actorStage(sentenceStage(articleStage(raw, '2016-10-01')), pipe.kb));
  for (const s of d.sentences) process.stdout.write((s.tokens ?? []).filter((t) => t.type !== 'whitespace').map((t) => `${t.text}/${t.pos}`).join(' ') + '\n');
  for (const q of codeEvents(d).quotes) process.stdout.write(`  cue=${JSON.stringify(q.cue?.text)} src=${JSON.stringify(q.source?.text)} content=${JSON.stringify(q.content.text.slice(0, 80))}\n`);
}
