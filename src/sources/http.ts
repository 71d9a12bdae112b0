// HTTP(S) fetch of one page, bounded in every direction: a timeout for the response headers and
// between body chunks (so a slow-drip server cannot hang a batch), at most 5 redirects followed
// by hand (each counted, so a loop is caught and the final URL is known), and a size cap checked
// while streaming (the download is aborted as soon as it is exceeded, never buffered whole).
// Node's fetch decompresses gzip/deflate/br Content-Encoding itself; the cap counts decoded bytes.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BadInput, FetchError } from '../errors.js';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

let userAgent: string | null = null;
/** "entente/<version> (+https://github.com/entente)": sites can see who is fetching and why. */
export function getUserAgent(): string {
  if (userAgent) return userAgent;
  let version = '0';
  try {
    // src/sources/http.ts and dist/sources/http.js both sit two levels below the package root
    const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? version;
  } catch {
    // keep "0": the UA is informative only
  }
  userAgent = `entente/${version} (+https://github.com/entente)`;
  return userAgent;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** sent as Accept; defaults to HTML first, feeds and text accepted */
  accept?: string;
  /** extra request headers (e.g. If-None-Match / If-Modified-Since for polite feed polling); a 304 answer is then returned, not thrown */
  headers?: Record<string, string>;
  /** retries after a transient failure (HTTP 429/502/503/504, connection reset); default 1 */
  retries?: number;
  /** waits between tries, for tests; default: Retry-After (at most 10 s) or 1 s */
  retryDelayMs?: number;
}

