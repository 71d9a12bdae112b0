// Dev diagnostic for the event lexicon: lists the gold sentences whose top event's CAMEO code
// differs from the gold (cameo-manual examples, or conflibert-cameo by quad class), with the
// trigger chosen and every event produced, so misses can be grouped by kind.
// `node --import tsx scripts/lexicon/misses.ts [cameo|conflibert|petr2|plover] [--all]` (reads ../shared/gold).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline, articleStage, sentenceStage, actorStage, timeStage } from '../../src/pipeline.js';
import { codeEvents } from '../../src/events/index.js';
import { loadLexicon } from '../../src/events/lexicon.js';
import type { EventRecord, RawDocument } from '../../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOLD = join(ROOT, '..', 'shared', 'gold');
const which = process.argv[2] ?? 'cameo';
const all = process.argv.includes('--all');
const jsonl = (p: string): any[] => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const pipe = createPipeline();
// LEXDIR=<dir>: code with another build of the lexicon (before/after comparisons)
const lexicon = process.env.LEXDIR ? loadLexicon(process.env.LEXDIR) : undefined;
const run = (id: string, text: string, date: string | null) => {
  const raw: RawDocument = { id, kind: 'text', content: text, origin: id, hints: { published: date } };
  const d = timeStage(actorStage(sentenceStage(articleStage(raw, date)), pipe.kb));
  return codeEvents(d, { keepActorless: true, lexicon }).events;
};
const scored = (e: EventRecord): boolean => !e.negated && e.modality !== 'hypothetical';
const top = (evs: EventRecord[]) => evs.filter(scored).sort((a, b) => b.confidence - a.confidence)[0] ?? evs[0] ?? null;
const show = (e: EventRecord) => `${e.cameo}:"${e.text_info.trigger.text}"(${e.confidence}${e.negated ? ',neg' : ''}${e.modality !== 'asserted' ? ',' + e.modality : ''})`;
const penta = (code: string): number => {
  const r = Number(code.slice(0, 2));
  return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 || r === 16 ? 3 : 4;
};
const quad = (p: number) => (p <= 1 ? 1 : p);
let n = 0, bad = 0;
if (which === 'cameo') {
  for (const r of jsonl(join(GOLD, 'cameo-manual', 'cameo_examples.jsonl'))) {
    n++;
    const evs = run(r.id, r.text, null);
    const t = top(evs);
    const ok = t?.cameo.slice(0, 2) === r.root;
    if (!ok) bad++;
    if (ok && !all) continue;
    console.log(`${ok ? 'OK  ' : 'MISS'} gold ${r.code} ours ${t ? t.cameo : '-'} | ${evs.map(show).join(' ')}\n     ${r.text}`);
  }
} else if (which === 'conflibert') {
  for (const r of jsonl(join(GOLD, 'conflibert-cameo', 'conflibert_cameo.jsonl')).filter((r) => r.penta_class !== null && r.penta_class !== undefined)) {
    n++;
    const evs = run(r.id, r.text, null);
    const t = top(evs);
    const ok = quad(t ? penta(t.cameo) : 0) === quad(r.penta_class);
    if (!ok) bad++;
    if (ok && !all) continue;
    console.log(`${ok ? 'OK  ' : 'MISS'} gold penta ${r.penta_class}${r.code ? ' ' + r.code : ''} ours ${t ? t.cameo : '-'} | ${evs.map(show).join(' ')}\n     ${r.text}`);
  }
} else if (which === 'plover') {
  for (const r of jsonl(join(GOLD, 'plover-gsr', 'plover_gsr.jsonl'))) {
    n++;
    const evs = run(r.id, r.text, '2000-01-01').filter((e) => e.event);
    const t = top(evs);
    const ok = t?.event === r.event_plover_current;
    if (!ok) bad++;
    if (ok && !all) continue;
    console.log(`${ok ? 'OK  ' : 'MISS'} gold ${r.event_plover_current} ours ${t ? t.event + ' ' + t.cameo : '-'} | ${evs.map(show).join(' ')}\n     ${r.text}`);
  }
} else {
  for (const r of jsonl(join(GOLD, 'petr2-gsr', 'petr2_gsr.jsonl'))) {
    n++;
    const evs = run(r.id, r.text, null);
    const t = top(evs);
    const gold = r.noevents ? [] : r.events.map((e: any) => e.code);
    const ok = r.noevents ? !evs.filter(scored).length : !!t && gold.some((c: string) => c.slice(0, 2) === t.cameo.slice(0, 2));
    if (!ok) bad++;
    if (ok && !all) continue;
    console.log(`${ok ? 'OK  ' : 'MISS'} gold ${gold.join(',') || 'none'} ours ${t ? t.cameo : '-'} | ${evs.map(show).join(' ')}\n     ${r.text}`);
  }
}
console.log(`${which}: ${bad} misses of ${n}`);
