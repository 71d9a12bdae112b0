// Sources: whatever the user points entente at → a stream of RawDocuments.
//
//   URL (http/https)        page, or a feed (by Content-Type or by its first bytes)
//   file.html/.htm(.gz)     a saved page                     file.md / .txt   a clipping or plain text
//   file.json / .jsonl      {id, text|html, url?, title?, date?} records (a .json may be an array or a JSON Feed)
//   feed.xml/.rss/.atom     RSS 2.0 / RSS 1.0 / Atom / JSON Feed: one document per item
//   crawl.warc(.gz)         every HTML response record
//   directory               every known file below it, sorted; other files are skipped with a note
//   -                       stdin, format told from its first bytes
//
// It streams: one document at a time, so a corpus or a WARC never sits in memory. A problem
// with one input or item is yielded as `{ok: false}` with a one-line message naming the input and
// the fix, and the batch goes on. Notes (a charset fallback, a skipped file) are non-fatal: they
// go to `opts.onNote` and ride on the next item as `notes`.

import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ArticleHints, RawDocument } from '../types.js';
import { BadInput, EntenteError, NotAnArticle } from '../errors.js';
import { decodeBytes } from './charset.js';
import { fetchUrl, formatBytes, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type Fetched } from './http.js';
import { parseClipping } from './clipping.js';
import { isFeedContentType, looksLikeFeed, parseFeed, primaryLanguage, type Feed, type FeedItem } from './feed.js';
import { readWarc } from './warc.js';
import { gunzipStream, isGzip, jsonArrayElements, peek, readAll, type ByteStream } from './stream.js';

export interface SourceOptions {
  /** --date/--url/--title given on the command line: fill what the input itself does not say */
  date?: string | null;
  url?: string | null;
  title?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** fetch the item's page when a feed item carries only a summary (default: true for feeds read from a URL, false for feed files) */
  fetchFeedPages?: boolean;
  /** non-fatal notes (charset fallback, skipped file), as (origin, text) */
  onNote?: (origin: string, text: string) => void;
  /** stdin, for tests (default process.stdin) */
  stdin?: NodeJS.ReadableStream;
  /** feeds: read only the items this returns true for (checked before an item's page is fetched; `entente watch` skips items already seen) */
  feedItemFilter?: (item: FeedItem) => boolean;
}
/** One item of a batch: a document, or a one-line error naming the input and the fix. The batch goes on. */
export type SourceItem = { ok: true; doc: RawDocument; notes?: string[] } | { ok: false; origin: string; error: Error };

type Ctx = Required<Pick<SourceOptions, 'timeoutMs' | 'maxBytes'>> & SourceOptions & { pending: string[]; seenDirs?: Set<string> };

const EXT_HTML = /\.(?:html?|xhtml|shtml)(?:\.gz)?$/i;
const EXT_MD = /\.(?:md|markdown|mdown)$/i;
const EXT_TEXT = /\.(?:txt|text)$/i;
const EXT_JSONL = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;
const EXT_JSON = /\.json(?:\.gz)?$/i;
const EXT_FEED = /\.(?:xml|rss|atom|rdf)(?:\.gz)?$/i;
const EXT_WARC = /\.warc(?:\.gz)?$/i;

/** Does a directory walk read this file? */
export function isKnownExtension(path: string): boolean {
  return [EXT_HTML, EXT_MD, EXT_TEXT, EXT_JSONL, EXT_JSON, EXT_FEED, EXT_WARC].some((re) => re.test(path));
}

/** Pages fetched ahead while earlier ones are processed: enough to hide latency, few enough to be polite. */
const PREFETCH = 4;

export async function* readInputs(inputs: string[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const ctx: Ctx = { ...opts, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, pending: [] };
  const ahead = new Map<number, Promise<Fetched>>();
  const isUrl = (x: string | undefined) => !!x && /^https?:\/\//i.test(x);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    for (let k = i; k < Math.min(inputs.length, i + PREFETCH); k++) {
      if (isUrl(inputs[k]) && !ahead.has(k)) ahead.set(k, prefetch(inputs[k]!, ctx));
    }
    const fetched = ahead.get(i);
    ahead.delete(i);
    try {
      const items = fetched ? readUrl(input, ctx, undefined, fetched) : readInput(input, ctx);
      for await (const item of items) yield withNotes(item, ctx);
    } catch (err) {
      yield withNotes({ ok: false, origin: input, error: asError(err, input) }, ctx);
    }
  }
}

