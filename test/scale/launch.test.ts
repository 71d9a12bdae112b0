// bin/entente's launch line: `entente ingest|worker|watch` start node with the main isolate's heap
// caps (src/scale/launch.ts), in the same process (sh `exec`s node), so arguments, stdio, the exit
// code and signals are node's own. The real bin/entente is copied beside a stand-in
// dist/cli/index.js that reports what it was started with (no build needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LAUNCHED_COMMANDS, mainIsolateFlags } from '../../src/scale/launch.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'entente');

// the stand-in CLI: prints its node flags and arguments; `--exit N` sets the exit code, `--cat`
// echoes stdin, `--wait` waits for SIGINT (the real ingest's first Ctrl-C: finish the batch, exit 130)
const FAKE_MAIN = `
export async function main(argv) {
  const args = argv.slice(2);
  process.stdout.write(JSON.stringify({ execArgv: process.execArgv, args, pid: process.pid }) + '\\n');
  const i = args.indexOf('--exit');
  if (i >= 0) process.exitCode = Number(args[i + 1]);
  if (args.includes('--cat')) { let s = ''; for await (const c of process.stdin) s += c; process.stdout.write('stdin:' + s); }
  if (args.includes('--wait')) {
    const t = setInterval(() => {}, 1000);
    process.on('SIGINT', () => { clearInterval(t); process.stdout.write('SIGINT handled\\n'); process.exitCode = 130; });
    process.stdout.write('ready\\n');
  }
}
`;

function install(): { dir: string; bin: string } {
  const dir = mkdtempSync(join(tmpdir(), 'entente-launch-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'dist', 'cli', 'index.js'), FAKE_MAIN);
  const bin = join(dir, 'bin', 'entente');
  copyFileSync(BIN, bin);
  chmodSync(bin, 0o755);
  return { dir, bin };
}

type Run = { code: number | null; signal: NodeJS.Signals | null; out: string; first: { execArgv: string[]; args: string[]; pid: number } };

function run(bin: string, args: string[], opts: { env?: Record<string, string | undefined>; stdin?: string; onReady?: (pid: number) => void } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  delete env.ENTENTE_NODE_FLAGS;
  delete env.NODE_OPTIONS;
  for (const [k, v] of Object.entries(opts.env ?? {})) v === undefined ? delete env[k] : (env[k] = v);
  const child = spawn(bin, args, { env, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (opts.onReady && out.includes('ready\n')) {
      const cb = opts.onReady;
      opts.onReady = undefined;
      cb(child.pid!);
    }
  });
  child.stdin.end(opts.stdin ?? '');
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, first: JSON.parse(out.split('\n')[0]!) })));
}

test('mainIsolateFlags: the caps by default, ENTENTE_NODE_FLAGS instead when set (empty = none)', () => {
  assert.deepEqual(mainIsolateFlags({}), ['--max-old-space-size=512', '--max-semi-space-size=8']);
  assert.deepEqual(mainIsolateFlags({ ENTENTE_NODE_FLAGS: '' }), []);
  assert.deepEqual(mainIsolateFlags({ ENTENTE_NODE_FLAGS: ' --max-old-space-size=300  --trace-gc ' }), ['--max-old-space-size=300', '--trace-gc']);
});

test('bin/entente starts ingest, worker and watch with mainIsolateFlags() (its shell line agrees with launch.ts), other commands without', async () => {
  const { dir, bin } = install();
  try {
    for (const cmd of LAUNCHED_COMMANDS) {
      const r = await run(bin, [cmd, 'x']);
      assert.equal(r.code, 0);
      assert.deepEqual(r.first.execArgv, mainIsolateFlags({}), cmd);
      assert.deepEqual(r.first.args, [cmd, 'x']);
    }
    for (const cmd of ['search', 'serve', 'code', '--help']) assert.deepEqual((await run(bin, [cmd])).first.execArgv, [], cmd);
    assert.deepEqual((await run(bin, ['ingest'], { env: { ENTENTE_NODE_FLAGS: '' } })).first.execArgv, []);
    assert.deepEqual((await run(bin, ['worker'], { env: { ENTENTE_NODE_FLAGS: '--max-old-space-size=300 --max-semi-space-size=4' } })).first.execArgv, ['--max-old-space-size=300', '--max-semi-space-size=4']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bin/entente passes arguments, stdin and the exit code through, and runs through a symlink (npm install -g)', async () => {
  const { dir, bin } = install();
  try {
    const odd = ['ingest', 'a b', 'c"d', "e'f", '$HOME', '*', '--exit', '3', '--cat'];
    const r = await run(bin, odd, { stdin: 'line 1\nline 2\n' });
    assert.deepEqual(r.first.args, odd);
    assert.equal(r.code, 3);
    assert.match(r.out, /stdin:line 1\nline 2\n$/);
    mkdirSync(join(dir, 'global-bin'));
    const link = join(dir, 'global-bin', 'entente');
    symlinkSync(bin, link);
    const s = await run(link, ['ingest', '--exit', '0']);
    assert.equal(s.code, 0);
    assert.deepEqual(s.first.execArgv, mainIsolateFlags({}));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bin/entente leaves no launcher process: Ctrl-C (SIGINT to the command's pid) reaches the CLI's own handler", async () => {
  const { dir, bin } = install();
  try {
    let pid = 0;
    let cmdline = '';
    const r = await run(bin, ['ingest', '--wait'], {
      onReady: (p) => {
        pid = p;
        cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ');
        process.kill(p, 'SIGINT');
      },
    });
    // the pid spawned is node itself (sh exec'd it), running this bin with the caps
    assert.equal(r.first.pid, pid);
    assert.match(cmdline, /node --max-old-space-size=512 --max-semi-space-size=8 .*bin\/entente ingest --wait/);
    assert.match(r.out, /SIGINT handled\n/);
    assert.equal(r.code, 130);
    assert.equal(r.signal, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
