// Store commands: `entente ingest`, `events`, `timeline`, `search`, `export`, `stats`.
// Exit codes: 0 ok · 1 nothing read / nothing stored · 2 usage error · 3 the store cannot be opened.
import { isCalendarDate, isKnownActorArg, unknownNamesNote } from '../server/args.js';
import type { Command } from 'commander';
import { createWriteStream, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { readInputs } from '../sources/index.js';
import { isPostgresUrl } from '../store/index.js';
import { createCoder, defaultWorkers } from '../scale/pool.js';
import { ingestStream, runKey } from '../scale/ingest.js';
import { csvHeader, isEventFormat, isKnownEventType, leftOut, leftOutNote, ploverTypes, type EventFormat } from '../events/formats.js';
import { allPeriods, exportChunks, formatLine, matchingEvents, needsEvidence, timelineCsv, type ExportCounts } from '../server/export.js';
import { EXCLUDE_KINDS, type ActorArg, type EventQuery, type ExcludeKind, type Period, type Store, type StoredEvent, type Timeline } from '../store/types.js';
import { eventEvidence, type Evidence } from '../server/evidence.js';
import { undatedBetween, undatedEvents } from '../server/undated.js';
import { addSourceOptions, docNotes, exitOnClosedStdout, gracefulStop, noTextLine, positiveInt, sourceOptions, usageError, UsageError, writeOut, type SourceFlags } from './common.js';
import { addDbOption, DATE_ARG, EXIT_STORE, lookupActorName, resolveActorArg, withStore } from './store-common.js';
import { withOrigin } from '../errors.js';

// ------------------------------------------------------------------ formatting

function cut(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(rows: string[][], header: string[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd() + '\n';
  return line(header) + rows.map(line).join('');
}

const side = (es: { code: string }[]) => es.map((x) => x.code).join('+') || '-';

/** "(not)", "(future)", "(not, hypothetical)": what keeps a record from being a plain act, beside its code. */
function recordFlags(r: StoredEvent['record']): string {
  const f = [r.negated ? 'not' : '', r.modality !== 'asserted' ? r.modality : ''].filter(Boolean);
  return f.length ? ` (${f.join(', ')})` : '';
}

function eventTable(events: StoredEvent[]): string {
  return table(events.map((e) => {
    const r = e.record;
    return [
      r.date ?? '-', `${side(r.actor)}→${side(r.recipient)}`, `${r.event ?? '-'}/${r.cameo}${recordFlags(r)}`,
      String(r.quad_code), String(r.goldstein), r.confidence.toFixed(2), `${e.cluster.mentions}/${e.cluster.outlets}`, cut(r.event_text, 70),
    ];
  }), ['DATE', 'DYAD', 'EVENT/CAMEO', 'QUAD', 'GS', 'CONF', 'MENT/OUTL', 'TEXT']);
}

/** Who the record says it has the event from: "according to Sergei Lavrov, via TASS" ('' when the text states it itself). */
function attribution(r: StoredEvent['record']): string {
  const who = r.speaker ? r.speaker.name : null, via = r.via ? r.via.name : null;
  if (!who && !via) return '';
  return `according to ${[who, via && (who ? `via ${via}` : via)].filter(Boolean).join(', ')}`;
}

/** The outlet, when the URL does not already name it (its host). */
function outletIfNew(a: Evidence['article']): string | null {
  if (!a.outlet) return null;
  let host = '';
  try { host = a.url ? new URL(a.url).hostname.replace(/^www\./, '') : ''; } catch { /* not a URL: a path */ }
  return host === a.outlet ? null : a.outlet;
}

/** A report's evidence lines: its sentence, who it is attributed to, and its article (title · date · outlet · URL). */
function evidenceLines(e: StoredEvent, x: Evidence | null | undefined, indent = '    ', withSentence = true): string[] {
  if (!x) return [];
  const out: string[] = [];
  if (withSentence) out.push(`${indent}“${x.sentence.replace(/\s+/g, ' ').trim()}”`);
  const att = attribution(e.record);
  if (att && withSentence) out.push(`${indent}${att}`);
  // a local file without title or URL is named by its path (the record's doc_id), not the store's hash id
  const a = x.article;
  out.push(`${indent}${[a.title || e.record.doc_id, a.published?.slice(0, 10), a.url ? outletIfNew(a) : null, a.url || a.outlet || (a.title ? e.record.doc_id : null)].filter(Boolean).join(' · ')}`);
  return out;
}

/** `events --evidence` as a table: each row, then its sentence, its attribution and its article on indented lines. */
function evidenceTable(events: StoredEvent[], ev: (Evidence | null)[]): string {
  const rows = eventTable(events).split('\n');
  const out = [rows[0]!];
  events.forEach((e, i) => {
    out.push(rows[i + 1]!);
    out.push(...evidenceLines(e, ev[i]));
  });
  return out.join('\n') + '\n';
}

// ------------------------------------------------------------------ --group: one row per real-world event

/** The reports of one real-world event (an event cluster) that match the query, in the query's order. */
interface EventGroup { cluster: StoredEvent['cluster']; reports: StoredEvent[]; evidence: (Evidence | null)[] }

/**
 * One page of `--group`: events (clusters) `from`..`from + limit` in the order of their first (newest)
 * report, each with every matching report of it in the query's order, and how many events and reports
 * match. One pass over the matching reports a page at a time: memory holds the clusters' ids and the
 * page's reports, not every report (a dyad over years can have hundreds of thousands).
 */
export async function groupPage(store: Pick<Store, 'events'>, q: EventQuery, from: number, limit: number, pageSize = 1000): Promise<{ groups: EventGroup[]; events: number; reports: number }> {
  const seen = new Set<string>();
  const page = new Map<string, EventGroup>();
  let reports = 0;
  for await (const e of matchingEvents(store, q, pageSize)) {
    reports++;
    const id = e.cluster.id;
    if (!seen.has(id)) {
      if (seen.size >= from && seen.size < from + limit) page.set(id, { cluster: e.cluster, reports: [], evidence: [] });
      seen.add(id);
    }
    page.get(id)?.reports.push(e);
  }
  return { groups: [...page.values()], events: seen.size, reports };
}

/** `events --group` as a table: one row per event (its first report), then with --evidence every report's sentence and article. */
function groupTable(groups: EventGroup[], withEvidence: boolean): string {
  const rows = eventTable(groups.map((g) => g.reports[0]!)).split('\n');
  const out = [rows[0]!];
  groups.forEach((g, i) => {
    out.push(rows[i + 1]!);
    if (!withEvidence) return;
    const n = g.reports.length;
    if (n > 1) out.push(`    ${n} reports here (the event: ${g.cluster.mentions} report${g.cluster.mentions === 1 ? '' : 's'} in ${g.cluster.articles} article${g.cluster.articles === 1 ? '' : 's'}, ${g.cluster.outlets} outlet${g.cluster.outlets === 1 ? '' : 's'}):`);
    let last = '', lastArticle = '';
    // a widely reported event: its first reports here, then where the rest are
    g.reports.slice(0, GROUP_SHOWN).forEach((e, k) => {
      const x = g.evidence[k];
      // the same sentence in several copies of a story: shown once, each copy's article under it;
      // two records of one sentence (two actors of one act) add nothing to read
      const same = !!x && x.sentence === last;
      if (same && e.articleId === lastArticle) return;
      if (x) { last = x.sentence; lastArticle = e.articleId; }
      const lines = evidenceLines(e, x, n > 1 ? '      ' : '    ', !same);
      if (n > 1 && e.record.date !== g.reports[0]!.record.date && lines.length) lines[lines.length - 1] += `  (dated ${e.record.date ?? '-'} here)`;
      out.push(...lines);
    });
    if (n > GROUP_SHOWN) out.push(`      … ${n - GROUP_SHOWN} more report${n - GROUP_SHOWN === 1 ? '' : 's'}: entente events --cluster '${g.cluster.id.replace(/'/g, `'\\''`)}' --evidence`);
  });
  return out.join('\n') + '\n';
}

/** Reports shown under one event by `events --group --evidence` (the rest: `--cluster ID`). */
const GROUP_SHOWN = 10;

/** `--exclude negated,hypothetical` → the kinds; a UsageError naming the flag otherwise. */
function parseExclude(v: string | undefined): ExcludeKind[] | undefined {
  if (v === undefined) return undefined;
  const kinds = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = kinds.filter((k) => !(EXCLUDE_KINDS as readonly string[]).includes(k));
  if (!kinds.length || bad.length) throw new UsageError(`--exclude "${v}": expected a comma-separated list of ${EXCLUDE_KINDS.join(', ')}`);
  return kinds as ExcludeKind[];
}

const EXCLUDE_HELP = `leave out records of these kinds: ${EXCLUDE_KINDS.join(', ')} (comma-separated; e.g. negated,hypothetical counts acts and intents only)`;

/**
 * What a name matched when it is one actor, not a country ("Taliban" → the Islamic Emirate only), and
 * the code that counts every actor of its country: "Russia Taliban" and "Russia Afghanistan" are
 * different questions (9 and 23 events on the demo store), and the user should see which was asked.
 */
async function narrowNames(args: [string, ActorArg][], date: string | null): Promise<string[]> {
  const out: string[] = [];
  for (const [text, r] of args) {
    const ids = Array.isArray(r) ? r : [r];
    const id = ids.find((x) => x !== text);
    if (!id || /^[A-Z]{3}$/.test(id)) continue;
    // the KB's entity for the name (resolveActorArg's lookup; null without a KB: say nothing)
    const e = await lookupActorName(text, date);
    if (!e || !e.country_code || e.country_code === 'IGO') continue;
    out.push(`"${text}" = ${e.name} (${id}) only; ${e.country_code} counts every actor of that country`);
  }
  return out;
}

/** The names among the arguments that are no code or id and that the KB did not resolve (the API's rule: server/args.ts). */
function unknownNames(args: [string, ActorArg][]): string[] {
  return args.filter(([t, r]) => !isKnownActorArg(t, Array.isArray(r) ? r : [r])).map(([t]) => t);
}

function timelineTable(t: Timeline, a: string, b: string): string {
  const label = (d: string) => (d === 'a->b' ? `${a}→${b}` : `${b}→${a}`);
  const num = (x: number | null) => (x === null ? '-' : x.toFixed(2));
  // PLOVER intensity is null until there is a table for it: a column of dashes only is left out
  const withIntensity = t.rows.some((r) => r.intensity_mean !== null);
  return table(t.rows.map((r) => [r.period, label(r.direction), String(r.count), String(r.quad[1]), String(r.quad[2]), String(r.quad[3]), String(r.quad[4]), num(r.goldstein_mean), ...(withIntensity ? [num(r.intensity_mean)] : [])]),
    ['PERIOD', 'DIRECTION', 'EVENTS', 'Q1', 'Q2', 'Q3', 'Q4', 'GOLDSTEIN', ...(withIntensity ? ['INTENSITY'] : [])]);
}

/**
 * The trend a reader looks for, both directions together: per period, cooperation (quad 1+2) against
 * conflict (3+4) as counts and a bar, and the mean Goldstein score weighted by events; a period with no
 * events between them is shown as such rather than skipped.
 */
export function trendTable(t: Timeline): string {
  const by = new Map<string, { coop: number; confl: number; gsum: number; gn: number }>();
  for (const r of t.rows) {
    const x = by.get(r.period) ?? { coop: 0, confl: 0, gsum: 0, gn: 0 };
    x.coop += r.quad[1] + r.quad[2];
    x.confl += r.quad[3] + r.quad[4];
    if (r.goldstein_mean !== null) { x.gsum += r.goldstein_mean * r.count; x.gn += r.count; }
    by.set(r.period, x);
  }
  const present = [...by.keys()].sort();
  if (!present.length) return '';
  const periods = allPeriods(present[0]!, present[present.length - 1]!, t.by) ?? present;
  const max = Math.max(...[...by.values()].map((x) => x.coop + x.confl));
  // a bar of at most 30 marks: + for each cooperative, - for each conflictual event (scaled when larger)
  const bar = (n: number) => (n ? Math.max(1, Math.round((n * Math.min(30, max)) / max)) : 0);
  const rows: string[][] = [];
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!, x = by.get(p);
    if (!x) {
      // a run of quiet periods is one row ("2021-11–2023-04  no events (18 months)"), not one each
      let j = i;
      while (j + 1 < periods.length && !by.has(periods[j + 1]!)) j++;
      const n = j - i + 1;
      rows.push([n > 1 ? `${p}–${periods[j]}` : p, '', '', '', n > 1 ? `no events (${n} ${t.by}s)` : 'no events']);
      i = j;
      continue;
    }
    const g = x.gn ? x.gsum / x.gn : null;
    rows.push([p, String(x.coop), String(x.confl), g === null ? '-' : `${g >= 0 ? '+' : ''}${g.toFixed(1)}`, '+'.repeat(bar(x.coop)) + '-'.repeat(bar(x.confl))]);
  }
  return '\nBoth directions: cooperation (quad 1+2) and conflict (quad 3+4) events, mean Goldstein (−10 conflict … +10 cooperation)\n' +
    table(rows, ['PERIOD', 'COOP', 'CONFL', 'GOLDSTEIN', '']);
}

// ------------------------------------------------------------------ option parsing

function parseDate(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!DATE_ARG.test(v)) throw new UsageError(`${flag} "${v}": expected YYYY, YYYY-MM or YYYY-MM-DD`);
  if (!isCalendarDate(v)) throw new UsageError(`${flag} "${v}": no such day (the month has ${new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)), 0)).getUTCDate()})`);
  return v;
}

function parseNumber(flag: string, v: string | undefined, min: number, max: number, int = false): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n))) {
    throw new UsageError(`${flag} "${v}": expected ${int ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return n;
}

interface EventFlags {
  db: string;
  actor?: string;
  recipient?: string;
  dyad?: string;
  type?: string;
  since?: string;
  until?: string;
  minConfidence?: string;
  text?: string;
  cluster?: string;
  article?: string;
  limit?: string;
  offset?: string;
  cursor?: string;
  format?: string;
  exclude?: string;
  evidence?: boolean;
  group?: boolean;
}

/** `names` collects each actor argument with what it resolved to (for narrowNames). */
async function eventQuery(f: EventFlags, names: [string, ActorArg][] = []): Promise<EventQuery> {
  const since = parseDate('--since', f.since);
  const until = parseDate('--until', f.until);
  const when = until ?? null;
  const q: EventQuery = { since, until };
  const resolve = async (t: string) => { const r = await resolveActorArg(t, when); names.push([t, r]); return r; };
  if (f.actor) q.actor = await resolve(f.actor);
  if (f.recipient) q.recipient = await resolve(f.recipient);
  if (f.dyad) {
    const parts = f.dyad.split(',').map((s) => s.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(`--dyad "${f.dyad}": expected two actors separated by a comma, e.g. --dyad RUS,UKR`);
    q.dyad = [await resolve(parts[0]), await resolve(parts[1])];
  }
  if (f.type) {
    if (!/^(\d{2,4}|[A-Za-z_]+)$/.test(f.type) || !isKnownEventType(f.type)) throw new UsageError(`--type "${f.type}": expected a PLOVER type (${ploverTypes().join(', ')}) or the start of a CAMEO code (04, 042)`);
    q.type = f.type;
  }
  q.minConfidence = parseNumber('--min-confidence', f.minConfidence, 0, 1);
  if (f.text) q.text = f.text;
  if (f.cluster) q.clusterId = f.cluster;
  if (f.article) q.articleId = f.article;
  q.limit = parseNumber('--limit', f.limit, 1, 1000, true) ?? 50;
  q.offset = parseNumber('--offset', f.offset, 0, Number.MAX_SAFE_INTEGER, true);
  if (f.cursor) q.cursor = f.cursor;
  const exclude = parseExclude(f.exclude);
  if (exclude) q.exclude = exclude;
  return q;
}

const EVENT_FORMATS_HELP = 'table | jsonl | json | csv | gdelt | plover';

function eventFormat(v: string | undefined, dflt: 'table' | EventFormat): 'table' | EventFormat {
  const f = v ?? dflt;
  if (f !== 'table' && !isEventFormat(f)) throw new UsageError(`--format "${f}": expected one of ${EVENT_FORMATS_HELP}`);
  return f;
}

/** Runs an action, turning UsageError into "entente <cmd>: …" + exit 2. */
function guard<A extends unknown[]>(name: string, fn: (...a: A) => Promise<void>): (...a: A) => Promise<void> {
  return async (...a: A) => {
    try {
      await fn(...a);
    } catch (e) {
      if (e instanceof UsageError) return usageError(name, e.message);
      if (e instanceof Error && /invalid cursor/.test(e.message)) return usageError(name, e.message);
      throw e;
    }
  };
}

/** ''; or, when --since/--until left undated events out (their time is unknown), how many. */
async function undatedNote(store: Pick<Store, 'events'>, q: EventQuery): Promise<string> {
  const n = await undatedEvents(store, q);
  return n > 0 ? `; ${n} more undated event${n === 1 ? '' : 's'} left out by --since/--until (without them they are listed last, dated "-")` : '';
}

async function groupedEvents(store: Store, q: EventQuery, f: EventFlags, format: 'table' | 'jsonl' | 'json'): Promise<void> {
  const from = q.offset ?? 0;
  const { groups, events: total, reports } = await groupPage(store, q, from, q.limit ?? 50);
  if (f.evidence) {
    // the table shows a group's first GROUP_SHOWN reports: only theirs are read
    const shownOf = (g: EventGroup) => (format === 'table' ? g.reports.slice(0, GROUP_SHOWN) : g.reports);
    const ev = await eventEvidence(store, groups.flatMap(shownOf));
    let k = 0;
    for (const g of groups) g.evidence = shownOf(g).map(() => ev[k++]!);
  }
  const json = (g: EventGroup) => ({
    cluster: g.cluster,
    events: g.reports.map((e, i) => (f.evidence ? { ...e.record, evidence: g.evidence[i] ?? null } : e.record)),
  });
  if (format === 'table') await writeOut(groups.length ? groupTable(groups, !!f.evidence) : '');
  else if (format === 'json') await writeOut(JSON.stringify(groups.map(json), null, 2) + '\n');
  else for (const g of groups) await writeOut(JSON.stringify(json(g)) + '\n');
  const shown = groups.length ? `${from + 1}–${from + groups.length}` : '0';
  const more = from + groups.length < total ? ` (next page: --offset ${from + groups.length})` : '';
  process.stderr.write(`entente events: ${shown} of ${total} event${total === 1 ? '' : 's'} (${reports} report${reports === 1 ? '' : 's'})${more}${await undatedNote(store, q)}\n`);
  process.exitCode = total > 0 ? 0 : 1;
}

// ------------------------------------------------------------------ ingest

interface Progress { tick(ok: boolean): void; done(): void }

/** A one-line progress display on a TTY stderr, shown once a run lasts over a second. */
function progress(total: number | null): Progress {
  const tty = process.stderr.isTTY === true;
  const t0 = Date.now();
  let n = 0, failed = 0, shown = false, last = 0;
  return {
    tick(ok) {
      n++;
      if (!ok) failed++;
      const now = Date.now();
      if (!tty || now - t0 < 1000 || now - last < 200) return;
      last = now;
      shown = true;
      const rate = n / ((now - t0) / 1000);
      let s = `ingest: ${n}${total ? `/${total}` : ''} articles, ${rate.toFixed(1)} articles/s`;
      if (total && total > n) s += `, ETA ${Math.ceil((total - n) / rate)} s`;
      if (failed) s += `, ${failed} failed`;
      process.stderr.write('\r' + pad(s, 72));
    },
    done() {
      if (shown) process.stderr.write('\r' + ' '.repeat(72) + '\r');
    },
  };
}

/**
 * About how many documents the inputs hold, for the ETA: a plain file is one, a local JSONL file
 * one per non-empty line, a directory one per file under it. Unknown (null) for URLs, stdin,
 * feeds and WARC files.
 */
function knownTotal(inputs: string[]): number | null {
  let n = 0;
  const walk = (dir: string, depth: number): number => {
    if (depth > 8) return 0;
    let k = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) k += walk(join(dir, e.name), depth + 1);
      else if (e.isFile()) k++;
    }
    return k;
  };
  try {
    for (const i of inputs) {
      if (i === '-' || /^https?:/i.test(i) || /\.(warc|gz|xml|rss|atom)$/i.test(i)) return null;
      const st = statSync(i);
      if (st.isDirectory()) n += walk(i, 0);
      else if (/\.(jsonl|ndjson)$/i.test(i)) {
        if (st.size > 512 * 1024 * 1024) return null;
        n += readFileSync(i, 'utf8').split('\n').filter((l) => l.trim()).length;
      } else n++;
    }
  } catch {
    return null;
  }
  return n;
}

interface IngestFlags extends SourceFlags { db: string; quiet?: boolean; workers?: string; restart?: boolean; batch?: string }

/** Where the resume checkpoint of an ingest run into `db` lives. */
function checkpointPath(db: string): string {
  return isPostgresUrl(db) || db === ':memory:' ? join(process.cwd(), '.entente-ingest-checkpoint.json') : `${db}.ingest-checkpoint.json`;
}

async function ingest(inputs: string[], flags: IngestFlags): Promise<void> {
  const opts = sourceOptions(flags);
  const workers = positiveInt('--workers', flags.workers, defaultWorkers());
  const batchSize = positiveInt('--batch', flags.batch, 64);
  await withStore('ingest', flags.db, false, async (store) => {
    // Load the KB and lexicons before reading (in one worker thread: this thread never codes when
    // there are workers): an invalid data file stops the run here instead of failing item by item.
    const cpPath = checkpointPath(flags.db);
    if (flags.restart) rmSync(cpPath, { force: true });
    const coder = createCoder({ workers, defaultDate: opts.date ?? null });
    try {
      await coder.ready();
    } catch (e) {
      await coder.close();
      process.stderr.write(`entente ingest: ${(e as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    const bar = progress(knownTotal(inputs));
    const stop = gracefulStop('\nentente ingest: stopping after the current batch (run the same command again to continue; Ctrl-C again to quit now)\n');
    let notes = 0;
    let empty = 0;
    // the documents' notes (undated, not English), as `entente code` prints them; '\r' overwrites the progress bar
    const docNoted = docNotes({ write: (line: string) => process.stderr.write(`\r${line}`) });
    let r;
    try {
      r = await ingestStream(
        readInputs(inputs, { ...opts, onNote: (origin, text) => { notes++; process.stderr.write(`entente: ${origin}: note: ${text}\n`); } }),
        {
          store, coder, batchSize, checkpointPath: cpPath, runKey: runKey(inputs, flags.db), signal: stop.signal,
          onItem: (e) => {
            bar.tick(e.ok);
            if (!e.ok && e.error) process.stderr.write(`\rentente: ${withOrigin(e.origin, e.error)}\n`);
            // stored, but with no article text (a nav-only page): the same line as `entente code`
            if (e.ok && e.empty) {
              empty++;
              process.stderr.write(`\rentente: ${e.origin}: ${noTextLine(e.origin)}\n`);
            } else if (e.ok && e.notes) notes += docNoted.report(e.origin, e.notes);
          },
        },
      );
    } catch (e) {
      bar.done();
      // A lost connection or a full disk: what was committed stays, and the checkpoint says where to go on from.
      process.stderr.write(`entente ingest: the store failed (${(e as Error).message}); committed batches are kept — fix the cause and run the same command again to continue\n`);
      process.exitCode = EXIT_STORE;
      return;
    } finally {
      stop.dispose();
      await coder.close();
    }
    bar.done();
    const hidden = docNoted.hidden();
    const reasons = Object.entries(r.reasons).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${v}× ${k}`).join('; ');
    process.stderr.write(
      `entente ingest: ${r.read + r.failed} read, ${r.stored} stored, ${r.replaced} replaced, ${r.unchanged} unchanged, ${r.failed} failed${reasons ? ` (${reasons})` : ''}` +
        `${r.resumed ? `, ${r.resumed} skipped (done by the interrupted run)` : ''}${empty ? `, ${empty} with no article text` : ''}${notes ? `, ${notes} note${notes === 1 ? '' : 's'}` : ''}` +
        `${hidden.length ? ` (not shown: ${hidden.join(', ')}; \`entente annotate\` lists every message)` : ''}, ${r.events} events` +
        `${r.completed ? '' : ' — interrupted: run the same command again to continue'}\n`,
    );
    process.exitCode = !r.completed ? 130 : r.read > 0 || r.resumed > 0 ? 0 : 1;
  });
}

// ------------------------------------------------------------------ export

/** The `events` filters `export` takes too (no paging: it writes every match). */
type ExportFlags = Omit<EventFlags, 'limit' | 'offset' | 'cursor' | 'evidence' | 'group'> & { out?: string };
const FILTER_FLAGS = ['actor', 'recipient', 'dyad', 'type', 'since', 'until', 'minConfidence', 'text', 'cluster', 'article', 'exclude'] as const;

/**
 * Writes to FILE through a temp file in the same directory, renamed when complete (no half-written exports).
 * With no filter: every stored event in ingest order; with `events`' filters (--dyad RUS,AFG --since 2021):
 * every match, newest event first, however many (`events` pages them).
 */
async function exportEvents(flags: ExportFlags): Promise<void> {
  const format = eventFormat(flags.format, 'jsonl');
  if (format === 'table') throw new UsageError(`--format table is for the terminal: export as jsonl, json, csv, gdelt or plover`);
  const names: [string, ActorArg][] = [];
  const filtered = FILTER_FLAGS.some((k) => flags[k] !== undefined);
  const q = filtered ? await eventQuery(flags, names) : null;
  if (flags.out !== undefined) {
    // say which flag and directory before the store is read, not "ENOENT … .x.jsonl.123.tmp" after
    const dir = dirname(flags.out);
    let isDir = false;
    try { isDir = statSync(dir).isDirectory(); } catch { /* missing */ }
    if (!isDir) throw new UsageError(`--out "${flags.out}": no directory ${dir} — create it or give another --out`);
  }
  await withStore('export', flags.db, true, async (store) => {
    for (const n of await narrowNames(names, q?.until ?? null)) process.stderr.write(`entente export: ${n}\n`);
    const out = flags.out;
    const tmp = out ? join(dirname(out), `.${basename(out)}.${process.pid}.tmp`) : null;
    const stream = tmp ? createWriteStream(tmp) : null;
    if (!stream) exitOnClosedStdout();
    const write = async (s: string) => {
      if (!stream) return writeOut(s);
      if (!stream.write(s)) await once(stream, 'drain');
    };
    const counts: ExportCounts = { events: 0, leftOut: 0 };
    try {
      for await (const text of exportChunks(store, format, q, counts)) await write(text);
      if (stream && tmp && out) {
        stream.end();
        await once(stream, 'finish');
        renameSync(tmp, out);
      }
    } catch (err) {
      if (stream && tmp) { stream.destroy(); rmSync(tmp, { force: true }); }
      const code = (err as NodeJS.ErrnoException).code;
      if (out && code && /^E[A-Z]+$/.test(code)) {
        // permissions, a full disk: nothing half-written is left, and the message names the file
        process.stderr.write(`entente export: cannot write ${out}: ${(err as Error).message.replace(/, open .*$/, '')} — check --out and the disk; nothing was written\n`);
        process.exitCode = 1;
        return;
      }
      throw err;
    }
    const undated = q ? await undatedNote(store, q) : '';
    process.stderr.write(`entente export: ${counts.events - counts.leftOut} events${filtered ? ' matching' : ''}${out ? ` written to ${out}` : ''}${undated}\n` + leftOutNote('export', format, counts.leftOut));
    // a filter that matches nothing is an answer ("no events"), but not an export to use: exit 1 as `events` does
    if (filtered && !counts.events) process.exitCode = 1;
  });
}

// ------------------------------------------------------------------ register

/** The filters of `events`, shared by `export`. */
function addEventFilters(cmd: Command): Command {
  return cmd
    .option('--actor <actor>', 'actor: country code (RUS), name (Russia) or entity id')
    .option('--recipient <actor>', 'recipient: country code, name or entity id')
    .option('--dyad <a,b>', 'events between a and b, either direction')
    .option('--type <type>', 'PLOVER type (CONSULT) or CAMEO code prefix (04, 042)')
    .option('--since <date>', 'from this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'up to this date, inclusive')
    .option('--min-confidence <c>', 'only events with confidence ≥ c (0..1)')
    .option('--text <words>', 'only events whose sentence contains these words')
    .option('--cluster <id>', 'only the reports of this event cluster (the same real-world event)')
    .option('--article <id>', 'only the events of this stored article')
    .option('--exclude <kinds>', EXCLUDE_HELP);
}

export function register(program: Command): void {
  const ing = program
    .command('ingest')
    .description('read articles, run the pipeline and store documents and events (idempotent: unchanged articles are skipped)')
    .argument('<inputs...>', 'URLs, files, directories, feeds, WARC, JSONL, or - for stdin');
  addDbOption(ing);
  ing.option('--workers <n>', `coding threads (default: ${defaultWorkers()} = the cores here)`)
    .option('--batch <n>', 'articles per store transaction', '64')
    .option('--restart', 'ignore the checkpoint of an interrupted run and start from the first input');
  addSourceOptions(ing);
  ing.action(guard('ingest', ingest));

  const ev = program
    .command('events')
    .description('query stored events (newest first)');
  addEventFilters(ev);
  ev.option('--limit <n>', 'page size (max 1000; `entente export` with the same filters writes them all)', '50')
    .option('--offset <n>', 'skip this many')
    .option('--cursor <cursor>', 'continue after a previous page (printed on stderr)')
    .option('--evidence', 'with each event its sentence, who it is attributed to and its article (title, date, outlet, URL): under the row in a table, an "evidence" field in jsonl/json (plover always has them)')
    .option('--group', 'one row per real-world event: the reports of the same event (its cluster) folded together, with --evidence each report\'s sentence and article under it; --limit/--offset count events (table, jsonl, json)')
    .option('-f, --format <format>', EVENT_FORMATS_HELP, 'table');
  addDbOption(ev);
  ev.action(guard('events', async (f: EventFlags) => {
    const format = eventFormat(f.format, 'table');
    // plover records carry their sentence (`text`) and article (`cite_info`) anyway
    if (f.evidence && !['table', 'jsonl', 'json', 'plover'].includes(format)) throw new UsageError(`--evidence works with --format table, jsonl, json or plover (not ${format}: its columns are fixed)`);
    if (f.group && !['table', 'jsonl', 'json'].includes(format)) throw new UsageError(`--group works with --format table, jsonl or json (not ${format}: one row per report, with the event's cluster in its columns)`);
    if (f.group && f.cursor) throw new UsageError('--group pages by event: give --offset, not --cursor');
    const names: [string, ActorArg][] = [];
    const q = await eventQuery(f, names);
    await withStore('events', f.db, true, async (store) => {
      exitOnClosedStdout();
      for (const n of await narrowNames(names, q.until ?? null)) process.stderr.write(`entente events: ${n}\n`);
      if (f.group) return groupedEvents(store, q, f, format as 'table' | 'jsonl' | 'json');
      const page = await store.events(q);
      // plover and csv records carry their sentence (PLOVER `text`, csv `sentence_text`) whether or not --evidence is asked for
      // (gdelt's DATEADDED is when the article was stored: also from the evidence's article)
      const ev = f.evidence || (format !== 'table' && needsEvidence(format)) ? await eventEvidence(store, page.events) : null;
      const withEv = (e: StoredEvent, i: number) => (ev ? { ...e.record, evidence: ev[i] } : e.record);
      if (format === 'table') await writeOut(page.events.length ? (ev ? evidenceTable(page.events, ev) : eventTable(page.events)) : '');
      else if (format === 'json') await writeOut(JSON.stringify(page.events.map(withEv), null, 2) + '\n');
      else if (format === 'jsonl' && ev) for (const [i, e] of page.events.entries()) await writeOut(JSON.stringify(withEv(e, i)) + '\n');
      else {
        if (format === 'csv') await writeOut(csvHeader());
        for (const [i, e] of page.events.entries()) await writeOut(formatLine(e, format, ev?.[i]));
        process.stderr.write(leftOutNote('events', format, page.events.filter((e) => leftOut(e.record, format)).length));
      }
      const from = (q.cursor ? 0 : q.offset ?? 0);
      const shown = page.events.length ? `${from + 1}–${from + page.events.length}` : '0';
      process.stderr.write(`entente events: ${shown} of ${page.total}${page.nextCursor ? ` (next page: --cursor ${page.nextCursor})` : ''}${await undatedNote(store, q)}\n`);
      process.exitCode = page.total > 0 ? 0 : 1;
    });
  }));

  const tl = program
    .command('timeline')
    .description('events between two actors per period, both directions: counts by quad class and mean Goldstein (PLOVER intensity: null until there is a table)')
    .argument('<a>', 'actor: country code, name or entity id')
    .argument('<b>', 'the other actor')
    .option('--by <period>', 'month | week | year', 'month')
    .option('--since <date>', 'from this date')
    .option('--until <date>', 'up to this date, inclusive')
    .option('--min-confidence <c>', 'only events with confidence ≥ c')
    .option('--exclude <kinds>', `${EXCLUDE_HELP}; by default every stored record counts`)
    .option('-f, --format <format>', 'table | json | csv (one row per period and direction, quiet periods as zeros: a series for pandas or R)', 'table');
  addDbOption(tl);
  tl.action(guard('timeline', async (a: string, b: string, f: { db: string; by: string; since?: string; until?: string; minConfidence?: string; format: string; exclude?: string }) => {
    if (!['month', 'week', 'year'].includes(f.by)) throw new UsageError(`--by "${f.by}": expected month, week or year`);
    if (!['table', 'json', 'csv'].includes(f.format)) throw new UsageError(`--format "${f.format}": expected table, json or csv`);
    const since = parseDate('--since', f.since);
    const until = parseDate('--until', f.until);
    const minConfidence = parseNumber('--min-confidence', f.minConfidence, 0, 1);
    const exclude = parseExclude(f.exclude);
    const A = await resolveActorArg(a, until ?? null);
    const B = await resolveActorArg(b, until ?? null);
    await withStore('timeline', f.db, true, async (store) => {
      exitOnClosedStdout();
      const t = await store.timeline({ a: A, b: B, by: f.by as Period, since, until, minConfidence, exclude });
      const unknown = t.rows.length || t.unbucketed ? [] : unknownNames([[a, A], [b, B]]);
      if (unknown.length) process.stderr.write(`entente timeline: ${unknownNamesNote(unknown, '`entente actors`')}\n`);
      for (const n of await narrowNames([[a, A], [b, B]], until ?? null)) process.stderr.write(`entente timeline: ${n}\n`);
      if (f.format === 'json') await writeOut(JSON.stringify({ a, b, ...t }, null, 2) + '\n');
      else {
        const n = t.rows.reduce((k, r) => k + r.count, 0), periods = new Set(t.rows.map((r) => r.period)).size;
        if (f.format === 'csv') await writeOut(timelineCsv(t, a, b));
        else await writeOut(t.rows.length ? timelineTable(t, a, b) + (periods > 1 ? trendTable(t) : '') : '');
        // --since/--until leave undated events out of the query: count them, since "no events" is not "unknown when"
        const undated = since || until ? await undatedBetween(store, A, B, minConfidence, exclude) : 0;
        process.stderr.write(`entente timeline: ${n} event${n === 1 ? '' : 's'} in ${periods} ${f.by}${periods === 1 ? '' : 's'}` +
          (t.unbucketed ? `, ${t.unbucketed} more without a ${f.by === 'week' ? 'day' : f.by}-precision date` : '') +
          (undated ? `; ${undated} more undated between them, left out by --since/--until (\`entente events --dyad ${a},${b}\` lists them last, dated "-")` : '') + '\n');
      }
      process.exitCode = t.rows.length ? 0 : 1;
    });
  }));

  const se = program
    .command('search')
    .description('full-text search over stored sentences (all words must occur; "quoted phrases")')
    .argument('<text>', 'words to find')
    .option('--limit <n>', 'results (max 1000)', '20')
    .option('--offset <n>', 'skip this many')
    .option('-f, --format <format>', 'table | jsonl', 'table');
  addDbOption(se);
  se.action(guard('search', async (text: string, f: { db: string; limit: string; offset?: string; format: string }) => {
    if (!['table', 'jsonl'].includes(f.format)) throw new UsageError(`--format "${f.format}": expected table or jsonl`);
    // an empty query is a mistake (a shell variable that was not set), not a search with no hits
    if (!/[\p{L}\p{N}]/u.test(text)) throw new UsageError(`"${text}": give words to find, e.g. entente search "recognize Taliban"`);
    const limit = parseNumber('--limit', f.limit, 1, 1000, true);
    const offset = parseNumber('--offset', f.offset, 0, Number.MAX_SAFE_INTEGER, true);
    await withStore('search', f.db, true, async (store) => {
      exitOnClosedStdout();
      const r = await store.searchSentences({ q: text, limit, offset });
      if (f.format === 'jsonl') for (const h of r.hits) await writeOut(JSON.stringify(h) + '\n');
      else {
        // an untitled article (a local clipping) is shown by its path (the hit's docId) rather than an empty title
        await writeOut(r.hits.length ? table(r.hits.map((h) => [h.published?.slice(0, 10) ?? '-', h.articleId, String(h.sentence), cut(h.title || h.docId, 40), cut(h.snippet, 100)]), ['PUBLISHED', 'ARTICLE', 'SENT', 'TITLE', 'SNIPPET']) : '');
      }
      process.stderr.write(`entente search: ${r.hits.length} of ${r.total} sentences\n`);
      process.exitCode = r.total > 0 ? 0 : 1;
    });
  }));

  const ex = program
    .command('export')
    .description('write every stored event, or every one matching the filters of `entente events` (jsonl: the event contract; gdelt: with NumMentions/NumSources/NumArticles from the event clusters)')
    .option('-f, --format <format>', 'jsonl | json | csv | gdelt | plover', 'jsonl')
    .option('-o, --out <file>', 'write to this file (atomically: temp file + rename) instead of stdout');
  addEventFilters(ex);
  addDbOption(ex);
  ex.action(guard('export', exportEvents));

  const st = program.command('stats').description('counts of what the store holds');
  addDbOption(st);
  st.action(guard('stats', async (f: { db: string }) => {
    await withStore('stats', f.db, true, async (store) => {
      await writeOut(JSON.stringify({ store: store.kind, ...(await store.stats()) }, null, 2) + '\n');
    });
  }));
}
