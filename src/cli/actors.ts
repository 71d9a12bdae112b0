// `entente actors <inputs…>`: the actor mentions of articles, resolved as of each article's date.
// With no inputs: the top actors in the store (src/cli/store-actors.ts, written by the store work).
import type { Command } from 'commander';
import { actorStage, articleStage, sentenceStage } from '../pipeline.js';
import { loadKB } from '../actors/index.js';
import type { ActorDoc, Mention } from '../types.js';
import { addSourceOptions, exitOnClosedStdout, iterateDocs, usageError, writeOut, type SourceFlags, sourceOptionsOrUsage } from './common.js';

const FORMATS = ['table', 'json', 'jsonl'] as const;

export function mentionsTable(doc: ActorDoc): string {
  const rows: string[][] = [['sent', 'span', 'type', 'text', 'id', 'code', 'office']];
  for (const m of doc.mentions) {
    const e = m.entity;
    rows.push([String(m.sentence), `${m.start}-${m.end}`, m.type, m.text.replace(/\s+/g, ' '), e ? e.id : '(unresolved)', e ? e.code : '', e?.office ?? '']);
  }
  const widths = rows[0]!.map((_, c) => Math.min(48, Math.max(...rows.map((r) => r[c]!.length))));
  const line = (r: string[]) => r.map((x, c) => (x.length > widths[c]! ? x.slice(0, widths[c]! - 1) + '…' : x.padEnd(widths[c]!))).join('  ').trimEnd();
  return `# ${doc.id}  (date ${doc.refDate ?? 'unknown'}, ${doc.mentions.length} mentions)\n` + rows.map(line).join('\n') + '\n';
}

export function mentionsJson(doc: ActorDoc): Record<string, unknown> {
  return {
    doc_id: doc.id, date: doc.refDate,
    mentions: doc.mentions.map((m: Mention) => m),
    messages: doc.messages.filter((x) => x.origin.startsWith('actors:')),
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('actors')
    .description('list the actor mentions of articles, resolved against the knowledge base as of the article date; with no inputs, the top actors in the store')
    .argument('[inputs...]', 'URLs, files, directories, or - for stdin')
    .option('-f, --format <format>', 'table | json | jsonl (json: one object per document, per line)', 'table')
    .option('--top <n>', 'with no inputs: how many top actors to list', '20')
    .option('--db <path>', 'with no inputs: the store to read');
  addSourceOptions(cmd);
  cmd.action(async (inputs: string[], flags: SourceFlags & { format: string; top: string; db?: string }) => {
    if (!FORMATS.includes(flags.format as (typeof FORMATS)[number])) return usageError('actors', `--format "${flags.format}": expected table, json or jsonl`);
    if (!inputs.length) {
      const top = Number(flags.top);
      if (!Number.isInteger(top) || top <= 0) return usageError('actors', `--top "${flags.top}": expected a positive whole number`);
      let mod: { topActors?: (o: Record<string, unknown>) => unknown };
      try {
        const path = './store-actors.js';
        mod = (await import(path)) as typeof mod;
      } catch {
        process.stderr.write('entente actors: listing the store\'s top actors is not available in this build (src/cli/store-actors.ts missing); give an article to read instead\n');
        process.exitCode = 2;
        return;
      }
      if (typeof mod.topActors !== 'function') {
        process.stderr.write('entente actors: src/cli/store-actors.ts has no topActors(); give an article to read instead\n');
        process.exitCode = 2;
        return;
      }
      await mod.topActors({ top, db: flags.db, format: flags.format });
      return;
    }
    const opts = sourceOptionsOrUsage('actors', flags);
    if (!opts) return;
    const kb = loadKB();
    exitOnClosedStdout();
    await iterateDocs(inputs, opts, async (raw) => {
      const doc = actorStage(sentenceStage(articleStage(raw, opts.date ?? null)), kb);
      await writeOut(flags.format === 'table' ? mentionsTable(doc) : JSON.stringify(mentionsJson(doc)) + '\n');
      return doc;
    });
  });
}
