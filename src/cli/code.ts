import type { Command } from 'commander';
// STUB: the command(s) of this file are not implemented yet.
export function register(program: Command): void {
  program.command('code').description('(not implemented yet)').allowUnknownOption().argument('[args...]').action(() => {
    process.stderr.write('entente code: not implemented yet\n');
    process.exitCode = 2;
  });
}
