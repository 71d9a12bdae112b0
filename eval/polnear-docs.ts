// Shared by eval/quotes.ts and scripts/quotes/fit-filter.ts: PolNeAR texts run through the stages
// before events once and cached on disk (the cue and filter work changes only the event stage),
// and the span overlap both score with.
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { createPipeline, articleStage, sentenceStage, actorStage, timeStage } from '../src/pipeline.js';
import type { DatedDoc, RawDocument } from '../src/types.js';

const CACHE = join(tmpdir(), 'entente-quotes-cache');
let pipe: ReturnType<typeof createPipeline> | null = null;

/** The document after the time stage; `fresh` rebuilds it instead of reading the cache. */
export function datedDoc(id: string, text: string, date: string | null, fresh = false): DatedDoc {
  mkdirSync(CACHE, { recursive: true });
  const key = createHash('sha1').update(id + '\0' + (date ?? '') + '\0' + text).digest('hex');
  const p = join(CACHE, key + '.json');
  if (!fresh && existsSync(p)) return JSON.parse(readFileSync(p, 'utf8'));
  pipe ??= createPipeline();
  const raw: RawDocument = { id, kind: 'text', content: text, origin: id, hints: { published: date } };
  const d = timeStage(actorStage(sentenceStage(articleStage(raw, date)), pipe.kb));
  writeFileSync(p, JSON.stringify(d));
  return d;
}

export type Range = [number, number];
/** Overlap over union of two character ranges (PolNeAR spans match at >= 0.5). */
export const jac = (a: Range, b: Range): number => {
  const i = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  return i / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
};
