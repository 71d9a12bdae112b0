// Test helpers for the sources suite: a local HTTP server (tests never touch the network), a
// tiny WARC writer to build fixtures, and a collector for readInputs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, type SourceItem, type SourceOptions } from '../../src/sources/index.js';

export interface TestServer {
  base: string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    res.on('error', () => {}); // the client may abort (size cap, timeout)
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function collect(inputs: string[], opts: SourceOptions = {}): Promise<{ items: SourceItem[]; notes: string[] }> {
  const items: SourceItem[] = [];
  const notes: string[] = [];
  for await (const it of readInputs(inputs, { ...opts, onNote: (o, t) => notes.push(`${o}: ${t}`) })) items.push(it);
  return { items, notes };
}

export function docs(items: SourceItem[]) {
  return items.flatMap((i) => (i.ok ? [i.doc] : []));
}
export function errors(items: SourceItem[]) {
  return items.flatMap((i) => (i.ok ? [] : [i]));
}

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits. */
export function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'entente-sources-'));
  made.push(d);
  return d;
}

// ---------------------------------------------------------------- WARC writer

export function httpResponse(status: number, headers: Record<string, string>, body: Buffer | string): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}\r\n` + Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), b]);
}

export function chunked(body: Buffer | string, size = 7): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) {
    const c = b.subarray(i, i + size);
    parts.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

export function warcRecord(type: string, headers: Record<string, string>, block: Buffer | string): Buffer {
  const b = Buffer.isBuffer(block) ? block : Buffer.from(block);
  const head = `WARC/1.1\r\nWARC-Type: ${type}\r\n` + Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') + `Content-Length: ${b.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), b, Buffer.from('\r\n\r\n')]);
}

/** .warc.gz: one gzip member per record, as crawlers write them. */
export function warcGz(records: Buffer[]): Buffer {
  return Buffer.concat(records.map((r) => gzipSync(r)));
}
