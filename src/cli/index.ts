// The entente CLI: one file per command group in src/cli/, each exporting register(program).
//
// Command modules load lazily: a run imports only the module of the command it runs (the pipeline
// with its KB, lexicons and NLP model is ~20 MB of heap and ~80 MB of RSS, which `ingest`'s main
// thread, `status` or `events` never use). `entente --help`, an unknown command or no command
// loads them all so that commander lists every command. test/e2e/cli-lazy.test.ts checks that
// COMMANDS names every command each module registers.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface CommandModule { register(program: Command): void }

/** Command group → its module. */
export const MODULES: Record<string, () => Promise<CommandModule>> = {
  extract: () => import('./extract.js'),
  dates: () => import('./dates.js'),
  actors: () => import('./actors.js'),
  kb: () => import('./kb.js'),
  code: () => import('./code.js'),
  annotate: () => import('./annotate.js'),
  store: () => import('./store.js'),
  serve: () => import('./serve.js'),
  demo: () => import('./demo.js'),
  scale: () => import('./scale.js'),
};

/** Top-level command name → the module that registers it (the order of MODULES is the help order). */
export const COMMANDS: Record<string, string> = {
  extract: 'extract', dates: 'dates', actors: 'actors', kb: 'kb', code: 'code', annotate: 'annotate',
  ingest: 'store', events: 'store', timeline: 'store', search: 'store', export: 'store', stats: 'store',
  serve: 'serve', demo: 'demo',
  enqueue: 'scale', worker: 'scale', status: 'scale', watch: 'scale',
};

/** The command named in argv (the first argument that is not an option), if it is a known one. */
export function commandOf(argv: string[]): string | null {
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : null;
}

/** The program with the modules `argv` needs (all of them when argv is not given or names no known command). */
export async function buildProgram(argv?: string[]): Promise<Command> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('entente')
    .description('Reads the news and turns it into a sourced, time-aware record of international relations.')
    .version(pkg.version);
  const cmd = argv ? commandOf(argv) : null;
  const names = cmd ? [COMMANDS[cmd]!] : Object.keys(MODULES);
  const mods = await Promise.all(names.map((n) => MODULES[n]!()));
  for (const m of mods) m.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
  // commander's own errors (missing argument, unknown option or command) are usage errors: exit 2,
  // as documented, on every subcommand too (`entente kb lookup` with no text, `entente code --bogus`);
  // a command inherits exitOverride only when set before it is created, so set it on each
  // and each is one line naming the command and where its arguments are listed, as the other usage
  // errors are ("entente timeline: missing required argument 'b' — `entente timeline --help` lists …"),
  // not commander's "error: …" followed by the whole help
  const usageExit = (c: Command, path: string) => {
    c.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
    c.configureOutput({
      outputError: (msg, write) => write(`${path}: ${msg.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')} — \`${path} --help\` lists ${path === 'entente' ? 'the commands' : 'its arguments and options'}\n`),
    });
    for (const sub of c.commands) usageExit(sub, `${path} ${sub.name()}`);
  };
  usageExit(program, 'entente');
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.stderr.write(`entente: ${(err as Error).message}\n`);
    process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
  }
}
