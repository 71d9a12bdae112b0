// README ↔ --help: the README's Commands table names every option of its command (and no option the
// command does not have), so a reader of either finds the same CLI. The options every article-reading
// command shares (--date, --url, --title, --timeout, --max-bytes, --[no-]fetch-feed-pages) are
// documented once under "Inputs", and --db once under the table; those only have to be in the README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, type Option } from 'commander';
import { buildProgram, ROOT } from '../../src/cli/index.js';
import { addSourceOptions } from '../../src/cli/common.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const ROWS = README.slice(README.indexOf('## Commands'), README.indexOf('## Formats')).split('\n').filter((l) => l.startsWith('| `entente '));
const SHARED = new Set(addSourceOptions(new Command('x')).options.map((o) => o.long!));

/** every leaf command as its words ("kb lookup") with its options */
async function commands(): Promise<[string, readonly Option[]][]> {
  const out: [string, readonly Option[]][] = [];
  const walk = (c: Command, path: string[]) => {
    for (const sub of c.commands) {
      const name = [...path, sub.name()];
      if (sub.commands.length) walk(sub, name);
      else out.push([name.join(' '), sub.options]);
    }
  };
  walk(await buildProgram(), []);
  return out;
}

/** "--fetch-feed-pages" is written "--[no-]fetch-feed-pages" when both exist */
const documented = (text: string, flag: string) => text.includes(flag) || text.includes(flag.replace(/^--(no-)?/, '--[no-]'));

test('README: each command has a row in the Commands table, naming each of its own options', async () => {
  const missing: string[] = [];
  for (const [name, options] of await commands()) {
    const row = ROWS.find((r) => r.includes(`\`entente ${name}`) || r.includes(`/ \`entente ${name}`));
    if (!row) { missing.push(`${name}: no row`); continue; }
    for (const o of options) {
      const flag = o.long!;
      if (flag === '--help' || flag === '--db' || SHARED.has(flag)) continue;
      if (!documented(row, flag)) missing.push(`${name} ${flag}`);
    }
  }
  assert.deepEqual(missing, [], 'options in --help but not in their README row');
});

test('README: the shared input options and --db are documented; a row names no option its commands lack', async () => {
  for (const flag of [...SHARED, '--db']) assert.ok(documented(README, flag), flag);
  const all = await commands();
  const stale: string[] = [];
  for (const row of ROWS) {
    const names = all.filter(([n]) => row.includes(`\`entente ${n}`));
    const flags = new Set(names.flatMap(([, os]) => os.map((o) => o.long!)));
    for (const m of row.matchAll(/--(\[no-\])?[a-z][a-z-]*/g)) {
      const f = m[0].replace('[no-]', '');
      if (!flags.has(f) && !flags.has(f.replace(/^--/, '--no-')) && f !== '--help') stale.push(`${names.map(([n]) => n).join('/')}: ${m[0]}`);
    }
  }
  assert.deepEqual(stale, [], 'options in the README table that no command it names has');
});
