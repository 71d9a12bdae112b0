// Fits the BIO cue tagger (src/events/quotes-learned.ts; fitting in tagger-core.ts) on PolNeAR
// train articles 1-672 (first annotator; never dev), writes data/quotes/cue-tagger.json, and
// measures it on the validation slice (articles 673-840): cue-span P/R/F1 with eval:quotes'
// match (overlap/union >= 0.5 of character ranges, each gold cue used once); with --baseline
// also the product's cues and sources on the slice (as committed), and what the tagger would do
// as the cue's extent, as a gate, or as extra cues.
//   node --import tsx scripts/quotes/tagger-fit.ts [--epochs 6] [--min 4] [--baseline] [--out FILE]
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datedDoc, jac, type Range } from '../../eval/polnear-docs.js';
import { codeEvents } from '../../src/events/index.js';
import { setFilterTap } from '../../src/events/quotes-filter.js';
import { parseCueTagger, spansOf, tagTokens } from '../../src/events/quotes-learned.js';
import { fitTagger, names, readTrain, taggerJson } from './tagger-core.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (n: string, d: string): string => { const k = process.argv.indexOf(n); return k > 0 ? process.argv[k + 1]! : d; };
const TO = 672, EPOCHS = Number(arg('--epochs', '6')), MIN_ABS = Number(arg('--min', '4'));
const OUT = arg('--out', join(ROOT, 'data', 'quotes', 'cue-tagger.json'));
const baseline = process.argv.includes('--baseline');
const c0 = process.cpuUsage();
const cpu = (): string => { const c = process.cpuUsage(c0); return ((c.user + c.system) / 1e6).toFixed(0); };

const arts = readTrain((n) => n >= TO);
process.stderr.write(`${arts.length} articles featurised (${names.length} features) in ${cpu()} CPU-s\n`);
const m = fitTagger(arts.slice(0, TO), EPOCHS);
const SRC = 'PolNeAR v1.0.0 train split (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR, commit c3eee83), first annotator per article';
const json = taggerJson(m, `Averaged structured perceptron (BIO cue spans) fitted by scripts/quotes/tagger-fit.ts --epochs ${EPOCHS} --min ${MIN_ABS} on the ${SRC}, articles 1-${TO} (the last ${840 - TO} held out for validation); features as in src/events/quotes-learned.ts tagFeatures; B and I weights relative to O.`, MIN_ABS);
writeFileSync(OUT, json);
process.stderr.write(`fitted and written (${(json.length / 1e6).toFixed(2)} MB) in ${cpu()} CPU-s\n`);

// the slice, tagged by the committed form exactly as the product tags
const tagger = parseCueTagger(OUT, JSON.parse(json));
const slice = arts.slice(TO);
const tagged = slice.map((a) => a.sents.flatMap((s) => (s.toks && s.toks.length ? spansOf(tagTokens(tagger, s.toks)).map(([b, e]) => [s.ch[b]![0], s.ch[e]![1]] as Range) : [])));
function score(pred: Range[][], gold: Range[][]): string {
  let tp = 0, np = 0, ng = 0;
  pred.forEach((ps, a) => {
    const g = gold[a]!, used = new Set<number>();
    ng += g.length;
    for (const p of ps) {
      np++;
      const k = g.findIndex((x, gi) => !used.has(gi) && jac(x, p) >= 0.5);
      if (k >= 0) { used.add(k); tp++; }
    }
  });
  const P = tp / (np || 1), R = tp / (ng || 1);
  return `P ${(100 * P).toFixed(1)} R ${(100 * R).toFixed(1)} F1 ${(200 * P * R / (P + R || 1)).toFixed(1)} (${np} predicted, ${ng} gold)`;
}
const gold = slice.map((a) => a.gold);
process.stdout.write(`slice (train articles ${TO + 1}-${arts.length}), cue spans: tagger ${score(tagged, gold)}\n`);
if (baseline) {
  const built: Range[][] = [], final: Range[][] = [], quotes: Array<Array<{ cue: Range; source: Range | null }>> = [], goldSrc: Range[][] = [];
  for (const a of slice) {
    const r = a.rec;
    const d = datedDoc(r.doc_id, r.text, r.dct ?? null);
    const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
    goldSrc.push(r.attributions.filter((x: any) => x.source).map((x: any) => [x.source.frags[0][0] - shift, x.source.frags.at(-1)[1] - shift]));
    const b: Range[] = [];
    setFilterTap((_f, cue) => { b.push(cue); });
    codeEvents(d);
    setFilterTap(null);
    built.push(b.filter((x, k) => b.findIndex((y) => y[0] === x[0] && y[1] === x[1]) === k));
    const qs = codeEvents(d).quotes.filter((q) => q.cue).map((q) => ({ cue: [q.cue!.start, q.cue!.end] as Range, source: q.source ? [q.source.start, q.source.end] as Range : null }));
    quotes.push(qs);
    final.push(qs.map((q) => q.cue));
  }
  const over = (x: Range, t: Range[]): Range | undefined => t.find((y) => y[0] < x[1] && x[0] < y[1]);
  const add = (base: Range[], t: Range[]): Range[] => [...base, ...t.filter((x) => !over(x, base))];
  process.stdout.write(`  rules before the filter ${score(built, gold)}\n`);
  process.stdout.write(`  product (eval:quotes cues) ${score(final, gold)}\n`);
  process.stdout.write(`  product + tagger spans overlapping no product cue ${score(final.map((f, k) => add(f, tagged[k]!)), gold)}\n`);
  process.stdout.write(`  product cues with the overlapping tagger span as extent ${score(final.map((f, k) => f.map((x) => over(x, tagged[k]!) ?? x)), gold)}\n`);
  process.stdout.write(`  product sources ${score(quotes.map((qs) => qs.flatMap((q) => (q.source ? [q.source] : []))), goldSrc)}\n`);
  process.stdout.write(`  product sources, cue overlapping a tagger span ${score(quotes.map((qs, k) => qs.flatMap((q) => (q.source && over(q.cue, tagged[k]!) ? [q.source] : []))), goldSrc)}\n`);
}
process.stderr.write(`${cpu()} CPU-s in all\n`);
