// npm run bench:scale [-- --runs 3 --limit 3000 --warm 5000 --stream 100000 --pg postgres://... --skip machine,text,html,memory,queue --node-flags "..." --modes hybrid,threads --variants "heap=128,young=16;heap=128,young=48" --window 500]
//
// 1. text → stored events over ../shared/news/corpus with 1 and 2 worker threads (scaling efficiency)
// 2. HTML pages end to end (extraction + coding + store) over ../shared/news/naeb
// 3. peak RSS over a long stream (the corpus repeated, each copy made distinct), sampled every 0.5 s
// 4. PostgreSQL queue: items/s through enqueue + 2 worker processes (when --pg or ENTENTE_TEST_PG is given)
// 5. the machine: how far plain JavaScript kernels scale from 1 to 2 threads here (--skip machine)
// Medians of --runs runs; the machine is printed with the figures. --warm N: articles each coding
// thread codes (through a scratch store) before the timed run, so 2 workers warm up on 2N.
// --modes: the 2-worker pool modes timed (pool.ts: hybrid = 1 worker thread + this thread coding,
// threads = 2 worker threads); each run prints articles/s and per CPU-second by window of --window
// articles (warm-up and timed), so a steady state is seen, not assumed.
// Every configuration's process gets the node flags `entente ingest` gets from bin/entente
// (src/scale/launch.ts: the main isolate's heap caps; ENTENTE_NODE_FLAGS as for the product).
// --variants keys: heap=, young=, tasks=, batch=, inflight=, ahead=, slice=, bgckpt=, walpages=, node=<extra flags>,
// launch=<flags instead of the product's; empty = none>, workers=1 (a 1-worker configuration),
// mode=<hybrid|threads> (only in that one of --modes), e.g.
// --modes threads,hybrid --variants "tasks=8;mode=hybrid,tasks=16;workers=1,launch="
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createCoder, poolMode, workerHeapMb, workerYoungMb, type PoolMode } from '../src/scale/pool.js';
import { ingestStream } from '../src/scale/ingest.js';
import { openStore } from '../src/store/index.js';
import type { SourceItem } from '../src/sources/index.js';
import type { RawDocument } from '../src/types.js';
import { statCpuMs } from './proc-cpu.js';
import { mainIsolateFlags } from '../src/scale/launch.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const RUNS = Number(arg('runs', '3'));
const LIMIT = Number(arg('limit', '3000'));
const WARM = Number(arg('warm', '5000'));
const STREAM = Number(arg('stream', '100000'));
const PG = arg('pg', process.env.ENTENTE_TEST_PG ?? '');
const SKIP = new Set(arg('skip', '').split(',').filter(Boolean));
// extra node flags for the CLI child of the memory run (A/B experiments), e.g. --node-flags "--max-old-space-size=96"
const NODE_FLAGS = arg('node-flags', '').split(' ').filter(Boolean);
// pool modes timed with 2 workers, interleaved run by run (src/scale/pool.ts PoolMode): default the product's
// (--modes none: no 2-worker configuration, e.g. to compare 1-worker variants only)
const MODES = arg('modes', poolMode()).split(',').filter((m) => m && m !== 'none') as PoolMode[];
// articles per window of the per-window rates (warm-up windows are twice as long)
const WINDOW = Number(arg('window', '500'));
// 2-worker pool settings timed side by side, interleaved with the 1-worker run in every run (A/B of
// the worker heap): ';'-separated variants of comma-separated heap=<MB>,young=<MB>, e.g.
// --variants "heap=128,young=16;heap=128,young=48". Default: one variant, the product's settings.
/** 2-worker pool and ingest settings of one configuration (undefined = the product's default). */
type PoolSpec = { heapMb?: number; youngMb?: number; tasksPerWorker?: number; batchSize?: number; inFlight?: number; ahead?: number; storeSlice?: number; bgCheckpoints?: boolean };
type Variant = PoolSpec & { nodeFlags?: string[]; launchFlags?: string[]; workers?: number; mode?: PoolMode; walPages?: number; label: string };
/** what a --child process is told to time */
type ChildSpec = PoolSpec & { workers: number; mode: PoolMode };
const VARIANTS: Variant[] = arg('variants', '').split(';').filter(Boolean).map((v) => {
  const o: Variant = { label: v };
  for (const kv of v.split(',')) {
    const i = kv.indexOf('=');
    const k = kv.slice(0, i), val = kv.slice(i + 1);
    if (k === 'heap') o.heapMb = Number(val);
    else if (k === 'young') o.youngMb = Number(val);
    else if (k === 'tasks') o.tasksPerWorker = Number(val);
    // documents per store transaction in ingest (src/scale/ingest.ts batchSize; `entente ingest --batch`)
    else if (k === 'batch') o.batchSize = Number(val);
    // documents in flight and coded documents waiting for an earlier one (ingest's inFlight / ahead)
    else if (k === 'inflight') o.inFlight = Number(val);
    else if (k === 'ahead') o.ahead = Number(val);
    // documents a store batch writes between two turns of the event loop (ingest's storeSlice; 0 = in one go)
    else if (k === 'slice') o.storeSlice = Number(val);
    // WAL checkpoints on a worker thread (1) or inside the main thread's COMMITs (0) (ingest's backgroundCheckpoints)
    else if (k === 'bgckpt') o.bgCheckpoints = val === '1';
    // SQLite's wal_autocheckpoint in pages (ENTENTE_SQLITE_WAL_PAGES in this configuration's process)
    else if (k === 'walpages') o.walPages = Number(val);
    // node/V8 flags of this variant's process (process-wide flags, so --fresh only)
    else if (k === 'node') o.nodeFlags = val.split(' ').filter(Boolean);
    // the main isolate's flags in place of the product's (bin/entente's, launch.ts): `launch=` = none
    else if (k === 'launch') o.launchFlags = val.split(' ').filter(Boolean);
    // workers=1: a 1-worker configuration with this variant's flags (e.g. launch= : is the 1-worker rate lowered by the caps?)
    else if (k === 'workers') o.workers = Number(val);
    // this variant in this pool mode only (not in each of --modes)
    else if (k === 'mode') o.mode = poolMode({ ENTENTE_POOL_MODE: val });
    else throw new Error(`--variants: unknown setting ${k} (give heap=<MB>,young=<MB>,tasks=<n>,batch=<n>,inflight=<n>,ahead=<n>,slice=<n>,bgckpt=<0|1>,walpages=<n>,node=<flags>,launch=<flags>,workers=<n>,mode=<hybrid|threads>)`);
  }
  return o;
});
// Each configuration of each run in its own node process (default; --in-process: all in this one).
// Why: coding in this thread (the 1-worker run) loads the pipeline's modules, whose data (KB,
// lexicons, NLP model: ~65 MB) a process cannot unload, so in one process every later 2-worker run's
// main thread carries a heap the product's main thread (which only dispatches and stores) never
// has, and ingest's heap guard marks it at each full collection. Fresh processes also keep a
// variant's process-wide V8 flags (node=...) away from the other configurations.
const FRESH = !args.includes('--in-process');
// set in a child process: the one configuration it times
const CHILD = arg('child', '');
const SHARED = join(import.meta.dirname, '..', '..', 'shared');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function corpus(): RawDocument[] {
  const dir = join(SHARED, 'news', 'corpus');
  const out: RawDocument[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; text: string; date?: string; title?: string; url?: string };
      out.push({ id: r.id, kind: 'text', origin: `${f}:${r.id}`, content: r.text, url: r.url ?? null, hints: { published: r.date ?? null, title: r.title ?? null } });
    }
  }
  return out.slice(0, LIMIT);
}

