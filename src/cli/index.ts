// The entente CLI: one file per command in src/cli/, each exporting register(program).
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as extract from './extract.js';
import * as dates from './dates.js';
import * as actors from './actors.js';
import * as kb from './kb.js';
import * as code from './code.js';
import * as annotate from './annotate.js';
import * as store from './store.js';
import * as serve from './serve.js';
import * as demo from './demo.js';
import * as scale from './scale.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function buildProgram(): Command {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('entente')
    .description('Reads the news and turns it into a sourced, time-aware record of international relations.')
    .version(pkg.version)
    .showHelpAfterError();
  for (const m of [extract, dates, actors, kb, code, annotate, store, serve, demo, scale]) m.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.stderr.write(`entente: ${(err as Error).message}\n`);
    process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
  }
}
