// WARC 1.0/1.1 reader, streamed record by record (a crawl can be many GB; only the current record
// is held, and records above the size cap are skipped without being buffered). A .warc.gz is a
// series of gzip members, one per record, which Node's gunzip reads as one stream; offsets in
// messages are therefore positions in the uncompressed WARC.
//
// Every `response` record whose HTTP payload is HTML (or XHTML) becomes a page; so does a
// `resource` record of type text/html. Redirects, errors, images, scripts: skipped and counted.
// A malformed record is reported with its offset and the reader resynchronises on the next
// "WARC/" version line.

import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { ByteReader, type ByteStream } from './stream.js';
import { formatBytes } from './http.js';

export interface WarcPage {
  kind: 'page';
  offset: number;
  url: string | null;
  date: string | null;
  contentType: string | null;
  body: Buffer;
}
export interface WarcProblem {
  kind: 'problem';
  offset: number;
  message: string;
}
export interface WarcStats {
  records: number;
  pages: number;
  skipped: number;
}

function parseHeaders(lines: string[]): Map<string, string> {
  const h = new Map<string, string>();
  let last: string | null = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      h.set(last, `${h.get(last)} ${line.trim()}`); // folded header line
      continue;
    }
    const k = line.indexOf(':');
    if (k <= 0) continue;
    last = line.slice(0, k).trim().toLowerCase();
    const v = line.slice(k + 1).trim();
    h.set(last, h.has(last) ? `${h.get(last)}, ${v}` : v);
  }
  return h;
}

/** Undo chunked transfer-encoding; throws on a malformed chunk size. */
export function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  for (;;) {
    const nl = b.indexOf('\n', i);
    if (nl < 0) throw new Error('chunked payload ends without its last chunk');
    const sizeLine = b.subarray(i, nl).toString('latin1').trim().split(';')[0]!;
    if (!/^[0-9a-f]+$/i.test(sizeLine)) throw new Error(`bad chunk size "${sizeLine.slice(0, 20)}"`);
    const size = parseInt(sizeLine, 16);
    i = nl + 1;
    if (size === 0) break;
    if (i + size > b.length) throw new Error('chunked payload is truncated');
    out.push(b.subarray(i, i + size));
    i += size;
    if (b[i] === 13) i++;
    if (b[i] === 10) i++;
  }
  return Buffer.concat(out);
}

function decodeContent(body: Buffer, encoding: string): Buffer {
  let out = body;
  // Content-Encoding may list several codings, applied in order: undo them in reverse.
  for (const enc of encoding.toLowerCase().split(',').map((s) => s.trim()).filter(Boolean).reverse()) {
    if (enc === 'gzip' || enc === 'x-gzip') out = gunzipSync(out);
    else if (enc === 'deflate') {
      try {
        out = inflateSync(out);
      } catch {
        out = inflateRawSync(out); // servers often send raw deflate under this name
      }
    } else if (enc === 'br') out = brotliDecompressSync(out);
    else if (enc !== 'identity') throw new Error(`unknown content-encoding "${enc}"`);
  }
  return out;
}

/** Split an HTTP response (status line, headers, body) and undo its transfer/content encodings. */
export function parseHttpResponse(block: Buffer): { status: number; headers: Map<string, string>; body: Buffer } {
  let end = block.indexOf('\r\n\r\n');
  let sep = 4;
  const lf = block.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    sep = 2;
  }
  if (end < 0) throw new Error('HTTP response without the blank line after its headers');
  const lines = block.subarray(0, end).toString('latin1').split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  if (!m) throw new Error(`not an HTTP status line: "${(lines[0] ?? '').slice(0, 40)}"`);
  const headers = parseHeaders(lines.slice(1));
  let body = block.subarray(end + sep);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  const ce = headers.get('content-encoding');
  if (ce) body = decodeContent(body, ce);
  return { status: +m[1]!, headers, body };
}

const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/** Read a WARC stream, yielding pages and problems; returns counts when done. */
export async function* readWarc(stream: ByteStream, opts: { maxBytes: number }): AsyncGenerator<WarcPage | WarcProblem, WarcStats> {
  const r = new ByteReader(stream);
  const stats: WarcStats = { records: 0, pages: 0, skipped: 0 };
  let resync = false;
  for (;;) {
    // skip the blank lines between records
    let line: string | null;
    let offset: number;
    do {
      offset = r.offset;
      line = await r.readLine();
    } while (line !== null && line.trim() === '');
    if (line === null) return stats;
    if (!/^WARC\/\d/.test(line)) {
      if (!resync) yield { kind: 'problem', offset, message: `expected a "WARC/1.x" record header, found "${line.slice(0, 30)}"; skipping to the next record` };
      resync = true;
      continue;
    }
    resync = false;
    const headerLines: string[] = [];
    for (;;) {
      const l = await r.readLine();
      if (l === null || l === '') break;
      headerLines.push(l);
    }
    const h = parseHeaders(headerLines);
    stats.records++;
    const len = Number(h.get('content-length'));
    if (!h.has('content-length') || !Number.isInteger(len) || len < 0) {
      yield { kind: 'problem', offset, message: 'record without a valid Content-Length; skipping to the next record' };
      resync = true;
      continue;
    }
    const type = (h.get('warc-type') ?? '').toLowerCase();
    const ct = h.get('content-type') ?? '';
    const wanted = (type === 'response' && /application\/http/i.test(ct)) || (type === 'resource' && HTML_TYPE.test(ct));
    if (!wanted || len > opts.maxBytes) {
      const skipped = await r.skip(len);
      if (skipped < len) {
        yield { kind: 'problem', offset, message: truncated(skipped, len) };
        return stats;
      }
      if (wanted) yield { kind: 'problem', offset, message: `record of ${formatBytes(len)} is above the size cap of ${formatBytes(opts.maxBytes)}; skipped (raise --max-bytes)` };
      else stats.skipped++;
      continue;
    }
    const block = await r.read(len);
    if (block.length < len) {
      yield { kind: 'problem', offset, message: truncated(block.length, len) };
      return stats;
    }
    const url = (h.get('warc-target-uri') ?? '').replace(/^<(.*)>$/, '$1') || null;
    const date = h.get('warc-date') ?? null;
    if (type === 'resource') {
      stats.pages++;
      yield { kind: 'page', offset, url, date, contentType: ct, body: block };
      continue;
    }
    let http: ReturnType<typeof parseHttpResponse>;
    try {
      http = parseHttpResponse(block);
    } catch (err) {
      yield { kind: 'problem', offset, message: `malformed HTTP response${url ? ` for ${url}` : ''}: ${(err as Error).message}; skipped` };
      continue;
    }
    const pct = http.headers.get('content-type') ?? null;
    if (http.status < 200 || http.status >= 300 || !pct || !HTML_TYPE.test(pct) || !http.body.length) {
      stats.skipped++;
      continue;
    }
    stats.pages++;
    yield { kind: 'page', offset, url, date, contentType: pct, body: http.body };
  }
}

/** The file ends inside a record: say what that usually means and that what came before was kept. */
function truncated(got: number, len: number): string {
  return `record is truncated (${got} of ${len} bytes): the file ends early (an interrupted download or crawl?) — the records before it were read; copy or write the file again for the rest`;
}