function naeb(): RawDocument[] {
  const dir = join(SHARED, 'news', 'naeb');
  const gt = readFileSync(join(dir, 'ground-truth.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; url: string; html_available?: boolean })
    // a few ground-truth records have no page in the set
    .filter((g) => g.html_available !== false && existsSync(join(dir, 'html', `${g.id}.html.gz`)));
  return gt.map((g) => ({ id: g.id, kind: 'html' as const, origin: g.id, url: g.url, content: gunzipSync(readFileSync(join(dir, 'html', `${g.id}.html.gz`))).toString('utf8') }));
}

async function* asItems(docs: Iterable<RawDocument>): AsyncGenerator<SourceItem> {
  for (const doc of docs) yield { ok: true, doc };
}

/** CPU time of the calling thread alone (ms): utime + stime of /proc/thread-self, in 10 ms ticks. */
const threadCpuMs = (): number => statCpuMs('/proc/thread-self/stat');

/** CPU (ms) of every thread of this process, by thread id (/proc/self/task; Node does not name its threads). */
function taskCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of readdirSync('/proc/self/task')) {
    try {
      out.set(Number(t), statCpuMs(`/proc/self/task/${t}/stat`));
    } catch { /* exited */ }
  }
  return out;
}

interface Timed { workerIdle: string; rate: number; events: number; cpuRate: number; mainBusy: number; mainCpuMs: number; coderCpuMs: number; otherCpuMs: number; threads: number; warmWindows: string; windows: string }

