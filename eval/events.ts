// Scores the event coder against the development halves in ../shared/gold (never read by tests).
// Each gold sentence goes through the full pipeline (article → sentences → actors → time →
// events) with its date when given. `npm run eval:events [-- --only plover,petr2,...]`.
//
// Two views where actors matter:
// - "pipeline": actors come from the actors stage (the product's numbers);
// - "oracle actors" (plover-gsr only, a diagnostic of the coder alone): the gold source/target
//   spans are handed to the coder as mentions with the gold country codes.
// Scored events are the asserted/claimed/future/historical ones with negated=false (a negated or
// hypothetical event is not a claim that the event happened; see EVALUATION.md "Events"), and every
// intent/refusal/threat record (`intended` set: the record claims the intention was stated).
import { parseClipping } from '../src/sources/clipping.js';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline, articleStage, sentenceStage, actorStage, timeStage, type Pipeline } from '../src/pipeline.js';
import { codeEvents } from '../src/events/index.js';
import type { CodedDoc, DatedDoc, Entity, EventRecord, Mention, RawDocument } from '../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD = join(ROOT, '..', 'shared', 'gold');
if (!existsSync(GOLD)) {
  process.stderr.write(`eval:events: ${GOLD} not found: the evaluation needs the shared gold sets next to the checkout (../shared/gold)\n`);
  process.exit(2);
}
const only = (() => {
  const k = process.argv.indexOf('--only');
  return k > 0 ? new Set(process.argv[k + 1]!.split(',')) : null;
})();
const want = (name: string): boolean => !only || only.has(name);
// --dump: print every plover-gsr / petr2-gsr sentence whose dyads are not all right (gold vs ours),
// to group the misses by kind; the scores are the same with or without it
const DUMP = process.argv.includes('--dump');
const dumpEvents = (evs: EventRecord[]): string => evs.map((e) => `    ${e.cameo} ${e.event ?? '-'} ${e.actor.map((a) => a.country_code ?? a.code).join('+') || '?'} -> ${e.recipient.map((a) => a.country_code ?? a.code).join('+') || '?'} "${e.text_info.trigger.text}" [${e.modality}${e.negated ? ',neg' : ''}] conf ${e.confidence}`).join('\n');
const jsonl = (p: string): any[] => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const pct = (x: number): string => (100 * x).toFixed(1);
const f1 = (tp: number, np: number, ng: number) => {
  const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const pipe: Pipeline = createPipeline();

function dated(id: string, text: string, date: string | null): DatedDoc {
  const raw: RawDocument = { id, kind: 'text', content: text, origin: id, hints: { published: date } };
  return timeStage(actorStage(sentenceStage(articleStage(raw, date)), pipe.kb));
}
function run(id: string, text: string, date: string | null, keepActorless = false): CodedDoc {
  const d = dated(id, text, date);
  return { ...d, ...codeEvents(d, { keepActorless }) };
}
// An intent, refusal or threat record (`intended` set: "X will/would/wants to <act>", the CAMEO codebook's
// coding) claims that the intention was stated, whatever the modality of the act it announces.
const scored = (e: EventRecord): boolean => !!e.intended || !e.negated && e.modality !== 'hypothetical';
// Statements of intent are coded by the product the CAMEO codebook's way since session 3 ("X will/would
// <act>" = 03x/13x, "will not <cooperate>" = 12x, the act kept in `intended`: src/events/intent.ts), so the
// "intent convention" rows that translated our records to it before scoring are gone.
const goldView = (evs: EventRecord[]): EventRecord[] => evs.filter(scored);
const isoDate = (d: string | null | undefined): string | null => {
  if (!d) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(d);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};
// The gold sets code actors CAMEO-style, as eval/actors.ts maps them: a few legacy country codes
// (JAP, ITL, VTN = ISO JPN, ITA, VNM) and "NGO"/"IMG" in the country slot for NGOs and
// transnational militant groups, which have no country in our entities (their code says it).
const LEGACY: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };
const goldCc = (c: string | null | undefined): string | null => (c ? LEGACY[c] ?? c : c ?? null);
const cc = (e: Entity): string | null => e.country_code ?? (e.code.startsWith('NGO') ? 'NGO' : e.code.startsWith('IMG') ? 'IMG' : null);

