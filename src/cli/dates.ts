// `entente dates <inputs…> [--date YYYY-MM-DD] [--format table|json]`: the time expressions of
// each article, resolved against its publication date (else --date; never the clock).
//   table  one row per expression: span, type, value, precision, stated/implied parts, text
//   json   one document: an array of {text,start,end,type,value,precision,vague};
//          several documents (JSONL input, many files): one {id,date,times:[…]} per line.
// start/end are character offsets into the article body (for plain text: the text as given).
import type { Command } from 'commander';
import { rawToArticle } from '../article/index.js';
import { extractTimes } from '../time/index.js';
import type { TimeExpr } from '../types.js';
import { addSourceOptions, emptyArticle, exitOnClosedStdout, iterateDocs, usageError, writeOut, type SourceFlags, sourceOptionsOrUsage } from './common.js';

const FORMATS = ['table', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** The public JSON shape of one expression (others build on it: keep it stable). */
export function timeJson(t: TimeExpr): Record<string, unknown> {
  return { text: t.text, start: t.start, end: t.end, type: t.type, value: t.value, precision: t.precision, vague: t.vague };
}

function table(id: string, refDate: string | null, times: TimeExpr[]): string {
  const rows = times.map((t) => [
    `${t.start}-${t.end}`, t.type, t.value ?? '-', t.precision ?? '-',
    [t.stated.join('+') || '-', t.implied.join('+') || '-'].join(' / '),
    t.role ?? '', JSON.stringify(t.text),
  ]);
  const head = ['span', 'type', 'value', 'precision', 'stated / implied', 'role', 'text'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!))).join('  ').trimEnd();
  return [`# ${id} (reference date ${refDate ?? 'none'}): ${times.length} expression${times.length === 1 ? '' : 's'}`, fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}

export function register(program: Command): void {
  const cmd = program
    .command('dates')
    .description('list the time expressions of articles, resolved against the publication date (or --date)')
    .argument('<inputs...>', 'URLs, files, directories, JSONL ({id,text,date} per line), or - for stdin')
    .option('-f, --format <format>', 'table | json', 'table');
  addSourceOptions(cmd);
  cmd.action(async (inputs: string[], flags: SourceFlags & { format: string }) => {
    const opts = sourceOptionsOrUsage('dates', flags);
    if (!opts) return;
    if (!FORMATS.includes(flags.format as Format)) return usageError('dates', `--format "${flags.format}": expected one of ${FORMATS.join(', ')}`);
    const format = flags.format as Format;
    exitOnClosedStdout();
    let held: { id: string; date: string | null; times: TimeExpr[] } | null = null;
    let count = 0;
    await iterateDocs(inputs, opts, async (raw) => {
      const article = rawToArticle(raw);
      // the article's own date wins; --date only fills in (sources put it in the hints)
      const refDate = /^\d{4}-\d{2}-\d{2}/.exec(article.published ?? '')?.[0] ?? opts.date ?? null;
      const { times, messages } = extractTimes(article.body, refDate);
      for (const m of messages) process.stderr.write(`entente: ${raw.origin}: ${m.text}\n`);
      count++;
      if (format === 'table') {
        await writeOut((count > 1 ? '\n' : '') + table(raw.id, refDate, times));
        return emptyArticle(article.body);
      }
      const rec = { id: raw.id, date: refDate, times };
      if (count === 1) { held = rec; return emptyArticle(article.body); }
      if (held) { await writeOut(line(held)); held = null; }
      await writeOut(line(rec));
      return emptyArticle(article.body);
    });
    if (format === 'json' && held) {
      const h = held as { id: string; date: string | null; times: TimeExpr[] };
      // a single document prints as the bare array, except from JSONL where every record keeps its id
      const jsonl = inputs.some((i) => /\.(jsonl|ndjson)(\.gz)?$/i.test(i));
      await writeOut(jsonl ? line(h) : JSON.stringify(h.times.map(timeJson), null, 2) + '\n');
    }
  });
}

function line(r: { id: string; date: string | null; times: TimeExpr[] }): string {
  return JSON.stringify({ id: r.id, date: r.date, times: r.times.map(timeJson) }) + '\n';
}
