// npm run bench:store [-- --events N] [--single N] [--batch ARTICLES] [--cache-mb MB (SQLite page cache, default 1024)] [--pg URL | env ENTENTE_TEST_PG] [--pg-events N] [--only sqlite|postgres] [--keep DIR] [--reuse FILE.db]
//
// Ingest throughput (events/s through Store.saveDoc: the real path, clustering included) and
// dyad-timeline latency at N synthetic events (default 1,000,000) on SQLite, and on PostgreSQL
// when a server is given. Synthetic but realistic records: real country codes (data/kb/states.json),
// CAMEO codes with their Goldstein values (data/lexicon), Zipf-distributed actors (a few dense
// dyads, a long tail), 20 events per article, dates 2015–2026 at day/month/year precision.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type SqlStore } from '../src/store/index.js';
import type { CodedDoc, Entity, EventRecord, Sentence } from '../src/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function flag(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const N = Number(flag('--events') ?? 1_000_000);
const PG = flag('--pg') ?? process.env.ENTENTE_TEST_PG;
const PG_N = Number(flag('--pg-events') ?? N);
const KEEP = flag('--keep');
const ONLY = flag('--only'); // sqlite | postgres
// An existing bench database (e.g. from --keep): skip loading, upgrade its schema, measure queries.
const REUSE = flag('--reuse');
const PER_DOC = 20;
const SINGLE = Number(flag('--single') ?? 50_000);
const BATCH = Number(flag('--batch') ?? 500);
const CACHE_MB = Number(flag('--cache-mb') ?? 1024);

// ------------------------------------------------------------------ synthetic data

let seed = 42;
function rnd(): number {
  // mulberry32: deterministic, so every run measures the same data
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const states = (JSON.parse(readFileSync(join(ROOT, 'data/kb/states.json'), 'utf8')) as { id: string; name: string }[]).filter((s) => /^[A-Z]{3}$/.test(s.id));
const cameo = JSON.parse(readFileSync(join(ROOT, 'data/lexicon/cameo_codes.json'), 'utf8')) as { codes: Record<string, { goldstein: number; quad: number; root: string }> };
const c2p = JSON.parse(readFileSync(join(ROOT, 'data/lexicon/cameo2plover.json'), 'utf8')) as { map: Record<string, { event: string | null }> };
const codes = Object.keys(cameo.codes).filter((c) => c.length === 3);

// Zipf(1.1) over states: weight 1/rank^1.1, rank by a fixed shuffle.
const ranked = [...states].sort((a, b) => (a.id < b.id ? -1 : 1)).sort(() => rnd() - 0.5);
const weights = ranked.map((_, i) => 1 / Math.pow(i + 1, 1.1));
const cum: number[] = [];
weights.reduce((acc, w) => (cum.push(acc + w), acc + w), 0);
function pickState(): { id: string; name: string } {
  const x = rnd() * cum[cum.length - 1]!;
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) { const m = (lo + hi) >> 1; if (cum[m]! < x) lo = m + 1; else hi = m; }
  return ranked[lo]!;
}
// Cooperation is reported more than conflict: favour low CAMEO roots.
function pickCode(): string {
  const root = Math.min(20, 1 + Math.floor(Math.pow(rnd(), 1.6) * 20));
  const r = String(root).padStart(2, '0');
  const inRoot = codes.filter((c) => c.startsWith(r));
  return inRoot.length ? inRoot[Math.floor(rnd() * inRoot.length)]! : codes[Math.floor(rnd() * codes.length)]!;
}

