// Not a test (the runner only picks *.test.ts): a measurement over real pages, run by hand:
//   node --import tsx test/sources/measure-roundtrip.ts ../shared/news/naeb/html
// Reads every input, extracts the article, renders it as a Markdown clipping, parses that back,
// and counts how often title, date (day), url and body come back identical. Differences are
// mostly paragraphs the extractor left mid-sentence (rejoined on the way back) and page
// furniture ("Read more: …") the clipping reader drops by design.
import { readInputs } from '../../src/sources/index.js';
import { rawToArticle } from '../../src/article/index.js';
import { articleToMarkdown } from '../../src/article/markdown.js';
import { parseClipping } from '../../src/sources/clipping.js';

const inputs = process.argv.slice(2);
if (!inputs.length) {
  process.stderr.write('usage: node --import tsx test/sources/measure-roundtrip.ts <inputs…>\n');
  process.exit(2);
}
// spaces inside a paragraph are not significant in Markdown; line breaks and paragraph breaks are
const norm = (s: string) => s.split('\n\n').map((p) => p.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim()).filter(Boolean).join('\n\n');
const same = { title: 0, date: 0, url: 0, body: 0 };
let n = 0;
let failed = 0;
const t0 = performance.now();
for await (const item of readInputs(inputs, { onNote: () => {} })) {
  if (!item.ok) {
    failed++;
    continue;
  }
  n++;
  const a = rawToArticle(item.doc);
  const back = parseClipping(articleToMarkdown(a), { markdown: true });
  if ((back.hints.title ?? null) === a.title) same.title++;
  if ((back.hints.published ?? null) === (a.published ? a.published.slice(0, 10) : null)) same.date++;
  if ((back.hints.url ?? null) === (a.url ?? a.canonical_url)) same.url++;
  if (back.content === norm(a.body)) same.body++;
}
const pct = (k: number) => `${k}/${n} (${((100 * k) / Math.max(n, 1)).toFixed(1)}%)`;
console.log(`documents ${n}, unreadable ${failed}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const [k, v] of Object.entries(same)) console.log(`${k.padEnd(6)} ${pct(v)}`);