/** dyads of an event: actor × recipient; reciprocal groups without a recipient give every ordered pair */
function dyads(e: EventRecord): Array<[string | null, string | null]> {
  const out: Array<[string | null, string | null]> = [];
  if (e.recipient.length) for (const a of e.actor) for (const r of e.recipient) out.push([cc(a), cc(r)]);
  else if (e.actor.length > 1) for (const a of e.actor) for (const b of e.actor) { if (a !== b) out.push([cc(a), cc(b)]); }
  else for (const a of e.actor) out.push([cc(a), null]);
  if (!e.actor.length) for (const r of e.recipient) out.push([null, cc(r)]);
  return out;
}
const top = (evs: EventRecord[]): EventRecord | null => evs.filter(scored).sort((a, b) => b.confidence - a.confidence)[0] ?? evs[0] ?? null;

const report: string[] = [];
const say = (s: string) => { report.push(s); console.log(s); };

// ------------------------------------------------------------------ plover-gsr
function ploverGsr(): void {
  const recs = jsonl(join(GOLD, 'plover-gsr', 'plover_gsr.jsonl'));
  for (const mode of ['pipeline', 'oracle actors'] as const) {
    let tp = 0, np = 0, ng = 0, typeOk = 0, anyEvent = 0;
    for (const r of recs) {
      let doc: CodedDoc;
      if (mode === 'pipeline') doc = run(r.id, r.text, '2000-01-01');
      else {
        const d = dated(r.id, r.text, '2000-01-01');
        d.mentions = oracleMentions(d, r);
        doc = { ...d, ...codeEvents(d) };
      }
      const gold = new Set<string>(r.dyads.map((d: any) => `${goldCc(d.source)}|${goldCc(d.target)}|${r.event_plover_current}`));
      const pred = new Set<string>();
      for (const e of goldView(doc.events)) if (e.event) for (const [a, b] of dyads(e)) pred.add(`${a}|${b}|${e.event}`);
      ng += gold.size;
      np += pred.size;
      for (const p of pred) if (gold.has(p)) tp++;
      if (DUMP && ([...pred].some((p) => !gold.has(p)) || [...gold].some((g) => !pred.has(g)))) {
        console.log(`[${mode}] ${r.id}: ${r.text}\n  gold ${[...gold].join(' ')} | ours ${[...pred].join(' ') || '-'}\n${dumpEvents(doc.events)}`);
      }
      const t = top(goldView(doc.events).filter((e) => e.event));
      if (t) anyEvent++;
      if (t?.event === r.event_plover_current) typeOk++;
      else if (DUMP) console.log(`[${mode} top] ${r.id}: gold ${r.event_plover_current}, top event ${t ? `${t.cameo} ${t.event} "${t.text_info.trigger.text}"` : '-'}`);
    }
    const s = f1(tp, np, ng);
    say(`plover-gsr [${mode}] (source cc, target cc, PLOVER type) dyads: P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f)} (tp ${tp}, pred ${np}, gold ${ng}); type accuracy of the top event ${pct(typeOk / recs.length)}% (${typeOk}/${recs.length}; ${anyEvent} sentences gave an event)`);
  }
}