/**
 * Articles/s and articles per CPU-second (whole process) over each window of `size` stored
 * articles: whether a run is in its steady state is measured, not assumed (a warm-up that is
 * too short shows as rising windows).
 */
function windowed(size: number): { tick: () => void; report: () => string } {
  const out: string[] = [];
  let n = 0;
  let t = performance.now();
  let c = process.cpuUsage();
  return {
    tick: () => {
      if (++n % size) return;
      const now = performance.now();
      const cu = process.cpuUsage(c);
      out.push(`${(size / ((now - t) / 1000)).toFixed(0)}/${(size / ((cu.user + cu.system) / 1e6)).toFixed(0)}`);
      t = now;
      c = process.cpuUsage();
    },
    report: () => out.join(' '),
  };
}

async function timedIngest(docs: Iterable<RawDocument>, workers: number, n: number, mode: PoolMode = poolMode(), heap: PoolSpec = {}): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
  const { heapMb, youngMb, tasksPerWorker, batchSize, inFlight, ahead, storeSlice, bgCheckpoints: backgroundCheckpoints } = heap;
  const coder = createCoder({ workers, mode, heapMb, youngMb, tasksPerWorker });
  const threads = coder.threads ?? workers;
  // load the pipeline in every worker (model + KB) outside the timing
  await Promise.all(Array.from({ length: workers }, (_, i) => coder.code({ id: `w${i}`, kind: 'text', origin: 'warmup', content: 'Russia and China signed an agreement on Monday.' })));
  // Steady state (--warm N, default 5000 articles PER CODING THREAD): an archive run is long, and
  // the first few thousand articles an isolate codes are JIT warm-up, most of it V8's background
  // compiler (CPU outside the coding threads, per article: 1 thread 0.75-1.76 ms after 2,500,
  // 0.36 ms after 5,000; 2 workers 2.29 ms after 2,500 each, 1.09 after 5,000; session 5, load ~15).
  // Each isolate compiles for itself, so a pool of 2 needs twice the articles to be
  // as warm as one thread: giving both configurations the same total (session 4) timed the pool
  // in its warm-up. The warm-up is a whole ingest into a scratch store, so the main thread's store
  // path and the workers' prepare path are warm too.
  const list = [...docs];
  const warmStore = await openStore(join(dir, 'warm.db'));
  let k = 0;
  async function* warmItems(): AsyncGenerator<SourceItem> {
    for (; k < WARM * workers; k++) {
      const d = list[k % list.length]!;
      // each pass over the list is a distinct document for the store (it would skip a repeat)
      yield { ok: true, doc: { ...d, id: `${d.id}~${k}`, origin: `${d.origin}~${k}`, content: `${d.content}\n\n(warm-up ${Math.floor(k / list.length)})` } };
    }
  }
  const ww = windowed(WINDOW * 2);
  await ingestStream(warmItems(), { store: warmStore, coder, onItem: ww.tick, batchSize, inFlight, ahead, storeSlice, backgroundCheckpoints });
  await warmStore.close();
  const store = await openStore(join(dir, 'b.db'));
  const t0 = performance.now();
  // CPU of the whole process (main thread + workers + V8's GC threads): on a shared machine wall
  // time counts other processes' work, CPU time does not. ELU = how busy the main thread was.
  const c0 = process.cpuUsage();
  const e0 = performance.eventLoopUtilization();
  // the main thread's own CPU (store writes, receiving results): ELU counts wall time, and on a
  // loaded machine a runnable but descheduled thread looks busy
  const m0 = threadCpuMs();
  const tasks0 = taskCpuMs();
  // the worker threads' time in tasks: the rest of the elapsed time they waited for work (or for
  // this thread to take a result: cloning in and out is outside the tasks)
  const b0 = coder.workerBusyMs?.() ?? [];
  const h0 = coder.codedHere?.() ?? 0;
  const tw = windowed(WINDOW);
  const r = await ingestStream(asItems(list), { store, coder, onItem: tw.tick, batchSize, inFlight, ahead, storeSlice, backgroundCheckpoints });
  const tasks1 = taskCpuMs();
  const elapsed = performance.now() - t0;
  const workerIdle = (coder.workerBusyMs?.() ?? []).map((b, i) => `${(100 * (1 - (b - (b0[i] ?? 0)) / elapsed)).toFixed(1)}%`).join(' / ')
    // hybrid: the share of the timed articles the main thread coded itself
    + (coder.codedHere ? `; main thread coded ${(100 * (coder.codedHere() - h0) / n).toFixed(1)}%` : '');
  const mainCpuMs = (threadCpuMs() - m0) / n;
  const secs = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const elu = performance.eventLoopUtilization(e0);
  // where the CPU went: the main thread, the coding threads (the `workers` busiest other threads:
  // Node leaves its threads unnamed) and the rest (V8's GC and compiler helpers, libuv)
  const deltas = [...tasks1].filter(([t]) => t !== process.pid).map(([t, ms]) => ms - (tasks0.get(t) ?? 0)).sort((a, b) => b - a);
  const coderCpuMs = deltas.slice(0, threads).reduce((a, b) => a + b, 0) / n;
  const otherCpuMs = deltas.slice(threads).reduce((a, b) => a + b, 0) / n;
  await coder.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { workerIdle, rate: n / secs, events: r.events, cpuRate: n / ((cu.user + cu.system) / 1e6), mainBusy: elu.utilization, mainCpuMs, coderCpuMs, otherCpuMs, threads, warmWindows: ww.report(), windows: tw.report() };
}

