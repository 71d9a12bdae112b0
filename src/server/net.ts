// Guarded URL fetch for POST /api/ingest {url}: the server fetches on behalf of a remote
// caller, so it must not become a proxy into the host's private network (SSRF).
// Why not a lookup-then-fetch: a DNS answer can change between the check and the connect
// (rebinding). Here the check runs inside the socket's own `lookup` hook, on the very addresses
// it connects to, and again on every redirect hop (redirects are followed by hand).

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { FetchError } from '../errors.js';

/** Thrown when a URL resolves to an address the server refuses to contact. */
export class ForbiddenAddress extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenAddress';
  }
}

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

// IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry).
const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata endpoints live here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved + broadcast
];

function v4Blocked(ip: string): boolean {
  const n = v4ToInt(ip);
  return V4_BLOCKED.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    const b = v4ToInt(base);
    return n >= b && n < b + size;
  });
}

/** Expands an IPv6 address to 8 16-bit groups. */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  // a trailing dotted IPv4 part ("::ffff:127.0.0.1") becomes two groups
  const m = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (m) {
    const n = v4ToInt(m[1]!);
    s = s.slice(0, m.index) + ((n >>> 16) & 0xffff).toString(16) + ':' + (n & 0xffff).toString(16);
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail !== undefined ? new Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...fill, ...t].map((g) => parseInt(g || '0', 16));
}

/** true for loopback, private, link-local, multicast, reserved and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const fam = isIP(ip);
  if (fam === 4) return v4Blocked(ip);
  if (fam !== 6) return true; // not an address at all: refuse
  const g = v6Groups(ip);
  if (g.length !== 8) return true;
  const [a, b, c, d, e, f] = g as [number, number, number, number, number, number, number, number];
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the embedded IPv4
  const embedded = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && (f === 0xffff || f === 0)) return v4Blocked(embedded);
  if (a === 0x64 && b === 0xff9b) return v4Blocked(embedded);
  if ((a & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((a & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((a & 0xff00) === 0xff00) return true; // multicast
  if (a === 0x2001 && b === 0x0db8) return true; // documentation
  if (a === 0x2002) return v4Blocked(`${b >> 8}.${b & 255}.${c >> 8}.${c & 255}`); // 6to4 embeds an IPv4
  return false;
}

/** A `lookup` for http(s).request that refuses the connection if ANY resolved address is private. */
export function guardedLookup(resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return ((hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new ForbiddenAddress(`${hostname} resolves to ${bad.address}, a private, loopback or link-local address: refused (start the server with --allow-private-urls to allow it)`), '', 0);
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  }) as LookupFunction;
}

export interface SafeFetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** DNS resolver (tests inject one). */
  resolve?: typeof dnsLookup;
}

export interface SafeFetched {
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

function checkLiteralHost(u: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host)) {
    throw new ForbiddenAddress(`${u.href}: ${host} is a private, loopback or link-local address: refused (start the server with --allow-private-urls to allow it)`);
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    throw new ForbiddenAddress(`${u.href}: localhost is refused (start the server with --allow-private-urls to allow it)`);
  }
}

function once(u: URL, opts: Required<Omit<SafeFetchOptions, 'resolve'>> & { resolve?: typeof dnsLookup }): Promise<SafeFetched & { location: string | null }> {
  return new Promise((resolvePromise, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, {
      method: 'GET',
      headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1', 'accept-encoding': 'gzip, deflate, br' },
      lookup: opts.allowPrivate ? undefined : guardedLookup(opts.resolve),
      timeout: opts.timeoutMs,
    });
    const timer = setTimeout(() => req.destroy(new FetchError(`${u.href}: no complete answer within ${opts.timeoutMs / 1000} s — try again later`, u.href)), opts.timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    req.on('timeout', () => req.destroy(new FetchError(`${u.href}: timed out after ${opts.timeoutMs / 1000} s`, u.href)));
    req.on('error', (err) => fail(err instanceof ForbiddenAddress || err instanceof FetchError ? err : new FetchError(`${u.href}: ${err.message}`, u.href, undefined, { cause: err })));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const location = status >= 300 && status < 400 ? (res.headers.location ?? null) : null;
      if (location) {
        res.resume();
        clearTimeout(timer);
        return resolvePromise({ url: u.href, status, contentType: null, body: Buffer.alloc(0), location });
      }
      const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
      const stream = enc === 'gzip' ? res.pipe(zlib.createGunzip()) : enc === 'deflate' ? res.pipe(zlib.createInflate()) : enc === 'br' ? res.pipe(zlib.createBrotliDecompress()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          req.destroy(new FetchError(`${u.href}: the page is larger than ${opts.maxBytes} bytes: refused`, u.href, status));
          return;
        }
        chunks.push(c);
      });
      stream.on('error', (err: Error) => fail(new FetchError(`${u.href}: ${err.message}`, u.href, status, { cause: err })));
      stream.on('end', () => {
        clearTimeout(timer);
        const ct = res.headers['content-type'];
        resolvePromise({ url: u.href, status, contentType: typeof ct === 'string' ? ct : null, body: Buffer.concat(chunks), location: null });
      });
    });
    req.end();
  });
}

/** GET a page with the SSRF guard, a total timeout, a decoded-size cap and hand-followed redirects (each hop checked). */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetched> {
  const opts = {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? 'entente (+https://github.com/entente)',
    resolve: options.resolve,
  };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError(`${url}: not a valid URL (give an absolute http:// or https:// URL)`, url);
  }
  for (let hop = 0; ; hop++) {
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError(`${u.href}: only http and https URLs can be ingested`, u.href);
    checkLiteralHost(u, opts.allowPrivate);
    const r = await once(u, opts);
    if (!r.location) {
      if (r.status >= 400) throw new FetchError(`${u.href}: HTTP ${r.status}`, u.href, r.status);
      return { url: r.url, status: r.status, contentType: r.contentType, body: r.body };
    }
    if (hop >= opts.maxRedirects) throw new FetchError(`${url}: more than ${opts.maxRedirects} redirects`, url);
    u = new URL(r.location, u);
  }
}
