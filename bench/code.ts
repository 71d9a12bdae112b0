// Throughput of the whole pipeline from plain text to events over ../shared/news/corpus
// (~3,000 articles, JSONL), on one core (this process, no workers).
//
//   npm run bench:code [-- --runs 3 --limit 1000 --warm 3000]
//
// It reports two figures, each per wall second and per CPU-second (process.cpuUsage, which also
// counts V8's background compiler and GC threads):
//   cold    the first pass over the batch in a fresh process (KB already loaded): what
//           `entente code` sees on a few hundred articles, JIT warm-up included; with the time to
//           the first 10 and 100 articles.
//   steady  the median of --runs timed passes, after at least --warm articles were coded (the cold
//           pass included, whole passes; default 3,000: V8 goes on optimising for ~2,000–3,000
//           articles, so a 20-article warm-up measured the JIT, not the pipeline).
// Also the main thread's own CPU (from /proc, Linux) beside the process's: the difference is the
// background threads' work (optimising compiler, concurrent GC).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createPipeline, processRaw } from '../src/pipeline.js';
import type { RawDocument } from '../src/types.js';
import { statCpuMs } from './proc-cpu.js';

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
const runs = Math.max(1, arg('--runs', 3));
const limit = Math.max(1, arg('--limit', 3000));
const warm = Math.max(0, arg('--warm', 3000));

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const cpu0 = cpus();
console.log(`machine: ${cpu0[0]?.model ?? 'unknown CPU'}, ${cpu0.length} cores, Node ${process.version}; load average at start ${load()}`);

const docs: RawDocument[] = [];
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(DIR, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    docs.push({ id: r.id, kind: 'text', content: r.text, origin: `${f}#${r.id}`, url: r.url ?? null, hints: { title: r.title ?? null, published: r.date ?? null } });
  }
}
const batch = docs.slice(0, limit);

// The main thread's CPU seconds; null where /proc is missing.
const TASK = `/proc/self/task/${process.pid}/stat`;
function mainCpu(): number | null {
  try { return statCpuMs(TASK) / 1000; } catch { return null; }
}
const procCpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const k0 = performance.now(), kc0 = procCpu();
const pipe = createPipeline({ defaultDate: '2020-01-01' });
console.log(`KB and models loaded in ${((performance.now() - k0) / 1000).toFixed(2)} s wall, ${(procCpu() - kc0).toFixed(2)} s CPU`);

let peak = process.memoryUsage().rss;
interface Pass { wall: number; cpu: number; main: number | null; events: number; chars: number; marks: [number, number, number][] }
/** One pass over the batch; `marks` = [articles, wall s, CPU s] after 10 and 100 articles. */
function pass(): Pass {
  let events = 0, chars = 0;
  const marks: [number, number, number][] = [];
  const t0 = performance.now(), c0 = procCpu(), m0 = mainCpu();
  for (let i = 0; i < batch.length; i++) {
    const doc = processRaw(batch[i]!, pipe);
    events += doc.events.length;
    chars += doc.text.length;
    const rss = process.memoryUsage.rss(); // rss() alone: memoryUsage() walks the heap spaces (was ~2% of the run)
    if (rss > peak) peak = rss;
    if (i === 9 || i === 99) marks.push([i + 1, (performance.now() - t0) / 1000, procCpu() - c0]);
  }
  const m1 = mainCpu();
  return { wall: (performance.now() - t0) / 1000, cpu: procCpu() - c0, main: m0 === null || m1 === null ? null : m1 - m0, events, chars, marks };
}
const n = batch.length;
const fmt = (p: Pass) => `${p.wall.toFixed(2)} s wall (${(n / p.wall).toFixed(1)} articles/s), ${p.cpu.toFixed(2)} s CPU (${(n / p.cpu).toFixed(1)} articles per CPU-second${p.main === null ? '' : `; main thread ${p.main.toFixed(2)} s = ${(n / p.main).toFixed(1)} per CPU-s, other threads ${(p.cpu - p.main).toFixed(2)} s`})`;

// cold: the first pass of a fresh process
const cold = pass();
console.log(`pass 1 (cold): ${fmt(cold)}`);
for (const [k, w, c] of cold.marks) console.log(`  first ${k} articles: ${w.toFixed(2)} s wall (${(k / w).toFixed(1)}/s), ${c.toFixed(2)} s CPU (${(k / c).toFixed(1)} per CPU-s)`);

// discarded warm-up passes until `warm` articles have been coded (cold pass included)
let done = n, p = 1;
while (done < warm) {
  const w = pass();
  done += n;
  console.log(`pass ${++p} (warm-up, discarded): ${fmt(w)}`);
}

const rates: number[] = [], cpuRates: number[] = [], mainRates: number[] = [];
let last = cold;
for (let r = 0; r < runs; r++) {
  last = pass();
  rates.push(n / last.wall);
  cpuRates.push(n / last.cpu);
  if (last.main !== null) mainRates.push(n / last.main);
  console.log(`pass ${++p} (timed run ${r + 1}): ${fmt(last)}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`load average at end ${load()}`);
console.log(`bench:code ${n} articles (${(last.chars / 1e6).toFixed(1)} M chars), ${last.events} events per pass; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);
console.log(`  cold (pass 1, fresh process): ${(n / cold.wall).toFixed(1)} articles/s wall, ${(n / cold.cpu).toFixed(1)} articles per CPU-second`);
console.log(`  steady state (median of ${runs} runs after ${done} warm-up articles): ${median(rates).toFixed(1)} articles/s/core wall, ${median(cpuRates).toFixed(1)} articles per CPU-second${mainRates.length ? ` (main thread ${median(mainRates).toFixed(1)})` : ''}`);
