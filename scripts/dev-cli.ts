// Runs the CLI from the TypeScript sources (no build): node --import tsx scripts/dev-cli.ts <command> ...
// Tests spawn this so they always exercise the current sources.
import { main } from '../src/cli/index.js';
await main(process.argv);