/** The process and all its descendants (the CLI may re-exec node or start helper processes). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the last ')'
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch { /* gone */ }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/** RSS (bytes) and CPU seconds (user + system, all threads) of a process tree, from /proc; null once it has exited. */
function treeUsage(pid: number): { rss: number; cpu: number } | null {
  let rss = 0, cpu = 0, seen = 0;
  for (const p of descendants(pid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      const ms = statCpuMs(`/proc/${p}/stat`); // a process's stat: the same fields, all its threads
      if (m) rss += Number(m[1]) * 1024;
      cpu += ms / 1000;
      seen++;
    } catch { /* exited */ }
  }
  return seen ? { rss, cpu } : null;
}

// ------------------------------------------------------------------ the machine
// How far this machine scales different kinds of JavaScript work from 1 to 2 threads, for reading
// the pipeline's scaling efficiency (above): each kernel runs once in one worker thread,
// then twice at once in two; scaling = 2 × t(1 thread) / t(2 threads) (2.00 = perfect).
//   arith    integer arithmetic, no memory traffic
//   l2       random reads over a 512 KB typed array (fits a core's L2)
//   dram     random reads over a 256 MB typed array (misses every cache)
//   alloc    short-lived objects and strings, as coding allocates (young-generation GC)
//   retain   objects that survive a while (promotion + old-generation GC), like documents in flight
// Each thread's CPU time is measured too, so a shared machine (other jobs) shows as wall > CPU.
const KERNELS: Record<string, string> = {
  arith: `let x = 1; for (let i = 0; i < 4e8; i++) x = (x * 31 + i) | 0; r = x;`,
  l2: `const a = new Int32Array(131072).fill(1); let s = 0, j = 1; for (let i = 0; i < 2e8; i++) { j = (j * 1103515245 + 12345) & 131071; s += a[j]; } r = s;`,
  dram: `const a = new Int32Array(67108864).fill(1); let s = 0, j = 1; for (let i = 0; i < 3e7; i++) { j = (j * 1103515245 + 12345) & 67108863; s += a[j]; } r = s;`,
  alloc: `let n = 0; for (let i = 0; i < 6e7; i++) { const o = { i, s: 'w' + (i % 1000), span: [i, i + 3], tags: ['NN', 'VB'] }; n += o.s.length + o.span[1] - o.span[0] + o.tags.length; } r = n;`,
  retain: `const ring = new Array(50000); let n = 0; for (let i = 0; i < 3e6; i++) { ring[i % 50000] = { i, s: 'w' + i, span: [i, i + 1] }; n += ring[(i * 7) % 50000]?.span[0] ?? 0; } r = n;`,
};

