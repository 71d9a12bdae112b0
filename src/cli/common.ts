// Helpers every command that reads articles uses, so batches behave the same everywhere:
//
//   addSourceOptions(cmd)            adds --date --url --title --timeout --max-bytes --[no-]fetch-feed-pages
//   sourceOptions(flags)             those flags → SourceOptions (throws UsageError on a bad value)
//   iterateDocs(inputs, opts, onDoc) reads every input (src/sources), calls onDoc per document;
//                                    each problem is one stderr line "entente: <origin>: <message>",
//                                    a batch ends with a summary line, and process.exitCode is set:
//                                    0 some article text was read · 1 nothing could be read (every
//                                    input failed or held no article text) · 2 usage error
//                                    onDoc may return {messages}: a document with no article text is
//                                    reported and counted, and a few messages a user must see
//                                    (not English, no date) are printed as notes
//   usageError(cmd, message)         prints "entente <cmd>: <message>" and sets exit code 2
//   writeOut(text)                   stdout with back-pressure (a huge batch piped into `head` or a slow consumer)

import type { Command } from 'commander';
import { readInputs, type SourceOptions } from '../sources/index.js';
import type { Message, RawDocument } from '../types.js';
import { isUserNote } from '../types.js';
import { isRecordOrigin, withOrigin } from '../errors.js';
import { isCalendarDate } from '../server/args.js';

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
    .option('--no-fetch-feed-pages', "never fetch feed items' pages")
    .addHelpText('after', BATCH_HELP);
}

/** What every batch command's --help ends with: how problems are reported and what the exit code means. */
export const BATCH_HELP = `
Each bad input (unreadable, 404, timeout, not JSON, broken record, …) is one line on stderr
naming it and the fix; the batch goes on and ends with a summary line.
Exit codes: 0 something was read · 1 nothing could be read · 2 usage error ·
3 the store could not be opened or written · 130 interrupted (ingest: run it again to continue)`;

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
    if (!isCalendarDate(flags.date)) throw new UsageError(`--date "${flags.date}": no such day`);
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
  /** documents handled (including the empty ones) */
  read: number;
  failed: number;
  /** documents read whose source held no article text (a page of links, a paywall, a script-built page) */
  empty: number;
}

/** What a command's onDoc may return: the document's messages, so the batch can tell the user what matters. */
export type DocOutcome = void | { messages: readonly Message[] };

/** A document's messages shown on stderr as notes (the rest are for `annotate`): they explain an output that is empty or undated. */
/** Notes of one kind printed per batch before the rest are summed up (a JSONL archive without dates would print one per line). */
const NOTES_PER_KIND = 3;

/** The one line for a document whose source held no article text, with what to do about it. */
export function noTextLine(origin: string, suggestExtract = true): string {
  // a record of a JSONL/JSON/WARC/feed ("x.jsonl:3", "x.json[2]", "x.warc@512", "feed.xml#item2") or stdin cannot be extracted again by name
  if (isRecordOrigin(origin)) return 'no article text in this record — give it a non-empty text or html field (or the page of the article)';
  const arg = /^[\w./:@%+,=~-]+$/.test(origin) ? origin : `'${origin.replace(/'/g, `'\\''`)}'`;
  const check = suggestExtract ? `check what was read with \`entente extract ${arg}\`, or ` : '';
  return `no article text found (a page of links, a paywall or a page built by script?) — ${check}save the story's text as a .txt/.md clipping and give that`;
}

/**
 * A document's user notes on stderr (not English, no publication date), NOTES_PER_KIND per kind
 * per batch; `hidden()` says how many more of each kind were not shown. Used by every
 * source-reading command and by `ingest`.
 */
export function docNotes(err: { write(s: string): unknown }): { report(origin: string, messages: readonly Message[]): number; hidden(): string[] } {
  const perKind = new Map<string, number>();
  return {
    report(origin, messages) {
      let k = 0;
      for (const m of messages) {
        if (!isUserNote(m)) continue;
        k++;
        const n = (perKind.get(m.origin) ?? 0) + 1;
        perKind.set(m.origin, n);
        // "no publication date in x.md: …" after "x.md: note:" would name the input twice
        if (n <= NOTES_PER_KIND) err.write(oneLine(origin, `note: ${m.text.split(` in ${origin}:`).join(':')}`));
      }
      return k;
    },
    hidden: () => [...perKind].filter(([, n]) => n > NOTES_PER_KIND).map(([kind, n]) => `${n - NOTES_PER_KIND} more ${kind}`),
  };
}

export interface IterateOptions {
  /** where problem lines go (default process.stderr) */
  stderr?: { write(s: string): unknown };
  /** no summary line */
  quiet?: boolean;
  /** set process.exitCode from the counts (default true) */
  setExitCode?: boolean;
  /** the command is `extract`: a page without text is not sent back to `entente extract` */
  extracting?: boolean;
}

/** The message a command without the pipeline returns for an article with no body text (the pipeline's own is the same origin). */
export function emptyArticle(body: string): DocOutcome {
  return body.trim() ? undefined : { messages: [{ origin: 'article:empty', severity: 'error', text: 'no body text found' }] };
}

function oneLine(origin: string, message: string): string {
  const msg = message.replace(/\s*\n\s*/g, ' ');
  return `entente: ${withOrigin(origin, msg)}\n`;
}

/**
 * Read every input and call `onDoc` for each document. A document that onDoc throws on counts as
 * failed (its error is printed the same way), and the batch goes on.
 */
export async function iterateDocs(
  inputs: string[],
  opts: SourceOptions,
  onDoc: (raw: RawDocument) => DocOutcome | Promise<DocOutcome>,
  io: IterateOptions = {},
): Promise<BatchCounts> {
  const err = io.stderr ?? process.stderr;
  const counts: BatchCounts = { read: 0, failed: 0, empty: 0 };
  const docNoted = docNotes(err);
  const report = (origin: string, messages: readonly Message[]) => {
    if (messages.some((m) => m.origin === 'article:empty')) {
      counts.empty++;
      err.write(oneLine(origin, noTextLine(origin, !io.extracting)));
      return; // its other notes (no date, language) say nothing more
    }
    docNoted.report(origin, messages);
  };
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
      const out = await onDoc(item.doc);
      counts.read++;
      if (out) report(item.doc.origin, out.messages);
    } catch (e) {
      counts.failed++;
      err.write(oneLine(item.doc.origin, (e as Error)?.message ?? String(e)));
    }
  }
  const total = counts.read + counts.failed;
  const withText = counts.read - counts.empty;
  const hidden = docNoted.hidden();
  if (!io.quiet && (inputs.length > 1 || total > 1 || withText === 0)) {
    err.write(`entente: ${counts.read} document${counts.read === 1 ? '' : 's'} read` +
      (counts.empty ? ` (${counts.empty} with no article text)` : '') +
      `, ${counts.failed} failed${notes ? `, ${notes} note${notes === 1 ? '' : 's'}` : ''}` +
      (hidden.length ? ` (not shown: ${hidden.join(', ')}; \`entente annotate\` lists every message)` : '') + '\n');
  }
  if (io.setExitCode !== false && (process.exitCode === undefined || process.exitCode === 0)) {
    process.exitCode = withText > 0 ? EXIT_OK : EXIT_NOTHING_READ;
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
