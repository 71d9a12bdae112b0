// Dev check for coder changes (the lexicon has diff-corpus.ts): code a sample of the news corpus
// (../shared/news/corpus, no gold) and write one line per event (trigger, code, roles, modality),
// so two runs of the coder can be compared with `diff` and each changed event read in its sentence.
// `node --import tsx scripts/lexicon/dump-corpus.ts [--limit 600] [--every 3] > out.txt`
import { createPipeline, articleStage, sentenceStage, actorStage, timeStage } from '../../src/pipeline.js';
import { codeEvents } from '../../src/events/index.js';
import { corpusSample } from './corpus-sample.js';

const arg = (n: string, d: number): number => (process.argv.includes(n) ? Number(process.argv[process.argv.indexOf(n) + 1]) : d);
const limit = arg('--limit', 600);
const every = arg('--every', 3);
const docs = corpusSample(every);
const pipe = createPipeline({ defaultDate: '2020-01-01' });
let cpu = 0, n = 0;
for (const raw of docs.slice(0, limit)) {
  const d = timeStage(actorStage(sentenceStage(articleStage(raw, raw.hints?.published ?? '2020-01-01')), pipe.kb));
  const c = process.cpuUsage();
  const evs = codeEvents(d).events;
  cpu += process.cpuUsage(c).user;
  for (const e of evs) {
    n++;
    const cc = (xs: typeof e.actor) => xs.map((a) => a.country_code ?? a.code).join('+') || '?';
    const s = d.text.slice(e.text_info.start, e.text_info.end).replace(/\s+/g, ' ');
    console.log(`${raw.id}@${e.text_info.trigger.start} ${e.cameo} ${cc(e.actor)}->${cc(e.recipient)} "${e.text_info.trigger.text}" [${e.modality}${e.negated ? ',neg' : ''}${e.intended ? ',int' : ''}] ${e.confidence} | ${s.slice(0, 240)}`);
  }
}
process.stderr.write(`${Math.min(limit, docs.length)} articles, ${n} events, event stage CPU ${(cpu / 1000).toFixed(0)} ms\n`);
