// `entente code <inputs…> [--format jsonl|json|csv|gdelt|plover]`: read articles from any source,
// run the whole pipeline, print the events on stdout. JSONL input {id, text, date?, url?, title?}
// gives doc_id = id. Exit codes as every batch command (src/cli/common.ts).
import type { Command } from 'commander';
import { createPipeline, processRaw } from '../pipeline.js';
import { EVENT_FORMATS, csvHeader, formatEvents, isEventFormat, leftOut, leftOutNote, type EventFormat, type PloverContext } from '../events/formats.js';
import type { CodedDoc, EventRecord } from '../types.js';
import { outletOf } from '../store/derive.js';
import { addSourceOptions, exitOnClosedStdout, iterateDocs, usageError, writeOut, type SourceFlags, sourceOptionsOrUsage } from './common.js';

export function register(program: Command): void {
  const cmd = program
    .command('code')
    .description('code the events of articles (URLs, files, directories, feeds, WARC, JSONL, "-" for stdin): PLOVER + CAMEO records on stdout')
    .argument('<inputs...>', 'URLs, files, directories, or - for stdin')
    .option('-f, --format <format>', `${EVENT_FORMATS.join(' | ')}`, 'jsonl')
    .option('--min-confidence <x>', 'drop events below this confidence (0..1)', '0');
  addSourceOptions(cmd);
  cmd.action(async (inputs: string[], flags: SourceFlags & { format: string; minConfidence: string }) => {
    const opts = sourceOptionsOrUsage('code', flags);
    if (!opts) return;
    if (!isEventFormat(flags.format)) return usageError('code', `--format "${flags.format}": expected one of ${EVENT_FORMATS.join(', ')}`);
    const min = Number(flags.minConfidence);
    if (!(min >= 0 && min <= 1)) return usageError('code', `--min-confidence "${flags.minConfidence}": expected a number between 0 and 1`);
    const format: EventFormat = flags.format;
    exitOnClosedStdout();
    const pipe = createPipeline({ defaultDate: opts.date ?? null });
    const all: EventRecord[] = [];
    let omitted = 0;
    if (format === 'csv') await writeOut(csvHeader());
    await iterateDocs(inputs, opts, async (raw) => {
      const doc = processRaw(raw, pipe);
      const events = doc.events.filter((e) => e.confidence >= min);
      omitted += events.filter((e) => leftOut(e, format)).length;
      if (format === 'json') all.push(...events);
      else if (events.length) await writeOut(formatEvents(events, format, false, format === 'plover' || format === 'csv' ? ploverContext(doc) : undefined));
      return doc; // no article text, not English, no date: one line on stderr (common.ts)
    });
    if (format === 'json') await writeOut(formatEvents(all, 'json'));
    // plover's records with no PLOVER category, gdelt's negated ones: said once, after the batch's summary
    process.stderr.write(leftOutNote('code', format, omitted));
  });
}

/** plover's sentence and article fields, from the coded document (the record holds only offsets). */
export function ploverContext(doc: CodedDoc): (e: EventRecord) => PloverContext {
  const a = doc.article;
  // the outlet as the store names it (its export's publication): the site, else the URL's host without www.
  const publication = outletOf(a);
  return (e) => ({
    sentence: doc.text.slice(e.text_info.start, e.text_info.end),
    title: a.title, publication, published: a.published, language: a.language,
  });
}
