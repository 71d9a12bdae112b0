// Classifies the source misses and false alarms of an eval:quotes dump, by kind:
//   npm run eval:quotes -- --dump /tmp/q.jsonl && node --import tsx scripts/quotes/misses.ts /tmp/q.jsonl
// - cue never found (no predicted cue overlapping the gold cue), with the gold cue's shape;
// - cue found with another extent (a predicted cue overlaps the gold cue, overlap/union < 0.5);
// - cue found, no source; cue found, source span wrong (longer, shorter, elsewhere);
// - false alarms: with a cue PolNeAR does not annotate, or with an annotated cue.
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2] ?? '/tmp/q.jsonl', 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const src = rows.filter((r) => r.kind === 'source');
const count = new Map<string, number>();
const add = (k: string): void => { count.set(k, (count.get(k) ?? 0) + 1); };
const PRON = /^(he|she|they|it|we|i|you|him|her|them|who|which|that|his|their|its)$/i;
for (const r of src) {
  if (r.type === 'fa') { add(`false alarm: ${r.cueOk ? 'annotated cue, wrong source' : 'cue not annotated'}`); continue; }
  if (r.ours === null) {
    if (r.near) { add('miss: cue found with another extent'); continue; }
    const c: string = r.cue ?? '';
    const shape = !c ? 'no cue' : /^according to/i.test(c) ? '"according to"' : /[:―—–-]$|^[:―—–-]/.test(c.trim()) ? 'colon/dash'
      : /\b(is|are|was|were|be|been)\s+\w+ed\b/i.test(c) ? 'passive' : c.trim().split(/\s+/).length >= 4 ? 'phrase of 4+ words' : 'word or short phrase';
    add(`miss: cue never found (${shape})`);
  } else if (r.ours === '(none)') add('miss: cue found, no source');
  else {
    const g: string = r.gold, o: string = r.ours;
    add(`miss: cue found, source ${o.includes(g) ? 'too long' : g.includes(o) ? 'too short' : PRON.test(g) || PRON.test(o) ? 'pronoun/antecedent' : 'elsewhere'}`);
  }
}
for (const [k, v] of [...count].sort()) process.stdout.write(`${String(v).padStart(5)}  ${k}\n`);
