// Fits the learned block decision (src/article/blockmodel.ts) on the NAEB gold and measures it
// honestly:
//   - k-fold cross-validated NAEB body P/R/F1, folds by site (NAEB has two pages per site; both
//     pages of a site are in the same fold, so the model never sees the site it is scored on); the
//     drop threshold of each fold is chosen by an inner cross-validation on its training pages only;
//   - the model fitted on all NAEB, scored on L3S-GN1 (transfer: another decade, other sites);
//   - the in-sample NAEB figure, labelled as such.
// Writes data/article/block-model.json (byte-for-byte reproducible: fixed fold assignment, fixed
// iteration count, weights rounded) unless --no-write.
//
//   node --import tsx scripts/article/fit-blocks.ts [--folds 5] [--no-write] [--diag] [--cache DIR]
//     [--tail] [--no-clean] [--flat] [--l2 0.003] [--iters 200] [--min-sites 4] [--dump FILE]
//
// Labels: a block is story text when at least half of its token 4-grams are in the gold body's
// 4-grams (tokens as eval/extract.ts: runs of Unicode letters/digits/underscore). Training weights:
// each block counts by its share of its page's 4-grams (body precision is a mean over pages), so a
// long paragraph on a short page weighs more than a label on a long one.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../src/article/index.js';
import { decodeHtml } from '../../src/article/decode.js';
import { layout, type RawBlock } from '../../src/article/blocks.js';
import { blockScores, blockLogits, tailCut, IN_TABLE, type BlockModel } from '../../src/article/blockmodel.js';
import { shingleCounts, referenceMetrics, type PageCounts } from '../../eval/extract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NEWS = join(ROOT, '..', 'shared', 'news');
const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] ?? d : d; };
const FOLDS = Number(opt('--folds', '5'));
const MIN_SITES = Number(opt('--min-sites', '4'));
const L2 = Number(opt('--l2', '0.003'));
const ITERS = Number(opt('--iters', '200'));
const WRITE = !args.includes('--no-write');
/** --tail: also fit the "story has ended" head (tried: its inner CV never chose a cut) */
const USE_TAIL = args.includes('--tail');
/** --flat: every block weighs the same in the fit (default: by its share of the page's 4-grams) */
const FLAT = args.includes('--flat');
/** --no-clean: the keep head also learns from story-like text past the gold's end (CV 0.9532 vs 0.9535) */
const CLEAN = !args.includes('--no-clean');
const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

interface Gold { id: string; site?: string; url: string | null; body: string; html_available?: boolean }
interface Page { id: string; site: string; gold: string; goldN: number; blocks: RawBlock[]; feats: string[][]; labels: number[]; tail: number[]; weights: number[]; n: number[]; hit: number[] }

const TOKEN = /[\p{L}\p{N}_]+/gu;
function grams(text: string): string[] {
  const t = text.match(TOKEN) ?? [];
  if (!t.length) return [];
  if (t.length < 4) return [t.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + 4 <= t.length; i++) out.push(`${t[i]} ${t[i + 1]} ${t[i + 2]} ${t[i + 3]}`);
  return out;
}

function loadSet(name: string): Page[] {
  // --cache DIR: the extracted blocks and features of each set, kept between runs while tuning
  const cache = opt('--cache', '');
  const cfile = cache ? join(cache, `fit-blocks.${name}.json`) : '';
  if (cfile && existsSync(cfile)) return JSON.parse(readFileSync(cfile, 'utf8')) as Page[];
  const pages = loadPages(name);
  if (cfile) writeFileSync(cfile, JSON.stringify(pages));
  return pages;
}

