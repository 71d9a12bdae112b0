// POST /api/ingest: pasted text or a URL → RawDocument → pipeline → store.
// The URL path fetches through safeFetch (SSRF guard, limits) rather than the CLI's fetcher,
// because here the caller is remote and the server's network is not theirs to explore.

import { createHash } from 'node:crypto';
import type { lookup } from 'node:dns';
import type { Store } from '../store/types.js';
import type { CodedDoc, RawDocument } from '../types.js';
import { CodingTimeout } from './worker.js';
import { parseClipping } from '../sources/clipping.js';
import { FetchError, NotAnArticle, BadInput } from '../errors.js';
import { decodeBytes } from '../sources/charset.js';
import { safeFetch, ForbiddenAddress } from './net.js';

export interface IngestRequest {
  url?: string;
  text?: string;
  title?: string;
  date?: string;
}

export interface IngestResult {
  status: 'stored' | 'replaced' | 'unchanged';
  article_id: string;
  events: number;
  title: string | null;
  messages: { origin: string; severity: string; text: string }[];
}

/** An ingest failure with the HTTP status that says whose problem it is. */
export class IngestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface IngestContext {
  store: Store;
  /** Runs the pipeline on one document (in this thread, or on a CodingWorker). */
  code: (raw: RawDocument) => Promise<CodedDoc>;
  allowPrivateUrls: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  resolve?: typeof lookup;
}

function validDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** Pasted text: a clipping (title + date line + body) keeps its header; plain text is all body. */
export function textToRaw(req: IngestRequest): RawDocument {
  const text = req.text ?? '';
  const clip = parseClipping(text, { markdown: false });
  const url = req.url ?? clip.hints.url ?? null;
  const id = url ?? `pasted:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  return {
    id,
    kind: 'text',
    content: clip.content,
    origin: 'POST /api/ingest (pasted text)',
    url,
    hints: { ...clip.hints, title: req.title ?? clip.hints.title ?? null, published: req.date ?? clip.hints.published ?? null, url },
  };
}

export async function ingest(req: IngestRequest, ctx: IngestContext): Promise<IngestResult> {
  if (req.date && !validDate(req.date)) throw new IngestError(400, `bad request: field "date" ${req.date} is not a calendar date (give YYYY-MM-DD)`);
  let raw: RawDocument;
  const notes: IngestResult['messages'] = [];
  if (req.text !== undefined) {
    if (!req.text.trim()) throw new IngestError(400, 'bad request: field "text" is empty');
    if (req.url && !/^https?:\/\//i.test(req.url)) throw new IngestError(400, `bad request: field "url" ${req.url} is not an http(s) URL`);
    raw = textToRaw(req);
  } else if (req.url !== undefined) {
    try {
      const f = await safeFetch(req.url, { allowPrivate: ctx.allowPrivateUrls, timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes, resolve: ctx.resolve });
      const ct = (f.contentType ?? '').toLowerCase();
      if (ct && !/html|xml|text\/plain/.test(ct)) throw new IngestError(422, `${f.url}: content type ${ct} is not a web page or text`);
      const plain = /text\/plain/.test(ct);
      const decoded = decodeBytes(f.body, { contentType: f.contentType, markup: !plain });
      if (decoded.note) notes.push({ origin: 'sources:charset', severity: 'info', text: `${f.url}: ${decoded.note}` });
      raw = {
        id: f.url, kind: plain ? 'text' : 'html', content: decoded.text, origin: req.url, url: f.url,
        contentType: f.contentType, hints: { url: f.url, fallback: { title: req.title ?? null, published: req.date ?? null } }, // the page's own title and date win
      };
    } catch (err) {
      if (err instanceof IngestError) throw err;
      if (err instanceof ForbiddenAddress) throw new IngestError(403, err.message);
      if (err instanceof FetchError) throw new IngestError(502, err.message);
      throw err;
    }
  } else {
    throw new IngestError(400, 'bad request: give {"url": ...} or {"text": ...}');
  }
  let doc: CodedDoc;
  try {
    doc = await ctx.code(raw);
  } catch (err) {
    if (err instanceof NotAnArticle || err instanceof BadInput || err instanceof CodingTimeout) throw new IngestError(422, (err as Error).message);
    throw err;
  }
  if (!doc.text.trim()) throw new IngestError(422, `${raw.origin}: no article text found`);
  const saved = await ctx.store.saveDoc(doc);
  return {
    status: saved.status,
    article_id: saved.articleId,
    events: doc.events.length,
    title: doc.article.title,
    messages: [...notes, ...doc.messages.map((m) => ({ origin: m.origin, severity: m.severity, text: m.text }))],
  };
}
