// Derives the attribution cue data from PolNeAR's train split (../shared/gold/polnear; never its
// dev or test halves), first annotator per article:
// - data/quotes/cues.json: per verb lemma, how often a token with that lemma (wink POS VERB) heads
//   an annotated cue (the last verb of the cue span: "has called for" → call), outside and
//   inside quotation marks;
// - data/quotes/cue-model.json: logistic weights over cueFeatures (src/events/quotes-model.ts),
//   fitted with the lemma rates cross-fitted (each half of the articles scored with the rates of
//   the other half, so the rate feature is not trusted more than it deserves).
// Counts and weights only: no text of the corpus is kept. `node --import tsx scripts/quotes/derive-cues.ts`
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleStage, sentenceStage } from '../../src/pipeline.js';
import type { RawDocument } from '../../src/types.js';
import { quotedSegments } from '../../src/events/quotes.js';
import { sentenceTokens, type Tok } from '../../src/events/tokens.js';
import { cueFeatures, FEATURES, score } from '../../src/events/quotes-model.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const recs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_train.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
type Counts = Map<string, [number, number, number, number]>; // [cue out, verbs out, cue in, verbs in]
const counts: Counts[] = [new Map(), new Map()];
interface Sent { toks: Tok[]; heads: Set<number>; quoted: boolean[]; fold: number }
const sents: Sent[] = [];
const seen = new Set<string>();
for (const r of recs) {
  if (seen.has(r.doc_id)) continue; // first annotator per article, as the evaluation
  seen.add(r.doc_id);
  const fold = seen.size % 2;
  const raw: RawDocument = { id: r.doc_id, kind: 'text', content: r.text, origin: r.doc_id, hints: { published: r.dct ?? null } };
  const d = sentenceStage(articleStage(raw, r.dct ?? null));
  const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
  const cueSpans: Array<[number, number]> = r.attributions.filter((a: any) => a.cue).flatMap((a: any) => a.cue.frags.map((f: number[]) => [f[0] - shift, f[1] - shift]));
  const segs = quotedSegments(d.text);
  for (const s of d.sentences) {
    const toks = sentenceTokens(s, d.text);
    const heads = new Set<number>();
    for (const [a, b] of cueSpans) {
      let h = -1;
      toks.forEach((t, k) => { if (t.pos === 'VERB' && t.start >= a && t.end <= b) h = k; });
      if (h >= 0) heads.add(h);
    }
    const quoted = toks.map((t) => segs.some((q) => t.start >= q.start && t.start < q.end));
    toks.forEach((t, k) => {
      if (t.pos !== 'VERB') return;
      const v = counts[fold]!.get(t.lemma) ?? [0, 0, 0, 0];
      const o = quoted[k] ? 2 : 0;
      v[o + 1]++;
      if (heads.has(k)) v[o]++;
      counts[fold]!.set(t.lemma, v);
    });
    sents.push({ toks, heads, quoted, fold });
  }
}
const total: Counts = new Map();
for (const c of counts) for (const [l, v] of c) {
  const t = total.get(l) ?? [0, 0, 0, 0];
  total.set(l, [t[0] + v[0], t[1] + v[1], t[2] + v[2], t[3] + v[3]]);
}
// keep lemmas seen as a cue at least 3 times: rarer ones carry no usable estimate
const keep = new Set([...total].filter(([, v]) => v[0] + v[2] >= 3).map(([l]) => l));
const rate = (v: number[] | undefined, inQ: boolean): number => (v ? (inQ ? v[2]! / (v[3]! + 2) : v[0]! / (v[1]! + 2)) : 0);

// training rows: every verb of a kept lemma, its rate taken from the other fold
const X: number[][] = [];
const Y: number[] = [];
for (const s of sents) {
  const other = counts[1 - s.fold]!;
  let prevRate = 0;
  s.toks.forEach((t, k) => {
    if (t.pos !== 'VERB' || !keep.has(t.lemma)) return;
    const r = rate(other.get(t.lemma), s.quoted[k]!);
    X.push(cueFeatures(s.toks, k, r, s.quoted[k]!, prevRate));
    Y.push(s.heads.has(k) ? 1 : 0);
    prevRate = Math.max(prevRate, r);
  });
}
// batch gradient descent on the log loss with a small L2 penalty
const m = { weights: FEATURES.map(() => 0), bias: 0, threshold: 0.5 };
const lr = 0.5, l2 = 1e-4;
for (let it = 0; it < 600; it++) {
  const g = FEATURES.map(() => 0);
  let gb = 0;
  for (let n = 0; n < X.length; n++) {
    const e = score(m, X[n]!) - Y[n]!;
    for (let j = 0; j < g.length; j++) g[j] += e * X[n]![j]!;
    gb += e;
  }
  for (let j = 0; j < g.length; j++) m.weights[j] -= lr * (g[j]! / X.length + l2 * m.weights[j]!);
  m.bias -= lr * gb / X.length;
}
// the threshold with the best cue-head F1 on the (cross-fitted) training rows
let best = { f: 0, th: 0.5 };
for (let th = 0.1; th < 0.9; th += 0.02) {
  let tp = 0, np = 0;
  const ng = Y.reduce((a, b) => a + b, 0);
  for (let n = 0; n < X.length; n++) if (score(m, X[n]!) >= th) { np++; tp += Y[n]!; }
  const p = tp / (np || 1), rc = tp / ng, f = p + rc ? (2 * p * rc) / (p + rc) : 0;
  if (f > best.f) best = { f, th };
}
m.threshold = Math.round(best.th * 100) / 100;

const SRC = 'PolNeAR v1.0.0 train split (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR, commit c3eee83), first annotator per article';
const lemmas: Record<string, [number, number]> = {};
const context: Record<string, [number, number, number, number]> = {};
for (const [l, v] of [...total].filter(([l]) => keep.has(l)).sort((a, b) => b[1][0] + b[1][2] - a[1][0] - a[1][2])) {
  lemmas[l] = [v[0] + v[2], v[1] + v[3]];
  context[l] = v;
}
writeFileSync(join(ROOT, 'data', 'quotes', 'cues.json'), JSON.stringify({
  source: `Counts derived by scripts/quotes/derive-cues.ts from the ${SRC}. lemmas: [times the head of an attribution cue, times tagged VERB by wink]; context: [cue heads outside quotation marks, verbs there, cue heads inside a quotation (quotedSegments in src/events/quotes.ts), verbs there].`,
  articles: seen.size, lemmas, context,
}).replace(/\],"/g, '],\n"') + '\n');
writeFileSync(join(ROOT, 'data', 'quotes', 'cue-model.json'), JSON.stringify({
  source: `Logistic weights fitted by scripts/quotes/derive-cues.ts on the ${SRC}; features as in src/events/quotes-model.ts; threshold = best cue-head F1 on the cross-fitted training rows (${(100 * best.f).toFixed(1)}).`,
  features: FEATURES, weights: m.weights.map((w) => Math.round(w * 1e4) / 1e4), bias: Math.round(m.bias * 1e4) / 1e4, threshold: m.threshold,
}, null, 1) + '\n');
process.stdout.write(`${seen.size} articles, ${keep.size} lemmas, ${X.length} training verbs (${Y.filter(Boolean).length} cue heads); threshold ${m.threshold} F1 ${(100 * best.f).toFixed(1)}\n`);
process.stdout.write(FEATURES.map((f, j) => `${f} ${m.weights[j]!.toFixed(2)}`).join(', ') + ` bias ${m.bias.toFixed(2)}\n`);