function withNotes(item: SourceItem, ctx: Ctx): SourceItem {
  if (item.ok && ctx.pending.length) {
    item.notes = [...(item.notes ?? []), ...ctx.pending];
    // The document carries those about itself (not a skipped file before it), so they reach its
    // Messages whoever consumes the item.
    const own = ctx.pending.filter((n) => n.startsWith(`${item.doc.origin}: `));
    if (own.length) item.doc.notes = [...(item.doc.notes ?? []), ...own];
  }
  ctx.pending = [];
  return item;
}

function note(ctx: Ctx, origin: string, text: string): void {
  ctx.pending.push(`${origin}: ${text}`);
  ctx.onNote?.(origin, text);
}

function asError(err: unknown, origin: string): Error {
  if (err instanceof EntenteError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new BadInput(`${origin}: no such file or directory — check the path`);
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return new BadInput(`${origin}: permission denied — check the file's permissions`);
  if (e?.code === 'EISDIR') return new BadInput(`${origin}: is a directory`);
  if (e?.code === 'Z_DATA_ERROR' || e?.code === 'Z_BUF_ERROR') return new BadInput(`${origin}: corrupt or truncated gzip data — re-download or re-compress the file`);
  const msg = (e?.message ?? String(err)).split('\n')[0];
  return new EntenteError(`${origin}: ${msg}`, { cause: err });
}

function readInput(input: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  if (input === '-') {
    if (!ctx.stdin && process.stdin.isTTY) ctx.onNote?.('stdin', 'reading the article from the terminal; end it with Ctrl-D');
    return readStream(Readable.from(ctx.stdin ?? process.stdin) as unknown as ByteStream, 'stdin', ctx);
  }
  if (/^https?:\/\//i.test(input)) return readUrl(input, ctx);
  if (/^file:\/\//i.test(input)) return readPath(fileURLToPath(input), ctx, true);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(input)) return fail(input, new BadInput(`${input}: unsupported URL scheme — give an http(s):// URL or a file path`));
  return readPath(input, ctx, true);
}

async function* fail(origin: string, error: Error): AsyncGenerator<SourceItem> {
  yield { ok: false, origin, error };
}

// ------------------------------------------------------------------ hints

/**
 * Command-line hints fill what the input does not say (the input's own metadata wins): --title and
 * --date go in as a fallback, which the article stage uses only when neither the source (clipping
 * header, feed item, JSONL field) nor the page itself (its meta tags, JSON-LD) gives one — a dated
 * page given with --date for the undated files beside it keeps its own date.
 */
function withCliHints(doc: RawDocument, ctx: Ctx): RawDocument {
  const h: ArticleHints = { ...(doc.hints ?? {}) };
  if ((ctx.title && !h.title) || (ctx.date && !h.published)) {
    h.fallback = { ...(ctx.title && !h.title ? { title: ctx.title } : {}), ...(ctx.date && !h.published ? { published: ctx.date } : {}) };
  }
  if (ctx.url && !h.url && !doc.url) h.url = ctx.url;
  const url = doc.url ?? h.url ?? null;
  return { ...doc, url, hints: h };
}

function ok(doc: RawDocument, ctx: Ctx): SourceItem {
  return { ok: true, doc: withCliHints(doc, ctx) };
}

// ------------------------------------------------------------------ content sniffing

/** NUL bytes or many control characters in the first 8 KB: not text. */
export function looksBinary(head: Uint8Array): boolean {
  if (head[0] === 0xff && head[1] === 0xfe) return false; // UTF-16 LE BOM
  if (head[0] === 0xfe && head[1] === 0xff) return false;
  const n = Math.min(head.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) ctrl++;
  }
  return n > 0 && ctrl / n > 0.05;
}

type Format = 'html' | 'markdown' | 'text' | 'jsonl' | 'json' | 'feed' | 'warc';

/** Tell a format from the first bytes (stdin, unknown extensions). */
export function sniffFormat(head: Buffer): Format {
  const s = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('WARC/')) return 'warc';
  if (looksLikeFeed(s)) return 'feed';
  if (s.startsWith('[')) return 'json';
  if (s.startsWith('{')) return 'jsonl';
  if (/^<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|!--)\b/i.test(s) || /^<\?xml[^>]*>\s*<(?:!doctype\s+)?html/i.test(s)) return 'html';
  if (s.startsWith('<')) return 'html';
  if (/^#{1,6}\s|\]\([^)]*\)|\*\*[^*]+\*\*/m.test(s.slice(0, 4096))) return 'markdown';
  return 'text';
}

// ------------------------------------------------------------------ files and directories

async function* readPath(path: string, ctx: Ctx, explicit: boolean): AsyncGenerator<SourceItem> {
  const st = await stat(path);
  if (st.isDirectory()) {
    yield* readDir(path, ctx);
    return;
  }
  if (!st.isFile()) throw new BadInput(`${path}: not a regular file — give a file, a directory, a URL or "-" for stdin`);
  if (st.size === 0) throw new NotAnArticle(`${path}: the file is empty — nothing to read`);
  let format: Format | null = null;
  if (EXT_WARC.test(path)) format = 'warc';
  else if (EXT_JSONL.test(path)) format = 'jsonl';
  else if (EXT_JSON.test(path)) format = 'json';
  else if (EXT_FEED.test(path)) format = 'feed';
  else if (EXT_HTML.test(path)) format = 'html';
  else if (EXT_MD.test(path)) format = 'markdown';
  else if (EXT_TEXT.test(path)) format = 'text';
  else if (!explicit) {
    note(ctx, path, 'skipped: unknown file type (entente reads .html .htm .md .txt .json .jsonl .xml .rss .atom .warc, optionally .gz)');
    return;
  }
  yield* readStream(createReadStream(path) as unknown as ByteStream, path, ctx, format);
}

async function* readDir(dir: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  // a symlink back up the tree must not make the walk endless
  const real = await realpath(dir);
  ctx.seenDirs ??= new Set();
  if (ctx.seenDirs.has(real)) return;
  ctx.seenDirs.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // .git, .DS_Store: never articles
    const p = join(dir, e.name);
    try {
      if (e.isDirectory()) yield* readDir(p, ctx);
      else yield* readPath(p, ctx, false);
    } catch (err) {
      yield { ok: false, origin: p, error: asError(err, p) };
    }
  }
}

