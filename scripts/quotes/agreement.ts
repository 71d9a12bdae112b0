// Human ceiling of the PolNeAR quote goal (issue 5): on the articles annotated by several
// annotators, how well do the other annotators match the FIRST one (the record eval:quotes takes as
// gold: the first line of the doc_id in file order)? Same scoring as eval:quotes: cue, source and
// content spans, a "prediction" matches an unused gold span when overlap/union >= 0.5, micro
// P/R/F1. Also all-pairs agreement (every annotator pair, the later one scored against the earlier),
// and our system on the same articles against the same first annotator.
// An eval script (reads ../shared/gold), not a test:
//   node --import tsx scripts/quotes/agreement.ts [--split dev|train|annotator_training]
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datedDoc, jac, type Range } from '../../eval/polnear-docs.js';
import { codeEvents } from '../../src/events/index.js';
import type { Quote } from '../../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOLD = join(ROOT, '..', 'shared', 'gold', 'polnear');
if (!existsSync(GOLD)) {
  process.stderr.write(`agreement: ${GOLD} not found\n`);
  process.exit(2);
}
const k = process.argv.indexOf('--split');
const SPLITS = k > 0 ? [process.argv[k + 1]!] : ['dev', 'train', 'annotator_training'];
const KINDS = ['cue', 'source', 'content'] as const;
type Kind = (typeof KINDS)[number];
type Spans = Record<Kind, Array<Range | null>>;
/** tp, predicted, gold per kind */
type Acc = Record<Kind, [number, number, number]>;
const acc0 = (): Acc => ({ cue: [0, 0, 0], source: [0, 0, 0], content: [0, 0, 0] });

/** An annotation set's spans, as eval:quotes reads gold: first fragment's start to last fragment's end. */
const annSpans = (attrs: any[]): Spans => {
  const of = (kind: Kind) => attrs.map((a) => a[kind]).map((s: any): Range | null => (s ? [s.frags[0][0], s.frags.at(-1)[1]] : null));
  return { cue: of('cue'), source: of('source'), content: of('content') };
};

// eval/quotes.ts does its matching inline (nothing exported but `jac`), so this follows the same
// definition rather than importing it: each prediction in order takes the first unused gold span
// with overlap/union >= 0.5 (greedy, one-to-one); null spans count on neither side.
function score(acc: Acc, gold: Spans, pred: Spans): void {
  for (const kind of KINDS) {
    const g = gold[kind], used = new Set<number>();
    let tp = 0, np = 0;
    for (const p of pred[kind]) {
      if (!p) continue;
      np++;
      const i = g.findIndex((x, gi) => x && !used.has(gi) && jac(x, p) >= 0.5);
      if (i >= 0) { used.add(i); tp++; }
    }
    acc[kind][0] += tp; acc[kind][1] += np; acc[kind][2] += g.filter(Boolean).length;
  }
}

const prf = ([tp, np, ng]: [number, number, number]): [number, number, number] => {
  const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
};
const f1 = (a: Acc, kind: Kind): number => prf(a[kind])[2];
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

interface Row { vsFirst: Acc; pairs: Acc; system: Acc; perAnn: Map<string, Acc>; docs: number; sets: number }
const newRow = (): Row => ({ vsFirst: acc0(), pairs: acc0(), system: acc0(), perAnn: new Map(), docs: 0, sets: 0 });
const merge = (into: Acc, a: Acc): void => { for (const kd of KINDS) for (let i = 0; i < 3; i++) into[kd][i]! += a[kd][i]!; };

const rows = new Map<string, Row>();
const pooled = newRow();
for (const split of SPLITS) {
  const recs = readFileSync(join(GOLD, `polnear_${split}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const byDoc = new Map<string, any[]>();
  for (const r of recs) byDoc.set(r.doc_id, [...(byDoc.get(r.doc_id) ?? []), r]); // file order kept
  const row = newRow();
  for (const [id, rs] of byDoc) {
    if (rs.length < 2) continue;
    row.docs++; row.sets += rs.length;
    const sets = rs.map((r) => annSpans(r.attributions));
    for (let j = 1; j < rs.length; j++) {
      const a = acc0();
      score(a, sets[0]!, sets[j]!);
      merge(row.vsFirst, a);
      const name = rs[j].annotator as string;
      if (!row.perAnn.has(name)) row.perAnn.set(name, acc0());
      merge(row.perAnn.get(name)!, a);
    }
    for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) score(row.pairs, sets[i]!, sets[j]!);
    // the system, exactly as eval:quotes runs it (cached upstream stages, then the event stage)
    const r = rs[0];
    const d = datedDoc(id, r.text, r.dct ?? null);
    const { quotes } = codeEvents(d);
    const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
    const of = (kind: Kind) => quotes.map((q: Quote): Range | null => (q[kind] ? [q[kind]!.start + shift, q[kind]!.end + shift] : null));
    score(row.system, sets[0]!, { cue: of('cue'), source: of('source'), content: of('content') });
  }
  rows.set(split, row);
  merge(pooled.vsFirst, row.vsFirst); merge(pooled.pairs, row.pairs); merge(pooled.system, row.system);
  for (const [n, a] of row.perAnn) { if (!pooled.perAnn.has(n)) pooled.perAnn.set(n, acc0()); merge(pooled.perAnn.get(n)!, a); }
  pooled.docs += row.docs; pooled.sets += row.sets;
}
if (SPLITS.length > 1) rows.set('pooled', pooled);

const out: string[] = [];
out.push('PolNeAR multi-annotated articles; reference = first annotator of each article (as eval:quotes); span match = overlap/union >= 0.5; micro P/R/F1');
out.push(`${'split'.padEnd(19)} ${'docs'.padStart(4)} ${'who'.padEnd(26)} | cue P    R   F1 | source P R   F1 | content P R  F1`);
for (const [split, row] of rows) {
  const line = (who: string, a: Acc): string =>
    `${split.padEnd(19)} ${String(row.docs).padStart(4)} ${who.padEnd(26)} |` + KINDS.map((kd) => prf(a[kd]).map(pct).join('')).join(' |');
  out.push(line(`humans vs first (${row.sets - row.docs} sets)`, row.vsFirst));
  out.push(line('humans, all pairs', row.pairs));
  out.push(line('system vs first', row.system));
  const per = [...row.perAnn].map(([n, a]) => `${n} ${pct(f1(a, 'source')).trim()}`);
  out.push(`${''.padEnd(24)} source F1 per annotator vs first: ${per.join(', ')}`);
}
process.stdout.write(out.join('\n') + '\n');
