// Where the body score goes, page by page (issue 2's loss budget). Body P and R are means over
// pages, so a page's (1 - P) / N is its share of the precision lost: one page at P 0.3 costs as much
// as 35 pages at 0.98. Reads an eval:extract --dump file and the gold; prints
//   - precision and recall lost by per-page F1 bucket, and by the hand-read kinds of
//     eval/<set>-gold-stops.tsv (gold stops part-way: story / list / page; "other" = the rest);
//   - what a perfect job on the "other" pages would leave (their precision loss set to 0);
//   - recall lost that is ours (gold 4-grams shown in the page's visible text, beyond those we
//     output) against gold text not on the page (repeated passages, paywalled, another revision),
//     by where the missed gold paragraph sits (first / middle / last) and its size in 4-grams;
//   - the pages losing most recall that is ours, with the gold paragraphs missed.
//
//   npm run eval:extract -- --only entente --dump /tmp/x.jsonl
//   node --import tsx scripts/article/loss-budget.ts --set naeb --dump /tmp/x.naeb.entente.jsonl [--pages 20]
//
// Reads ../shared/news (development material; the product never does). Tokens, 4-grams, the page's
// visible text and the gold-stops list are eval/extract.ts's own.
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../src/article/decode.js';
import { tokens, shingles, pageText, loadGoldStops } from '../../eval/extract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const set = opt('--set') ?? 'naeb';
const dump = opt('--dump');
const topPages = Number(opt('--pages') ?? 20);
if (!dump) throw new Error('--dump FILE (an eval:extract --dump output for this set) is required');
const dir = join(ROOT, '..', 'shared', 'news', set);

interface Row { id: string; p: number; r: number; f1: number; body: string }
const rows: Row[] = readFileSync(dump, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
const gold = new Map<string, string>(readFileSync(join(dir, 'ground-truth.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; body: string }).map((g) => [g.id, g.body]));
const stops = new Map<string, string>(loadGoldStops({ name: set }).map((x) => [x.id, x.kind]));
const kindOf = (id: string) => stops.get(id.slice(0, 8)) ?? 'other';

const N = rows.length;
const f = (x: number) => x.toFixed(4);
const P = rows.reduce((a, r) => a + r.p, 0) / N, R = rows.reduce((a, r) => a + r.r, 0) / N;
console.log(`${set}: ${N} pages, P ${f(P)} R ${f(R)} F1 ${f((2 * P * R) / (P + R))}; lost P ${f(1 - P)} R ${f(1 - R)}`);

console.log('\n| page F1 | pages | P lost | R lost |\n|---|---|---|---|');
for (const [lo, hi] of [[0, 0.5], [0.5, 0.8], [0.8, 0.9], [0.9, 0.95], [0.95, 1.01]] as const) {
  const s = rows.filter((r) => r.f1 >= lo && r.f1 < hi);
  console.log(`| ${lo}–${hi > 1 ? 1 : hi} | ${s.length} | ${f(s.reduce((a, r) => a + 1 - r.p, 0) / N)} | ${f(s.reduce((a, r) => a + 1 - r.r, 0) / N)} |`);
}
console.log('\n| gold-stops kind | pages | P lost | R lost |\n|---|---|---|---|');
for (const k of ['story', 'list', 'page', 'other']) {
  const s = rows.filter((r) => kindOf(r.id) === k);
  if (s.length) console.log(`| ${k} | ${s.length} | ${f(s.reduce((a, r) => a + 1 - r.p, 0) / N)} | ${f(s.reduce((a, r) => a + 1 - r.r, 0) / N)} |`);
}
const otherLoss = rows.filter((r) => kindOf(r.id) === 'other').reduce((a, r) => a + 1 - r.p, 0) / N;
const Pbest = P + otherLoss;
console.log(`\nWith every "other" page at P = 1 (and R as is): P ${f(Pbest)}, F1 ${f((2 * Pbest * R) / (Pbest + R))}.`);
const other = rows.filter((r) => kindOf(r.id) === 'other');
console.log('\n| "other" pages by P | pages | P lost |\n|---|---|---|');
for (const [lo, hi] of [[0, 0.5], [0.5, 0.8], [0.8, 0.9], [0.9, 0.95], [0.95, 0.98], [0.98, 1.01]] as const) {
  const s = other.filter((r) => r.p >= lo && r.p < hi);
  console.log(`| ${lo}–${hi > 1 ? 1 : hi} | ${s.length} | ${f(s.reduce((a, r) => a + 1 - r.p, 0) / N)} |`);
}

// Recall: each gold paragraph's 4-grams we did not output, and of those how many the page shows
// beyond what we output (multiplicity counted: a passage the gold repeats is on the page once).
const byPlace = new Map<string, number>();
let ours = 0;
const pages: { id: string; r: number; ours: number; miss: string[] }[] = [];
for (const r of rows) {
  const g = gold.get(r.id);
  const file = join(dir, 'html', `${r.id}.html.gz`);
  if (g === undefined || !existsSync(file)) continue;
  const pred = shingles(tokens(r.body));
  const on = shingles(tokens(pageText(decodeHtml(gunzipSync(readFileSync(file))))));
  let ng = 0;
  for (const v of shingles(tokens(g)).values()) ng += v;
  if (!ng) continue;
  const paras = g.split(/\n\s*\n/).filter((x) => x.trim());
  const used = new Map<string, number>(), usedOn = new Map<string, number>();
  let lost = 0;
  const miss: string[] = [];
  paras.forEach((para, i) => {
    let n = 0, hit = 0, shown = 0;
    for (const [k, v] of shingles(tokens(para))) {
      n += v;
      const h = Math.max(0, Math.min(v, (pred.get(k) ?? 0) - (used.get(k) ?? 0)));
      used.set(k, (used.get(k) ?? 0) + h);
      hit += h;
      const spare = Math.max(0, (on.get(k) ?? 0) - (pred.get(k) ?? 0) - (usedOn.get(k) ?? 0));
      const t = Math.min(v - h, spare);
      usedOn.set(k, (usedOn.get(k) ?? 0) + t);
      shown += t;
    }
    if (!shown) return;
    const place = `${i === 0 ? 'first' : i === paras.length - 1 ? 'last' : 'middle'} paragraph, ${n < 8 ? 'under 8' : n < 25 ? '8–24' : '25+'} 4-grams`;
    byPlace.set(place, (byPlace.get(place) ?? 0) + shown / ng / N);
    lost += shown;
    if (shown >= 3) miss.push(`[${i + 1}/${paras.length}] ${shown}/${n} missed: ${para.replace(/\s+/g, ' ').slice(0, 110)}`);
  });
  const share = Math.min(1 - r.r, lost / ng);
  ours += share;
  pages.push({ id: r.id.slice(0, 8), r: r.r, ours: share, miss });
}
console.log(`\nRecall lost ${f(1 - R)}: ours (gold text the page shows, not output) ${f(ours / N)}, not on the page ${f(1 - R - ours / N)}.`);
console.log('\n| missed gold paragraph (ours) | R lost |\n|---|---|');
for (const [k, v] of [...byPlace].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${f(v)} |`);
console.log(`\nPages losing most recall that is ours (R lost on the page / N):`);
for (const p of pages.sort((a, b) => b.ours - a.ours).slice(0, topPages)) {
  console.log(`${p.id} R ${p.r.toFixed(3)} ours ${f(p.ours / N)}`);
  for (const m of p.miss.slice(0, 3)) console.log(`    ${m}`);
}
