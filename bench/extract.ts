// Article-extraction throughput: pages/s on one core (one process, sequential) and RSS, over the
// NAEB pages in ../shared/news/naeb. Pages are held gzipped (29 MB) and decoded one at a time, as a
// crawler would meet them; the timed figure is extractArticle alone (gunzip+decode are reported
// apart), both wall and CPU time of this process.
//
//   npm run bench:extract                 # 3 timed runs over the 421 pages + a 10,000-page run
//   npm run bench:extract -- --runs 5 --long 0 --baseline 1
//   npm run bench:extract -- --runs 3 --long 0 --block-model 1   # with the learned block decision (experiment)
//
// The long run repeats the set until 10,000 pages and prints RSS and V8 heap every 1,000 pages:
// memory must stay flat (no per-page state kept across pages).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/article/index.js';
import { decodeHtml } from '../src/article/decode.js';
import { defaultBlockModel } from '../src/article/blockmodel.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, '..', 'shared', 'news', 'naeb', 'html');

const args = process.argv.slice(2);
const opt = (k: string, d: number) => { const i = args.indexOf(k); return i >= 0 ? Number(args[i + 1]) : d; };
const RUNS = opt('--runs', 3);
const LONG = opt('--long', 10000);
// --baseline 1: also time Readability alone over linkedom (one run), the extractor we replace.
const BASELINE = opt('--baseline', 0);
// --block-model 1: extract with the learned block decision (data/article/block-model.json; not on by default).
const MODEL = opt('--block-model', 0) ? defaultBlockModel() : null;

if (!existsSync(DIR)) {
  process.stderr.write(`bench:extract: ${DIR} not found; this benchmark needs the shared news sets next to the project (../shared/news)\n`);
  process.exit(2);
}
const files = readdirSync(DIR).filter((f) => f.endsWith('.html.gz')).sort();
const gz = files.map((f) => readFileSync(join(DIR, f)));
const page = (i: number) => decodeHtml(gunzipSync(gz[i % gz.length]!));
const mb = (n: number) => (n / 1048576).toFixed(0);
const gzBytes = gz.reduce((n, b) => n + b.length, 0);
const N = gz.length;

const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
if (MODEL) console.log('with the learned block decision (--block-model 1)');
console.log(`pages: ${N} NAEB pages, ${mb(gzBytes)} MB gzipped in memory, decoded one at a time`);

// Warm-up (JIT) on a few pages, not timed.
for (let i = 0; i < 20; i++) extractArticle(page(i), null, { blockModel: MODEL });

/** Extracts pages [0, n): wall and CPU seconds of extractArticle alone, and of gunzip+decode. */
function timed(n: number, each?: (i: number) => void): { s: number; cs: number; decodeS: number; chars: number } {
  let s = 0, cs = 0, decodeS = 0, chars = 0;
  for (let i = 0; i < n; i++) {
    const d0 = performance.now();
    const html = page(i);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    chars += extractArticle(html, null, { blockModel: MODEL }).body.length;
    const c = process.cpuUsage(c0);
    s += (performance.now() - t0) / 1000;
    decodeS += (t0 - d0) / 1000;
    cs += (c.user + c.system) / 1e6;
    each?.(i);
  }
  return { s, cs, decodeS, chars };
}

// Wall-clock rate, and the rate per CPU-second of this process (user+system): on a shared machine
// the latter is the one-core figure, the former what you saw.
const rates: number[] = [];
const cpuRates: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const { s, cs, decodeS, chars } = timed(N);
  rates.push(N / s);
  cpuRates.push(N / cs);
  console.log(`run ${r + 1}: ${N} pages in ${s.toFixed(2)} s wall = ${(N / s).toFixed(1)} pages/s; ${cs.toFixed(2)} CPU-s = ${(N / cs).toFixed(1)} pages/CPU-s (${mb(chars)} M body chars; gunzip+decode ${decodeS.toFixed(2)} s apart)`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (RUNS > 0) console.log(`median of ${RUNS}: ${median(rates).toFixed(1)} pages/s wall, ${median(cpuRates).toFixed(1)} pages per CPU-second; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);

if (BASELINE > 0) {
  let s = 0, cs = 0;
  for (let i = 0; i < N; i++) {
    const html = page(i);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    new Readability(parseHTML(html).document as unknown as Document).parse();
    const c = process.cpuUsage(c0);
    s += (performance.now() - t0) / 1000;
    cs += (c.user + c.system) / 1e6;
  }
  console.log(`baseline (Readability alone over linkedom): ${N} pages in ${s.toFixed(2)} s wall = ${(N / s).toFixed(1)} pages/s; ${(N / cs).toFixed(1)} pages/CPU-s`);
}

if (LONG > 0) {
  const t0 = performance.now();
  const samples: string[] = [];
  const { s, cs } = timed(LONG, (i) => {
    if ((i + 1) % 1000 !== 0) return;
    const m = process.memoryUsage();
    samples.push(`${i + 1}:${mb(m.rss)}/${mb(m.heapUsed)}`);
    process.stderr.write(`  ${i + 1} pages, ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} MB\n`);
  });
  console.log(`long run: ${LONG} pages, extractArticle ${s.toFixed(1)} s wall = ${(LONG / s).toFixed(1)} pages/s, ${(LONG / cs).toFixed(1)} pages/CPU-s; RSS/heap-used MB by pages done ${samples.join(' ')}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}
console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other processes share these cores)`);