function entity(st: { id: string; name: string }, sentence: number, start: number): Entity {
  const r = rnd();
  if (r < 0.6) return { entity_text: st.name, name: st.name, id: st.id, kind: 'state', country_code: st.id, sector: null, code: st.id, office: null, sentence, start, end: start + st.name.length };
  if (r < 0.85) return { entity_text: st.name, name: `Government of ${st.name}`, id: `gov/${st.id.toLowerCase()}`, kind: 'government', country_code: st.id, sector: 'GOV', code: `${st.id}GOV`, office: null, sentence, start, end: start + st.name.length };
  const k = Math.floor(rnd() * 5);
  return { entity_text: st.name, name: `Synthetic Official ${k} of ${st.name}`, id: `person/synth-${st.id.toLowerCase()}-${k}`, kind: 'person', country_code: st.id, sector: 'GOV', code: `${st.id}GOV`, office: 'Minister', sentence, start, end: start + st.name.length };
}

const DAY0 = Date.UTC(2015, 0, 1);
const DAYS = 11.5 * 365;

function makeDoc(i: number): CodedDoc {
  const id = `synthetic/${i}`;
  const sentences: Sentence[] = [];
  const events: EventRecord[] = [];
  let text = '';
  const pub = new Date(DAY0 + Math.floor(rnd() * DAYS) * 86_400_000).toISOString().slice(0, 10);
  for (let j = 0; j < PER_DOC; j++) {
    const a = pickState();
    let b = pickState();
    while (b.id === a.id) b = pickState();
    const code = pickCode();
    const info = cameo.codes[code]!;
    const sentence = `Synthetic report ${i}.${j}: ${a.name} and ${b.name} (CAMEO ${code}).`;
    if (j) text += ' ';
    const start = text.length;
    text += sentence;
    sentences.push({ index: j, start, end: text.length, text: sentence, tokens: [] });
    const aStart = start + sentence.indexOf(a.name);
    const bStart = start + sentence.indexOf(b.name, aStart - start + a.name.length);
    // Most events sit near the publication date; some are background (older).
    const back = rnd() < 0.85 ? Math.floor(rnd() * 4) : Math.floor(rnd() * 900);
    const day = new Date(Date.parse(pub) - back * 86_400_000).toISOString().slice(0, 10);
    const p = rnd();
    const precision = p < 0.85 ? 'day' : p < 0.95 ? 'month' : 'year';
    const date = precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
    const trig = start + sentence.indexOf('and');
    events.push({
      id: `${id}#e${j}`, doc_id: id, link: `https://synthetic.example/${i}`, event_text: sentence,
      date, date_precision: precision, date_source: 'text', date_text: null,
      actor: [entity(a, j, aStart)], recipient: [entity(b, j, bStart)],
      event: c2p.map[code.slice(0, 2)]?.event ?? null, mode: null, context: [],
      cameo: code, quad_code: info.quad as 1 | 2 | 3 | 4, goldstein: info.goldstein,
      intensity: rnd() < 0.9 ? Math.round(info.goldstein * 10) / 10 : null,
      negated: rnd() < 0.03, modality: 'asserted', speaker: null, via: null, quote: null, event_loc: null,
      text_info: { sentence: j, start, end: text.length, trigger: { text: 'and', start: trig, end: trig + 3 } },
      confidence: Math.round((0.3 + rnd() * 0.7) * 100) / 100,
    });
  }
  return {
    id, text, refDate: pub, messages: [], english: true, sentences, mentions: [], times: [], quotes: [], events,
    article: { id, url: `https://synthetic.example/${i}`, canonical_url: null, title: `Synthetic article ${i}`, published: pub, modified: null, authors: [], site: `outlet-${i % 97}.example`, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [] },
  };
}

// ------------------------------------------------------------------ measuring

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Result { others: [string, number][]; engine: string; events: number; insertRate: number; cpuRate: number; seconds: number; bulk: { rate: number; cpuRate: number; seconds: number } | null; timeline: { dyad: string; events: number; ms: number }[]; dyadPageMs: number; clusters: number; sizeMb: number | null }

