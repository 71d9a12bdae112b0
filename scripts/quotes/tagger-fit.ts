// Fits and measures the BIO cue tagger (tagger-core.ts) on PolNeAR train (first annotator per
// article; eval:quotes' cached stages; never dev): an averaged structured perceptron over the
// articles before --to (default 672), scored on the articles from --to on (the validation slice
// the committed cue model is not fitted on either): cue-span P/R/F1 with eval:quotes' match
// (overlap/union >= 0.5 of character ranges, each gold cue used once), for the tagger alone, for
// the cues the product's rules build (before and after the attribution filter) and for unions.
//   node --import tsx scripts/quotes/tagger-fit.ts [--to 672] [--epochs 8] [--baseline] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datedDoc, jac, type Range } from '../../eval/polnear-docs.js';
import { quotedSegments } from '../../src/events/quotes.js';
import { sentenceTokens } from '../../src/events/tokens.js';
import { loadCues } from '../../src/events/quotes-cues.js';
import { codeEvents } from '../../src/events/index.js';
import { setFilterTap } from '../../src/events/quotes-filter.js';
import { sentenceTagFeatures, spansOf, viterbi } from './tagger-core.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (n: string, d: string): string => { const k = process.argv.indexOf(n); return k > 0 ? process.argv[k + 1]! : d; };
const TO = Number(arg('--to', '672'));
const EPOCHS = Number(arg('--epochs', '8'));
const OUT = arg('--out', '');
const baseline = process.argv.includes('--baseline');
const recs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_train.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const lex = loadCues();
const c0 = process.cpuUsage();

interface Sent { x: Int32Array[]; y: Uint8Array; ch: Range[] }
// features interned as they come (ids of features first seen in the slice are never fitted: their
// weights stay 0); counts over the fitting articles only
const ids = new Map<string, number>();
const counts: number[] = [];
interface Art { sents: Sent[]; gold: Range[]; built: Range[]; final: Range[] }
const arts: Art[] = [];
const seen = new Set<string>();
for (const r of recs) {
  if (seen.has(r.doc_id)) continue;
  seen.add(r.doc_id);
  const d = datedDoc(r.doc_id, r.text, r.dct ?? null);
  const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
  const gold: Range[] = r.attributions.filter((a: any) => a.cue).map((a: any) => [a.cue.frags[0][0] - shift, a.cue.frags.at(-1)[1] - shift]);
  const segs = quotedSegments(d.text);
  const inQ = (p: number): boolean => segs.some((q) => p >= q.start && p < q.end);
  const sents: Sent[] = [];
  for (const s of d.sentences) {
    const toks = sentenceTokens(s, d.text);
    if (!toks.length) continue;
    const y = new Uint8Array(toks.length);
    for (const [a, b] of gold) {
      if (b <= s.start || a >= s.end) continue;
      let first = true;
      toks.forEach((t, k) => { if (t.start >= a && t.end <= b) { y[k] = first ? 1 : 2; first = false; } });
    }
    const fitting = arts.length < TO;
    const x = sentenceTagFeatures(toks, toks.map((t) => inQ(t.start)), lex).map((f) => Int32Array.from(f, (v) => {
      let id = ids.get(v);
      if (id === undefined) { id = ids.size; ids.set(v, id); counts.push(0); }
      if (fitting) counts[id]!++;
      return id;
    }));
    sents.push({ x, y, ch: toks.map((t) => [t.start, t.end] as Range) });
  }
  const built: Range[] = [], final: Range[] = [];
  if (baseline && arts.length >= TO) {
    setFilterTap((_f, cue) => { built.push(cue); });
    codeEvents(d);
    setFilterTap(null);
    for (const q of codeEvents(d).quotes) if (q.cue) final.push([q.cue.start, q.cue.end]);
  }
  arts.push({ sents, gold, built, final });
}
const c1 = process.cpuUsage(c0);
process.stderr.write(`${arts.length} articles, ${arts.reduce((n, a) => n + a.sents.length, 0)} sentences; features in ${((c1.user + c1.system) / 1e6).toFixed(0)} CPU-s\n`);

