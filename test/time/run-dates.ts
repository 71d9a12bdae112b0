// `entente dates` from source, without a build and without loading every other command:
// node --import tsx test/time/run-dates.ts dates …
import { Command } from 'commander';
import * as dates from '../../src/cli/dates.js';

const program = new Command('entente');
dates.register(program);
program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
await program.parseAsync(process.argv);