/** Any byte stream (file, stdin): gunzip if gzipped, tell the format if not given, dispatch. */
async function* readStream(input: ByteStream, origin: string, ctx: Ctx, format: Format | null = null): AsyncGenerator<SourceItem> {
  let { head, stream } = await peek(input, 8192);
  if (isGzip(head)) {
    ({ head, stream } = await peek(gunzipStream(stream), 8192));
  }
  if (!head.length || !head.toString('utf8').trim()) throw new NotAnArticle(`${origin}: empty input — nothing to read`);
  if (format !== 'warc' && looksBinary(head)) {
    throw new NotAnArticle(`${origin}: looks like a binary file, not an article — give an HTML, text, Markdown, JSON(L), feed or WARC file`);
  }
  const fmt = format ?? sniffFormat(head);
  const tooBig = () => new BadInput(`${origin}: larger than ${formatBytes(ctx.maxBytes)} — raise --max-bytes, or split the input`);
  switch (fmt) {
    case 'warc':
      yield* readWarcStream(stream, origin, ctx);
      return;
    case 'jsonl':
      yield* readJsonl(stream, origin, ctx);
      return;
    case 'json': {
      if (head.toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('[')) {
        yield* readJsonArray(stream, origin, ctx);
        return;
      }
      // one record or a JSON Feed: parsed whole, so capped
      const text = (await readAll(stream, ctx.maxBytes * 10, tooBig)).toString('utf8').replace(/^\uFEFF/, '');
      yield* readJson(text, origin, ctx);
      return;
    }
    case 'feed': {
      if (!looksLikeFeed(head.toString('utf8')) && sniffFormat(head) === 'html' && /<html\b/i.test(head.toString('latin1'))) {
        // an .xml file that is an XHTML page, not a feed
        yield* docFromBytes(await readAll(stream, ctx.maxBytes, tooBig), origin, 'html', ctx, { id: origin });
        return;
      }
      const text = decodeBytes(await readAll(stream, ctx.maxBytes, tooBig)).text;
      yield* readFeed(text, origin, null, ctx, ctx.fetchFeedPages ?? false);
      return;
    }
    default: {
      const bytes = await readAll(stream, ctx.maxBytes, tooBig);
      yield* docFromBytes(bytes, origin, fmt, ctx, { id: origin });
    }
  }
}

