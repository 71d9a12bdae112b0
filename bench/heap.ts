// A coding worker's memory: loads the pipeline in a worker thread with the pool's resource limits
// (old-generation cap, 16 MB young generation), codes the first --limit articles of
// ../shared/news/corpus (skipped cleanly when absent) through processRaw + stripTokens as the pool's
// worker does, and reports:
//   - live heap (after a full GC) at start, after createPipeline, after a warm-up document and after N docs;
//   - V8 heap spaces and off-heap memory (external, arrayBuffers) after N docs;
//   - GC count and pause time per article, by kind (scavenge / mark-sweep / incremental), from 'gc' entries;
//   - CPU per article (process.cpuUsage of the worker's thread-group: process-wide, so keep the machine quiet
//     or compare A/B interleaved).
//
//   npm run bench:heap [-- --limit 1000 --heap 160 --snapshot /tmp/w.heapsnapshot]
//
// --heap: the worker's old-generation cap in MB (default ENTENTE_WORKER_HEAP_MB or 160, the pool's default);
// --snapshot FILE: write a V8 heap snapshot of the worker after the N documents (open it in Chrome DevTools).
// The script re-executes itself with --expose-gc when gc() is not exposed.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeapOpts } from './heap-worker.js';

const SELF = fileURLToPath(import.meta.url);
const WORKER_FILE = SELF.replace(/heap\.(ts|js)$/, 'heap-worker.$1');
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function parseOpts(argv: string[]): HeapOpts {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const envCap = Number(process.env.ENTENTE_WORKER_HEAP_MB || '');
  return {
    limit: Math.max(1, Number(opt('limit') ?? '1000')),
    heap: Number(opt('heap') ?? (envCap > 0 ? envCap : 160)),
    snapshot: opt('snapshot') ?? null,
  };
}

async function main(): Promise<void> {
  const o = parseOpts(process.argv.slice(2));
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    // gc() must be exposed from the start; workers inherit the flag through execArgv
    const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, SELF, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  console.log(`Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  // a CommonJS entry that requires the .ts worker side (see heap-entry.cjs)
  const w = new Worker(join(dirname(SELF), 'heap-entry.cjs'), { workerData: { file: WORKER_FILE, opts: o }, resourceLimits: { maxOldGenerationSizeMb: o.heap, maxYoungGenerationSizeMb: 16 } });
  const lines = await new Promise<string[]>((res, rej) => {
    w.once('message', res);
    w.once('error', rej);
    w.once('exit', (c) => rej(new Error(`worker exited with code ${c}`)));
  });
  for (const l of lines) console.log(l);
  const rss = process.memoryUsage().rss;
  await w.terminate();
  console.log(`process RSS at the end (worker alive): ${mb(rss)} MB; load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

await main();
