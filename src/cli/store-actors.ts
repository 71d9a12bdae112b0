// `entente actors` without inputs: the most frequent actors in the store.
import { writeOut } from './common.js';
import { DEFAULT_DB } from '../store/index.js';
import { withStore } from './store-common.js';

export async function topActors(opts: { top?: number; db?: string; format?: string }): Promise<void> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'jsonl'].includes(format)) {
    process.stderr.write(`entente actors: --format "${format}": expected table, json or jsonl\n`);
    process.exitCode = 2;
    return;
  }
  const top = opts.top ?? 20;
  if (!Number.isInteger(top) || top < 1 || top > 1000) {
    process.stderr.write(`entente actors: --top "${opts.top}": expected an integer from 1 to 1000\n`);
    process.exitCode = 2;
    return;
  }
  await withStore('actors', opts.db ?? process.env.ENTENTE_DB ?? DEFAULT_DB, true, async (store) => {
    const actors = await store.topActors({ top });
    if (format === 'json') await writeOut(JSON.stringify(actors, null, 2) + '\n');
    else if (format === 'jsonl') for (const a of actors) await writeOut(JSON.stringify(a) + '\n');
    else {
      const rows = actors.map((a) => [String(a.events), String(a.as_actor), String(a.as_recipient), a.code || '-', a.id, a.name]);
      const head = ['EVENTS', 'ACTOR', 'RECIPIENT', 'CODE', 'ID', 'NAME'];
      const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const r of [head, ...rows]) await writeOut(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!))).join('  ') + '\n');
    }
    process.exitCode = actors.length ? 0 : 1;
  });
}