/** One page or text from its bytes. */
function* docFromBytes(
  bytes: Buffer,
  origin: string,
  fmt: 'html' | 'markdown' | 'text',
  ctx: Ctx,
  meta: { id: string; url?: string | null; contentType?: string | null; fetchedAt?: string | null; hints?: ArticleHints },
): Generator<SourceItem> {
  const dec = decodeBytes(bytes, { contentType: meta.contentType ?? null, markup: fmt === 'html' });
  if (dec.note) note(ctx, origin, dec.note);
  const text = dec.text;
  if (!text.trim()) throw new NotAnArticle(`${origin}: no text in the input — nothing to read`);
  const base = { id: meta.id, origin, url: meta.url ?? null, contentType: meta.contentType ?? null, fetchedAt: meta.fetchedAt ?? null };
  if (fmt === 'html') {
    yield ok({ ...base, kind: 'html', content: text, hints: { ...(meta.hints ?? {}) } }, ctx);
    return;
  }
  const clip = parseClipping(text, { markdown: fmt === 'markdown' });
  if (!clip.content.trim()) throw new NotAnArticle(`${origin}: no body text after the header — nothing to read`);
  const url = base.url ?? clip.hints.url ?? null;
  yield ok({ ...base, url, kind: 'text', content: clip.content, hints: { ...clip.hints, ...(meta.hints ?? {}) } }, ctx);
}

// ------------------------------------------------------------------ JSON records

interface JsonRecord {
  id?: unknown;
  text?: unknown;
  html?: unknown;
  body?: unknown;
  content?: unknown;
  url?: unknown;
  title?: unknown;
  date?: unknown;
  published?: unknown;
  authors?: unknown;
  author?: unknown;
  site?: unknown;
  language?: unknown;
  section?: unknown;
  tags?: unknown;
}

const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A record → RawDocument; throws BadInput naming `origin` (file:line) when it holds no article. */
function fromRecord(rec: unknown, origin: string, fallbackId: string, ctx: Ctx): SourceItem {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new BadInput(`${origin}: expected a JSON object {id, text|html, url?, title?, date?}`);
  const r = rec as JsonRecord;
  const html = s(r.html);
  const text = s(r.text) ?? s(r.body) ?? s(r.content);
  if (!html && !text) throw new BadInput(`${origin}: record has no "text" or "html" field — add the article text`);
  const url = s(r.url);
  const id = s(r.id) ?? (typeof r.id === 'number' ? String(r.id) : null) ?? url ?? fallbackId;
  const authors = Array.isArray(r.authors) ? r.authors.filter((a): a is string => typeof a === 'string') : s(r.author) ? [s(r.author)!] : undefined;
  const hints: ArticleHints = {};
  if (s(r.title)) hints.title = s(r.title);
  const date = s(r.date) ?? s(r.published);
  if (date) hints.published = date;
  if (url) hints.url = url;
  if (authors?.length) hints.authors = authors;
  if (s(r.site)) hints.site = s(r.site);
  if (primaryLanguage(s(r.language))) hints.language = primaryLanguage(s(r.language));
  if (s(r.section)) hints.section = s(r.section);
  if (Array.isArray(r.tags)) {
    const tags = r.tags.filter((t): t is string => typeof t === 'string' && !!t.trim());
    if (tags.length) hints.tags = tags;
  }
  return ok({ id, origin, url, kind: html ? 'html' : 'text', content: (html ?? text)!, hints }, ctx);
}

