// Helpers every command that reads articles uses, so batches behave the same everywhere:
//
//   addSourceOptions(cmd)            adds --date --url --title --timeout --max-bytes --[no-]fetch-feed-pages
//   sourceOptions(flags)             those flags → SourceOptions (throws UsageError on a bad value)
//   iterateDocs(inputs, opts, onDoc) reads every input (src/sources), calls onDoc per document;
//                                    each problem is one stderr line "entente: <origin>: <message>",
//                                    a batch ends with a summary line, and process.exitCode is set:
//                                    0 something was read · 1 nothing could be read · 2 usage error
//   usageError(cmd, message)         prints "entente <cmd>: <message>" and sets exit code 2
//   writeOut(text)                   stdout with back-pressure (a huge batch piped into `head` or a slow consumer)

import type { Command } from 'commander';
import { readInputs, type SourceOptions } from '../sources/index.js';
import type { RawDocument } from '../types.js';

export const EXIT_OK = 0;
export const EXIT_NOTHING_READ = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface SourceFlags {
  date?: string;
  url?: string;
  title?: string;
  timeout?: string;
  maxBytes?: string;
  fetchFeedPages?: boolean;
}

export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that do not state one (the reference date for relative dates)')
    .option('--url <url>', 'URL of the article, for inputs that do not carry one')
    .option('--title <title>', 'title, for inputs that do not carry one')
    .option('--timeout <seconds>', 'network timeout per request', '20')
    .option('--max-bytes <size>', 'largest page or record read (e.g. 10MB, 500KB)', '10MB')
    .option('--fetch-feed-pages', "fetch an item's page when a feed gives only a summary (default for feed URLs)")
    .option('--no-fetch-feed-pages', "never fetch feed items' pages");
}

/** "10MB", "500k", "2048" → bytes; null when unreadable. */
export function parseSize(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(s);
  if (!m) return null;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Math.round(Number(m[1]) * mult);
  return n > 0 ? n : null;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Validated SourceOptions from the flags of addSourceOptions. */
export function sourceOptions(flags: SourceFlags): SourceOptions {
  const opts: SourceOptions = {};
  if (flags.date !== undefined) {
    if (!ISO_DATE.test(flags.date)) throw new UsageError(`--date "${flags.date}": expected YYYY-MM-DD, e.g. --date 2026-05-14`);
    opts.date = flags.date;
  }
  if (flags.url !== undefined) {
    try {
      new URL(flags.url);
    } catch {
      throw new UsageError(`--url "${flags.url}": not a URL; give an absolute http(s):// URL`);
    }
    opts.url = flags.url;
  }
  if (flags.title !== undefined) opts.title = flags.title;
  if (flags.timeout !== undefined) {
    const t = Number(flags.timeout);
    if (!(t > 0)) throw new UsageError(`--timeout "${flags.timeout}": expected a number of seconds, e.g. --timeout 20`);
    opts.timeoutMs = Math.round(t * 1000);
  }
  if (flags.maxBytes !== undefined) {
    const n = parseSize(flags.maxBytes);
    if (n === null) throw new UsageError(`--max-bytes "${flags.maxBytes}": expected a size such as 10MB, 500KB or 2048`);
    opts.maxBytes = n;
  }
  if (flags.fetchFeedPages !== undefined) opts.fetchFeedPages = flags.fetchFeedPages;
  return opts;
}

/** sourceOptions for a command's action: on a bad flag, prints the usage error (exit code 2) and returns null. */
export function sourceOptionsOrUsage(command: string, flags: SourceFlags): SourceOptions | null {
  try {
    return sourceOptions(flags);
  } catch (e) {
    if (e instanceof UsageError) {
      usageError(command, e.message);
      return null;
    }
    throw e;
  }
}

/** A whole number ≥ 1 from a flag (dflt when absent); a UsageError naming the flag otherwise. */
export function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} "${v}": expected a positive whole number`);
  return n;
}

/**
 * Ctrl-C / SIGTERM for long runs: the first signal aborts the returned signal (the run finishes
 * its batch), a second one exits at once (130). `message` is printed on the first. Call dispose()
 * when the run ends.
 */
export function gracefulStop(message: string): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const onSignal = () => {
    if (ac.signal.aborted) process.exit(130);
    if (message) process.stderr.write(message);
    ac.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: ac.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

export function usageError(command: string, message: string): void {
  process.stderr.write(`entente ${command}: ${message}\n`);
  process.exitCode = EXIT_USAGE;
}

export interface BatchCounts {
  read: number;
  failed: number;
}

export interface IterateOptions {
  /** where problem lines go (default process.stderr) */
  stderr?: { write(s: string): unknown };
  /** no summary line */
  quiet?: boolean;
  /** set process.exitCode from the counts (default true) */
  setExitCode?: boolean;
}

function oneLine(origin: string, message: string): string {
  const msg = message.replace(/\s*\n\s*/g, ' ');
  // source errors already start with their origin; don't say it twice
  return msg.startsWith(origin) ? `entente: ${msg}\n` : `entente: ${origin}: ${msg}\n`;
}

/**
 * Read every input and call `onDoc` for each document. A document that onDoc throws on counts as
 * failed (its error is printed the same way), and the batch goes on.
 */
export async function iterateDocs(
  inputs: string[],
  opts: SourceOptions,
  onDoc: (raw: RawDocument) => void | Promise<void>,
  io: IterateOptions = {},
): Promise<BatchCounts> {
  const err = io.stderr ?? process.stderr;
  const counts: BatchCounts = { read: 0, failed: 0 };
  if (!inputs.length) {
    err.write('entente: no input given — give files, directories, URLs, or - for stdin\n');
    if (io.setExitCode !== false) process.exitCode = EXIT_USAGE;
    return counts;
  }
  let notes = 0;
  const onNote = (origin: string, text: string) => {
    notes++;
    err.write(oneLine(origin, `note: ${text}`));
    opts.onNote?.(origin, text);
  };
  for await (const item of readInputs(inputs, { ...opts, onNote })) {
    if (!item.ok) {
      counts.failed++;
      err.write(oneLine(item.origin, item.error.message));
      continue;
    }
    try {
      await onDoc(item.doc);
      counts.read++;
    } catch (e) {
      counts.failed++;
      err.write(oneLine(item.doc.origin, (e as Error)?.message ?? String(e)));
    }
  }
  const total = counts.read + counts.failed;
  if (!io.quiet && (inputs.length > 1 || total > 1 || counts.read === 0)) {
    err.write(`entente: ${counts.read} document${counts.read === 1 ? '' : 's'} read, ${counts.failed} failed${notes ? `, ${notes} note${notes === 1 ? '' : 's'}` : ''}\n`);
  }
  if (io.setExitCode !== false && (process.exitCode === undefined || process.exitCode === 0)) {
    process.exitCode = counts.read > 0 ? EXIT_OK : EXIT_NOTHING_READ;
  }
  return counts;
}

/** Write to stdout, waiting when the pipe is full; a closed pipe (`| head`) ends quietly. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.destroyed) return resolve();
    const okNow = process.stdout.write(text, () => {});
    if (okNow) resolve();
    else process.stdout.once('drain', resolve);
  });
}

let epipeGuard = false;
/** Exit quietly when stdout's reader goes away (`entente extract big.warc | head`). */
export function exitOnClosedStdout(): void {
  if (epipeGuard) return;
  epipeGuard = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