// features seen fewer than twice in the fitting sentences are left out
const idsOf = (s: Sent): Int32Array[] => s.x.map((f) => f.filter((v) => counts[v]! >= 2));
const NF = ids.size;
const W = new Float64Array(NF * 3), U = new Float64Array(NF * 3), T = new Float64Array(12), TU = new Float64Array(12);
const train = arts.slice(0, TO).flatMap((a) => a.sents).map((s) => ({ x: idsOf(s), y: s.y }));
for (const a of arts.slice(0, TO)) a.sents = [];
const emit = (x: Int32Array[], w: Float64Array): Float64Array => {
  const em = new Float64Array(x.length * 3);
  x.forEach((fs, i) => { for (const f of fs) for (let y = 0; y < 3; y++) em[i * 3 + y] += w[f * 3 + y]!; });
  return em;
};
let c = 1, seed = 7;
const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const order = train.map((_, k) => k);
for (let ep = 0; ep < EPOCHS; ep++) {
  for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(rnd() * (k + 1)); [order[k], order[j]] = [order[j]!, order[k]!]; }
  let errs = 0;
  for (const n of order) {
    const { x, y } = train[n]!;
    const p = viterbi(emit(x, W), x.length, T);
    for (let i = 0; i < x.length; i++) {
      const g = y[i]!, h = p[i]!;
      if (g !== h) {
        errs++;
        for (const f of x[i]!) { W[f * 3 + g] += 1; U[f * 3 + g] += c; W[f * 3 + h] -= 1; U[f * 3 + h] -= c; }
      }
      const gp = i ? y[i - 1]! : 3, hp = i ? p[i - 1]! : 3;
      if (gp !== hp || g !== h) { T[gp * 3 + g] += 1; TU[gp * 3 + g] += c; T[hp * 3 + h] -= 1; TU[hp * 3 + h] -= c; }
    }
    c++;
  }
  process.stderr.write(`epoch ${ep + 1}: ${errs} token errors\n`);
}
const Wa = W.map((v, k) => v - U[k]! / c), Ta = T.map((v, k) => v - TU[k]! / c);

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
const slice = arts.slice(TO);
const tagged = slice.map((a) => a.sents.flatMap((s) => { const x = idsOf(s); return spansOf(viterbi(emit(x, Wa), x.length, Ta)).map(([b, e]) => [s.ch[b]![0], s.ch[e]![1]] as Range); }));
const gold = slice.map((a) => a.gold);
process.stdout.write(`slice (train articles ${TO + 1}-${arts.length}), cue spans: tagger ${score(tagged, gold)}\n`);
if (baseline) {
  const uniq = (rs: Range[]): Range[] => rs.filter((r, k) => rs.findIndex((x) => x[0] === r[0] && x[1] === r[1]) === k);
  process.stdout.write(`  rules before the filter ${score(slice.map((a) => uniq(a.built)), gold)}\n`);
  process.stdout.write(`  product (eval:quotes cues) ${score(slice.map((a) => a.final), gold)}\n`);
  // the tagger's spans that overlap no product cue, added to the product's
  const add = (base: Range[], t: Range[]): Range[] => [...base, ...t.filter((x) => !base.some((b) => b[0] < x[1] && x[0] < b[1]))];
  process.stdout.write(`  product + tagger spans overlapping no product cue ${score(slice.map((a, k) => add(a.final, tagged[k]!)), gold)}\n`);
}
if (OUT) {
  // (written only from --out: the weights of features with a non-zero averaged weight)
  const names: string[] = [];
  for (const [x, id] of ids) names[id] = x;
  const w: Record<string, number[]> = {};
  names.forEach((x, id) => {
    if (counts[id]! < 2) return;
    const v = [Wa[id * 3]!, Wa[id * 3 + 1]!, Wa[id * 3 + 2]!].map((z) => Math.round(z * 100) / 100);
    if (v.some((z) => z !== 0)) w[x] = v;
  });
  writeFileSync(OUT, JSON.stringify({ source: `averaged structured perceptron, scripts/quotes/tagger-fit.ts --to ${TO} --epochs ${EPOCHS}, PolNeAR train articles 1-${TO}, first annotator`, trans: Array.from(Ta, (z) => Math.round(z * 100) / 100), weights: w }) + '\n');
}
const c2 = process.cpuUsage(c0);
process.stderr.write(`${NF} features; ${((c2.user + c2.system) / 1e6).toFixed(0)} CPU-s in all\n`);
