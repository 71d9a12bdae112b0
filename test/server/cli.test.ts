// `entente demo` and `entente serve`: the command bodies, with their output captured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable, timelineTable, runDemo } from '../../src/cli/demo.js';
import { runServe } from '../../src/cli/serve.js';

function io() {
  const out: string[] = [], err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, stdout: () => out.join(''), stderr: () => err.join('') };
}

test('formatTable pads columns and right-aligns numbers', () => {
  const out = formatTable(['period', 'n'], [['2025-07', 3], ['2026-03', 12]]);
  assert.equal(out, 'period    n\n-------  --\n2025-07   3\n2026-03  12\n');
  const t = timelineTable({ by: 'month', unbucketed: 0, rows: [
    { period: '2025-07', direction: 'a->b', count: 2, quad: { 1: 1, 2: 1, 3: 0, 4: 0 }, goldstein_mean: 4.5, intensity_mean: null },
    { period: '2025-07', direction: 'b->a', count: 1, quad: { 1: 0, 2: 0, 3: 1, 4: 0 }, goldstein_mean: -2, intensity_mean: null },
    { period: '2025-10', direction: 'b->a', count: 1, quad: { 1: 0, 2: 0, 3: 0, 4: 1 }, goldstein_mean: -10, intensity_mean: null },
  ] }, 'RUS', 'AFG');
  const lines = t.trim().split('\n');
  assert.match(lines[0]!, /RUS→AFG.*AFG→RUS/);
  assert.match(lines[2]!, /^2025-07\s+2\s+2\s+0\s+4\.5\s+1\s+0\s+1\s+-2\.0$/);
  assert.match(lines[3]!, /^2025-10\s+1\s+0\s+1\s+-10\.0$/);
});

test('entente demo --no-serve ingests every sample and prints the Russia–Afghanistan timeline', { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-demo-'));
  try {
    const db = join(dir, 'demo.db');
    const r = io();
    const code = await runDemo({ db, serve: false, port: '8080', host: '127.0.0.1' }, r.io);
    assert.equal(code, 0, r.stderr());
    const m = /(\d+) articles: (\d+) new, 0 updated, 0 unchanged, 0 failed; (\d+) events coded/.exec(r.stdout());
    assert.ok(m, r.stdout());
    assert.ok(Number(m[1]) >= 15 && m[1] === m[2], 'every sample ingested');
    assert.ok(Number(m[3]) > 0, 'events coded');
    assert.match(r.stdout(), /RUS→AFG/);
    assert.match(r.stdout(), /\(negated and hypothetical records left out; `entente timeline RUS AFG` counts every record\)/);
    assert.match(r.stdout(), /^20\d\d-\d\d\s+\d/m, 'at least one timeline row');
    assert.match(r.stdout(), /\(each with its sentences, attribution and articles: `entente events --dyad RUS,AFG --group --evidence`\)/, 'the next step');
    // a second run changes nothing: ingest is idempotent
    const again = io();
    await runDemo({ db, serve: false, port: '8080', host: '127.0.0.1' }, again.io);
    assert.match(again.stdout(), /0 new, 0 updated, (\d+) unchanged, 0 failed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('entente demo refuses a non-loopback --host before doing anything', async () => {
  const r = io();
  assert.equal(await runDemo({ db: '/nonexistent-dir/x.db', serve: true, port: '8080', host: '0.0.0.0' }, r.io), 2);
  assert.match(r.stderr(), /entente serve --host 0\.0\.0\.0 --token/);
});

test('entente serve refuses a public --host without --token, and a bad --port', async () => {
  const r = io();
  assert.equal(await runServe({ host: '0.0.0.0', port: '8080', db: ':memory:' }, r.io, {}), 2);
  assert.match(r.stderr(), /--token/);
  const p = io();
  assert.equal(await runServe({ host: '127.0.0.1', port: 'eighty', db: ':memory:' }, p.io, {}), 2);
  assert.match(p.stderr(), /--port "eighty"/);
  const s = io();
  assert.equal(await runServe({ host: '0.0.0.0', port: '8080', db: '/nonexistent-dir/x/entente.db' }, s.io, { ENTENTE_TOKEN: 'a-long-enough-token' }), 3);
  assert.match(s.stderr(), /cannot open the store .*--db/);
});

test('entente serve reads $ENTENTE_DB like the other store commands, and says so when --db names no store yet', async () => {
  const e = io();
  assert.equal(await runServe({ host: '127.0.0.1', port: '8080' }, e.io, { ENTENTE_DB: '/nonexistent-dir/y/from-env.db' }), 3);
  assert.match(e.stderr(), /cannot open the store \/nonexistent-dir\/y\/from-env\.db/);
  // a port already taken stops it after the store is open: the note about the new store comes first
  const dir = mkdtempSync(join(tmpdir(), 'entente-serve-'));
  const http = await import('node:http');
  const busy = http.createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const port = String((busy.address() as { port: number }).port);
  try {
    const f = io();
    const db = join(dir, 'typo.db');
    assert.equal(await runServe({ host: '127.0.0.1', port, db }, f.io, {}), 3);
    assert.ok(f.stderr().startsWith(`entente serve: no store at ${db} yet: serving a new, empty one (fill it with \`entente ingest <inputs> --db ${db}\``), f.stderr());
    assert.match(f.stderr(), /port \d+ is taken/);
    const g = io();
    assert.equal(await runServe({ host: '127.0.0.1', port, db }, g.io, {}), 3);
    assert.doesNotMatch(g.stderr(), /no store at/, 'an existing store gets no note');
  } finally {
    busy.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
