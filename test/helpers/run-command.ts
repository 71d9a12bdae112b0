// Runs some CLI commands from source, without a build and without importing every other command
// (the whole CLI takes seconds to load): node --import tsx test/helpers/run-command.ts <module[,module]> <args…>
// where a module is a file of src/cli (extract, dates, code, annotate, …).
import { Command } from 'commander';

const [modules, ...rest] = process.argv.slice(2);
const program = new Command('entente');
for (const m of modules!.split(',')) {
  if (!/^[a-z-]+$/.test(m)) throw new Error(`bad command module ${m}`);
  const mod = (await import(`../../src/cli/${m}.js`)) as { register(p: Command): void };
  mod.register(program);
}
program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
await program.parseAsync([process.argv[0]!, 'entente', ...rest]);
