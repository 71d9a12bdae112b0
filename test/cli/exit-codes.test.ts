// The documented exit codes hold for commander's own errors on every subcommand: a missing
// argument, an unknown option or an unknown subcommand is a usage error (2), not 1 ("nothing
// could be read"), so a script can tell a typo from an empty input. Runs the real entry (main).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/dev-cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('usage errors exit 2 on nested and plain subcommands; help and version exit 0', () => {
  for (const args of [['kb', 'lookup'], ['kb', 'bogus'], ['code', '--bogus', 'x.txt'], ['timeline', 'RUS'], ['bogus']]) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    // one line: the command, what is wrong, where its arguments are listed (not the whole help)
    const cmd = args.filter((a) => !a.startsWith('-') && a !== 'x.txt' && a !== 'RUS' && !(args[0] === 'kb' && a === 'bogus')).join(' ');
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, `${args.join(' ')}: ${r.stderr}`);
    const path = `entente${cmd && cmd !== 'bogus' ? ` ${cmd}` : ''}`;
    assert.match(r.stderr, new RegExp(`^${path}: (missing required argument|unknown (option|command)).* — \`${path} --help\` lists ${path === 'entente' ? 'the commands' : 'its arguments and options'}\n$`), args.join(' '));
  }
  // commander's suggestion stays on the same line
  const typo = cli('events', '--sinse', '2021');
  assert.equal(typo.stderr, "entente events: unknown option '--sinse' (Did you mean --since?) — `entente events --help` lists its arguments and options\n");
  for (const args of [['--help'], ['kb', 'lookup', '--help'], ['--version']]) assert.equal(cli(...args).status, 0, args.join(' '));
});

test('a batch command\'s --help says how bad inputs are reported and what the exit codes mean', async () => {
  const { runCli } = await import('../helpers/cli.js');
  const r = await runCli(['code'], ['code', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Exit codes: 0 something was read · 1 nothing could be read · 2 usage error ·\n3 the store could not be opened or written · 130 interrupted/);
  assert.match(r.stdout, /one line on stderr\nnaming it and the fix/);
});
