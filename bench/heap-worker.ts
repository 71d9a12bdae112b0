// The worker side of bench/heap.ts: everything measured inside the isolate that codes (see there).
// Loaded with require() from an eval worker (tsx's require hook reaches worker threads, its ESM hooks
// do not), so no top-level await here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PerformanceObserver, constants as perfConstants, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { createPipeline, processRaw } from '../src/pipeline.js';
import { stripTokens } from '../src/scale/strip.js';
import type { RawDocument } from '../src/types.js';

export interface HeapOpts { limit: number; heap: number; snapshot: string | null }

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'news', 'corpus');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function corpus(limit: number): RawDocument[] | null {
  if (!existsSync(CORPUS)) return null;
  const out: RawDocument[] = [];
  for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(CORPUS, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      if (out.length >= limit) return out;
      const r = JSON.parse(line) as { id: string; text: string; url?: string | null; date?: string | null; title?: string | null };
      out.push({ id: r.id, kind: 'text', origin: `${f}:${r.id}`, content: r.text, url: r.url ?? null, hints: { published: r.date ?? null, title: r.title ?? null } });
    }
  }
  return out;
}

type GcKind = 'scavenge' | 'mark-sweep' | 'incremental' | 'weak' | 'other';
function gcKind(k: number | undefined): GcKind {
  if (k === perfConstants.NODE_PERFORMANCE_GC_MINOR) return 'scavenge';
  if (k === perfConstants.NODE_PERFORMANCE_GC_MAJOR) return 'mark-sweep';
  if (k === perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL) return 'incremental';
  if (k === perfConstants.NODE_PERFORMANCE_GC_WEAKCB) return 'weak';
  return 'other';
}

/** `at`: live heap, time and CPU taken before this module (and the pipeline's modules) loaded. */
export function run(o: HeapOpts, at: { live: number; ms: number; cpu: NodeJS.CpuUsage }): void {
  runAsync(o, at).then((out) => parentPort!.postMessage(out), (err) => { throw err; });
}

async function runAsync(o: HeapOpts, at: { live: number; ms: number; cpu: NodeJS.CpuUsage }): Promise<string[]> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const live = () => { gc(); gc(); return v8.getHeapStatistics().used_heap_size; };
  const out: string[] = [];
  const say = (s: string) => out.push(s);
  const p = createPipeline();
  const loadMs = performance.now() - at.ms;
  const loadCpu = process.cpuUsage(at.cpu);
  const l1 = live();
  stripTokens(processRaw({ id: 'warm', kind: 'text', origin: 'warmup', content: 'Russia and China signed an agreement in Moscow on Monday, the foreign minister said.' }, p));
  const l2 = live();
  say(`worker cap ${o.heap} MB; live heap (after full GC): empty worker ${mb(at.live)} MB, after modules + createPipeline ${mb(l1)} MB (+${mb(l1 - at.live)}; load ${loadMs.toFixed(0)} ms wall, ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms process CPU), after one warm-up document ${mb(l2)} MB`);
  const docs = corpus(o.limit);
  if (!docs) { say(`no corpus at ${CORPUS}: document figures skipped`); return out; }

  const gcs: Record<GcKind, { n: number; ms: number }> = { scavenge: { n: 0, ms: 0 }, 'mark-sweep': { n: 0, ms: 0 }, incremental: { n: 0, ms: 0 }, weak: { n: 0, ms: 0 }, other: { n: 0, ms: 0 } };
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const g = gcs[gcKind((e as unknown as { detail?: { kind?: number } }).detail?.kind)];
      g.n++;
      g.ms += e.duration;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  let peakUsed = 0, events = 0, chars = 0;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  for (const d of docs) {
    const r = stripTokens(processRaw(d, p));
    events += r.events.length;
    chars += d.content.length;
    const u = v8.getHeapStatistics().used_heap_size;
    if (u > peakUsed) peakUsed = u;
  }
  const wall = performance.now() - t1;
  const cpu = process.cpuUsage(c1);
  // gc entries arrive asynchronously: let the observer drain before reading the counts
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  const n = docs.length;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  say(`${n} articles (${(chars / 1000).toFixed(0)}k chars, ${events} events): ${(n / (wall / 1000)).toFixed(1)} articles/s wall, ${(n / cpuS).toFixed(1)} per CPU-second (process CPU, GC threads included); heap used peak ${mb(peakUsed)} MB`);
  const gcMs = Object.values(gcs).reduce((a, g) => a + g.ms, 0);
  say(`GC: ${Object.entries(gcs).filter(([, g]) => g.n).map(([k, g]) => `${k} ${g.n} (${(g.n / n).toFixed(2)}/article, ${g.ms.toFixed(0)} ms)`).join(', ')}; pause ${(gcMs / n).toFixed(2)} ms/article = ${((100 * gcMs) / wall).toFixed(1)}% of wall`);
  const l3 = live();
  const hs = v8.getHeapStatistics();
  const mu = process.memoryUsage();
  say(`live heap after ${n} articles: ${mb(l3)} MB (+${mb(l3 - l1)} over createPipeline); heap total ${mb(hs.total_heap_size)} MB, external ${mb(hs.external_memory)} MB, arrayBuffers ${mb(mu.arrayBuffers)} MB (process)`);
  say(`spaces (used / size MB): ${v8.getHeapSpaceStatistics().filter((s) => s.space_size > 0).map((s) => `${s.space_name.replace(/_space$/, '')} ${mb(s.space_used_size)}/${mb(s.space_size)}`).join(', ')}`);
  if (o.snapshot) say(`heap snapshot: ${v8.writeHeapSnapshot(o.snapshot)}`);
  return out;
}