function runIn(threads: number, body: string): Promise<{ wall: number; cpu: number; procCpu: number }> {
  // CPU of this thread alone (process.cpuUsage counts every thread): utime + stime of /proc/thread-self, in 10 ms ticks
  const src = `const { parentPort } = require('node:worker_threads'); const fs = require('node:fs');
    const cpu = () => { const f = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
    parentPort.once('message', () => { const c0 = cpu(); const t0 = performance.now(); let r; ${body}
      parentPort.postMessage({ wall: performance.now() - t0, cpu: cpu() - c0, r }); });`;
  return new Promise((resolve, reject) => {
    const ws = Array.from({ length: threads }, () => new Worker(src, { eval: true }));
    let ready = 0;
    const t0 = performance.now();
    // the whole process, V8's GC helper threads included (start-up of the threads too: small)
    const c0 = process.cpuUsage();
    const out: Array<{ cpu: number }> = [];
    for (const w of ws) {
      w.on('error', reject);
      w.on('online', () => {
        if (++ready === threads) for (const x of ws) x.postMessage('go');
      });
      w.on('message', (m: { cpu: number }) => {
        out.push(m);
        void w.terminate();
        if (out.length === threads) {
          const cu = process.cpuUsage(c0);
          resolve({ wall: performance.now() - t0, cpu: out.reduce((a, b) => a + b.cpu, 0), procCpu: (cu.user + cu.system) / 1000 });
        }
      });
    }
  });
}

export async function machineScaling(runs = 3, log: (s: string) => void = console.log): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [name, body] of Object.entries(KERNELS)) {
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    const walls: string[] = [];
    for (let i = 0; i < runs; i++) {
      // interleaved, so a change in the machine's load hits both
      const one = await runIn(1, body);
      const two = await runIn(2, body);
      ratios.push((2 * one.wall) / two.wall);
      cpuRatios.push((2 * one.procCpu) / two.procCpu);
      walls.push(`${one.wall.toFixed(0)}/${two.wall.toFixed(0)} ms, CPU of the kernel threads ${one.cpu.toFixed(0)}/${two.cpu.toFixed(0)}, of the process ${one.procCpu.toFixed(0)}/${two.procCpu.toFixed(0)}`);
    }
    const med = median(ratios);
    result[name] = med;
    // the CPU ratio is what contention costs (2 threads needing more CPU for the same work) and
    // holds on a busy machine; the wall ratio is the scaling itself, meaningful only on a quiet one
    result[`${name}/cpu`] = median(cpuRatios);
    log(`  ${name.padEnd(7)} scaling ${med.toFixed(2)}, process CPU per unit of work 1 thread ÷ 2 threads ${median(cpuRatios).toFixed(2)} (1 thread / 2 threads: wall ${walls.join('; ')})`);
  }
  return result;
}


