// Many machines: `entente enqueue`, `entente worker`, `entente status` over a PostgreSQL queue
// (src/scale/queue.ts), and `entente watch` for feeds (src/scale/watch.ts).
import type { Command } from 'commander';
import { hostname } from 'node:os';
import { addSourceOptions, gracefulStop, iterateDocs, positiveInt, sourceOptions, usageError, UsageError, type SourceFlags } from './common.js';
import { isPostgresUrl, openStore } from '../store/index.js';
import { WorkQueue, type QueueStatus } from '../scale/queue.js';
import { runWorker } from '../scale/worker.js';
import { createCoder, defaultWorkers } from '../scale/pool.js';
import type { RawDocument } from '../types.js';
import { readFileSync } from 'node:fs';
import { feedsFromOpml, watchFeeds } from '../scale/watch.js';
import { DEFAULT_DB } from '../store/index.js';
import { EXIT_STORE } from './store-common.js';
import { redact } from '../store/postgres.js';
import { cutOrigin } from '../errors.js';

function needPostgres(cmd: string, db: string | undefined): string | null {
  if (!db || !isPostgresUrl(db)) {
    usageError(cmd, `--db must be a PostgreSQL URL (postgres://user@host:5432/dbname): the work queue lives in PostgreSQL`);
    return null;
  }
  return db;
}

/** "3 s ago", "4 min ago", "2 h ago", "3 d ago" */
function ago(iso: string): string {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 120 ? `${s} s ago` : s < 7200 ? `${Math.round(s / 60)} min ago` : s < 172800 ? `${Math.round(s / 3600)} h ago` : `${Math.round(s / 86400)} d ago`;
}

/** One worker of `entente status`: a worker that exited or went silent is said to be so, not "running". */
function workerLine(w: QueueStatus['workers'][number]): string {
  const name = `  ${w.worker.padEnd(32)} `;
  const held = w.running ? `, holding ${w.running} item${w.running === 1 ? '' : 's'}` : '';
  switch (w.state) {
    case 'running':
      return `${name}running    ${String(w.running).padStart(4)} item${w.running === 1 ? ' ' : 's'}   last seen ${w.last_seen} (${ago(w.last_seen)})`;
    case 'exited': {
      const at = w.exited_at ?? w.last_seen;
      const did = w.summary ? `: ${w.summary.done} stored, ${w.summary.failed} failed` : '';
      return `${name}exited ${at} (${ago(at)})${did}${held}`;
    }
    case 'stale':
      return `${name}stale      last seen ${w.last_seen} (${ago(w.last_seen)}; no heartbeat since: killed, hung or cut off${held ? `${held}, back in the queue when the lease ends` : ''})`;
    default:
      return `${name}${w.running ? `holding ${String(w.running).padStart(4)} item${w.running === 1 ? ' ' : 's'}` : 'idle or gone'}   last seen ${w.last_seen} (${ago(w.last_seen)}; a worker without heartbeats)`;
  }
}

/**
 * Opens the queue (and the store) in --db: a database that cannot be reached is one line naming it
 * and what to check, and exit code 3 (as for the store commands), not a bare "connect ECONNREFUSED".
 */
async function openQueue<T>(cmd: string, db: string, open: () => Promise<T>): Promise<T | null> {
  try {
    return await open();
  } catch (e) {
    process.stderr.write(`entente ${cmd}: cannot use the PostgreSQL database ${redact(db)}: ${(e as Error).message} — check --db (host, port, database name, user) and that the server is running\n`);
    process.exitCode = EXIT_STORE;
    return null;
  }
}

