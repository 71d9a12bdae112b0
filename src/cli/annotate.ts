// `entente annotate <inputs…>`: every stage's result for each document as one JSON object
// (article, sentences, mentions, times, quotes, events, messages). One document prints indented;
// several (or JSONL input) print one object per line, each with the record's `id`.
import type { Command } from 'commander';
import { createPipeline, processRaw } from '../pipeline.js';
import type { CodedDoc } from '../types.js';
import { addSourceOptions, exitOnClosedStdout, iterateDocs, usageError, writeOut, type SourceFlags, sourceOptionsOrUsage } from './common.js';

export function annotation(doc: CodedDoc): Record<string, unknown> {
  return {
    id: doc.id,
    refDate: doc.refDate,
    english: doc.english,
    article: doc.article,
    sentences: doc.sentences,
    mentions: doc.mentions,
    times: doc.times,
    quotes: doc.quotes,
    events: doc.events,
    messages: doc.messages,
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('annotate')
    .description('print every stage\'s result (article, sentences, mentions, times, quotes, events, messages) as JSON')
    .argument('<inputs...>', 'URLs, files, directories, or - for stdin')
    .option('--no-tokens', 'leave the tokens out of the sentences (much smaller output)');
  addSourceOptions(cmd);
  cmd.action(async (inputs: string[], flags: SourceFlags & { tokens: boolean }) => {
    const opts = sourceOptionsOrUsage('annotate', flags);
    if (!opts) return;
    exitOnClosedStdout();
    const pipe = createPipeline({ defaultDate: opts.date ?? null });
    let held: Record<string, unknown> | null = null;
    let count = 0;
    // JSONL input is a batch even with one record: one object per line
    const lines = inputs.some((i) => /\.jsonl(\.gz)?$/i.test(i));
    await iterateDocs(inputs, opts, async (raw) => {
      const doc = processRaw(raw, pipe);
      const a = annotation(flags.tokens ? doc : { ...doc, sentences: doc.sentences.map((s) => ({ ...s, tokens: [] })) });
      count++;
      if (count === 1 && !lines) { held = a; return doc; }
      if (held) { await writeOut(JSON.stringify(held) + '\n'); held = null; }
      await writeOut(JSON.stringify(a) + '\n');
      return doc;
    });
    if (held && count === 1) await writeOut(JSON.stringify(held, null, 2) + '\n');
  });
}