async function* readJsonl(stream: ByteStream, origin: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  const rl = createInterface({ input: Readable.from(stream), crlfDelay: Infinity });
  let n = 0;
  let firstFailed: { line: string; err: Error } | null = null;
  const lines: string[] = [];
  for await (const raw of rl) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    const where = `${origin}:${n}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      // A pretty-printed JSON object in a .jsonl or on stdin: its first line alone is not JSON.
      // Gather everything and try it whole before blaming line 1.
      if (n === 1 && line.trim() === '{') {
        firstFailed = { line, err: err as Error };
        lines.push(line);
        for await (const l of rl) lines.push(l);
        break;
      }
      yield { ok: false, origin: where, error: new BadInput(`${where}: not valid JSON (${(err as Error).message.split('\n')[0]}) — fix or remove the line`) };
      continue;
    }
    try {
      yield fromRecord(rec, where, `${basename(origin)}:${n}`, ctx);
    } catch (err) {
      yield { ok: false, origin: where, error: asError(err, where) };
    }
  }
  if (firstFailed) yield* readJson(lines.join('\n'), origin, ctx);
}

function* readJsonSync(text: string, origin: string, ctx: Ctx): Generator<SourceItem> {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (err) {
    throw new BadInput(`${origin}: not valid JSON (${(err as Error).message.split('\n')[0]}) — check the file (one record per line needs the .jsonl extension)`);
  }
  if (Array.isArray(j)) {
    for (let i = 0; i < j.length; i++) {
      const where = `${origin}[${i}]`;
      try {
        yield fromRecord(j[i], where, `${basename(origin)}[${i}]`, ctx);
      } catch (err) {
        yield { ok: false, origin: where, error: asError(err, where) };
      }
    }
    return;
  }
  yield fromRecord(j, origin, origin, ctx);
}

/** A top-level array of records, streamed element by element. */
async function* readJsonArray(stream: ByteStream, origin: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  let i = 0;
  try {
    for await (const el of jsonArrayElements(stream, ctx.maxBytes * 10)) {
      const where = `${origin}[${i}]`;
      const fallbackId = `${basename(origin)}[${i}]`;
      i++;
      let rec: unknown;
      try {
        rec = JSON.parse(el);
      } catch (err) {
        yield { ok: false, origin: where, error: new BadInput(`${where}: not valid JSON (${(err as Error).message.split('\n')[0]}) — fix or remove the element`) };
        continue;
      }
      try {
        yield fromRecord(rec, where, fallbackId, ctx);
      } catch (err) {
        yield { ok: false, origin: where, error: asError(err, where) };
      }
    }
  } catch (err) {
    if (err instanceof EntenteError) throw err;
    throw new BadInput(`${origin}: not valid JSON after element ${i}: ${(err as Error).message} — check the file`);
  }
}

async function* readJson(text: string, origin: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  if (looksLikeFeed(text.slice(0, 4096)) === 'json') {
    yield* readFeed(text, origin, null, ctx, ctx.fetchFeedPages ?? false);
    return;
  }
  yield* readJsonSync(text, origin, ctx);
}

// ------------------------------------------------------------------ URLs

function pageFormat(contentType: string | null, head: Buffer): Format | 'feed' | null {
  const ct = (contentType ?? '').toLowerCase();
  // by Content-Type, or by the first bytes whatever the server says (feeds are often served as text/html or text/plain)
  if (isFeedContentType(ct) || (/^\s*(?:text\/|application\/(?:xml|json)\b)/.test(ct) || !ct) && looksLikeFeed(head.toString('utf8'))) return 'feed';
  if (/^\s*(?:text\/html|application\/xhtml\+xml)\b/.test(ct)) return 'html';
  if (/^\s*text\/markdown\b/.test(ct)) return 'markdown';
  if (/^\s*text\/plain\b/.test(ct)) return looksBinary(head) ? null : sniffFormat(head) === 'html' ? 'html' : 'text';
  if (/^\s*(?:text|application)\/xml\b/.test(ct)) return 'html'; // XHTML served as XML
  if (!ct) return looksBinary(head) ? null : sniffFormat(head);
  return null;
}

/** Start a fetch now, to be awaited later; its rejection is handled where it is awaited. */
function prefetch(url: string, ctx: Ctx): Promise<Fetched> {
  const p = fetchUrl(url, { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes });
  p.catch(() => {}); // not an unhandled rejection while it waits its turn
  return p;
}

async function* readUrl(url: string, ctx: Ctx, hints?: ArticleHints, fetched?: Promise<Fetched>): AsyncGenerator<SourceItem> {
  const res = await (fetched ?? fetchUrl(url, { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes }));
  yield* fromFetched(res, ctx, hints);
}

async function* fromFetched(res: Fetched, ctx: Ctx, hints?: ArticleHints): AsyncGenerator<SourceItem> {
  const url = res.requested;
  if (!res.bytes.length) throw new NotAnArticle(`${url}: the server sent an empty page — check the URL`);
  const fmt = looksBinary(res.bytes.subarray(0, 8192)) ? null : pageFormat(res.contentType, res.bytes.subarray(0, 4096));
  if (fmt === null) {
    throw new NotAnArticle(`${url}: not a web page (Content-Type ${res.contentType ?? 'missing'}) — give the URL of an article page or a feed`);
  }
  if (fmt === 'feed') {
    if (hints) throw new NotAnArticle(`${url}: a feed item links to another feed — skipped`);
    const text = decodeBytes(res.bytes, { contentType: res.contentType }).text;
    yield* readFeed(text, url, res.url, ctx, ctx.fetchFeedPages ?? true);
    return;
  }
  if (fmt === 'warc' || fmt === 'jsonl' || fmt === 'json') {
    throw new NotAnArticle(`${url}: looks like a ${fmt.toUpperCase()} file, not a page — download it and give the file`);
  }
  if (res.url !== url) note(ctx, url, `redirected to ${res.url}`);
  yield* docFromBytes(res.bytes, url, fmt, ctx, { id: res.url, url: res.url, contentType: res.contentType, fetchedAt: res.fetchedAt, hints });
}

// ------------------------------------------------------------------ feeds

/** The documents of a feed already fetched (used by `entente watch`, which fetches feeds conditionally itself). */
export async function* readFeedText(text: string, feedUrl: string, opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const ctx: Ctx = { ...opts, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, pending: [] };
  try {
    for await (const item of readFeed(text, feedUrl, feedUrl, ctx, ctx.fetchFeedPages ?? true)) yield withNotes(item, ctx);
  } catch (err) {
    yield withNotes({ ok: false, origin: feedUrl, error: asError(err, feedUrl) }, ctx);
  }
}

/** Enough text to be the article rather than a teaser: several paragraphs or a few hundred characters. */
function carriesArticle(html: string | null): boolean {
  if (!html) return false;
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim();
  return text.length >= 500 || (html.match(/<p[\s>]/gi)?.length ?? 0) >= 3;
}

const hasTags = (x: string) => /<[a-z][^>]*>/i.test(x);

/** A fragment of HTML from a feed, as a page the article extractor can read. */
function wrapHtml(fragment: string, title: string | null): string {
  const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${title ? `<title>${esc(title)}</title>` : ''}</head><body><article>${fragment}</article></body></html>`;
}

