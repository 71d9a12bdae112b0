// Throughput of the whole pipeline from plain text to events over ../shared/news/corpus
// (~3,000 articles, JSONL), on one core (this process, no workers): articles/s per core, median of
// several runs, and peak memory (RSS). `npm run bench:code [-- --runs 3 --limit 3000]`.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline, processRaw } from '../src/pipeline.js';
import type { RawDocument } from '../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, '..', 'shared', 'news', 'corpus');
if (!existsSync(DIR)) {
  process.stderr.write(`bench:code: ${DIR} not found (the benchmark reads ../shared/news/corpus)\n`);
  process.exit(2);
}
const arg = (name: string, def: number): number => {
  const k = process.argv.indexOf(name);
  return k > 0 ? Number(process.argv[k + 1]) : def;
};
const runs = arg('--runs', 3);
const limit = arg('--limit', 3000);

const docs: RawDocument[] = [];
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(DIR, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    docs.push({ id: r.id, kind: 'text', content: r.text, origin: `${f}#${r.id}`, url: r.url ?? null, hints: { title: r.title ?? null, published: r.date ?? null } });
  }
}
const batch = docs.slice(0, limit);
const pipe = createPipeline({ defaultDate: '2020-01-01' });
// warm-up: model and lexicon loading is per process, not per article
for (const d of batch.slice(0, 20)) processRaw(d, pipe);

let peak = process.memoryUsage().rss;
const rates: number[] = [];
// CPU time too: on a shared machine wall time counts other processes' work; articles per CPU-second
// is the per-core throughput this process would get on an idle core
const cpuRates: number[] = [];
let events = 0, chars = 0;
for (let r = 0; r < runs; r++) {
  events = 0; chars = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of batch) {
    const doc = processRaw(d, pipe);
    events += doc.events.length;
    chars += doc.text.length;
    const rss = process.memoryUsage.rss(); // rss() alone: memoryUsage() walks the heap spaces (was ~2% of the run)
    if (rss > peak) peak = rss;
  }
  const s = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  rates.push(batch.length / s);
  cpuRates.push(batch.length / cpu);
  console.log(`run ${r + 1}: ${batch.length} articles in ${s.toFixed(2)} s wall (${(batch.length / s).toFixed(1)} articles/s), ${cpu.toFixed(2)} s CPU (${(batch.length / cpu).toFixed(1)} articles per CPU-second)`);
}
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
const cpuMedian = cpuRates[Math.floor(cpuRates.length / 2)]!;
console.log(`bench:code ${batch.length} articles (${(chars / 1e6).toFixed(1)} M chars), ${events} events per run; median ${median.toFixed(1)} articles/s/core wall, ${cpuMedian.toFixed(1)} articles per CPU-second, over ${runs} runs; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);
