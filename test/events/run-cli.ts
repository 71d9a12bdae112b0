// `entente code` / `entente annotate` from source, without a build and without loading every other
// command: node --import tsx test/events/run-cli.ts code …
import { Command } from 'commander';
import * as code from '../../src/cli/code.js';
import * as annotate from '../../src/cli/annotate.js';

const program = new Command('entente');
code.register(program);
annotate.register(program);
program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
await program.parseAsync(process.argv);
