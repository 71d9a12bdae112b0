// Scores the time stage against TIMEX3 gold (TempEval-3 TimeBank + AQUAINT, MEANTIME English).
//   npm run eval:dates                 table of results
//   npm run eval:dates -- --errors 40  plus the most frequent value/type errors, misses and false hits
//   npm run eval:dates -- --no-sentences  the time stage alone, without the sentence stage's sentences
// Each document is run with its document creation time (dct) as the reference date.
// Detection: strict = same span; relaxed = spans overlap (one-to-one, greedy by overlap).
// Type and value accuracy are over relaxed matches; "value F1" (TempEval-3 style) counts a match
// only when the value is also right. Non-consuming gold timexes (empty text) are left out: they
// have no span to find.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTimesDetailed, type TimeDetail } from '../src/time/index.js';
import { splitSentences } from '../src/text/sentences.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.ENTENTE_SHARED ?? join(ROOT, '..', 'shared');
const SETS: [string, string][] = [
  ['TimeBank', 'gold/tempeval3/tbaq_timebank.jsonl'],
  ['AQUAINT', 'gold/tempeval3/tbaq_aquaint.jsonl'],
  ['TE3-platinum', 'gold/tempeval3/te3_platinum.jsonl'],
  ['MEANTIME', 'gold/meantime-en/meantime_en.jsonl'],
];

interface Gold { text: string; start: number; end: number; type: string; value: string | null }
interface Doc { doc_id: string; dct: string | null; text: string; timexes: Gold[] }

const args = process.argv.slice(2);
const errN = args.includes('--errors') ? Number(args[args.indexOf('--errors') + 1] ?? 30) : 0;
/** --no-sentences: run the time stage alone (sentence bounds from punctuation, no POS) */
const useSentences = !args.includes('--no-sentences');

interface Tally { gold: number; sys: number; strict: number; relaxed: number; type: number; value: number; ms: number; docs: number; chars: number }
const newTally = (): Tally => ({ gold: 0, sys: 0, strict: 0, relaxed: 0, type: 0, value: 0, ms: 0, docs: 0, chars: 0 });
const errs = { value: new Map<string, number>(), type: new Map<string, number>(), miss: new Map<string, number>(), extra: new Map<string, number>() };
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** MEANTIME writes one DCT as DD-MM-YYYY (its dateline reads "February 03, 2009" for 03-02-2009). */
function isoDct(dct: string | null): string | null {
  const m = dct ? /^(\d{2})-(\d{2})-(\d{4})$/.exec(dct) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : dct;
}

function scoreDoc(d: Doc & { sentences?: [number, number][] }, t: Tally): void {
  // MEANTIME annotates time expressions in the first six sentences only (headline, dateline and
  // four more: no gold timex lies beyond): score both sides on that region.
  const limit = d.sentences && d.sentences.length > 6 ? d.sentences[5]![1] : Infinity;
  const gold = d.timexes.filter((g) => g.text && g.end > g.start && g.start < limit);
  // as in the pipeline, the time stage gets the sentence stage's sentences (not timed here)
  const sentences = useSentences ? splitSentences(d.text) : undefined;
  const t0 = performance.now();
  const { times: found } = extractTimesDetailed(d.text, isoDct(d.dct), sentences);
  // a range ("between 1985 and 1987") is scored whole when the gold tags it whole (MEANTIME:
  // "from 2009 to 2011" P2Y), else as its two ends (TimeBank tags 1985 and 1987)
  const whole = (s: TimeDetail) => gold.some((g) => g.start <= s.parts![0]!.start && g.end >= s.parts![1]!.end);
  const times = found.flatMap((s) => (s.parts && s.parts.length && !whole(s) ? s.parts : [s])).filter((s) => s.start < limit);
  t.ms += performance.now() - t0;
  t.docs++;
  t.chars += d.text.length;
  t.gold += gold.length;
  t.sys += times.length;
  const pairs: { g: Gold; s: TimeDetail; ov: number }[] = [];
  for (const g of gold) for (const s of times) {
    const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
    if (ov > 0) pairs.push({ g, s, ov });
  }
  pairs.sort((a, b) => b.ov - a.ov);
  const usedG = new Set<Gold>();
  const usedS = new Set<TimeDetail>();
  for (const p of pairs) {
    if (usedG.has(p.g) || usedS.has(p.s)) continue;
    usedG.add(p.g);
    usedS.add(p.s);
    t.relaxed++;
    if (p.g.start === p.s.start && p.g.end === p.s.end) t.strict++;
    if (p.g.type === p.s.type) t.type++;
    else bump(errs.type, `${p.g.type}→${p.s.type} ${JSON.stringify(p.g.text.toLowerCase())}`);
    if (p.g.value === p.s.value) t.value++;
    else bump(errs.value, `${JSON.stringify(p.g.text.toLowerCase())} gold ${p.g.value} sys ${p.s.value} (${p.s.kind}) dct ${d.dct}`);
  }
  for (const g of gold) if (!usedG.has(g)) bump(errs.miss, `${g.type} ${JSON.stringify(g.text.toLowerCase())} ${g.value}`);
  for (const s of times) if (!usedS.has(s)) bump(errs.extra, `${s.type} ${JSON.stringify(s.text.toLowerCase())} (${s.kind})`);
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x: number) => x.toFixed(3);