async function bench(engine: string, db: string, n: number): Promise<Result> {
  seed = 42;
  const m0 = performance.now();
  const store = await openStore(db) as SqlStore;
  if (REUSE) process.stdout.write(`  opened ${db} (migrations: ${Math.round((performance.now() - m0) / 1000)} s)\n`);
  // Bulk loading a 1M-event file touches far more index pages than the default 64 MB cache holds.
  if (engine === 'sqlite' && CACHE_MB) await store.db.exec(`PRAGMA cache_size = -${CACHE_MB * 1024}`);
  const docs = REUSE ? 0 : Math.ceil(n / PER_DOC);
  // Phase 1: saveDoc, one transaction per article (what `entente ingest` does), on the first
  // SINGLE events; phase 2: saveDocs, BATCH articles per transaction (bulk loading), for the rest.
  const single = Math.min(docs, Math.ceil(SINGLE / PER_DOC));
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  let last = t0;
  const progress = (i: number, phase: string, start: number, from: number) => {
    if (performance.now() - last < 15_000) return;
    last = performance.now();
    process.stderr.write(`  ${engine} ${phase}: ${(i + 1) * PER_DOC} events, ${Math.round(((i + 1 - from) * PER_DOC) / ((last - start) / 1000))}/s\n`);
  };
  for (let i = 0; i < single; i++) {
    await store.saveDoc(makeDoc(i));
    progress(i, 'saveDoc', t0, 0);
  }
  let secs = (performance.now() - t0) / 1000;
  const insertRate = single ? (single * PER_DOC) / secs : 0;
  // This process's CPU time (the database server's, for PostgreSQL, is not included): on a shared machine it says what wall time cannot.
  let cpu = process.cpuUsage(cpu0);
  const cpuRate = (single * PER_DOC) / ((cpu.user + cpu.system) / 1e6);
  const seconds = secs;
  cpu0 = process.cpuUsage();
  t0 = performance.now();
  for (let i = single; i < docs; i += BATCH) {
    const batch: CodedDoc[] = [];
    for (let j = i; j < Math.min(docs, i + BATCH); j++) batch.push(makeDoc(j));
    const res = await store.saveDocs(batch);
    const failed = res.find((r) => r.status === 'failed');
    if (failed) throw new Error(`bench: ${JSON.stringify(failed)}`);
    progress(i + batch.length - 1, 'saveDocs', t0, single);
  }
  secs = (performance.now() - t0) / 1000;
  cpu = process.cpuUsage(cpu0);
  const bulk = docs > single ? { rate: ((docs - single) * PER_DOC) / secs, cpuRate: ((docs - single) * PER_DOC) / ((cpu.user + cpu.system) / 1e6), seconds: secs } : null;
  if (engine === 'postgres') await store.db.exec('VACUUM ANALYZE');
  else await store.db.exec('ANALYZE');

  // Dyads to query: the 3 densest and 7 from the tail, by rank in the Zipf order.
  const pairs: [string, string][] = [[ranked[0]!.id, ranked[1]!.id], [ranked[0]!.id, ranked[2]!.id], [ranked[1]!.id, ranked[2]!.id]];
  for (let k = 0; k < 7; k++) pairs.push([ranked[3 + k * 4]!.id, ranked[5 + k * 6]!.id]);
  const timeline: Result['timeline'] = [];
  for (const [a, b] of pairs) {
    const times: number[] = [];
    let count = 0;
    for (let r = 0; r < 5; r++) {
      const q0 = performance.now();
      const t = await store.timeline({ a, b, by: 'month' });
      times.push(performance.now() - q0);
      count = t.rows.reduce((x, row) => x + row.count, 0);
    }
    timeline.push({ dyad: `${a}-${b}`, events: count, ms: median(times.slice(1)) });
  }
  const pageTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    const q0 = performance.now();
    await store.events({ dyad: [pairs[0]![0], pairs[0]![1]], limit: 50 });
    pageTimes.push(performance.now() - q0);
  }
  // Other queries the UI and CLI make, median of 3 after a warm-up.
  const timed = async (f: () => Promise<unknown>) => {
    const ts: number[] = [];
    for (let r = 0; r < 4; r++) { const q0 = performance.now(); await f(); ts.push(performance.now() - q0); }
    return median(ts.slice(1));
  };
  const others: Result['others'] = [
    ['events page, no filter', await timed(() => store.events({ limit: 50 }))],
    [`events page, actor ${ranked[0]!.id} (the commonest)`, await timed(() => store.events({ actor: ranked[0]!.id, limit: 50 }))],
    [`events page, actor ${ranked[40]!.id} (rank 41)`, await timed(() => store.events({ actor: ranked[40]!.id, limit: 50 }))],
    [`search "${ranked[0]!.name} ${ranked[1]!.name}"`, await timed(() => store.searchSentences({ q: `${ranked[0]!.name} ${ranked[1]!.name}`, limit: 20 }))],
    ['top 20 actors', await timed(() => store.topActors({ top: 20 }))],
    ['stats', await timed(() => store.stats())],
  ];
  const st = await store.stats();
  await store.close();
  process.stdout.write(`  load average after: ${loadavg()[0]!.toFixed(1)}\n`);
  let sizeMb: number | null = null;
  if (engine === 'sqlite') sizeMb = Math.round((statSync(db).size + (safeSize(db + '-wal'))) / 1e6);
  return { others, engine, events: docs ? docs * PER_DOC : st.events, insertRate, cpuRate, seconds, bulk, timeline, dyadPageMs: median(pageTimes.slice(1)), clusters: st.clusters, sizeMb };
}

