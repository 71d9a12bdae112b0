// The CLI loads only the module of the command it runs (src/cli/index.ts): its COMMANDS table
// must name every command each module registers, or that command would be unknown.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { COMMANDS, MODULES, buildProgram, commandOf } from '../../src/cli/index.js';

test('cli: COMMANDS maps every registered command to the module that registers it', async () => {
  const seen: Record<string, string> = {};
  for (const [name, load] of Object.entries(MODULES)) {
    const p = new Command('entente');
    (await load()).register(p);
    for (const c of p.commands) seen[c.name()] = name;
  }
  assert.deepEqual(Object.fromEntries(Object.entries(seen).sort()), Object.fromEntries(Object.entries(COMMANDS).sort()));
});

test('cli: a run registers only its own command group; help or an unknown command gets them all', async () => {
  assert.equal(commandOf(['node', 'entente', 'ingest', '-', '--db', 'x.db']), 'ingest');
  assert.equal(commandOf(['node', 'entente', '--help']), null);
  assert.equal(commandOf(['node', 'entente', 'nonsense']), null);
  const names = (p: Command) => p.commands.map((c) => c.name()).sort();
  assert.deepEqual(names(await buildProgram(['node', 'entente', 'status', '--db', 'postgres://x'])), ['enqueue', 'status', 'watch', 'worker']);
  assert.deepEqual(names(await buildProgram(['node', 'entente', '--help'])), Object.keys(COMMANDS).sort());
  assert.deepEqual(names(await buildProgram()), Object.keys(COMMANDS).sort());
});