function* repeated(docs: RawDocument[], total: number): Generator<RawDocument> {
  for (let i = 0; i < total; i++) {
    const d = docs[i % docs.length]!;
    const copy = Math.floor(i / docs.length);
    // each copy differs (id and a marker line) so the store really stores it
    yield { ...d, id: `${d.id}#${copy}`, origin: `${d.origin}#${copy}`, url: d.url ? `${d.url}#copy${copy}` : null, content: copy ? `${d.content}\n\n(copy ${copy})` : d.content };
  }
}

/** Times one configuration in a fresh node process (this script with --child): see FRESH. */
function timedInChild(workers: number, mode: PoolMode, v: Variant | undefined): Promise<Timed> {
  const spec = JSON.stringify({ workers, mode, heapMb: v?.heapMb, youngMb: v?.youngMb, tasksPerWorker: v?.tasksPerWorker, batchSize: v?.batchSize, inFlight: v?.inFlight, ahead: v?.ahead, storeSlice: v?.storeSlice, bgCheckpoints: v?.bgCheckpoints } satisfies ChildSpec);
  // this process's node flags (--import tsx, and e.g. --trace-gc), the flags `entente ingest` gets
  // from bin/entente for every worker count (launch.ts: the main isolate's heap caps; ENTENTE_NODE_FLAGS
  // as for the product), then the variant's
  const child = spawn(process.execPath, [...process.execArgv, ...(v?.launchFlags ?? mainIsolateFlags()), ...(v?.nodeFlags ?? []), process.argv[1]!, ...args, '--child', spec], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...(v?.walPages ? { ENTENTE_SQLITE_WAL_PAGES: String(v.walPages) } : {}) } });
  let result: Timed | null = null;
  let rest = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    const lines = (rest + d).split('\n');
    rest = lines.pop()!;
    for (const l of lines) {
      if (l.startsWith('@@timed ')) result = JSON.parse(l.slice(8)) as Timed;
      else console.log(l);
    }
  });
  return new Promise((resolve, reject) => child.on('close', (code) => (result ? resolve(result) : reject(new Error(`bench child (${spec}) exited ${code} without a result`)))));
}

