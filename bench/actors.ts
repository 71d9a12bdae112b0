// Actor recognition throughput: mentions/s of the recogniser alone (KB loaded once, sentences split
// beforehand), per CPU-second and per wall-second, median of --runs runs, over two text sets:
//   news   the first --limit articles of ../shared/news/corpus (long real news, few actors per word)
//   re3d   the re3d conflict-reporting texts of ../shared/gold/re3d (short, dense in actors)
//
//   npm run bench:actors [-- --runs 5 --limit 300 --only news|re3d]
//
// CPU time is the figure to compare: the machine is shared, and wall time also measures the
// neighbours. Issue 3's floor: recognition must not be the slow stage (≥ 20k mentions/CPU-s).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadKB, recognizeActors } from '../src/actors/index.js';
import { splitSentences } from '../src/text/sentences.js';
import type { SentencedDoc } from '../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared');
const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const RUNS = Math.max(1, Number(opt('runs', '5')));
const LIMIT = Math.max(1, Number(opt('limit', '300')));
const ONLY = opt('only', '');

const jsonl = (p: string) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
function mkDoc(text: string, refDate: string | null): SentencedDoc {
  return {
    id: 'bench', text, refDate, messages: [], english: true, sentences: splitSentences(text),
    article: { id: 'bench', url: null, canonical_url: null, title: null, published: refDate, modified: null, authors: [], site: null, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [] },
  };
}

function newsDocs(): SentencedDoc[] | null {
  const dir = join(SHARED, 'news', 'corpus');
  if (!existsSync(dir)) return null;
  const out: SentencedDoc[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const r of jsonl(join(dir, f))) {
      if (out.length >= LIMIT) return out;
      out.push(mkDoc(String(r.text ?? r.body ?? ''), r.date ? String(r.date).slice(0, 10) : null));
    }
  }
  return out;
}
function re3dDocs(): SentencedDoc[] | null {
  const file = join(SHARED, 'gold', 're3d', 're3d.jsonl');
  return existsSync(file) ? jsonl(file).map((d) => mkDoc(d.text, '2017-01-01')) : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = loadKB();
const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

const summary: string[] = [];
for (const [name, load] of [['news', newsDocs], ['re3d', re3dDocs]] as const) {
  if (ONLY && ONLY !== name) continue;
  const docs = load();
  if (!docs) { console.log(`${name}: texts not found under ${SHARED}; skipped`); continue; }
  const chars = docs.reduce((a, d) => a + d.text.length, 0);
  // warm-up (not measured): the JIT needs a few passes before the rates settle (measured: the first
  // pass over the news set ran at a quarter of the later ones)
  const w0 = process.cpuUsage();
  do { for (const d of docs) recognizeActors({ ...d, messages: [] }, kb); }
  while ((process.cpuUsage(w0).user + process.cpuUsage(w0).system) / 1e6 < 1);
  const cpuRates: number[] = [], wallRates: number[] = [], docRates: number[] = [];
  let mentions = 0;
  for (let r = 0; r < RUNS; r++) {
    // at least ~0.5 CPU-s per run, so short sets are timed over several passes
    let n = 0, passes = 0;
    const c0 = process.cpuUsage(), t0 = performance.now();
    const cpuS = () => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; };
    do {
      for (const d of docs) n += recognizeActors({ ...d, messages: [] }, kb).length;
      passes++;
    } while (cpuS() < 0.5);
    const s = cpuS(), w = (performance.now() - t0) / 1000;
    mentions = n / passes;
    cpuRates.push(n / s); wallRates.push(n / w); docRates.push((docs.length * passes) / s);
    console.log(`${name} run ${r + 1}: ${passes} pass(es) over ${docs.length} texts, ${n} mentions in ${s.toFixed(2)} CPU-s / ${w.toFixed(2)} s wall = ${Math.round(n / s)} mentions/CPU-s, ${Math.round(n / w)} mentions/s wall`);
  }
  const line = `${name} (${docs.length} texts, ${(chars / 1e6).toFixed(2)} M chars, ${Math.round(mentions)} mentions): median of ${RUNS} runs ${Math.round(median(cpuRates))} mentions/CPU-s, ${Math.round(median(wallRates))} mentions/s wall, ${Math.round(median(docRates))} texts/CPU-s, ${((median(docRates) * chars) / docs.length / 1e6).toFixed(2)} MB/CPU-s`;
  summary.push(line);
  console.log(line);
}
console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other processes share these cores)`);
console.log('\nSummary (bench:actors, recogniser only):\n' + summary.map((s) => `- ${s}`).join('\n'));
