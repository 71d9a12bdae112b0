// Derives data/quotes/cues.json from PolNeAR's train split (../shared/gold/polnear, never its dev
// or test halves): for each verb lemma, how often a token with that lemma (wink POS VERB) is the
// head of an annotated attribution cue, out of all its occurrences. The head of a cue span is its
// last verb ("has called for" → call, "went on to explain" → explain). Counts only: no text of
// the corpus is kept. `node --import tsx scripts/quotes/derive-cues.ts`
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleStage, sentenceStage } from '../../src/pipeline.js';
import type { RawDocument } from '../../src/types.js';
import { quotedSegments } from '../../src/events/quotes.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const recs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_train.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const seen = new Set<string>();
const tot = new Map<string, number>();
const cue = new Map<string, number>();
const ctx = new Map<string, [number, number, number, number]>();
let docs = 0;
for (const r of recs) {
  if (seen.has(r.doc_id)) continue; // first annotator per article, as the evaluation
  seen.add(r.doc_id);
  docs++;
  const raw: RawDocument = { id: r.doc_id, kind: 'text', content: r.text, origin: r.doc_id, hints: { published: r.dct ?? null } };
  const d = sentenceStage(articleStage(raw, r.dct ?? null));
  const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
  const cueSpans: Array<[number, number]> = r.attributions.filter((a: any) => a.cue).flatMap((a: any) => a.cue.frags.map((f: number[]) => [f[0] - shift, f[1] - shift]));
  const segs = quotedSegments(d.text);
  const inQuote = (pos: number): boolean => segs.some((q) => pos >= q.start && pos < q.end);
  for (const s of d.sentences) {
    const toks = (s.tokens ?? []).filter((t) => t.type !== 'whitespace');
    const heads = new Set<number>();
    for (const [a, b] of cueSpans) {
      let h = -1;
      toks.forEach((t, k) => { if (t.pos === 'VERB' && t.start >= a && t.end <= b) h = k; });
      if (h >= 0) heads.add(h);
    }
    toks.forEach((t, k) => {
      if (t.pos !== 'VERB') return;
      const l = (t.lemma || t.text).toLowerCase();
      tot.set(l, (tot.get(l) ?? 0) + 1);
      if (heads.has(k)) cue.set(l, (cue.get(l) ?? 0) + 1);
      const v = ctx.get(l) ?? [0, 0, 0, 0];
      const o = inQuote(t.start) ? 2 : 0;
      v[o + 1]++;
      if (heads.has(k)) v[o]++;
      ctx.set(l, v);
    });
  }
}
// keep lemmas seen as a cue at least 3 times: rarer ones carry no usable estimate
const lemmas: Record<string, [number, number]> = {};
const context: Record<string, [number, number, number, number]> = {};
for (const [l, c] of [...cue].sort((a, b) => b[1] - a[1])) if (c >= 3) { lemmas[l] = [c, tot.get(l)!]; context[l] = ctx.get(l)!; }
const out = {
  source: 'Counts derived by scripts/quotes/derive-cues.ts from the train split of PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR, commit c3eee83), first annotator per article. Per verb lemma: [times the head of an attribution cue, times tagged VERB by wink]; context: [cue heads outside quotation marks, verbs there, cue heads inside a quotation (quotedSegments in src/events/quotes.ts), verbs there].',
  articles: docs,
  lemmas,
  context,
};
writeFileSync(join(ROOT, 'data', 'quotes', 'cues.json'), JSON.stringify(out, null, 0).replace(/\],"/g, '],\n"') + '\n');
process.stdout.write(`${docs} articles, ${Object.keys(lemmas).length} lemmas\n`);
