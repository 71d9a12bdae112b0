// Quote attribution against PolNeAR (../shared/gold/polnear): cue, source and content span F1,
// scored exactly as `eval:events --only polnear` (first annotator per article, a predicted span
// matches an unused gold span when overlap/union >= 0.5). Faster to iterate on: the upstream
// stages (article → sentences → actors → time) are cached in a temp file per article text
// (`--fresh` rebuilds them), and only the event stage runs each time.
//   npm run eval:quotes [-- --split dev|train] [--skip N] [--limit N] [--dump misses.jsonl] [--fresh]
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datedDoc, jac, type Range } from './polnear-docs.js';
import { codeEvents } from '../src/events/index.js';
import type { DatedDoc, Quote } from '../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD = join(ROOT, '..', 'shared', 'gold', 'polnear');
if (!existsSync(GOLD)) {
  process.stderr.write(`eval:quotes: ${GOLD} not found (the evaluation needs ../shared/gold next to the checkout)\n`);
  process.exit(2);
}
const arg = (name: string): string | null => {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] ?? null : null;
};
const split = arg('--split') ?? 'dev';
const limit = Number(arg('--limit') ?? Infinity);
// --skip N: leave out the first N articles (train's last 20% = --split train --skip 672, the
// validation slice the learned cue model is not fitted on)
const skip = Number(arg('--skip') ?? 0);
const dump = arg('--dump');
const fresh = process.argv.includes('--fresh');

const recs = readFileSync(join(GOLD, `polnear_${split}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
type R = Range;
const dated = (id: string, text: string, date: string | null): DatedDoc => datedDoc(id, text, date, fresh);
const KINDS = ['cue', 'source', 'content'] as const;
const acc: Record<string, number[]> = { cue: [0, 0, 0], source: [0, 0, 0], content: [0, 0, 0] };
const dumpLines: string[] = [];
const seen = new Set<string>();
let cpu = 0, n = 0;
const t0 = Date.now();
for (const r of recs) {
  if (seen.has(r.doc_id)) continue; // first annotator only
  if (seen.size >= limit + skip) break;
  seen.add(r.doc_id);
  if (seen.size <= skip) continue;
  const d = dated(r.doc_id, r.text, r.dct ?? null);
  const c0 = process.cpuUsage();
  const { quotes } = codeEvents(d);
  const c1 = process.cpuUsage(c0);
  cpu += (c1.user + c1.system) / 1e6; n++;
  const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
  const matched: Record<string, Set<number>> = {};
  for (const kind of KINDS) {
    const gold: R[] = r.attributions.map((a: any) => a[kind]).map((s: any) => (s ? [s.frags[0][0], s.frags.at(-1)[1]] : null));
    const pred: Array<R | null> = quotes.map((q: Quote) => (q[kind] ? [q[kind]!.start + shift, q[kind]!.end + shift] : null));
    const used = new Set<number>();
    let tp = 0, np = 0;
    for (const p of pred) {
      if (!p) continue;
      np++;
      const k = gold.findIndex((g, gi) => g && !used.has(gi) && jac(g, p) >= 0.5);
      if (k >= 0) { used.add(k); tp++; }
    }
    matched[kind] = used;
    acc[kind]![0] += tp; acc[kind]![1] += np; acc[kind]![2] += gold.filter(Boolean).length;
    if (dump) {
      // misses (gold not matched) and false alarms (predictions matching no gold span), with the sentence around them
      const ctx = (s: number, e: number) => r.text.slice(Math.max(0, r.text.lastIndexOf('\n', s) + 1), Math.min(r.text.length, e + 80)).split('\n')[0];
      gold.forEach((g, gi) => {
        if (g && !used.has(gi)) {
          const a = r.attributions[gi];
          // the prediction whose cue matches this attribution's cue, if any: a boundary error, not a missed cue
          const gc: R | null = a.cue ? [a.cue.frags[0][0], a.cue.frags.at(-1)[1]] : null;
          const same = gc ? quotes.find((q: Quote) => q.cue && jac(gc, [q.cue.start + shift, q.cue.end + shift]) >= 0.5) : undefined;
          const ours = same ? same[kind]?.text ?? '(none)' : null;
          // (diagnostic) a prediction whose cue only overlaps the gold cue: a cue-extent miss, not an unseen cue
          const near = !same && gc ? quotes.find((q: Quote) => q.cue && q.cue.start + shift < gc[1] && gc[0] < q.cue.end + shift) : undefined;
          dumpLines.push(JSON.stringify({ type: 'miss', kind, doc: r.doc_id, gold: r.text.slice(g[0], g[1]), ours, near: near ? { cue: near.cue!.text, [kind]: near[kind]?.text ?? null } : null, cue: a.cue?.text ?? null, source: a.source?.text ?? null, qt: a.quote_type_heuristic, ctx: ctx(g[0], g[1]).slice(0, 400) }));
        }
      });
      const usedP = new Set<number>();
      pred.forEach((p, pi) => {
        if (!p) return;
        const ok = gold.some((g) => g && jac(g, p) >= 0.5);
        const qc = quotes[pi]!.cue;
        const cueOk = !!qc && r.attributions.some((a: any) => a.cue && jac([a.cue.frags[0][0], a.cue.frags.at(-1)[1]], [qc.start + shift, qc.end + shift]) >= 0.5);
        if (!ok && !usedP.has(pi)) dumpLines.push(JSON.stringify({ type: 'fa', kind, doc: r.doc_id, pred: r.text.slice(p[0], p[1]), cue: qc?.text ?? null, cueOk, direct: quotes[pi]!.direct, ctx: ctx(p[0], p[1]).slice(0, 400) }));
      });
    }
  }
}
const pct = (x: number): string => (100 * x).toFixed(1);
const parts = KINDS.map((k) => {
  const [tp, np, ng] = acc[k]!;
  const p = np ? tp! / np : 0, rr = ng ? tp! / ng : 0;
  return `${k} P ${pct(p)} R ${pct(rr)} F1 ${pct(p + rr ? (2 * p * rr) / (p + rr) : 0)}`;
});
process.stdout.write(`polnear ${split} (${n} articles${skip ? `, first ${skip} skipped` : ''}, span match = overlap/union >= 0.5): ${parts.join('; ')}\n`);
process.stdout.write(`event stage: ${(cpu * 1000 / n).toFixed(1)} ms CPU per article (${n} articles); wall ${((Date.now() - t0) / 1000).toFixed(1)} s incl. cache\n`);
if (dump) writeFileSync(dump, dumpLines.join('\n') + '\n');