function oracleMentions(d: DatedDoc, r: any): Mention[] {
  const out: Mention[] = [];
  // The actor lists' texts are not always verbatim in the sentence (doubled spaces, "West German" for
  // "German", "United Nations military personnel" for a split span): the markup's SRC/TAR spans are,
  // so when the list text is not found, the markup span of that role sharing most words with it is used.
  const tagged = (role: 'source' | 'target'): string[] => [...String(r.markup ?? '').matchAll(/\(([A-Z/]+):\s*([^()]*?)\s*\)/g)]
    .filter((m) => (role === 'source' ? /SRC/ : /TAR/).test(m[1]!)).map((m) => m[2]!);
  const words = (x: string): string[] => x.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  for (const [role, list] of [['source', r.source], ['target', r.target]] as const) {
    for (const a of list ?? []) {
      if (!a.text || !a.code) continue;
      let text = String(a.text).replace(/\s+/g, ' ').trim();
      if (d.text.indexOf(text) < 0) {
        const aw = new Set(words(text));
        const best = tagged(role).filter((t) => d.text.includes(t)).map((t) => ({ t, n: words(t).filter((w) => aw.has(w)).length })).sort((x, y) => y.n - x.n)[0];
        if (best && best.n > 0) text = best.t;
      }
      const at = d.text.indexOf(text);
      if (at < 0) continue;
      if (out.some((m) => m.start < at + text.length && at < m.end)) continue;
      const s = d.sentences.find((x) => at >= x.start && at < x.end);
      const kind = a.code === 'IGO' ? 'igo' : 'state';
      const ent: Entity = { entity_text: text, name: text, id: `${a.code}:${text}`, kind, country_code: goldCc(a.code), sector: a.sector ?? null, code: a.code, office: null, sentence: s?.index ?? 0, start: at, end: at + text.length };
      out.push({ start: at, end: at + text.length, text, sentence: s?.index ?? 0, type: 'name', entity: ent, in_kb: true });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ------------------------------------------------------------------ petr2-gsr
function petr2(): void {
  const recs = jsonl(join(GOLD, 'petr2-gsr', 'petr2_gsr.jsonl'));
  let tp = 0, np = 0, ng = 0, noev = 0, noevClean = 0, rootOk = 0, withEv = 0;
  for (const r of recs) {
    const doc = run(r.id, r.text, isoDate(r.date));
    const evs = goldView(doc.events);
    if (r.noevents) {
      noev++;
      if (!evs.length) noevClean++;
      else if (DUMP) console.log(`[petr2 no-event] ${r.id}: ${r.text}\n${dumpEvents(evs)}`);
      continue;
    }
    withEv++;
    const gold = new Set<string>(r.events.map((e: any) => `${(e.source ?? '').slice(0, 3)}|${(e.target ?? '').slice(0, 3)}|${e.code.slice(0, 2)}`));
    const pred = new Set<string>();
    for (const e of evs) for (const [a, b] of dyads(e)) pred.add(`${a ?? '---'}|${b ?? '---'}|${e.cameo.slice(0, 2)}`);
    ng += gold.size; np += pred.size;
    for (const p of pred) if (gold.has(p)) tp++;
    if (DUMP && ([...pred].some((p) => !gold.has(p)) || [...gold].some((g) => !pred.has(g)))) {
      console.log(`[petr2] ${r.id}: ${r.text}\n  gold ${[...gold].join(' ')} | ours ${[...pred].join(' ') || '-'}\n${dumpEvents(doc.events)}`);
    }
    const t = top(evs);
    if (t && r.events.some((e: any) => e.code.slice(0, 2) === t.cameo.slice(0, 2))) rootOk++;
  }
  const s = f1(tp, np, ng);
  say(`petr2-gsr (source country, target country, CAMEO root) F1 ${pct(s.f)} (P ${pct(s.p)} R ${pct(s.r)}; tp ${tp}, pred ${np}, gold ${ng}); top-event root matches a gold root in ${rootOk}/${withEv}; no-event sentences with no event produced: ${noevClean}/${noev} (${pct(noevClean / noev)}%)`);
}

// ------------------------------------------------------------------ cameo-manual examples
function cameoManual(): void {
  const recs = jsonl(join(GOLD, 'cameo-manual', 'cameo_examples.jsonl'));
  for (const keep of [true, false]) {
    let root = 0, full = 0, any = 0;
    for (const r of recs) {
      const doc = run(r.id, r.text, null, keep);
      const t = top(goldView(doc.events)) ?? top(doc.events);
      if (!t) continue;
      any++;
      if (t.cameo.slice(0, 2) === r.root) root++;
      else if (DUMP && keep) console.log(`[cameo] ${r.id} gold ${r.code}: ${r.text}\n${dumpEvents([t])}`);
      if (t.cameo === r.code) full++;
    }
    say(`cameo-manual examples [${keep ? 'classifier: events kept without resolved actors' : 'pipeline: events need an actor'}] root accuracy ${pct(root / recs.length)}% (${root}/${recs.length}), full-code accuracy ${pct(full / recs.length)}% (${full}/${recs.length}); ${any} gave an event`);
  }
}

// ------------------------------------------------------------------ conflibert-cameo
const penta = (code: string): number => {
  const r = Number(code.slice(0, 2));
  return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 || r === 16 ? 3 : 4;
};
function conflibert(): void {
  const recs = jsonl(join(GOLD, 'conflibert-cameo', 'conflibert_cameo.jsonl')).filter((r) => r.penta_class !== null && r.penta_class !== undefined);
  let pentaOk = 0, quadOk = 0, n = 0, srcN = 0, srcHit = 0, tgtN = 0, tgtHit = 0;
  const quadOf = (p: number) => (p <= 1 ? 1 : p);
  for (const r of recs) {
    n++;
    const doc = run(r.id, r.text, null, true);
    const t = top(goldView(doc.events)) ?? top(doc.events);
    // no event: the sentence is taken as a statement (class 0), the residual class
    const p = t ? penta(t.cameo) : 0;
    if (p === r.penta_class) pentaOk++;
    if (quadOf(p) === quadOf(r.penta_class)) quadOk++;
    else if (DUMP) console.log(`[conflibert] ${r.id} gold class ${r.penta_class}: ${r.text}\n${t ? dumpEvents([t]) : '    -'}`);
    // (a penta miss inside the right quad class: statement 0 vs verbal cooperation 1)
    if (DUMP && p !== r.penta_class && quadOf(p) === quadOf(r.penta_class)) console.log(`[conflibert penta] ${r.id} gold class ${r.penta_class}, ours ${p}: ${r.text}\n${t ? dumpEvents([t]) : '    -'}`);
    for (const a of r.actors ?? []) {
      const role = a.role === 'source' ? 'actor' : a.role === 'target' ? 'recipient' : null;
      if (!role || a.start === undefined) continue;
      const ents: Entity[] = t ? (t as any)[role] : [];
      const hit = ents.some((e) => e.start < a.end && a.start < e.end);
      if (role === 'actor') { srcN++; if (hit) srcHit++; } else { tgtN++; if (hit) tgtHit++; }
    }
  }
  say(`conflibert-cameo (${n} sentences) penta-class accuracy ${pct(pentaOk / n)}%, quad-class accuracy ${pct(quadOk / n)}% (01-05 merged); source span overlap ${pct(srcHit / (srcN || 1))}% (${srcHit}/${srcN}), target span overlap ${pct(tgtHit / (tgtN || 1))}% (${tgtHit}/${tgtN})`);
}

// ------------------------------------------------------------------ polnear dev
function polnear(): void {
  const recs = jsonl(join(GOLD, 'polnear', 'polnear_dev.jsonl'));
  const seen = new Set<string>();
  const acc = { cue: [0, 0, 0], source: [0, 0, 0], content: [0, 0, 0] } as Record<string, number[]>;
  const jac = (a: [number, number], b: [number, number]) => {
    const i = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
    return i / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
  };
  for (const r of recs) {
    if (seen.has(r.doc_id)) continue; // first annotator only
    seen.add(r.doc_id);
    const doc = run(r.doc_id, r.text, r.dct ?? null);
    for (const kind of ['cue', 'source', 'content'] as const) {
      const gold: Array<[number, number]> = r.attributions.map((a: any) => a[kind]).filter(Boolean).map((s: any) => [s.frags[0][0], s.frags.at(-1)[1]]);
      const pred: Array<[number, number]> = doc.quotes.map((q) => q[kind]).filter((s): s is NonNullable<typeof s> => !!s).map((s) => [s.start, s.end]);
      // body may be trimmed by the article stage: map offsets back
      const shift = r.text.indexOf(doc.text.slice(0, 50));
      const used = new Set<number>();
      let tp = 0;
      for (const p of pred) {
        const pp: [number, number] = [p[0] + Math.max(0, shift), p[1] + Math.max(0, shift)];
        const k = gold.findIndex((g, gi) => !used.has(gi) && jac(g, pp) >= 0.5);
        if (k >= 0) { used.add(k); tp++; }
      }
      acc[kind]![0] += tp; acc[kind]![1] += pred.length; acc[kind]![2] += gold.length;
    }
  }
  const parts = (['cue', 'source', 'content'] as const).map((k) => {
    const [tp, np, ng] = acc[k]!;
    const s = f1(tp!, np!, ng!);
    return `${k} P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f)}`;
  });
  say(`polnear dev (${seen.size} articles, span match = overlap/union >= 0.5): ${parts.join('; ')}`);
}

// ------------------------------------------------------------------ the example article
function example(): void {
  const p = join(ROOT, '..', 'shared', 'examples', 'moscow-times-2026-05-14-russia-taliban.md');
  if (!existsSync(p)) return;
  const md = readFileSync(p, 'utf8');
  // the clipping's body as the CLI reads it (src/sources/clipping.ts: header, caption, furniture and
  // footer dropped, Markdown removed, a paragraph the clipper broke rejoined)
  const body = parseClipping(md).content;
  const doc = run('moscow-times-2026-05-14', body, '2026-05-14');
  say(`example article: ${doc.events.length} events, ${doc.quotes.length} quotes`);
  for (const e of doc.events) {
    say(`  ${e.cameo} ${e.event ?? '-'}${e.mode ? '/' + e.mode : ''} ${e.actor.map((a) => a.code).join('+') || '?'} -> ${e.recipient.map((a) => a.code).join('+') || '?'} [${e.modality}${e.negated ? ', negated' : ''}] trigger "${e.text_info.trigger.text}"${e.speaker ? ' speaker ' + e.speaker.name : ''}${e.via ? ' via ' + e.via.name : ''}${e.event_loc ? ' at ' + e.event_loc.name : ''} date ${e.date} (${e.date_source}) conf ${e.confidence}`);
  }
}

const t0 = Date.now();
if (want('plover')) ploverGsr();
if (want('petr2')) petr2();
if (want('cameo')) cameoManual();
if (want('conflibert')) conflibert();
if (want('polnear')) polnear();
if (want('example')) example();
say(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