export function register(program: Command): void {
  addSourceOptions(
    program
      .command('enqueue')
      .description('put work items (one per article of the inputs) in the PostgreSQL queue for `entente worker`')
      .argument('<inputs...>', 'files, directories, URLs, feeds, WARC, JSONL, or - for stdin')
      .requiredOption('--db <postgres-url>', 'PostgreSQL database holding the queue and the store'),
  ).action(async (inputs: string[], flags: SourceFlags & { db: string }) => {
    const db = needPostgres('enqueue', flags.db);
    if (!db) return;
    let opts;
    try {
      opts = sourceOptions(flags);
    } catch (e) {
      return usageError('enqueue', (e as Error).message);
    }
    const queue = await openQueue('enqueue', db, () => WorkQueue.open(db));
    if (!queue) return;
    let added = 0;
    let batch: RawDocument[] = [];
    const flush = async () => {
      added += await queue.enqueue(batch);
      batch = [];
    };
    try {
      const counts = await iterateDocs(inputs, opts, async (raw) => {
        batch.push(raw);
        if (batch.length >= 200) await flush();
      });
      await flush();
      process.stderr.write(`entente enqueue: ${added} new item${added === 1 ? '' : 's'} queued (${counts.read - added} already queued or done)\n`);
    } finally {
      await queue.close();
    }
  });

  program
    .command('worker')
    .description('take items from the PostgreSQL queue, code them on this machine and store them in the same database; run any number, anywhere')
    .requiredOption('--db <postgres-url>', 'PostgreSQL database holding the queue and the store')
    .option('--workers <n>', `coding threads on this machine (default: ${defaultWorkers()} = cores)`)
    .option('--batch <n>', 'items claimed at a time (default: 2 × threads, more when this thread codes too)')
    .option('--lease <seconds>', 'an item held longer than this by a dead worker is handed to another', '120')
    .option('--exit-when-empty', 'stop when the queue is empty instead of waiting for more')
    .option('--date <YYYY-MM-DD>', 'reference date for items with no publication date')
    .option('--name <name>', 'worker name shown by `entente status`', `${hostname()}:${process.pid}`)
    .action(async (flags: { db: string; workers?: string; batch?: string; lease: string; exitWhenEmpty?: boolean; date?: string; name: string }) => {
      const db = needPostgres('worker', flags.db);
      if (!db) return;
      let workers: number, lease: number, batch: number | undefined;
      try {
        workers = positiveInt('--workers', flags.workers, defaultWorkers());
        lease = positiveInt('--lease', flags.lease, 120);
        batch = flags.batch ? positiveInt('--batch', flags.batch, 1) : undefined;
      } catch (e) {
        return usageError('worker', (e as Error).message);
      }
      const queue = await openQueue('worker', db, () => WorkQueue.open(db));
      if (!queue) return;
      const store = await openQueue('worker', db, () => openStore(db));
      if (!store) {
        await queue.close();
        return;
      }
      const coder = createCoder({ workers, defaultDate: flags.date ?? null });
      const stop = gracefulStop('entente worker: finishing the current batch (Ctrl-C again to quit now; unfinished items go back to the queue when their lease ends)\n');
      const t0 = Date.now();
      try {
        const s = await runWorker({
          queue, store, coder, name: flags.name, leaseSeconds: lease, batch, exitWhenEmpty: flags.exitWhenEmpty, signal: stop.signal,
          onItem: (e) => { if (!e.ok) process.stderr.write(`entente worker: item ${e.id} (${e.origin}): ${e.error}\n`); },
        });
        const secs = (Date.now() - t0) / 1000;
        process.stderr.write(`entente worker ${flags.name}: ${s.done} stored, ${s.failed} failed, ${s.events} events in ${secs.toFixed(1)} s\n`);
      } finally {
        stop.dispose();
        await coder.close();
        await store.close();
        await queue.close();
      }
    });

  program
    .command('status')
    .description('progress of the PostgreSQL work queue: queued, running, done, failed, workers, recent failures')
    .requiredOption('--db <postgres-url>', 'PostgreSQL database holding the queue')
    .option('--format <format>', 'table|json', 'table')
    .option('--retry-failed', 'put failed items back in the queue')
    .action(async (flags: { db: string; format: string; retryFailed?: boolean }) => {
      const db = needPostgres('status', flags.db);
      if (!db) return;
      const queue = await openQueue('status', db, () => WorkQueue.open(db));
      if (!queue) return;
      try {
        if (flags.retryFailed) process.stderr.write(`entente status: ${await queue.retryFailed()} failed items queued again\n`);
        const s = await queue.status();
        if (flags.format === 'json') {
          process.stdout.write(JSON.stringify(s, null, 2) + '\n');
          return;
        }
        const total = s.queued + s.running + s.expired + s.done + s.failed;
        const lines = [
          `items     ${total}`,
          `queued    ${s.queued}`,
          `running   ${s.running}`,
          `expired   ${s.expired}   (held by a worker that stopped; taken again by the next claim)`,
          `done      ${s.done}   (${s.done_last_minute} in the last minute)`,
          `failed    ${s.failed}${s.failed ? '   (see below; `entente status --retry-failed` queues them again)' : ''}`,
          '',
          'workers (most recent first):',
          ...(s.workers.length ? s.workers.map(workerLine) : ['  (none yet: start one with `entente worker --db …`)']),
        ];
        if (s.recent_failures.length) lines.push('', 'recent failures:', ...s.recent_failures.map((f) => `  #${f.id} ${f.origin}: ${f.error}`));
        process.stdout.write(lines.join('\n') + '\n');
      } finally {
        await queue.close();
      }
    });

  addSourceOptions(
    program
      .command('watch')
      .description('poll feeds politely (ETag/Last-Modified, per-host delay, backoff on errors) and ingest new items until stopped')
      .argument('<feeds...>', 'feed URLs, or OPML subscription files (.opml)')
      .option('--db <path|postgres-url>', 'store (env ENTENTE_DB)', process.env.ENTENTE_DB || DEFAULT_DB)
      .option('--interval <seconds>', 'time between polls of one feed', '300')
      .option('--host-delay <seconds>', 'minimum time between two requests to one host', '5')
      .option('--state <file>', 'where validators and seen items are kept (default: <db>.watch.json, or ./entente-watch.json for PostgreSQL)')
      .option('--once', 'poll every feed once (a feed backing off after errors only when its backoff has ended), then stop: for cron, whose schedule is then the interval; exit code 1 when no feed could be read'),
  ).action(async (feedArgs: string[], flags: SourceFlags & { db: string; interval: string; hostDelay: string; state?: string; once?: boolean }) => {
    let opts, interval: number, hostDelay: number;
    const feeds: string[] = [];
    try {
      opts = sourceOptions(flags);
      interval = positiveInt('--interval', flags.interval, 300);
      hostDelay = Number(flags.hostDelay);
      if (!(hostDelay >= 0)) throw new UsageError(`--host-delay "${flags.hostDelay}": expected a number of seconds`);
      for (const f of feedArgs) {
        if (/^https?:\/\//i.test(f)) feeds.push(f);
        else if (/\.opml$|\.xml$/i.test(f)) {
          let text: string;
          try {
            text = readFileSync(f, 'utf8');
          } catch {
            throw new UsageError(`${f}: cannot read the OPML file — check the path`);
          }
          const urls = feedsFromOpml(text, f);
          if (!urls.length) throw new UsageError(`${f}: no feed (outline with xmlUrl) in this OPML file`);
          feeds.push(...urls);
        } else throw new UsageError(`${f}: give a feed URL (http/https) or an OPML file`);
      }
    } catch (e) {
      return usageError('watch', (e as Error).message);
    }
    const store = await openStore(flags.db);
    const coder = createCoder({ workers: 1, defaultDate: opts.date ?? null });
    const stop = gracefulStop('');
    const statePath = flags.state ?? (isPostgresUrl(flags.db) ? './entente-watch.json' : `${flags.db}.watch.json`);
    const plural = feeds.length === 1 ? '' : 's';
    process.stderr.write(flags.once
      ? `entente watch: ${feeds.length} feed${plural}, one round; state in ${statePath}\n`
      : `entente watch: ${feeds.length} feed${plural}, every ${interval} s; state in ${statePath}; Ctrl-C to stop\n`);
    try {
      const s = await watchFeeds({
        feeds, statePath, intervalSec: interval, hostDelaySec: hostDelay, source: opts, signal: stop.signal, once: flags.once,
        ingest: async (raw) => (await store.saveDoc(await coder.prepare(raw))).events,
        log: (line) => process.stderr.write(`entente watch: ${new Date().toISOString()} ${line}\n`),
      });
      for (const n of s.notDue) {
        process.stderr.write(`entente watch: ${n.feed}: not polled — backing off after ${n.failures} failed poll${n.failures === 1 ? '' : 's'}${n.lastError ? ` (last: ${cutOrigin(n.lastError, n.feed).replace(/\s*\n\s*/g, ' ')})` : ''}; next poll at ${new Date(n.nextPoll).toISOString()} or later\n`);
      }
      const notDue = s.notDue.length ? `, ${s.notDue.length} feed${s.notDue.length === 1 ? '' : 's'} not due` : '';
      process.stderr.write(`entente watch: ${s.polls} poll${s.polls === 1 ? '' : 's'} (${s.notModified} not modified)${notDue}, ${s.ingested} article${s.ingested === 1 ? '' : 's'} ingested, ${s.events} event${s.events === 1 ? '' : 's'}, ${s.errors} error${s.errors === 1 ? '' : 's'}\n`);
      // for cron: a round where no feed could be read (every poll failed: 404, not a feed, unreachable;
      // or every feed still backing off) is a failure
      if (flags.once && feeds.length > 0 && s.feedsOk === 0) process.exitCode = 1;
    } finally {
      stop.dispose();
      await coder.close();
      await store.close();
    }
  });
}
