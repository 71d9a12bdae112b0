// Fits the sparse attribution-cue model (src/events/quotes-learned.ts) on PolNeAR's train split
// (../shared/gold/polnear/polnear_train.jsonl; never dev or test), first annotator per article,
// and writes data/quotes/cue-sparse.json.
// - rows: every candidate token (verb, noun, adjective) of every sentence; label: the token heads
//   an annotated cue (the last verb inside the cue span; a noun or adjective when it has no verb);
//   the cue span's other verbs are left out (neither cue nor non-cue);
// - model: logistic regression by AdaGrad SGD with an L2 penalty; features seen fewer than
//   MIN_COUNT times in the fitting rows are dropped;
// - thresholds: the best cue-head F1 when each half of the fitting articles is scored by a model
//   fitted on the other half (verbs and nouns/adjectives apart);
// - by default the last 20% of the train articles are held out (--all fits on every article):
//   `npm run eval:quotes -- --split train --skip 672` scores that slice.
// - --tags (an experiment of session 6, not the committed model): the BIO tagger's label of each
//   candidate is a feature too (`tg=`, cue-rows.ts), out-of-fold (TAG_FOLDS taggers, each fitted
//   as tagger-fit.ts fits the committed one, on the other folds' articles), as a product's labels
//   would come from a tagger not fitted on the text it tags. The product's sparseFeatures has no
//   such feature: a --tags model is measured with it patched in (see /work/notes/s6 doc).
//   node --import tsx scripts/quotes/fit-cues.ts [--all] [--fresh] [--tags] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCues } from '../../src/events/quotes-cues.js';
import { cueRows } from './cue-rows.js';
import { fitSparseLogistic, sparseProb, type SparseModel } from './sgd-logistic.js';
import { oofLabels, readTrain } from './tagger-core.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const all = process.argv.includes('--all');
// --fresh: rebuild eval:quotes' cache of the upstream stages (after a change to the text stages)
const fresh = process.argv.includes('--fresh');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1]! : join(ROOT, 'data', 'quotes', 'cue-sparse.json');
const HOLD_FROM = 672; // train articles 673..840 are the validation slice
const MIN_COUNT = 2, EPOCHS = 6, L2 = 1e-6, LR = 0.1;
const TAG_FOLDS = 4, TAG_EPOCHS = 6;
const withTags = process.argv.includes('--tags');
const recs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_train.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const lex = loadCues();
const t00 = Date.now();

// out-of-fold tagger labels of the fitting articles (sentence by sentence)
let tagsOf: Uint8Array[][] | null = null;
if (withTags) {
  const tarts = readTrain();
  const to = all ? tarts.length : HOLD_FROM;
  tagsOf = oofLabels(tarts, to, TAG_FOLDS, TAG_EPOCHS);
  process.stderr.write(`out-of-fold tagger labels in ${((Date.now() - t00) / 1000).toFixed(1)} s\n`);
}
interface Row { f: string[]; y: number; noun: boolean; art: number }
const rows: Row[] = [];
const seen = new Set<string>();
const t0 = Date.now();
for (const r of recs) {
  if (seen.has(r.doc_id)) continue;
  seen.add(r.doc_id);
  const art = seen.size - 1;
  if (!all && art >= HOLD_FROM) continue;
  // (the stages before events, cached as eval:quotes caches them: the same sentences and tokens;
  // a verb before the head inside a gold cue span, "decided" in "decided to back", "said" in
  // "said, laughing", is no row: labelling it 0 taught the model against the cue's own verb)
  for (const row of cueRows(r, lex, fresh, tagsOf ? tagsOf[art]! : undefined)) if (!row.inner) rows.push({ f: row.f, y: row.y, noun: row.noun, art });
}
process.stderr.write(`${seen.size} articles read, ${rows.length} rows (${rows.filter((r) => r.y).length} cue heads) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

type Model = SparseModel;
const fit = (train: Row[]): Model => fitSparseLogistic(train, { epochs: EPOCHS, lr: LR, l2: L2, minCount: MIN_COUNT, seed: 7 });
const prob = sparseProb;
function bestThreshold(scored: Array<[number, number]>): { th: number; f: number } {
  const ng = scored.filter(([, y]) => y).length;
  let best = { th: 0.5, f: 0 };
  for (let th = 0.1; th < 0.95; th += 0.02) {
    let tp = 0, np = 0;
    for (const [p, y] of scored) if (p >= th) { np++; tp += y; }
    const P = tp / (np || 1), R = tp / (ng || 1), f = P + R ? 2 * P * R / (P + R) : 0;
    if (f > best.f) best = { th: Math.round(th * 100) / 100, f };
  }
  return best;
}
// thresholds from a two-fold cross-fit over the fitting articles
const fitRows = rows;
const sv: Array<[number, number]> = [], sn: Array<[number, number]> = [];
for (const fold of [0, 1]) {
  const m = fit(fitRows.filter((r) => r.art % 2 !== fold));
  for (const r of fitRows) if (r.art % 2 === fold) (r.noun ? sn : sv).push([prob(m, r.f), r.y]);
}
const tv = bestThreshold(sv), tn = bestThreshold(sn);
process.stderr.write(`cross-fit head F1: verbs ${(100 * tv.f).toFixed(1)} at ${tv.th}; nouns/adjectives ${(100 * tn.f).toFixed(1)} at ${tn.th}\n`);
const m = fit(fitRows);
const weights: Record<string, number> = {};
// (weights under 0.05 dropped: the file stays under 2 MB)
for (const [k, v] of [...m.w].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))) if (Math.abs(v) >= 0.05) weights[k] = Math.round(v * 1000) / 1000;
const SRC = 'PolNeAR v1.0.0 train split (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR, commit c3eee83), first annotator per article';
const head = JSON.stringify({
  source: `Logistic weights fitted by scripts/quotes/fit-cues.ts${all ? ' --all' : ''} on the ${SRC}, ${all ? 'all 840 articles' : `articles 1-${HOLD_FROM} (the last ${840 - HOLD_FROM} held out for validation)`}; features as in src/events/quotes-learned.ts${withTags ? `, with the BIO tagger's labels out-of-fold (${TAG_FOLDS} folds)` : ''}; thresholds = best cue-head F1 of a two-fold cross-fit (verbs ${(100 * tv.f).toFixed(1)}, nouns/adjectives ${(100 * tn.f).toFixed(1)}).`,
  bias: Math.round(m.b * 1000) / 1000, threshold: tv.th, nounThreshold: tn.th,
});
// one weight a line (a diff of a refit stays readable)
writeFileSync(OUT, head.slice(0, -1) + ',\n"weights":{\n'
  + Object.entries(weights).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',\n') + '}}\n');
process.stderr.write(`${Object.keys(weights).length} weights written; ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
