// `entente extract` from source, without a build and without loading every other command (the
// full CLI takes seconds to import): node --import tsx test/sources/run-extract.ts extract …
import { Command } from 'commander';
import * as extract from '../../src/cli/extract.js';

const program = new Command('entente');
extract.register(program);
program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
await program.parseAsync(process.argv);
