// Article-extraction evaluation: entente's extractArticle vs Readability alone (both over linkedom),
// on the NAEB (2023) and L3S-GN1 (2008) development sets in ../shared/news.
//
//   npm run eval:extract                      # both sets, both extractors
//   npm run eval:extract -- --set naeb --only entente --dump /tmp/naeb.jsonl --limit 50
//
// Body scoring follows ScrapingHub's article-extraction-benchmark (evaluate.py):
//   - tokens = every maximal run of Unicode letters/digits/underscore (/[\p{L}\p{N}_]+/gu, the same
//     as Python's re.UNICODE \w+), case kept;
//   - shingles = the multiset of token 4-grams (a text of fewer than 4 tokens yields one shorter
//     shingle holding all its tokens, so tiny bodies still count);
//   - per page: TP = |gold ∩ pred| (multiset), P = TP/|pred|, R = TP/|gold|, F1 = 2PR/(P+R);
//     an empty prediction scores P = R = F1 = 0 unless the gold is empty too (then 1);
//   - P, R and F1 are averaged over pages (macro), as the benchmark does.
// Title: exact match after collapsing whitespace (L3S-GN1: characters outside Latin-1 in our output
// are replaced by "?" first, because its labels did that). Date: the day of `published` equals the
// gold `date` (strict), or equals it or the page's own machine-readable date recorded by the dataset
// (lenient, see naeb/SOURCE.md: the gold dates are noisy). Authors: the set of names equals the gold
// set, case-insensitive, over pages whose gold lists authors.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/article/index.js';
import { decodeHtml } from '../src/article/decode.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NEWS = join(ROOT, '..', 'shared', 'news');

interface Gold {
  id: string;
  url: string | null;
  title: string | null;
  date?: string | null;
  date_html_meta?: string | null;
  authors?: string[];
  body: string;
  html_available?: boolean;
}
interface Pred {
  title: string | null;
  body: string;
  published: string | null;
  authors: string[];
}
type Extractor = (html: string, url: string | null) => Pred;

const TOKEN = /[\p{L}\p{N}_]+/gu;
function shingles(text: string, n = 4): Map<string, number> {
  const toks = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  if (toks.length === 0) return out;
  const grams = toks.length < n ? [toks.join(' ')] : Array.from({ length: toks.length - n + 1 }, (_, i) => toks.slice(i, i + n).join(' '));
  for (const g of grams) out.set(g, (out.get(g) ?? 0) + 1);
  return out;
}
export function shingleScore(gold: string, pred: string): { p: number; r: number; f1: number } {
  const g = shingles(gold);
  const p = shingles(pred);
  let ng = 0, np = 0, tp = 0;
  for (const v of g.values()) ng += v;
  for (const [k, v] of p) {
    np += v;
    tp += Math.min(v, g.get(k) ?? 0);
  }
  if (ng === 0 && np === 0) return { p: 1, r: 1, f1: 1 };
  if (np === 0 || ng === 0 || tp === 0) return { p: 0, r: 0, f1: 0 };
  const P = tp / np, R = tp / ng;
  return { p: P, r: R, f1: (2 * P * R) / (P + R) };
}

const ws = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const readabilityAlone: Extractor = (html, url) => {
  const { document } = parseHTML(html);
  void url;
  const r = new Readability(document as unknown as Document).parse();
  return { title: r?.title ?? null, body: r?.textContent ?? '', published: r?.publishedTime ?? null, authors: r?.byline ? [r.byline] : [] };
};
const entente: Extractor = (html, url) => {
  const a = extractArticle(html, url);
  return { title: a.title, body: a.body, published: a.published, authors: a.authors };
};

interface SetSpec {
  name: string;
  dir: string;
  file: (id: string) => string;
  latin1Labels: boolean;
}
const SETS: SetSpec[] = [
  { name: 'naeb', dir: join(NEWS, 'naeb'), file: (id) => `${id}.html.gz`, latin1Labels: false },
  { name: 'l3s-gn1', dir: join(NEWS, 'l3s-gn1'), file: (id) => `${id}.html.gz`, latin1Labels: true },
];

