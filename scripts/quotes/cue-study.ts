// Study of the attribution cues the sparse cue model misses (a diagnostic, not part of the product):
// PolNeAR train, first annotator, tokens as the event stage sees them (eval:quotes' cache); for
// the gold cues of articles from --from (default 672: the validation slice the committed model
// was not fitted on): the head token the fitting labels, its POS, the committed model's
// probability, and the lemmas most often missed.
//   node --import tsx scripts/quotes/cue-study.ts [--from N]
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datedDoc } from '../../eval/polnear-docs.js';
import { quotedSegments } from '../../src/events/quotes.js';
import { sentenceTokens } from '../../src/events/tokens.js';
import { loadCues } from '../../src/events/quotes-cues.js';
import { codeEvents } from '../../src/events/index.js';
import { setFilterTap } from '../../src/events/quotes-filter.js';
import { isCandidate, sparseFeatures, loadSparseModel, sparseScore } from '../../src/events/quotes-learned.js';
import { cueHeads } from './cue-rows.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const k = process.argv.indexOf('--from');
const FROM = k > 0 ? Number(process.argv[k + 1]) : 672;
const recs = readFileSync(join(ROOT, '..', 'shared', 'gold', 'polnear', 'polnear_train.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const lex = loadCues();
const m = loadSparseModel()!;
const cnt = new Map<string, number>();
const add = (key: string, n = 1): void => { cnt.set(key, (cnt.get(key) ?? 0) + n); };
const lemmaMiss = new Map<string, number>(), lemmaNeg = new Map<string, number>(), lemmaHit = new Map<string, number>();
const examples: string[] = [];
const seen = new Set<string>();
for (const r of recs) {
  if (seen.has(r.doc_id)) continue;
  seen.add(r.doc_id);
  if (seen.size - 1 < FROM) continue;
  const d = datedDoc(r.doc_id, r.text, r.dct ?? null);
  const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
  const cues: Array<[number, number, string]> = r.attributions.filter((a: any) => a.cue).map((a: any) => [a.cue.frags[0][0] - shift, a.cue.frags.at(-1)[1] - shift, a.cue.text]);
  // the cues the rules build (before the filter) and the cues of the final quotes
  const built: Array<[number, number]> = [];
  setFilterTap((_f, cue) => { built.push(cue); });
  codeEvents(d);
  setFilterTap(null);
  const kept = codeEvents(d).quotes.filter((q) => q.cue).map((q) => [q.cue!.start, q.cue!.end] as [number, number]);
  const covers = (xs: Array<[number, number]>, t: { start: number; end: number }): boolean => xs.some(([a, b]) => t.start >= a && t.end <= b);
  const segs = quotedSegments(d.text);
  const inQ = (p: number): boolean => segs.some((q) => p >= q.start && p < q.end);
  for (const s of d.sentences) {
    const toks = sentenceTokens(s, d.text);
    const { heads, headless } = cueHeads(toks, cues, s);
    for (const n of headless) {
      const [a, b] = cues[n]!;
      add(`gold cue without candidate head: ${toks.filter((t) => t.start >= a && t.end <= b).map((t) => t.pos).join(' ') || '(no token)'}`);
    }
    let nested = false;
    toks.forEach((t, k2) => {
      if (!isCandidate(t)) return;
      const p = sparseScore(m, sparseFeatures(toks, k2, inQ(t.start), nested));
      const th = t.pos === 'VERB' ? m.threshold : Math.max(m.nounThreshold, 0.25);
      const g = heads.has(k2) ? cues[heads.get(k2)!]![2] : undefined;
      const key = `${t.lemma}|${t.pos}`;
      if (g !== undefined) {
        add(`gold head ${t.pos} ${p >= th ? 'above' : 'below'} threshold${inQ(t.start) ? ' (in quote)' : ''}`);
        add(`  gold head ${t.pos} ${p >= th ? 'above' : 'below'}: ${covers(kept, t) ? 'kept' : covers(built, t) ? 'built, filtered' : 'not built'}`);
        if (p < th) {
          lemmaMiss.set(key, (lemmaMiss.get(key) ?? 0) + 1);
          if (examples.length < 400) examples.push(`${p.toFixed(2)} ${key} [${g}] ${d.text.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 220)}`);
        } else lemmaHit.set(key, (lemmaHit.get(key) ?? 0) + 1);
      } else {
        if (p >= th) add(`non-head ${t.pos} above threshold`);
        lemmaNeg.set(key, (lemmaNeg.get(key) ?? 0) + 1);
      }
      if (t.pos === 'VERB' && (lex.byContext.get(t.lemma)?.[0] ?? 0) >= 0.3) nested = true;
    });
  }
}
for (const [key, v] of [...cnt].sort((a, b) => b[1] - a[1])) process.stdout.write(`${String(v).padStart(6)}  ${key}\n`);
process.stdout.write('\nmissed heads by lemma (missed / found / non-head occurrences):\n');
for (const [key, v] of [...lemmaMiss].sort((a, b) => b[1] - a[1]).slice(0, 80)) process.stdout.write(`${String(v).padStart(5)} ${String(lemmaHit.get(key) ?? 0).padStart(5)} ${String(lemmaNeg.get(key) ?? 0).padStart(6)}  ${key}\n`);
if (process.argv.includes('--examples')) process.stdout.write('\n' + examples.join('\n') + '\n');
