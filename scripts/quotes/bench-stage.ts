// CPU cost of the event stage (quotes included) over cached PolNeAR documents, min of N passes:
// isolates the quotes change from the rest of the pipeline on a shared machine.
//   node --import tsx scripts/quotes/bench-stage.ts [passes]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { codeEvents } from '../../src/events/index.js';
import type { DatedDoc } from '../../src/types.js';

const dir = join(tmpdir(), 'entente-quotes-cache'); // filled by `npm run eval:quotes`
const docs: DatedDoc[] = readdirSync(dir).slice(0, 300).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
codeEvents(docs[0]!); // loads the lexicons and models once
let best = Infinity;
for (let k = 0; k < Number(process.argv[2] ?? 3); k++) {
  const c0 = process.cpuUsage();
  for (const d of docs) codeEvents(d);
  const c = process.cpuUsage(c0);
  best = Math.min(best, (c.user + c.system) / 1000 / docs.length);
}
process.stdout.write(`event stage: ${best.toFixed(2)} ms CPU per document (min of passes, ${docs.length} PolNeAR documents)\n`);
