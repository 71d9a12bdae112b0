// A/B of cue-model feature groups (a diagnostic for fit-cues.ts, not part of the product): rows
// built once from PolNeAR train (first annotator, eval:quotes' cached stages), then for each
// variant a model fitted on articles 1-672 with some feature groups left out (by prefix) and its
// cue-head F1 on the validation slice 673-840 at the best threshold, verbs and nouns/adjectives
// apart. Dev is never read.
//   node --import tsx scripts/quotes/cue-experiment.ts 'base:g=,lg=,o=,on=,qs=,sx=,ln2=' 'all:' ...
// (each argument: name:comma-separated prefixes to leave out; a name with + also leaves the
// other verbs of a gold cue span out of the rows instead of labelling them 0, as fit-cues does)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCues } from '../../src/events/quotes-cues.js';
import { cueRows } from './cue-rows.js';
import { fitSparseLogistic, sparseProb } from './sgd-logistic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOLD_FROM = 672;
const recs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_train.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const lex = loadCues();
interface Row { f: string[]; y: number; noun: boolean; art: number; inner: boolean; extra?: boolean }
const rows: Row[] = [];
const seen = new Set<string>();
// (a name ending in * also fits on the other annotators' labels of articles 1-672 and on the
// annotator-training articles)
const arts = new Map<string, number>();
const extraRecs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_annotator_training.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
for (const r of [...recs, ...extraRecs]) {
  const extra = seen.has(r.doc_id) || r.split === 'annotator-training';
  if (!arts.has(r.doc_id)) arts.set(r.doc_id, r.split === 'annotator-training' ? -1 : arts.size);
  seen.add(r.doc_id);
  const art = arts.get(r.doc_id)!;
  if (extra && art >= HOLD_FROM) continue;
  for (const row of cueRows(r, lex)) rows.push({ ...row, art, extra });
}
process.stderr.write(`${rows.length} rows, ${rows.filter((r) => r.inner).length} inner verbs\n`);
function best(scored: Array<[number, number]>): string {
  const ng = scored.filter(([, y]) => y).length;
  let b = { th: 0, f: 0, p: 0, r: 0 };
  for (let th = 0.1; th < 0.95; th += 0.02) {
    let tp = 0, np = 0;
    for (const [p, y] of scored) if (p >= th) { np++; tp += y; }
    const P = tp / (np || 1), R = tp / (ng || 1), f = P + R ? 2 * P * R / (P + R) : 0;
    if (f > b.f) b = { th, f, p: P, r: R };
  }
  return `F1 ${(100 * b.f).toFixed(1)} (P ${(100 * b.p).toFixed(1)} R ${(100 * b.r).toFixed(1)}) at ${b.th.toFixed(2)}`;
}
for (const arg of process.argv.slice(2)) {
  const [name, pre = ''] = arg.split(':') as [string, string];
  const drop = pre.split(',').filter(Boolean);
  const keep = (x: string): boolean => !drop.some((p) => x.startsWith(p));
  const c0 = process.cpuUsage();
  const train = rows.filter((r) => r.art < HOLD_FROM && !(/\+/.test(name) && r.inner) && (!r.extra || name.endsWith('*'))).map((r) => (drop.length ? { f: r.f.filter(keep), y: r.y } : r));
  const m = fitSparseLogistic(train, { epochs: 6, lr: 0.1, l2: 1e-6, minCount: 2, seed: 7 });
  const sv: Array<[number, number]> = [], sn: Array<[number, number]> = [];
  for (const r of rows) if (r.art >= HOLD_FROM && !r.extra) (r.noun ? sn : sv).push([sparseProb(m, drop.length ? r.f.filter(keep) : r.f), r.y]);
  const c1 = process.cpuUsage(c0);
  process.stdout.write(`${name}: verbs ${best(sv)}; nouns/adj ${best(sn)}; ${m.w.size} weights; ${((c1.user + c1.system) / 1e6).toFixed(0)} CPU-s\n`);
}
