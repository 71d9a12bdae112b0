// Starting the server: the security rules that depend on where it listens.
//   - loopback by default;
//   - a non-loopback host needs a token (write endpoints then require it);
//   - without a token, requests must name a loopback Host (DNS-rebinding guard).

import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from './app.js';

export { buildServer } from './app.js';

export interface ListenOptions extends ServerOptions {
  host?: string;
  port?: number;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1';
  return false;
}

/** Checks the host/token rule; returns an error message or null. */
export function checkListenRules(host: string, token: string | null | undefined): string | null {
  if (!isLoopbackHost(host) && !token) {
    return `--host ${host} exposes the server beyond this machine: give --token <secret> too (write endpoints will need "Authorization: Bearer <secret>")`;
  }
  if (token !== undefined && token !== null && token.length < 8) return '--token must be at least 8 characters';
  return null;
}

export async function startServer(opts: ListenOptions): Promise<{ app: FastifyInstance; url: string }> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 8080;
  const problem = checkListenRules(host, opts.token);
  if (problem) throw new Error(problem);
  const app = buildServer({ ...opts, checkHost: opts.checkHost ?? (isLoopbackHost(host) && !opts.token) });
  await app.listen({ host, port });
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shown = isIP(host) === 6 ? `[${host}]` : host;
  return { app, url: `http://${shown}:${actualPort}/` };
}
