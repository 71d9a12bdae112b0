// Runs several store command lines in one process (the CLI takes seconds to start on a busy
// machine): node --import tsx test/store/run-cli.ts '<json array of argv arrays>'
// Prints a JSON array of {code, stdout, stderr}, one per command line, in order.
import { Command } from 'commander';
import * as store from '../../src/cli/store.js';
import { topActors } from '../../src/cli/store-actors.js';

function program(): Command {
  const p = new Command('entente');
  store.register(p);
  // `actors` belongs to the actors work; here only its no-input path (the store's top actors).
  p.command('actors').option('--top <n>').option('--db <db>').option('-f, --format <f>')
    .action((f: { top?: string; db?: string; format?: string }) => topActors({ top: f.top ? Number(f.top) : undefined, db: f.db, format: f.format }));
  p.exitOverride();
  p.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  return p;
}

type Write = typeof process.stdout.write;
const lines = JSON.parse(process.argv[2] ?? '[]') as string[][];
const results: { code: number; stdout: string; stderr: string }[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
for (const argv of lines) {
  let stdout = '';
  let stderr = '';
  const capture = (add: (s: string) => void): Write => ((chunk: unknown, ...rest: unknown[]) => {
    add(String(chunk));
    const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as Write;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  process.exitCode = undefined;
  let code: number;
  try {
    await program().parseAsync(['node', 'entente', ...argv]);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    const ex = e as { exitCode?: number; message?: string };
    code = ex.exitCode !== undefined ? (ex.exitCode === 0 ? 0 : 2) : 1;
    if (ex.exitCode === undefined) stderr += `entente: ${ex.message}\n`;
  } finally {
    process.stdout.write = realOut as Write;
    process.stderr.write = realErr as Write;
  }
  results.push({ code, stdout, stderr });
}
process.exitCode = 0;
realOut(JSON.stringify(results) + '\n');
