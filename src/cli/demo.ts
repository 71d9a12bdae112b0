// `entente demo`: ingest the project's sample articles, print the Russia–Afghanistan timeline
// and open the web UI on it. The README's first command: `npm ci && ./bin/entente demo`.
import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, DEFAULT_DB } from '../store/index.js';
import type { Store, Timeline, StoredEvent } from '../store/types.js';
import { createPipeline, processRaw } from '../pipeline.js';
import { ROOT } from '../server/app.js';
import { isLoopbackHost } from '../server/index.js';
import { iterateDocs } from './common.js';
import { parsePort, serveStore } from './serve.js';

export const SAMPLES_DIR = join(ROOT, 'samples');

/** A plain text table: columns padded to their widest cell; numbers right-aligned. */
export function formatTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^([-+]?\d+(\.\d+)?|–|)$/.test(String(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

/** One row per period, both directions side by side: events, cooperation (quad 1+2), conflict (3+4), mean Goldstein. */
export function timelineTable(t: Timeline, a: string, b: string): string {
  const periods = [...new Set(t.rows.map((r) => r.period))].sort();
  const cell = (p: string, dir: 'a->b' | 'b->a') => {
    const r = t.rows.find((x) => x.period === p && x.direction === dir);
    if (!r) return ['', '', '', ''];
    return [r.count, r.quad[1] + r.quad[2], r.quad[3] + r.quad[4], r.goldstein_mean === null ? '–' : r.goldstein_mean.toFixed(1)];
  };
  const rows = periods.map((p) => [p, ...cell(p, 'a->b'), ...cell(p, 'b->a')]) as (string | number)[][];
  const headers = ['period', `${a}→${b}`, 'coop', 'confl', 'gold', `${b}→${a}`, 'coop', 'confl', 'gold'];
  return formatTable(headers, rows);
}

function eventLine(e: StoredEvent): string {
  const r = e.record;
  const who = (l: { name: string }[]) => l.map((x) => x.name).join(', ') || '?';
  const flags = [r.negated ? 'negated' : '', r.modality !== 'asserted' ? r.modality : ''].filter(Boolean).join(', ');
  return `${(r.date ?? 'undated').padEnd(10)}  ${who(r.actor)} —${r.event ?? 'CAMEO'} ${r.cameo}→ ${who(r.recipient)}${flags ? ` (${flags})` : ''}`;
}

export async function ingestSamples(store: Store, dir = SAMPLES_DIR, log: (s: string) => void = (s) => process.stderr.write(s)) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort().map((f) => join(dir, f));
  const pipeline = createPipeline();
  const counts = { stored: 0, replaced: 0, unchanged: 0, events: 0, failed: 0 };
  const c = await iterateDocs(files, {}, async (raw) => {
    const doc = processRaw(raw, pipeline);
    const r = await store.saveDoc(doc);
    counts[r.status]++;
    counts.events += doc.events.length;
  }, { quiet: true, setExitCode: false, stderr: { write: (s: string) => log(s) } });
  counts.failed = c.failed;
  return { files: files.length, ...counts };
}

export interface DemoFlags {
  db: string;
  serve: boolean;
  port: string;
  host: string;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** The demo; returns the exit code (0 while the UI keeps serving). IO is injected so tests can capture it. */
export async function runDemo(flags: DemoFlags, io: Io = stdio): Promise<number> {
  const port = parsePort(flags.port);
  if (port === null) {
    io.err(`entente demo: --port "${flags.port}": give a number from 0 to 65535\n`);
    return 2;
  }
  if (flags.serve && !isLoopbackHost(flags.host)) {
    io.err(`entente demo: --host ${flags.host}: the demo serves on this machine only (a loopback address); to serve others, run \`entente serve --host ${flags.host} --token <secret>\`\n`);
    return 2;
  }
  let store: Store;
  try {
    store = await openStore(flags.db);
  } catch (e) {
    io.err(`entente demo: cannot open the store ${flags.db}: ${(e as Error).message} (check --db)\n`);
    return 3;
  }
  const out = io.out;
  out(`entente demo: ingesting the sample articles in ${SAMPLES_DIR} into ${flags.db} …\n`);
  const t0 = Date.now();
  const n = await ingestSamples(store, SAMPLES_DIR, io.err);
  out(`${n.files} articles: ${n.stored} new, ${n.replaced} updated, ${n.unchanged} unchanged, ${n.failed} failed; ${n.events} events coded (${((Date.now() - t0) / 1000).toFixed(1)} s)\n\n`);
  const code = n.failed === n.files ? 1 : 0;

  const [a, b] = ['RUS', 'AFG'];
  // acts and stated intents: a negated record ("will not evacuate its embassy") or a hypothetical
  // one is a statement about an act that did not happen, and would read as a conflict bar here
  const t = await store.timeline({ a, b, by: 'month', exclude: ['negated', 'hypothetical'] });
  out(`Russia (${a}) ↔ Afghanistan (${b}), by month — events, cooperation (quad 1+2), conflict (quad 3+4), mean Goldstein\n` +
    `(negated and hypothetical records left out; \`entente timeline ${a} ${b}\` counts every record):\n\n`);
  out(t.rows.length ? timelineTable(t, a, b) : '(no dated events between them yet: is the event coder in place?)\n');
  if (t.unbucketed) out(`(${t.unbucketed} more without a month-precise date)\n`);
  const recent = await store.events({ dyad: [a, b], limit: 8 });
  if (recent.total) {
    out(`\nLatest of ${recent.total} events between them:\n`);
    for (const e of recent.events) out(`  ${eventLine(e)}\n`);
    // the next step of the question: the sentences behind the counts
    out(`  (each with its sentences, attribution and articles: \`entente events --dyad ${a},${b} --group --evidence\`)\n`);
  }
  // generic groups with no country ("officials", "forces") are kept on their events but say
  // nothing in a who-is-most-active summary
  const top = (await store.topActors({ top: 30 })).filter((x) => x.country_code || x.kind !== 'group').slice(0, 8);
  if (top.length) out(`\nMost active actors: ${top.map((x) => `${x.name} (${x.events})`).join(', ')}\n`);

  if (!flags.serve) {
    await store.close();
    return code;
  }
  try {
    const url = await serveStore(store, { host: flags.host, port });
    out(`\nThe web UI is at ${url}  (timeline: ${url}#/?a=${a}&b=${b}&exclude=negated,hypothetical; Ctrl-C to stop)\n`);
    return code;
  } catch (e) {
    await store.close().catch(() => undefined);
    const c = (e as { code?: string }).code;
    io.err(`entente demo: cannot start the web UI on ${flags.host}:${port}: ${(e as Error).message}${c === 'EADDRINUSE' ? ' (give --port, or --no-serve)' : ''}\n`);
    return 3;
  }
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('ingest the sample articles into the store, print the Russia–Afghanistan timeline and start the web UI')
    .option('--db <db>', 'SQLite file or postgres:// URL', DEFAULT_DB)
    .option('--no-serve', 'stop after printing the timeline')
    .option('--port <port>', 'port for the web UI', '8080')
    .option('--host <host>', 'address for the web UI (loopback)', '127.0.0.1')
    .action(async (flags: DemoFlags) => {
      process.exitCode = await runDemo(flags);
    });
}