export interface Fetched {
  /** the URL asked for */
  requested: string;
  /** the URL after redirects */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Buffer;
  redirects: number;
  /** when the response arrived: a fact about the fetch, never used as the article's reference date */
  fetchedAt: string;
  /** validators for the next conditional request */
  etag?: string | null;
  lastModified?: string | null;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function advice(status: number): string {
  if (status === 404 || status === 410) return 'check the URL';
  if (status === 401 || status === 403) return 'the site refused access; save the page in a browser and give the file';
  if (status === 429) return 'the site is rate-limiting; try again later';
  if (status >= 500) return 'the server failed; try again later';
  return 'check the URL';
}

function networkMessage(err: unknown, timeoutMs: number): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (err as { code?: string })?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found — check the URL or your network';
    case 'ECONNREFUSED':
      return 'connection refused — check the URL (host and port)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed by the server — try again later';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `could not connect within ${timeoutMs / 1000} s — the site is unreachable; try again or raise --timeout`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate problem (${code}) — check the URL`;
  }
  const msg = (cause?.message ?? (err as Error)?.message ?? String(err)).split('\n')[0];
  return `${msg} — check the URL or your network`;
}

/**
 * A small HTML page whose only job is to send the browser on (`<meta http-equiv="refresh"
 * content="0; url=…">`, as link shorteners and moved pages do) → the target, else null. Only
 * immediate refreshes count: a page that reloads itself every few minutes is content.
 */
export function metaRefresh(total: number, contentType: string | null, chunks: Buffer[]): string | null {
  if (total > 16_384 || (contentType && !/html/i.test(contentType))) return null;
  const html = Buffer.concat(chunks, total).toString('latin1');
  const m = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh["']?[^>]*>/i.exec(html);
  if (!m) return null;
  const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(m[0]);
  const c = /^\s*(\d+(?:\.\d+)?)\s*[;,]\s*(?:url\s*=\s*)?["']?([^"'\s]+)/i.exec(content?.[1] ?? content?.[2] ?? '');
  return c && Number(c[1]) <= 5 ? c[2]! : null;
}

function resolve(target: string, base: URL): URL | null {
  try {
    return new URL(target, base);
  } catch {
    return null;
  }
}

const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

/** Worth trying again soon: the server said "later", or dropped the connection. A timeout is not retried (it would double the wait). */
function isTransient(err: unknown): boolean {
  if (!(err instanceof FetchError)) return false;
  if (err.status !== undefined && TRANSIENT_STATUS.has(err.status)) return true;
  const code = (err.cause as { cause?: { code?: string } } | undefined)?.cause?.code;
  return err.status === undefined && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET');
}

/**
 * Fetch a URL, following redirects by hand (HTTP 3xx and immediate <meta> refreshes, at most 5 in
 * all), trying once more after a transient failure. Throws FetchError (network, HTTP status, size,
 * redirects) or BadInput (not http/https).
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const retries = opts.retries ?? 1;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, opts);
    } catch (err) {
      if (attempt >= retries || !isTransient(err)) throw err;
      const after = (err as FetchError & { retryAfterMs?: number }).retryAfterMs;
      await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? Math.min(after ?? 1000, 10_000)));
    }
  }
}

/** Seconds or an HTTP date → milliseconds to wait, or undefined. */
function retryAfter(v: string | null): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - Date.now()) : undefined;
}

async function fetchOnce(url: string, opts: FetchOptions): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new BadInput(`${url}: not a valid URL — give an http(s):// address or a file path`);
  }
  for (let redirects = 0; ; redirects++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new BadInput(`${url}: unsupported scheme "${current.protocol}" — give an http(s):// URL`);
    }
    const controller = new AbortController();
    let timedOut = false;
    let timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    const timeoutError = (phase: string) =>
      new FetchError(`${url}: no ${phase} within ${timeoutMs / 1000} s — the site is slow or unreachable; try again or raise --timeout`, url);
    let res: Response;
    try {
      res = await fetch(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          ...opts.headers,
          'user-agent': getUserAgent(),
          accept: opts.accept ?? 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json;q=0.9,text/*;q=0.8,*/*;q=0.5',
        },
      });
    } catch (err) {
      clearTimeout(timer);
      if (timedOut) throw timeoutError('response');
      throw new FetchError(`${url}: ${networkMessage(err, timeoutMs)}`, url, undefined, { cause: err });
    }

    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      clearTimeout(timer);
      await res.body?.cancel().catch(() => {});
      if (redirects + 1 > MAX_REDIRECTS) {
        throw new FetchError(`${url}: more than ${MAX_REDIRECTS} redirects — the site redirects in a loop; open it in a browser and give the final URL`, url, res.status);
      }
      const next = resolve(res.headers.get('location')!, current);
      if (!next) throw new FetchError(`${url}: HTTP ${res.status} redirect to an invalid address — open it in a browser and give the final URL`, url, res.status);
      current = next;
      continue;
    }
    if (res.status === 304 && opts.headers) {
      clearTimeout(timer);
      await res.body?.cancel().catch(() => {});
      return { requested: url, url: current.href, status: 304, contentType: null, bytes: Buffer.alloc(0), redirects, fetchedAt: new Date().toISOString(), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
    }
    if (res.status < 200 || res.status >= 300) {
      clearTimeout(timer);
      await res.body?.cancel().catch(() => {});
      const where = current.href === url ? '' : ` (redirected to ${current.href})`;
      const e = new FetchError(`${url}: HTTP ${res.status} ${res.statusText || ''}`.trimEnd() + `${where} — ${advice(res.status)}`, url, res.status);
      (e as FetchError & { retryAfterMs?: number }).retryAfterMs = retryAfter(res.headers.get('retry-after'));
      throw e;
    }

    const tooBig = () =>
      new FetchError(`${url}: the page is larger than ${formatBytes(maxBytes)} — raise --max-bytes, or save the article and give the file`, url, res.status);
    const declared = Number(res.headers.get('content-length'));
    // Content-Length counts encoded bytes; a compressed page may still grow past the cap, checked below.
    if (Number.isFinite(declared) && declared > maxBytes && !res.headers.get('content-encoding')) {
      clearTimeout(timer);
      await res.body?.cancel().catch(() => {});
      throw tooBig();
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          rearm();
          total += chunk.byteLength;
          if (total > maxBytes) {
            controller.abort();
            throw tooBig();
          }
          chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        }
      }
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if (timedOut) throw timeoutError('data');
      throw new FetchError(`${url}: ${networkMessage(err, timeoutMs)}`, url, res.status, { cause: err });
    } finally {
      clearTimeout(timer);
    }
    const refresh = metaRefresh(total, res.headers.get('content-type'), chunks);
    const refreshTo = refresh ? resolve(refresh, current) : null;
    if (refreshTo && refreshTo.href !== current.href) {
      if (redirects + 1 > MAX_REDIRECTS) {
        throw new FetchError(`${url}: more than ${MAX_REDIRECTS} redirects — the site redirects in a loop; open it in a browser and give the final URL`, url, res.status);
      }
      current = refreshTo;
      continue;
    }
    return {
      requested: url,
      url: current.href,
      status: res.status,
      contentType: res.headers.get('content-type'),
      bytes: Buffer.concat(chunks, total),
      redirects,
      fetchedAt: new Date().toISOString(),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    };
  }
}
