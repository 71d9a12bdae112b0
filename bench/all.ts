// npm run bench [-- --only actors,code --full]
//
// The quick benches in sequence, each in its own process (`npm run bench:<name>`, so one bench's
// heap and JIT state do not colour the next), with short options so the whole set takes a few
// minutes on a shared 2-core machine; `--full` runs each with its own (long) defaults instead.
// Prints every bench's output as it runs, then a summary: each bench's result lines and its time.
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const FULL = args.includes('--full');
const i = args.indexOf('--only');
const ONLY = new Set(i >= 0 ? (args[i + 1] ?? '').split(',').filter(Boolean) : []);

// name → short options (the full defaults are in each bench's header comment)
const BENCHES: [string, string[]][] = [
  ['actors', ['--runs', '3']],
  ['extract', ['--runs', '1', '--long', '0']],
  ['code', ['--runs', '1', '--limit', '300', '--warm', '0']], // quick: the pass right after the cold one, not a 3,000-article warm-up
  ['store', ['--events', '20000', '--single', '2000', '--only', 'sqlite']],
  ['scale', ['--runs', '1', '--limit', '200', '--skip', 'memory,html,queue']],
];

function run(name: string, opts: string[]): Promise<{ code: number; out: string; s: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn('npm', ['run', '-s', `bench:${name}`, '--', ...opts], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); process.stdout.write(b); });
    child.on('close', (code) => resolve({ code: code ?? 1, out, s: (performance.now() - t0) / 1000 }));
    // Ctrl-C stops the running bench too
    process.once('SIGINT', () => child.kill('SIGINT'));
  });
}

/** A bench's result lines: what follows its "Summary" header, else its last lines naming a median. */
function results(out: string): string[] {
  const lines = out.split('\n').map((l) => l.trimEnd()).filter(Boolean);
  const h = lines.findIndex((l) => /^Summary\b/.test(l));
  if (h >= 0) return lines.slice(h + 1);
  const med = lines.filter((l) => /median|per CPU-second|mentions\/CPU-s|events\/s|RSS/i.test(l));
  return (med.length ? med : lines).slice(-4);
}

const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const summary: string[] = [];
let failed = 0;
for (const [name, opts] of BENCHES) {
  if (ONLY.size && !ONLY.has(name)) continue;
  const o = FULL ? [] : opts;
  console.log(`\n=== bench:${name} ${o.join(' ')}`);
  const r = await run(name, o);
  if (r.code !== 0) failed++;
  summary.push(`bench:${name} ${o.join(' ')} — ${r.s.toFixed(0)} s wall${r.code ? `, FAILED (exit ${r.code})` : ''}`);
  for (const l of results(r.out)) summary.push(`    ${l.replace(/^- /, '')}`);
}
console.log(`\n=== Summary (${FULL ? 'full' : 'quick'} options; figures per CPU-second are the comparable ones on a shared machine)`);
console.log(summary.join('\n'));
process.exitCode = failed ? 1 : 0;