async function main(): Promise<void> {
  if (CHILD) {
    const c = JSON.parse(CHILD) as ChildSpec;
    const texts = corpus();
    const r = await timedIngest(texts, c.workers, texts.length, c.mode, c);
    console.log(`@@timed ${JSON.stringify(r)}`);
    return;
  }
  const cpu = cpus();
  console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const texts = corpus();
  const rows: string[] = [];

  if (!SKIP.has('machine')) {
    console.log(`machine scaling, 1 → 2 threads (median of ${RUNS}, load ${loadavg()[0]!.toFixed(1)}):`);
    const m = await machineScaling(RUNS);
    rows.push(`machine, 1 → 2 threads: ${Object.entries(m).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')} (2.00 = perfect; x/cpu: CPU per unit of work, 1 thread ÷ 2 threads, 1.00 = no contention)`);
  }

  if (!SKIP.has('text')) {
    // configurations, interleaved within each run so a change in the machine's load hits all
    const configs: Array<{ label: string; workers: number; mode: PoolMode; v?: Variant }> = [
      { label: '1 worker', workers: 1, mode: 'threads' },
      ...VARIANTS.filter((v) => v.workers === 1).map((v) => ({ label: `1 worker (${v.label})`, workers: 1, mode: 'threads' as PoolMode, v })),
      ...MODES.flatMap((mode) => (VARIANTS.some((v) => v.workers !== 1) ? VARIANTS.filter((v) => v.workers !== 1) : [undefined]).filter((v) => !v?.mode || v.mode === mode).map((v) => ({ label: `2 workers (${mode}${v ? `, ${v.label}` : ''})`, workers: 2, mode, v }))),
    ];
    if (!FRESH && VARIANTS.some((v) => v.nodeFlags || v.launchFlags || v.walPages)) throw new Error('--variants node=/launch=/walpages=: process-wide settings need a process per configuration (drop --in-process)');
    console.log(`text → stored events: ${FRESH ? `each configuration in a fresh node process, node flags as \`entente ingest\` gets them: ${mainIsolateFlags().join(' ') || 'none'}` : 'all configurations in this process (--in-process; without the product\'s node flags)'} (load ${loadavg()[0]!.toFixed(1)})`);
    const rates = new Map<string, number[]>(configs.map((c) => [c.label, []]));
    const cpuRates = new Map<string, number[]>(configs.map((c) => [c.label, []]));
    let events = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const c of configs) {
        const r = FRESH ? await timedInChild(c.workers, c.mode, c.v) : await timedIngest(texts, c.workers, texts.length, c.mode, c.v ?? {});
        rates.get(c.label)!.push(r.rate);
        cpuRates.get(c.label)!.push(r.cpuRate);
        events = r.events;
        console.log(`  run ${run + 1}, ${c.label}: ${r.rate.toFixed(1)} articles/s, ${r.cpuRate.toFixed(1)} per CPU-second, main thread busy ${(r.mainBusy * 100).toFixed(0)}%; CPU per article: main thread ${r.mainCpuMs.toFixed(2)} ms${r.threads ? `, coding threads (${r.threads}) ${r.coderCpuMs.toFixed(2)} ms` : ''}, other threads (GC/JIT helpers) ${r.otherCpuMs.toFixed(2)} ms${r.workerIdle ? `; worker threads outside tasks ${r.workerIdle}` : ''} (load ${loadavg()[0]!.toFixed(1)})`);
        // articles/s / per CPU-second by window: warm-up windows should have levelled off, timed windows stay level
        console.log(`    warm-up by ${WINDOW * 2}: ${r.warmWindows || '-'}; timed by ${WINDOW}: ${r.windows || '-'}`);
      }
    }
    const m1 = median(rates.get('1 worker')!);
    for (const c of configs.slice(1)) {
      const m2 = median(rates.get(c.label)!);
      if (c.workers === 1) {
        rows.push(`text → stored events, 1 worker: ${m1.toFixed(1)}/s (product flags: ${mainIsolateFlags().join(' ') || 'none'}) vs ${c.label} ${m2.toFixed(1)}/s (ratio ${(m2 / m1).toFixed(2)}); per CPU-second ${median(cpuRates.get('1 worker')!).toFixed(1)} vs ${median(cpuRates.get(c.label)!).toFixed(1)}`);
        console.log(rows.at(-1));
        continue;
      }
      rows.push(`text → stored events, ${texts.length} corpus articles (${events} events) after ${WARM} warm-up articles per coding thread, worker heap cap ${workerHeapMb()} MB, young ${workerYoungMb()} MB unless the label says: 1 worker ${m1.toFixed(1)}/s, ${c.label} ${m2.toFixed(1)}/s, scaling efficiency ${(m2 / (2 * m1)).toFixed(2)}; per CPU-second (whole process) 1 worker ${median(cpuRates.get('1 worker')!).toFixed(1)}, ${c.label} ${median(cpuRates.get(c.label)!).toFixed(1)}`);
      console.log(rows.at(-1));
    }
  }

  if (!SKIP.has('html')) {
    const pages = naeb();
    const rates: number[] = [];
    for (let run = 0; run < RUNS; run++) rates.push((await timedIngest(pages, 2, pages.length)).rate);
    rows.push(`HTML pages end to end (extract + code + store), ${pages.length} naeb pages, 2 workers: ${median(rates).toFixed(1)} pages/s`);
    console.log(rows.at(-1));
  }

  if (!SKIP.has('memory')) {
    // The real product path: the built CLI (`bin/entente ingest -`, 2 worker threads) reading a
    // JSONL stream on stdin; RSS of the whole process (main thread + workers) from /proc.
    const bin = join(import.meta.dirname, '..', 'bin', 'entente');
    const dir = mkdtempSync(join(tmpdir(), 'entente-bm-'));
    // Started as the installed command starts: bin/entente run as an executable, whose shell line
    // exec's node with the main isolate's caps for ingest (launch.ts; one process). --node-flags come
    // after those caps through ENTENTE_NODE_FLAGS (V8 takes the last value of a flag).
    const launch = [...mainIsolateFlags(), ...NODE_FLAGS];
    const child = spawn(bin, ['ingest', '-', '--db', join(dir, 'm.db'), '--workers', '2'], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, ENTENTE_NODE_FLAGS: launch.join(' '), PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` } });
    let errText = '';
    child.stderr!.on('data', (d) => (errText = (errText + d).slice(-2000)));
    const samples: Array<{ t: number; rss: number; cpu: number }> = [];
    const t0 = performance.now();
    const timer = setInterval(() => {
      const s = treeUsage(child.pid!);
      if (s) samples.push({ t: performance.now() - t0, ...s });
    }, 500);
    const closed = new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    for (const d of repeated(texts, STREAM)) {
      const line = JSON.stringify({ id: d.id, text: d.content, date: d.hints?.published, title: d.hints?.title, url: d.url }) + '\n';
      if (!child.stdin!.write(line)) await new Promise((r) => child.stdin!.once('drain', r));
    }
    child.stdin!.end();
    const code = await closed;
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
    const secs = (performance.now() - t0) / 1000;
    const at = (f: number) => ((samples[Math.min(samples.length - 1, Math.floor(samples.length * f))]?.rss ?? 0) / 2 ** 20).toFixed(0);
    const peak = Math.max(...samples.map((x) => x.rss)) / 2 ** 20;
    const cpuSecs = samples.at(-1)?.cpu ?? NaN;
    rows.push(`stream of ${STREAM} articles on stdin (corpus repeated) into \`entente ingest -\` (node ${launch.join(' ') || 'without flags'}), pool mode ${poolMode()}, 2 workers: ${(STREAM / secs).toFixed(1)} articles/s, ${(STREAM / cpuSecs).toFixed(1)} per CPU-second (process tree, to the last sample), peak RSS of the process tree ${peak.toFixed(0)} MB; RSS at 10% / 50% / 90% of the run: ${at(0.1)} / ${at(0.5)} / ${at(0.9)} MB (${secs.toFixed(0)} s, exit ${code}, load ${loadavg()[0]!.toFixed(1)})`);
    // the trend: RSS at each tenth of the run (a leak shows as a steady climb, not a plateau)
    console.log(`  RSS by tenth of the run (MB): ${[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map(at).join(' ')}`);
    if (code !== 0) console.error(errText);
    console.log(rows.at(-1));
  }

  if (!SKIP.has('queue') && PG) {
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    const name = `entente_bench_${process.pid}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const db = PG.replace(/\/[^/]*$/, `/${name}`);
    const dir = mkdtempSync(join(tmpdir(), 'entente-bq-'));
    const file = join(dir, 'q.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, texts.map((d) => JSON.stringify({ id: d.id, text: d.content, date: d.hints?.published, title: d.hints?.title })).join('\n') + '\n');
    const cli = join(import.meta.dirname, '..', 'scripts', 'dev-cli.ts');
    const run = (a: string[]) => new Promise<number>((resolve) => spawn(process.execPath, ['--import', 'tsx', cli, ...a], { stdio: ['ignore', 'ignore', 'inherit'] }).on('close', (c) => resolve(c ?? 1)));
    let t0 = performance.now();
    await run(['enqueue', file, '--db', db]);
    const enqueueRate = texts.length / ((performance.now() - t0) / 1000);
    t0 = performance.now();
    await Promise.all([0, 1].map((i) => run(['worker', '--db', db, '--workers', '1', '--exit-when-empty', '--name', `bench${i}`])));
    const rate = texts.length / ((performance.now() - t0) / 1000);
    rows.push(`PostgreSQL queue: enqueue ${enqueueRate.toFixed(0)} items/s; 2 worker processes (1 thread each) code + store ${rate.toFixed(1)} items/s (incl. process start-up)`);
    console.log(rows.at(-1));
    const admin2 = new pg.Client({ connectionString: PG });
    await admin2.connect();
    await admin2.query(`DROP DATABASE ${name}`);
    await admin2.end();
  }
  console.log('\nSummary:\n' + rows.map((r) => `- ${r}`).join('\n'));
}

await main();
