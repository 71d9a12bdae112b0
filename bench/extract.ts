// Article-extraction throughput: pages/s on one core (one process, sequential) and peak RSS, over
// the NAEB pages in ../shared/news/naeb (decoded once up front; the timed loop is extractArticle).
//
//   npm run bench:extract                 # 3 timed runs over the 421 pages + a 10,000-page run
//   npm run bench:extract -- --runs 5 --long 0 --baseline 1
//
// The long run repeats the set until 10,000 pages and prints RSS every 1,000 pages: memory must stay
// flat (no per-page state kept across pages).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/article/index.js';
import { decodeHtml } from '../src/article/decode.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, '..', 'shared', 'news', 'naeb', 'html');

const args = process.argv.slice(2);
const opt = (k: string, d: number) => { const i = args.indexOf(k); return i >= 0 ? Number(args[i + 1]) : d; };
const RUNS = opt('--runs', 3);
const LONG = opt('--long', 10000);
// --baseline 1: also time Readability alone over linkedom (one run), the extractor we replace.
const BASELINE = opt('--baseline', 0);

if (!existsSync(DIR)) {
  process.stderr.write(`bench:extract: ${DIR} not found; this benchmark needs the shared news sets next to the project (../shared/news)\n`);
  process.exit(2);
}
const files = readdirSync(DIR).filter((f) => f.endsWith('.html.gz')).sort();
const pages = files.map((f) => decodeHtml(gunzipSync(readFileSync(join(DIR, f)))));
const mb = (n: number) => (n / 1048576).toFixed(0);
const bytes = pages.reduce((n, p) => n + p.length, 0);

const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`pages: ${pages.length} NAEB pages, ${mb(bytes)} M characters decoded`);

// Warm-up (JIT) on a few pages, not timed.
for (const p of pages.slice(0, 20)) extractArticle(p, null);

// Wall-clock rate, and the rate per CPU-second of this process (user+system): on a shared machine
// the latter is the one-core figure, the former what you saw.
const rates: number[] = [];
const cpuRates: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let chars = 0;
  for (const p of pages) chars += extractArticle(p, null).body.length;
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cs = (c.user + c.system) / 1e6;
  rates.push(pages.length / s);
  cpuRates.push(pages.length / cs);
  console.log(`run ${r + 1}: ${pages.length} pages in ${s.toFixed(2)} s wall = ${(pages.length / s).toFixed(1)} pages/s; ${cs.toFixed(2)} CPU-s = ${(pages.length / cs).toFixed(1)} pages/CPU-s (${mb(chars)} M body chars)`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (RUNS > 0) console.log(`median of ${RUNS}: ${median(rates).toFixed(1)} pages/s wall, ${median(cpuRates).toFixed(1)} pages per CPU-second; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB (incl. ${mb(bytes * 2)} MB of decoded pages held in memory)`);

if (BASELINE > 0) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const p of pages) new Readability(parseHTML(p).document as unknown as Document).parse();
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cs = (c.user + c.system) / 1e6;
  console.log(`baseline (Readability alone over linkedom): ${pages.length} pages in ${s.toFixed(2)} s wall = ${(pages.length / s).toFixed(1)} pages/s; ${(pages.length / cs).toFixed(1)} pages/CPU-s`);
}

if (LONG > 0) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const samples: string[] = [];
  for (let i = 0; i < LONG; i++) {
    extractArticle(pages[i % pages.length]!, null);
    if ((i + 1) % 1000 === 0) {
      samples.push(`${i + 1}:${mb(process.memoryUsage().rss)}`);
      process.stderr.write(`  ${i + 1} pages, ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${mb(process.memoryUsage().rss)} MB\n`);
    }
  }
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cs = (c.user + c.system) / 1e6;
  console.log(`long run: ${LONG} pages in ${s.toFixed(1)} s wall = ${(LONG / s).toFixed(1)} pages/s, ${(LONG / cs).toFixed(1)} pages/CPU-s; RSS MB by pages done ${samples.join(' ')}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}
console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other processes share these cores)`);