function loadPages(name: string): Page[] {
  const dir = join(NEWS, name);
  const golds = readFileSync(join(dir, 'ground-truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Gold)
    .filter((g) => g.html_available !== false && existsSync(join(dir, 'html', `${g.id}.html.gz`)));
  const pages: Page[] = [];
  for (const g of golds) {
    const html = decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${g.id}.html.gz`))));
    let blocks: RawBlock[] = [], feats: string[][] = [];
    try {
      extractArticle(html, g.url ?? null, { blockModel: null, onBlocks: (b, f) => { blocks = b.map((x) => ({ ...x, el: null })); feats = f; } });
    } catch { /* scored as the eval scores a throw: an empty body */ }
    const gold = new Set(grams(g.body));
    const counts = blocks.map((b) => grams(b.text));
    const pageN = counts.reduce((n, c) => n + c.length, 0) || 1;
    const labels = counts.map((c) => (c.length && c.filter((x) => gold.has(x)).length >= 0.5 * c.length ? 1 : 0));
    // share of the page's 4-grams, scaled so a page's weights sum to its block count
    // "the story has ended": this block and every one after it are not story text
    const tail = labels.map(() => 0);
    for (let i = labels.length - 1; i >= 0 && labels[i] === 0; i--) tail[i] = 1;
    const weights = counts.map((c) => Math.max(0.05, (c.length / pageN) * blocks.length));
    const host = g.site ?? (g.url ? new URL(g.url).hostname : g.id);
    pages.push({ id: g.id, site: host.replace(/^https?:\/\//, '').replace(/^www\./, ''), gold: g.body, goldN: grams(g.body).length, blocks, feats, labels, tail, weights, n: counts.map((c) => c.length), hit: counts.map((c) => c.filter((x) => gold.has(x)).length) });
  }
  return pages;
}

const WORDISH = /^(?:c0|ca|w0|w01|wl):/;
/** Features kept for fitting: structural ones always; class/id and word features seen on MIN_SITES+ sites. */
function vocabulary(pages: Page[]): Map<string, number> {
  const sites = new Map<string, Set<string>>();
  for (const p of pages) for (const fs of p.feats) for (const f of fs) {
    let s = sites.get(f);
    if (!s) sites.set(f, (s = new Set()));
    s.add(p.site);
  }
  const names = [...sites.keys()].filter((f) => !WORDISH.test(f) || sites.get(f)!.size >= MIN_SITES).sort();
  return new Map(names.map((f, i) => [f, i]));
}

/** L2-regularised logistic regression, full-batch gradient descent with Adagrad steps; deterministic. */
function fit(pages: Page[], head: 'labels' | 'tail' = 'labels'): BlockModel {
  const vocab = vocabulary(pages);
  const X: number[][] = [], y: number[] = [], w8: number[] = [];
  for (const p of pages) p.feats.forEach((fs, i) => {
    // --clean: the keep head does not learn from story-like text past the gold's end (a prose block
    // of 20+ 4-grams in the page's trailing run of non-gold blocks): most of it is the story going
    // on where the annotator stopped, which no block feature can tell from the story
    if (CLEAN && head === 'labels' && p.tail[i] === 1 && p.n[i]! >= 20) return;
    X.push(fs.map((f) => vocab.get(f)).filter((k): k is number => k !== undefined));
    y.push(p[head][i]!);
    w8.push(FLAT ? 1 : p.weights[i]!);
  });
  const W = new Float64Array(vocab.size), G = new Float64Array(vocab.size), grad = new Float64Array(vocab.size);
  let b = 0, gb = 0;
  const sw = w8.reduce((a, x) => a + x, 0);
  const lr = 0.5;
  for (let it = 0; it < ITERS; it++) {
    grad.fill(0);
    let db = 0;
    for (let n = 0; n < X.length; n++) {
      let z = b;
      for (const k of X[n]!) z += W[k]!;
      const e = (1 / (1 + Math.exp(-z)) - y[n]!) * w8[n]!;
      db += e;
      for (const k of X[n]!) grad[k] += e;
    }
    for (let k = 0; k < W.length; k++) {
      const g = grad[k]! / sw + L2 * W[k]!;
      G[k] += g * g;
      if (G[k]! > 0) W[k] -= (lr * g) / Math.sqrt(G[k]!);
    }
    const g = db / sw;
    gb += g * g;
    if (gb > 0) b -= (lr * g) / Math.sqrt(gb);
  }
  const weights: Record<string, number> = {};
  for (const [f, k] of vocab) {
    const v = Math.round(W[k]! * 1e4) / 1e4;
    if (v !== 0) weights[f] = v;
  }
  return { bias: Math.round(b * 1e4) / 1e4, threshold: 0.5, weights };
}

const bodyOf = (p: Page, keep: (i: number) => boolean) => {
  const kept = p.blocks.filter((_, i) => keep(i));
  return layout(kept.length ? kept : p.blocks).body;
};
const score = (pages: Page[], bodies: string[]): PageCounts[] => pages.map((p, i) => shingleCounts(p.gold, bodies[i]!));

function foldOf(pages: Page[], k: number): number[] {
  // sites in sorted order, dealt round-robin: a fixed assignment with both pages of a site together
  const sites = [...new Set(pages.map((p) => p.site))].sort();
  const f = new Map(sites.map((s, i) => [s, i % k]));
  return pages.map((p) => f.get(p.site)!);
}

interface Scores { keep: number[]; tail: number[] }
const scoresOf = (p: Page, m: BlockModel): Scores => ({ keep: blockScores(p.feats, m), tail: m.tail ? blockLogits(p.feats, m.tail) : [] });
const MARGINS = [Infinity, 6, 4, 3, 2, 1, 0, -1];
function decide(p: Page, s: Scores, t: number, margin: number): string {
  const m = mask(p, s, t, margin);
  return bodyOf(p, (j) => m[j]!);
}

/** Both heads fitted on the pages. */
function fitBoth(pages: Page[]): BlockModel {
  const m = fit(pages, 'labels');
  const t = fit(pages, 'tail');
  m.tail = USE_TAIL ? { bias: t.bias, margin: Infinity, weights: t.weights } : null;
  return m;
}

/** Out-of-fold scores for the pages, folds by site. */
function oof(pages: Page[], k: number): Scores[] {
  const fold = foldOf(pages, k);
  const out: Scores[] = pages.map(() => ({ keep: [], tail: [] }));
  for (let f = 0; f < k; f++) {
    const m = fitBoth(pages.filter((_, i) => fold[i] !== f));
    pages.forEach((p, i) => { if (fold[i] === f) out[i] = scoresOf(p, m); });
  }
  return out;
}

/**
 * Body P/R/F1 from the blocks' own 4-gram hits (no 4-grams across block joins, no multiset
 * clipping): close to the exact scoring and ~100x faster, for the parameter search only.
 */
function approxF1(pages: Page[], masks: boolean[][]): number {
  let P = 0, R = 0, nP = 0, nR = 0;
  pages.forEach((p, i) => {
    let n = 0, h = 0;
    masks[i]!.forEach((k, j) => { if (k) { n += p.n[j]!; h += p.hit[j]!; } });
    if (n) { P += h / n; nP++; }
    if (p.goldN) { R += Math.min(1, h / p.goldN); nR++; }
  });
  const mp = P / Math.max(1, nP), mr = R / Math.max(1, nR);
  return (2 * mp * mr) / (mp + mr || 1);
}
function mask(p: Page, s: Scores, t: number, margin: number): boolean[] {
  const k = Number.isFinite(margin) ? tailCut(s.tail, margin) : p.blocks.length;
  const m = p.blocks.map((_, j) => j < k && (s.keep[j]! >= t || p.feats[j]!.includes(IN_TABLE)));
  return m.some(Boolean) ? m : m.map(() => true);
}

/** The threshold and tail margin that score best on these (out-of-fold) scores. */
function bestParams(pages: Page[], sc: Scores[]): { t: number; margin: number } {
  let best = -1, bt = 0, bm = Infinity;
  for (const m of USE_TAIL ? MARGINS : [Infinity]) for (const t of [0, ...THRESHOLDS]) {
    const f1 = approxF1(pages, pages.map((p, i) => mask(p, sc[i]!, t, m)));
    if (f1 > best + 1e-9) { best = f1; bt = t; bm = m; }
  }
  return { t: bt, margin: bm };
}

const fmt = (m: { p: number; r: number; f1: number }) => `P ${m.p.toFixed(4)} R ${m.r.toFixed(4)} F1 ${m.f1.toFixed(4)}`;
function upDown(base: PageCounts[], now: PageCounts[]): string {
  const f = (c: PageCounts) => { const n = c.tp + c.fp, g = c.tp + c.fn; return n && g && c.tp ? (2 * c.tp) / (n + g) : 0; };
  let up = 0, down = 0;
  base.forEach((c, i) => { const d = f(now[i]!) - f(c); if (d > 1e-6) up++; else if (d < -1e-6) down++; });
  return `${up} up, ${down} down`;
}

function main(): void {
  const t0 = Date.now();
  const naeb = loadSet('naeb');
  process.stderr.write(`naeb: ${naeb.length} pages, ${naeb.reduce((n, p) => n + p.blocks.length, 0)} blocks, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  const base = score(naeb, naeb.map((p) => bodyOf(p, () => true)));
  console.log(`naeb rules only:            ${fmt(referenceMetrics(base))}`);
  const oracle = score(naeb, naeb.map((p) => bodyOf(p, (j) => p.labels[j] === 1)));
  console.log(`naeb oracle (labels):       ${fmt(referenceMetrics(oracle))}  (what a perfect keep/drop of these blocks scores)`);
  if (args.includes('--oracle-only')) return;
  if (args.includes('--diag')) {
    // how well each head ranks blocks out of fold (AUC), and the 4-gram mass it could reach
    const sc = oof(naeb, FOLDS);
    const auc = (xs: number[], ys: number[]) => {
      const idx = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
      let pos = 0, neg = 0, rankSum = 0;
      idx.forEach((k, r) => { if (ys[k]) { pos++; rankSum += r + 1; } else neg++; });
      return (rankSum - (pos * (pos + 1)) / 2) / Math.max(1, pos * neg);
    };
    const kx: number[] = [], ky: number[] = [], tx: number[] = [], ty: number[] = [];
    naeb.forEach((p, i) => p.blocks.forEach((_, j) => { kx.push(sc[i]!.keep[j]!); ky.push(p.labels[j]!); if (USE_TAIL) { tx.push(sc[i]!.tail[j]!); ty.push(p.tail[j]!); } }));
    console.log(`out-of-fold AUC: keep head ${auc(kx, ky).toFixed(3)} (${ky.length - ky.reduce((a, b) => a + b, 0)} of ${ky.length} blocks not story)${USE_TAIL ? `, tail head ${auc(tx, ty).toFixed(3)} (${ty.reduce((a, b) => a + b, 0)} tail blocks)` : ''}`);
    for (const t of [0.05, 0.1, 0.2, 0.3, 0.5]) {
      let nNeg = 0, nPos = 0, gNeg = 0, gPos = 0;
      naeb.forEach((p, i) => p.blocks.forEach((_, j) => { if (sc[i]!.keep[j]! < t) { if (p.labels[j]) { nPos++; gPos += p.n[j]!; } else { nNeg++; gNeg += p.n[j]!; } } }));
      console.log(`  keep < ${t}: drops ${nNeg} non-story blocks (${gNeg} 4-grams) and ${nPos} story blocks (${gPos} 4-grams)`);
    }
  }
  // cross-validated: outer folds by site; each fold's parameters from an inner CV on its training pages
  const fold = foldOf(naeb, FOLDS);
  const cvBodies: string[] = new Array(naeb.length);
  const ps: string[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = naeb.filter((_, i) => fold[i] !== f);
    const pr = bestParams(train, oof(train, FOLDS - 1));
    ps.push(`${pr.t}/${pr.margin}`);
    const m = fitBoth(train);
    naeb.forEach((p, i) => { if (fold[i] === f) cvBodies[i] = decide(p, scoresOf(p, m), pr.t, pr.margin); });
  }
  const cv = score(naeb, cvBodies);
  console.log(`naeb ${FOLDS}-fold CV by site:     ${fmt(referenceMetrics(cv))}  (${upDown(base, cv)}; threshold/margin ${ps.join(' ')})`);
  // the model on all NAEB; parameters from a CV over all of it
  const pr = bestParams(naeb, oof(naeb, FOLDS));
  const model = fitBoth(naeb);
  model.threshold = pr.t;
  if (model.tail) model.tail.margin = pr.margin;
  if (model.tail && !Number.isFinite(pr.margin)) model.tail = null;
  model.about = `fitted by scripts/article/fit-blocks.ts on NAEB (${naeb.length} pages), folds ${FOLDS}, min-sites ${MIN_SITES}, l2 ${L2}, iters ${ITERS}; threshold and tail margin from ${FOLDS}-fold CV by site`;
  const ins = score(naeb, naeb.map((p) => decide(p, scoresOf(p, model), pr.t, pr.margin)));
  console.log(`naeb IN-SAMPLE (not a result): ${fmt(referenceMetrics(ins))}  (${upDown(base, ins)}; threshold ${pr.t}, margin ${pr.margin})`);
  const l3s = loadSet('l3s-gn1');
  const lb = score(l3s, l3s.map((p) => bodyOf(p, () => true)));
  const lm = score(l3s, l3s.map((p) => decide(p, scoresOf(p, model), pr.t, pr.margin)));
  console.log(`l3s-gn1 rules only:         ${fmt(referenceMetrics(lb))}`);
  console.log(`l3s-gn1 with the NAEB model: ${fmt(referenceMetrics(lm))}  (${upDown(lb, lm)})`);
  const top = Object.entries(model.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 25);
  console.log(`features ${Object.keys(model.weights).length}; largest: ${top.map(([f, w]) => `${f} ${w}`).join(', ')}`);
  if (WRITE) {
    const byName = (w: Record<string, number>) => Object.fromEntries(Object.entries(w).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const sorted: BlockModel = { about: model.about, bias: model.bias, threshold: model.threshold, weights: byName(model.weights), tail: model.tail ? { bias: model.tail.bias, margin: model.tail.margin, weights: byName(model.tail.weights) } : null };
    writeFileSync(join(ROOT, 'data', 'article', 'block-model.json'), JSON.stringify(sorted, null, 1) + '\n');
  }
  const dump = opt('--dump', '');
  if (dump) writeFileSync(dump, naeb.map((p, i) => JSON.stringify({ id: p.id, site: p.site, base: base[i], cv: cv[i], cvBody: cvBodies[i], blocks: p.blocks.map((b, j) => ({ t: b.text.slice(0, 120), y: p.labels[j] })) })).join('\n') + '\n');
  process.stderr.write(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

main();