function loadGold(set: SetSpec): Gold[] {
  return readFileSync(join(set.dir, 'ground-truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Gold)
    .filter((g) => g.html_available !== false && existsSync(join(set.dir, 'html', set.file(g.id))));
}

interface Row {
  set: string;
  extractor: string;
  pages: number;
  p: number;
  r: number;
  f1: number;
  title: number;
  titleN: number;
  date: number | null;
  dateLenient: number | null;
  dateN: number;
  authors: number | null;
  authorsN: number;
  ms: number;
  errors: number;
}

function evaluate(set: SetSpec, name: string, ex: Extractor, golds: Gold[], dump: string | null): Row {
  let P = 0, R = 0, F = 0, title = 0, titleN = 0, date = 0, dateL = 0, dateN = 0, auth = 0, authN = 0, ms = 0, errors = 0;
  const lines: string[] = [];
  for (const g of golds) {
    const html = decodeHtml(gunzipSync(readFileSync(join(set.dir, 'html', set.file(g.id)))));
    let pred: Pred;
    const t0 = performance.now();
    try {
      pred = ex(html, g.url ?? null);
    } catch (e) {
      errors++;
      process.stderr.write(`${set.name}/${g.id}: ${name} threw ${(e as Error).message}\n`);
      pred = { title: null, body: '', published: null, authors: [] };
    }
    ms += performance.now() - t0;
    const s = shingleScore(g.body, pred.body);
    P += s.p; R += s.r; F += s.f1;
    let tOk: boolean | null = null;
    if (ws(g.title)) {
      titleN++;
      let t = ws(pred.title);
      if (set.latin1Labels) t = t.replace(/[^\u0000-\u00ff]/g, '?');
      tOk = t === ws(g.title);
      if (tOk) title++;
    }
    let dOk: boolean | null = null;
    if (g.date) {
      dateN++;
      const d = pred.published?.slice(0, 10) ?? null;
      dOk = d === g.date;
      if (dOk) date++;
      if (dOk || (d && d === g.date_html_meta)) dateL++;
    }
    if (g.authors && g.authors.length) {
      authN++;
      const norm = (xs: string[]) => [...new Set(xs.map((x) => ws(x).toLowerCase()))].sort().join('|');
      if (norm(g.authors) === norm(pred.authors)) auth++;
    }
    if (dump) lines.push(JSON.stringify({ id: g.id, f1: +s.f1.toFixed(3), p: +s.p.toFixed(3), r: +s.r.toFixed(3), title_ok: tOk, title: pred.title, gold_title: g.title, date_ok: dOk, published: pred.published, gold_date: g.date ?? null, authors: pred.authors, gold_authors: g.authors ?? null, body: pred.body }));
  }
  if (dump) writeFileSync(dump.replace(/(\.jsonl)?$/, `.${set.name}.${name}.jsonl`), lines.join('\n') + '\n');
  const n = golds.length;
  const hasDate = dateN > 0;
  return {
    set: set.name, extractor: name, pages: n, p: P / n, r: R / n, f1: F / n, title: title / Math.max(1, titleN), titleN,
    date: hasDate ? date / dateN : null, dateLenient: hasDate ? dateL / dateN : null, dateN,
    authors: authN ? auth / authN : null, authorsN: authN, ms, errors,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] ?? null : null; };
  const only = opt('--only');
  const setName = opt('--set');
  const limit = Number(opt('--limit') ?? 0);
  const dump = opt('--dump');
  if (!existsSync(NEWS)) {
    process.stderr.write(`eval:extract: ${NEWS} not found; this evaluation needs the shared news sets next to the project (../shared/news)\n`);
    process.exit(2);
  }
  const extractors: [string, Extractor][] = [['readability', readabilityAlone], ['entente', entente]];
  const rows: Row[] = [];
  for (const set of SETS) {
    if (setName && set.name !== setName) continue;
    let golds = loadGold(set);
    if (limit) golds = golds.slice(0, limit);
    for (const [name, ex] of extractors) {
      if (only && name !== only) continue;
      rows.push(evaluate(set, name, ex, golds, dump));
      const r = rows[rows.length - 1]!;
      process.stderr.write(`${r.set} ${r.extractor}: ${r.pages} pages in ${(r.ms / 1000).toFixed(1)} s\n`);
    }
  }
  const pct = (x: number | null) => (x == null ? '   -  ' : x.toFixed(3).padStart(6));
  console.log('| set | extractor | pages | body P | body R | body F1 | title | date (day) | date lenient | authors |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.set} | ${r.extractor} | ${r.pages} | ${pct(r.p)} | ${pct(r.r)} | ${pct(r.f1)} | ${pct(r.title)} (n=${r.titleN}) | ${pct(r.date)} (n=${r.dateN}) | ${pct(r.dateLenient)} | ${pct(r.authors)} (n=${r.authorsN}) |`);
  }
  // exit 1 when entente itself threw on a page; the Readability baseline throwing on broken 2008
  // pages (listed above) is the baseline's failure, scored as an empty body, not the run's
  if (rows.some((r) => r.errors && r.extractor === 'entente')) process.exitCode = 1;
}

main();
