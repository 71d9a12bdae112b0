// Dev check against overfitting: code a sample of the news corpus (../shared/news/corpus, no gold)
// with two builds of the lexicon and print the events whose CAMEO code changed, so a new rule can
// be read in sentences it was not written for. Also times the event stage alone per lexicon.
// `node --import tsx scripts/lexicon/diff-corpus.ts <old lexicon dir> [--new <dir>] [--limit 300] [--every 3]`
import { createPipeline, articleStage, sentenceStage, actorStage, timeStage } from '../../src/pipeline.js';
import { codeEvents } from '../../src/events/index.js';
import { loadLexicon } from '../../src/events/lexicon.js';
import { corpusSample } from './corpus-sample.js';

const arg = (n: string, d: number): number => (process.argv.includes(n) ? Number(process.argv[process.argv.indexOf(n) + 1]) : d);
const limit = arg('--limit', 300);
const every = arg('--every', 3);
const oldLex = loadLexicon(process.argv[2]!);
// --new <dir>: compare two other builds (e.g. swapped, to check the timing does not favour the second)
const newLex = process.argv.includes('--new') ? loadLexicon(process.argv[process.argv.indexOf('--new') + 1]!) : loadLexicon();
const docs = corpusSample(every);
const pipe = createPipeline({ defaultDate: '2020-01-01' });
const sample = docs.slice(0, limit);
const dated = sample.map((d) => timeStage(actorStage(sentenceStage(articleStage(d, d.hints?.published ?? '2020-01-01')), pipe.kb)));
let cpuOld = 0, cpuNew = 0, nOld = 0, nNew = 0, changed = 0;
for (const d of dated) {
  let c = process.cpuUsage();
  const a = codeEvents(d, { lexicon: oldLex }).events;
  cpuOld += process.cpuUsage(c).user;
  c = process.cpuUsage();
  const b = codeEvents(d, { lexicon: newLex }).events;
  cpuNew += process.cpuUsage(c).user;
  nOld += a.length; nNew += b.length;
  const key = (e: (typeof a)[0]) => `${e.text_info.trigger.start}`;
  const am = new Map(a.map((e) => [key(e), e]));
  const bm = new Map(b.map((e) => [key(e), e]));
  for (const k of new Set([...am.keys(), ...bm.keys()])) {
    const x = am.get(k), y = bm.get(k);
    if (x?.cameo === y?.cameo) continue;
    changed++;
    const e = (y ?? x)!;
    const s = d.text.slice(e.text_info.start, e.text_info.end).replace(/\s+/g, ' ');
    console.log(`${x?.cameo ?? '-'} -> ${y?.cameo ?? '-'} "${e.text_info.trigger.text}": ${s.slice(0, 220)}`);
  }
}
console.log(`${sample.length} articles: events ${nOld} -> ${nNew}, ${changed} changed; event stage CPU ${(cpuOld / 1000).toFixed(0)} ms -> ${(cpuNew / 1000).toFixed(0)} ms`);
