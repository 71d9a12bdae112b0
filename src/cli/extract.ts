// `entente extract <inputs…>`: read articles (any source) and print them as Markdown clippings
// or JSON. Default format: md for one input, jsonl for several. With json, one document prints as
// an indented object, several as one object per line (the first is held back until we know).

import type { Command } from 'commander';
import { rawToArticle } from '../article/index.js';
import { decideLanguage } from '../article/language.js';
import { articleToMarkdown } from '../article/markdown.js';
import type { Article } from '../types.js';
import { addSourceOptions, emptyArticle, exitOnClosedStdout, iterateDocs, usageError, writeOut, type SourceFlags, sourceOptionsOrUsage } from './common.js';

const FORMATS = ['md', 'json', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

/** Every Article field, in a stable order, absent optional ones as null. */
export function articleJson(a: Article): Record<string, unknown> {
  return {
    id: a.id, url: a.url, canonical_url: a.canonical_url, title: a.title, published: a.published, modified: a.modified,
    authors: a.authors, site: a.site, language: a.language, section: a.section, tags: a.tags, lede: a.lede,
    dateline: a.dateline ?? null, body: a.body, blocks: a.blocks, captions: a.captions, links: a.links,
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('extract')
    .description('read articles (URLs, files, directories, feeds, WARC, JSONL, "-" for stdin) and print them as Markdown clippings or JSON')
    .argument('<inputs...>', 'URLs, files, directories, or - for stdin')
    .option('-f, --format <format>', 'md | json | jsonl (default: md for one input, jsonl for several)');
  addSourceOptions(cmd);
  cmd.action(async (inputs: string[], flags: SourceFlags & { format?: string }) => {
    const opts = sourceOptionsOrUsage('extract', flags);
    if (!opts) return;
    if (flags.format !== undefined && !FORMATS.includes(flags.format as Format)) {
      return usageError('extract', `--format "${flags.format}": expected one of ${FORMATS.join(', ')}`);
    }
    const format: Format = (flags.format as Format | undefined) ?? (inputs.length === 1 ? 'md' : 'jsonl');
    exitOnClosedStdout();

    let held: Article | null = null; // json: the first article, until we know whether more follow
    let count = 0;
    await iterateDocs(inputs, opts, async (raw) => {
      const article = rawToArticle(raw);
      // as the pipeline's language stage does, so `extract` shows what later stages will see
      if (!article.language && article.body.trim()) article.language = decideLanguage(article.body, null);
      count++;
      if (format === 'md') {
        await writeOut((count > 1 ? '\n---\n\n' : '') + articleToMarkdown(article));
      } else if (format === 'jsonl') {
        await writeOut(JSON.stringify(articleJson(article)) + '\n');
      } else if (count === 1) {
        held = article;
      } else {
        if (held) await writeOut(JSON.stringify(articleJson(held)) + '\n');
        held = null;
        await writeOut(JSON.stringify(articleJson(article)) + '\n');
      }
      return emptyArticle(article.body);
    }, { extracting: true });
    if (held && count === 1) await writeOut(JSON.stringify(articleJson(held), null, 2) + '\n');
  });
}
