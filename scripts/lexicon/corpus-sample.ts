// Shared by the lexicon/coder dev checks (diff-corpus.ts, dump-corpus.ts): every `every`-th
// article of each ../shared/news/corpus/*.jsonl file (files in name order), as raw documents.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawDocument } from '../../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = join(ROOT, '..', 'shared', 'news', 'corpus');

export function corpusSample(every: number, dir = CORPUS_DIR): RawDocument[] {
  const docs: RawDocument[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim());
    lines.forEach((line, k) => {
      if (k % every) return;
      const r = JSON.parse(line);
      docs.push({ id: r.id, kind: 'text', content: r.text, origin: r.id, hints: { published: r.date ?? null } });
    });
  }
  return docs;
}