async function* readFeed(text: string, origin: string, base: string | null, ctx: Ctx, fetchPages: boolean): AsyncGenerator<SourceItem> {
  const feed = parseFeed(text, origin, base);
  if (!feed.items.length) note(ctx, origin, 'the feed has no items');
  const needsPage = (it: FeedItem) => fetchPages && !!it.url && /^https?:/i.test(it.url) && !carriesFull(it);
  const ahead = new Map<number, Promise<Fetched>>();
  const items = ctx.feedItemFilter ? feed.items.filter(ctx.feedItemFilter) : feed.items;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const where = `${origin}#item${feed.items.indexOf(it) + 1}`;
    for (let k = i; k < Math.min(items.length, i + PREFETCH); k++) {
      if (!ahead.has(k) && needsPage(items[k]!)) ahead.set(k, prefetch(items[k]!.url!, ctx));
    }
    const page = ahead.get(i);
    ahead.delete(i);
    try {
      yield* feedItem(it, where, feed, ctx, page);
    } catch (err) {
      yield { ok: false, origin: where, error: asError(err, where) };
    }
  }
}

/** The feed itself carries the article (not just a teaser). */
function carriesFull(it: FeedItem): boolean {
  return carriesArticle(it.contentHtml) || (!!it.contentText && it.contentText.length >= 500);
}