function safeSize(p: string): number {
  try { return statSync(p).size; } catch { return 0; }
}

function report(r: Result): void {
  const ms = r.timeline.map((t) => t.ms);
  process.stdout.write(`\n${r.engine}: ${r.events.toLocaleString('en')} events (${r.clusters.toLocaleString('en')} clusters)${r.sizeMb !== null ? `, ${r.sizeMb} MB` : ''}\n`);
  if (r.insertRate) process.stdout.write(`  saveDoc (1 article/transaction, first ${Math.min(SINGLE, r.events).toLocaleString('en')} events): ${Math.round(r.insertRate).toLocaleString('en')} events/s wall (${Math.round(r.seconds)} s), ${Math.round(r.cpuRate).toLocaleString('en')} events per CPU-second of this process\n`);
  if (r.bulk) process.stdout.write(`  saveDocs (${BATCH} articles/transaction, the rest): ${Math.round(r.bulk.rate).toLocaleString('en')} events/s wall (${Math.round(r.bulk.seconds)} s), ${Math.round(r.bulk.cpuRate).toLocaleString('en')} events per CPU-second of this process\n`);
  process.stdout.write(`  dyad timeline by month: median ${median(ms).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms over ${ms.length} dyads (median of 4 runs each)\n`);
  for (const t of r.timeline) process.stdout.write(`    ${t.dyad.padEnd(8)} ${String(t.events).padStart(7)} events  ${t.ms.toFixed(1)} ms\n`);
  process.stdout.write(`  events page (dyad, 50 rows + total): median ${r.dyadPageMs.toFixed(1)} ms\n`);
  for (const [what, ms] of r.others) process.stdout.write(`  ${what}: ${ms.toFixed(1)} ms\n`);
}

process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 1e9)} GB RAM, node ${process.version}, load average at start ${loadavg()[0]!.toFixed(1)}\n`);
const dir = KEEP ? (mkdirSync(KEEP, { recursive: true }), KEEP) : mkdtempSync(join(tmpdir(), 'entente-bench-store-'));
try {
  if (REUSE) report(await bench('sqlite', REUSE, 0));
  else if (ONLY !== 'postgres') report(await bench('sqlite', join(dir, 'bench.db'), N));
  if (PG && ONLY !== 'sqlite' && !REUSE) {
    // A fresh schema so the numbers are from an empty store.
    const pg = (await import('pg')).default;
    const schema = `bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const sep = PG.includes('?') ? '&' : '?';
      report(await bench('postgres', `${PG}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`, PG_N));
    } finally {
      if (!KEEP) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } else {
    process.stdout.write('\npostgres: skipped (give --pg postgres://… or set ENTENTE_TEST_PG)\n');
  }
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
