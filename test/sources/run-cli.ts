// Runs the CLI from source (no build needed): `node --import tsx test/sources/run-cli.ts extract …`.
import { main } from '../../src/cli/index.js';
await main(process.argv);