function row(name: string, t: Tally): string {
  const sp = t.strict / t.sys, sr = t.strict / t.gold;
  const rp = t.relaxed / t.sys, rr = t.relaxed / t.gold;
  const vf = f1(t.value / t.sys, t.value / t.gold);
  return `| ${name} | ${t.docs} | ${t.gold} | ${t.sys} | ${pct(sp)} / ${pct(sr)} / ${pct(f1(sp, sr))} | ${pct(rp)} / ${pct(rr)} / ${pct(f1(rp, rr))} | ${pct(t.type / t.relaxed)} | ${pct(t.value / t.relaxed)} | ${pct(vf)} | ${(t.ms / t.docs).toFixed(2)} |`;
}

const lines: string[] = [];
lines.push('| set | docs | gold | found | strict P / R / F1 | relaxed P / R / F1 | type acc | value acc | value F1 | ms/doc |');
lines.push('|---|---|---|---|---|---|---|---|---|---|');
const all = newTally();
let any = false;
for (const [name, rel] of SETS) {
  const path = join(SHARED, rel);
  if (!existsSync(path)) continue;
  any = true;
  const t = newTally();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as Doc;
    scoreDoc(d, t);
  }
  for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  lines.push(row(name, t));
}
if (!any) {
  process.stderr.write(`eval:dates: no gold found under ${SHARED}/gold (set ENTENTE_SHARED to the shared folder)\n`);
  process.exit(2);
}
lines.push(row('all', all));
console.log(lines.join('\n'));
console.log(`\n${all.sys} expressions in ${all.docs} documents (${(all.chars / 1000).toFixed(0)}k chars) in ${all.ms.toFixed(0)} ms: ${(all.sys / (all.ms / 1000)).toFixed(0)} expressions/s, ${(all.ms / all.docs).toFixed(2)} ms/document`);
// Speed on ordinary news: the first 100 articles of each file of news/corpus (300 texts).
{
  const texts: { text: string; date: string | null }[] = [];
  for (const f of ['bbc-2004-2005.jsonl', 'giveme5w1h-2016-2018.jsonl', 'wikinews-2019-2020.jsonl']) {
    const path = join(SHARED, 'news/corpus', f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).slice(0, 100)) {
      const r = JSON.parse(line) as { text?: string; body?: string; date?: string | null };
      texts.push({ text: r.text ?? r.body ?? '', date: r.date ?? null });
    }
  }
  if (texts.length) {
    extractTimesDetailed(texts[0]!.text, texts[0]!.date); // warm-up: lexicon load and regex compilation
    let n = 0, chars = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const t of texts) { n += extractTimesDetailed(t.text, t.date).times.length; chars += t.text.length; }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    // CPU time as well as wall-clock: on a shared machine the wall-clock includes waiting for a core
    console.log(`news/corpus speed: ${texts.length} articles (${(chars / 1000).toFixed(0)}k chars), ${n} expressions in ${ms.toFixed(0)} ms wall / ${cpuMs.toFixed(0)} ms CPU: ${(ms / texts.length).toFixed(2)} ms/article wall, ${(cpuMs / texts.length).toFixed(2)} ms/article CPU, ${(n / (cpuMs / 1000)).toFixed(0)} expressions per CPU-second`);
  }
}
if (errN) {
  for (const [k, m] of Object.entries(errs)) {
    console.log(`\n## ${k} errors`);
    for (const [e, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, errN)) console.log(`${n}\t${e}`);
  }
}
