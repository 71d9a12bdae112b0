// Byte-stream helpers for the streaming readers (WARC, JSONL, stdin): look at the first bytes
// without losing them, and read lines / exact lengths from a stream while holding only what the
// current record needs.

import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export type ByteStream = AsyncIterable<Buffer>;

/** The first `n` bytes (fewer at EOF) and a stream that still yields everything from byte 0. */
export async function peek(stream: ByteStream, n: number): Promise<{ head: Buffer; stream: ByteStream }> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let len = 0;
  let done = false;
  while (len < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    chunks.push(b);
    len += b.length;
  }
  const head = Buffer.concat(chunks, len);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    }
  }
  return { head: head.subarray(0, n), stream: rest() };
}

export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** Gunzip a stream; concatenated gzip members (per-record .warc.gz) are read one after another. */
export function gunzipStream(stream: ByteStream): ByteStream {
  return Readable.from(stream).pipe(createGunzip());
}

export async function readAll(stream: ByteStream, maxBytes: number, onTooBig: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let len = 0;
  for await (const c of stream) {
    len += c.length;
    if (len > maxBytes) throw onTooBig();
    chunks.push(c);
  }
  return Buffer.concat(chunks, len);
}

/** Pulls bytes from a stream on demand; `offset` is the stream position of the next unread byte. */
export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private it: AsyncIterator<Buffer>;
  private eof = false;
  offset = 0;

  constructor(stream: ByteStream) {
    this.it = stream[Symbol.asyncIterator]();
  }

  private async more(): Promise<boolean> {
    if (this.eof) return false;
    const r = await this.it.next();
    if (r.done) {
      this.eof = true;
      return false;
    }
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    this.buf = this.buf.length ? Buffer.concat([this.buf, b]) : b;
    return true;
  }

  async atEnd(): Promise<boolean> {
    while (this.buf.length === 0) if (!(await this.more())) return true;
    return false;
  }

  /** One line without its LF/CRLF; null at EOF. Lines longer than `max` are cut (the rest stays for the next call). */
  async readLine(max = 65536): Promise<string | null> {
    let from = 0;
    for (;;) {
      const nl = this.buf.indexOf(10, from);
      if (nl >= 0 && nl <= max) {
        const line = this.buf.subarray(0, nl);
        this.consume(nl + 1);
        return (line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line).toString('utf8');
      }
      if (this.buf.length > max) {
        const line = this.buf.subarray(0, max).toString('utf8');
        this.consume(max);
        return line;
      }
      from = this.buf.length;
      if (!(await this.more())) {
        if (!this.buf.length) return null;
        const line = this.buf.toString('utf8');
        this.consume(this.buf.length);
        return line;
      }
    }
  }

  /** Exactly n bytes, or fewer at EOF. */
  async read(n: number): Promise<Buffer> {
    if (this.buf.length < n && !this.eof) {
      // gather the chunks first and copy once (appending chunk by chunk is quadratic on big records)
      const parts = [this.buf];
      let len = this.buf.length;
      while (len < n) {
        const r = await this.it.next();
        if (r.done) {
          this.eof = true;
          break;
        }
        const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
        parts.push(b);
        len += b.length;
      }
      this.buf = Buffer.concat(parts, len);
    }
    const out = this.buf.subarray(0, Math.min(n, this.buf.length));
    this.consume(out.length);
    return Buffer.from(out);
  }

  /** Discard n bytes without holding them; returns how many were skipped (fewer at EOF). */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (!this.buf.length && !(await this.more())) break;
      const k = Math.min(left, this.buf.length);
      this.consume(k);
      left -= k;
    }
    return n - left;
  }

  private consume(k: number): void {
    this.buf = this.buf.subarray(k);
    this.offset += k;
  }
}

/**
 * The elements of a top-level JSON array, as JSON texts, read from a stream one by one (a corpus
 * exported as one big array never sits in memory whole). Only the array's structure is checked
 * here (strings, nesting, the closing "]"); each element is parsed by the caller, so one bad
 * element is reported alone. Throws on a stream that is not an array or ends inside it.
 */
export async function* jsonArrayElements(stream: ByteStream, maxElementChars: number): AsyncGenerator<string> {
  const dec = new StringDecoder('utf8');
  let started = false;
  let ended = false;
  let depth = 0;
  let inStr = false;
  let esc = false;
  let cur = '';
  const pieces = async function* (): AsyncGenerator<string> {
    for await (const chunk of stream) yield dec.write(chunk);
    yield dec.end();
  };
  for await (const s of pieces()) {
    let seg = 0; // start of the part of `s` not yet appended to `cur`
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!started || ended) {
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
        if (!started && c === 0x5b) {
          started = true;
          seg = i + 1;
          continue;
        }
        throw new Error(ended ? 'text after the closing "]"' : 'not a JSON array');
      }
      if (inStr) {
        if (esc) esc = false;
        else if (c === 0x5c) esc = true;
        else if (c === 0x22) inStr = false;
        continue;
      }
      if (c === 0x22) inStr = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || (c === 0x5d && depth > 0)) depth--;
      else if ((c === 0x2c || c === 0x5d) && depth === 0) {
        cur += s.slice(seg, i);
        seg = i + 1;
        if (cur.trim()) yield cur;
        else if (c === 0x2c) throw new Error('empty element in the array');
        cur = '';
        if (c === 0x5d) ended = true;
      }
    }
    if (!ended && started) {
      cur += s.slice(seg);
      if (cur.length > maxElementChars) throw new Error(`an element is larger than ${maxElementChars} characters`);
    }
  }
  if (!started) throw new Error('not a JSON array');
  if (!ended) throw new Error('the array is not closed (truncated file?)');
}
