// Fitting the BIO cue tagger (src/events/quotes-learned.ts: tagFeatures, viterbi, tagTokens),
// shared by tagger-fit.ts (the tagger and its measurement) and fit-cues.ts (the cue model takes
// the tagger's label as a feature; its training rows get out-of-fold labels from here).
// PolNeAR train, first annotator per article, eval:quotes' cached stages; never dev.
// The fit: an averaged structured perceptron (Collins 2002) over every sentence, Viterbi
// decoding, features seen at least twice in the fitting sentences, a seeded shuffle (the output
// is reproduced byte for byte).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datedDoc, type Range } from '../../eval/polnear-docs.js';
import { sentenceTokens, type Tok } from '../../src/events/tokens.js';
import { quoteStates, tagFeatures, viterbi } from '../../src/events/quotes-learned.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface TagSent { x: Int32Array[]; y: Uint8Array; ch: Range[]; toks: Tok[] | null }
/** An article: its sentences in d.sentences order (an empty sentence has no tokens), its gold cues. */
export interface TagArt { id: string; sents: TagSent[]; gold: Range[]; rec: any }

/** Feature strings ↔ ids, shared by every article read. */
export const names: string[] = [];
const ids = new Map<string, number>();
const idOf = (v: string): number => {
  let id = ids.get(v);
  if (id === undefined) { id = names.length; ids.set(v, id); names.push(v); }
  return id;
};

/** The train articles (first annotator), featurised; `keepToks(n)`: keep the tokens of article n. */
export function readTrain(keepToks: (n: number) => boolean = () => false): TagArt[] {
  const recs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_train.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const arts: TagArt[] = [];
  const seen = new Set<string>();
  for (const r of recs) {
    if (seen.has(r.doc_id)) continue;
    seen.add(r.doc_id);
    const d = datedDoc(r.doc_id, r.text, r.dct ?? null);
    const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
    const gold: Range[] = r.attributions.filter((a: any) => a.cue).map((a: any) => [a.cue.frags[0][0] - shift, a.cue.frags.at(-1)[1] - shift]);
    const sents: TagSent[] = [];
    for (const s of d.sentences) {
      const toks = sentenceTokens(s, d.text);
      // gold labels: the tokens inside a gold cue's range, B for the first
      const y = new Uint8Array(toks.length);
      for (const [a, b] of gold) {
        if (b <= s.start || a >= s.end) continue;
        let first = true;
        toks.forEach((t, k) => { if (t.start >= a && t.end <= b) { y[k] = first ? 1 : 2; first = false; } });
      }
      const x = tagFeatures(toks, quoteStates(toks)).map((f) => Int32Array.from(f, idOf));
      sents.push({ x, y, ch: toks.map((t) => [t.start, t.end] as Range), toks: keepToks(arts.length) ? toks : null });
    }
    arts.push({ id: r.doc_id, sents, gold, rec: r });
  }
  return arts;
}

export interface Fitted { w: Float64Array; t: Float64Array; keep: Uint8Array }

/** An averaged structured perceptron over the sentences of `arts`. */
export function fitTagger(arts: TagArt[], epochs: number, seed0 = 7): Fitted {
  const NF = names.length;
  const cnt = new Uint32Array(NF);
  for (const a of arts) for (const s of a.sents) for (const f of s.x) for (const v of f) cnt[v]!++;
  const keep = cnt.map((c) => (c >= 2 ? 1 : 0)) as unknown as Uint8Array;
  const train = arts.flatMap((a) => a.sents).filter((s) => s.x.length).map((s) => ({ x: s.x.map((f) => f.filter((v) => keep[v])), y: s.y }));
  const W = new Float64Array(NF * 3), U = new Float64Array(NF * 3), T = new Float64Array(12), TU = new Float64Array(12);
  let c = 1, seed = seed0;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const order = train.map((_, k) => k);
  for (let ep = 0; ep < epochs; ep++) {
    for (let k = order.length - 1; k > 0; k--) { const j = Math.floor(rnd() * (k + 1)); [order[k], order[j]] = [order[j]!, order[k]!]; }
    for (const n of order) {
      const { x, y } = train[n]!;
      const p = viterbi(emit(x, W), x.length, T);
      for (let i = 0; i < x.length; i++) {
        const g = y[i]!, h = p[i]!;
        if (g !== h) for (const f of x[i]!) { W[f * 3 + g] += 1; U[f * 3 + g] += c; W[f * 3 + h] -= 1; U[f * 3 + h] -= c; }
        const gp = i ? y[i - 1]! : 3, hp = i ? p[i - 1]! : 3;
        if (gp !== hp || g !== h) { T[gp * 3 + g] += 1; TU[gp * 3 + g] += c; T[hp * 3 + h] -= 1; TU[hp * 3 + h] -= c; }
      }
      c++;
    }
  }
  return { w: W.map((v, k) => v - U[k]! / c), t: T.map((v, k) => v - TU[k]! / c), keep };
}

export function emit(x: Int32Array[], w: Float64Array): Float64Array {
  const em = new Float64Array(x.length * 3);
  for (let i = 0; i < x.length; i++) for (const f of x[i]!) for (let y = 0; y < 3; y++) em[i * 3 + y] += w[f * 3 + y]!;
  return em;
}

/** Labels of a featurised sentence under a fit. */
export function decode(m: Fitted, x: Int32Array[]): Uint8Array {
  return viterbi(emit(x.map((f) => f.filter((v) => m.keep[v])), m.w), x.length, m.t);
}

/** The committed form of a fit: weights of B and I relative to O, rounded to 0.01, features with
 * both under `minAbs` dropped (the file stays small), one feature a line. */
export function taggerJson(m: Fitted, source: string, minAbs: number): string {
  const r = (z: number): number => Math.round(z * 100) / 100;
  const lines: string[] = [];
  for (let id = 0; id < names.length; id++) {
    if (!m.keep[id]) continue;
    const o = m.w[id * 3]!, b = r(m.w[id * 3 + 1]! - o), i = r(m.w[id * 3 + 2]! - o);
    if (Math.abs(b) < minAbs && Math.abs(i) < minAbs) continue;
    lines.push(`${JSON.stringify(names[id])}:[${b},${i}]`);
  }
  // (the transitions are relative to O as well: an O row/column shift changes no path)
  const head = JSON.stringify({ source, trans: Array.from(m.t, r) });
  return head.slice(0, -1) + ',\n"weights":{\n' + lines.join(',\n') + '}}\n';
}

/** Out-of-fold labels of the fitting articles (before `to`; fold = article number mod `folds`,
 * each labelled by a tagger fitted on the other folds) and the labels of the articles from `to`
 * on (by `full`, the tagger fitted on every article before `to`, when given): article → sentence → labels. */
export function oofLabels(arts: TagArt[], to: number, folds: number, epochs: number, full?: Fitted): Uint8Array[][] {
  const out: Uint8Array[][] = arts.map(() => []);
  for (let k = 0; k < folds; k++) {
    const m = fitTagger(arts.filter((_, n) => n < to && n % folds !== k), epochs);
    arts.forEach((a, n) => { if (n < to && n % folds === k) out[n] = a.sents.map((s) => decode(m, s.x)); });
  }
  if (full) arts.forEach((a, n) => { if (n >= to) out[n] = a.sents.map((s) => decode(full, s.x)); });
  return out;
}