/** One feed item; `page` is the fetch of its page when the feed gives only a summary and pages are fetched. */
async function* feedItem(it: FeedItem, where: string, feed: Feed, ctx: Ctx, page: Promise<Fetched> | undefined): AsyncGenerator<SourceItem> {
  const hints: ArticleHints = {};
  if (it.title) hints.title = it.title;
  if (it.published) hints.published = it.published;
  if (it.url) hints.url = it.url;
  if (it.authors.length) hints.authors = it.authors;
  if (it.tags.length) hints.tags = it.tags;
  if (feed.title) hints.site = feed.title;
  if (feed.language) hints.language = feed.language;
  const id = it.url ?? it.id ?? where;
  const full = it.contentHtml ?? (it.contentText ? it.contentText : null);
  if (full && carriesFull(it)) {
    yield fullItem(full, it.contentHtml !== null, id, where, it.url, hints, ctx);
    return;
  }
  if (page) {
    try {
      const res = await page;
      for await (const item of fromFetched(res, ctx, hints)) {
        if (item.ok) item.doc.origin = `${where} (${it.url})`;
        yield item;
      }
      return;
    } catch (err) {
      const summary = full ?? it.summary;
      if (!summary) throw err;
      note(ctx, where, `could not fetch the item's page (${(err as Error).message}); using the feed's text`);
    }
  } else if (!full && it.summary) {
    const why = !it.url ? ' and no link to its page' : ctx.fetchFeedPages === false ? '' : ' (item pages are not fetched for feed files: --fetch-feed-pages turns it on)';
    note(ctx, where, `the feed gives only a summary${why}`);
  }
  const content = full ?? it.summary;
  if (!content) throw new NotAnArticle(`${where}: the item has no content, summary or link — skipped`);
  yield fullItem(content, it.contentHtml !== null ? true : hasTags(content), id, where, it.url, hints, ctx);
}

function fullItem(content: string, isHtml: boolean, id: string, where: string, url: string | null, hints: ArticleHints, ctx: Ctx): SourceItem {
  if (isHtml && hasTags(content)) return ok({ id, origin: where, url, kind: 'html', content: wrapHtml(content, hints.title ?? null), contentType: 'text/html', hints }, ctx);
  return ok({ id, origin: where, url, kind: 'text', content: content.trim(), hints }, ctx);
}

// ------------------------------------------------------------------ WARC

async function* readWarcStream(stream: ByteStream, origin: string, ctx: Ctx): AsyncGenerator<SourceItem> {
  const gen = readWarc(stream, { maxBytes: ctx.maxBytes });
  // problems before the first page are held back: in a file that is no WARC at all they only repeat
  // "no WARC records found" (one failure for one bad file, not two)
  let held: SourceItem[] | null = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) {
      const st = r.value;
      if (st.records === 0) throw new BadInput(`${origin}: no WARC records found — check that it is a WARC file`);
      if (held) yield* held;
      if (st.pages === 0) note(ctx, origin, `${st.records} record${st.records === 1 ? '' : 's'}, none an HTML response`);
      return;
    }
    const x = r.value;
    const where = `${origin}@${x.offset}`;
    if (x.kind === 'problem') {
      const item: SourceItem = { ok: false, origin: where, error: new BadInput(`${where}: ${x.message}`) };
      if (held) held.push(item); else yield item;
      continue;
    }
    if (held) { yield* held; held = null; }
    try {
      yield* docFromBytes(x.body, where, 'html', ctx, { id: x.url ?? where, url: x.url, contentType: x.contentType, fetchedAt: x.date });
    } catch (err) {
      yield { ok: false, origin: where, error: asError(err, where) };
    }
  }
}
