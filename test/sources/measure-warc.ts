// Not a test (the runner only picks *.test.ts): a throughput check of the WARC reader, run by hand:
//   node --import tsx test/sources/measure-warc.ts ../shared/news/naeb/html
// Packs every .html.gz page of the directory into a temporary .warc.gz (one gzip member per
// record, every other payload chunked), then reads it back through readInputs.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readInputs } from '../../src/sources/index.js';
import { chunked, httpResponse, tmp, warcGz, warcRecord } from './helpers.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node --import tsx test/sources/measure-warc.ts <directory of .html.gz pages>\n');
  process.exit(2);
}
const recs: Buffer[] = [];
readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().forEach((f, i) => {
  const html = gunzipSync(readFileSync(join(dir, f)));
  const uri = `https://pages.example/${i}`;
  recs.push(warcRecord('request', { 'WARC-Target-URI': uri, 'Content-Type': 'application/http; msgtype=request' }, 'GET / HTTP/1.1\r\n\r\n'));
  recs.push(warcRecord('response', { 'WARC-Target-URI': uri, 'WARC-Date': '2023-12-22T00:00:00Z', 'Content-Type': 'application/http; msgtype=response' },
    httpResponse(200, { 'Content-Type': 'text/html; charset=utf-8', ...(i % 2 ? { 'Transfer-Encoding': 'chunked' } : {}) }, i % 2 ? chunked(html, 4096) : html)));
});
const out = join(tmp(), 'pages.warc.gz');
const gz = warcGz(recs);
writeFileSync(out, gz);
recs.length = 0;
const t0 = performance.now();
let pages = 0;
let failed = 0;
for await (const item of readInputs([out])) item.ok ? pages++ : failed++;
const s = (performance.now() - t0) / 1000;
console.log(`${pages} pages, ${failed} problems from a ${(gz.length / 1048576).toFixed(1)} MB .warc.gz in ${s.toFixed(1)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes building the file)`);
rmSync(out);
