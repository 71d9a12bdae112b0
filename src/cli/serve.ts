// `entente serve`: the HTTP API and web UI over a store.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { openStore, DEFAULT_DB } from '../store/index.js';
import type { Store } from '../store/types.js';
import { startServer, checkListenRules } from '../server/index.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

export interface ServeFlags {
  /** default: $ENTENTE_DB, else ./entente.db (as every store command) */
  db?: string;
  host: string;
  port: string;
  token?: string;
  allowPrivateUrls?: boolean;
}

export function parsePort(s: string): number | null {
  if (!/^\d{1,5}$/.test(s)) return null;
  const n = Number(s);
  return n <= 65535 ? n : null;
}

/** Serves until SIGINT/SIGTERM, then closes the server and the store. */
export async function serveStore(store: Store, opts: { host: string; port: number; token?: string | null; allowPrivateUrls?: boolean }): Promise<string> {
  const { app, url } = await startServer({ store, host: opts.host, port: opts.port, token: opts.token ?? null, allowPrivateUrls: opts.allowPrivateUrls ?? false });
  const stop = async () => {
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return url;
}

/** Checks the flags, opens the store and starts serving; returns the exit code (0 while serving). */
export async function runServe(flags: ServeFlags, io: Io = stdio, env: Record<string, string | undefined> = process.env): Promise<number> {
  const port = parsePort(flags.port);
  if (port === null) {
    io.err(`entente serve: --port "${flags.port}": give a number from 0 to 65535\n`);
    return 2;
  }
  const token = flags.token ?? env.ENTENTE_TOKEN ?? null;
  const problem = checkListenRules(flags.host, token);
  if (problem) {
    io.err(`entente serve: ${problem}\n`);
    return 2;
  }
  const db = flags.db ?? env.ENTENTE_DB ?? DEFAULT_DB;
  // a mistyped --db would otherwise serve a new, empty store without a word (the UI's ingest box
  // can fill it, so it is not refused)
  const fresh = !/^postgres(ql)?:\/\//i.test(db) && db !== ':memory:' && !existsSync(db);
  let store: Store;
  try {
    store = await openStore(db);
  } catch (e) {
    io.err(`entente serve: cannot open the store ${db}: ${(e as Error).message} (check --db)\n`);
    return 3;
  }
  if (fresh) io.err(`entente serve: no store at ${db} yet: serving a new, empty one (fill it with \`entente ingest <inputs> --db ${db}\` or the UI's Ingest page; or give --db / $ENTENTE_DB)\n`);
  try {
    const url = await serveStore(store, { host: flags.host, port, token, allowPrivateUrls: flags.allowPrivateUrls });
    io.out(`entente: serving ${db} at ${url} (API: ${url}api/openapi.json; Ctrl-C to stop)\n`);
    return 0;
  } catch (e) {
    await store.close().catch(() => undefined);
    const code = (e as { code?: string }).code;
    const hint = code === 'EADDRINUSE' ? ` (port ${port} is taken: give --port)` : code === 'EADDRNOTAVAIL' ? ' (no such local address: check --host)' : '';
    io.err(`entente serve: cannot listen on ${flags.host}:${port}: ${(e as Error).message}${hint}\n`);
    return 3;
  }
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, documented at /api/openapi.json) and the web UI (/) over a store')
    .option('--db <db>', `SQLite file or postgres:// URL (default: $ENTENTE_DB, else ${DEFAULT_DB})`)
    .option('--host <host>', 'address to listen on (a non-loopback address needs --token)', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--token <token>', 'bearer token required by write endpoints (default: $ENTENTE_TOKEN)')
    .option('--allow-private-urls', 'let POST /api/ingest fetch private, loopback and link-local addresses')
    .action(async (flags: ServeFlags) => {
      process.exitCode = await runServe(flags);
    });
}
