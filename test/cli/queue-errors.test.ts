// The queue commands on a database that cannot be reached: one line naming it (password masked)
// and what to check, exit code 3 as for the store commands. Nothing listens on 127.0.0.1:1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

for (const cmd of ['status', 'worker']) {
  test(`${cmd} --db <unreachable>: one line naming the database, exit 3`, { timeout: 60_000 }, async () => {
    const r = await runCli(['scale'], [cmd, '--db', 'postgres://analyst:s3cret@127.0.0.1:1/news']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, new RegExp(`^entente ${cmd}: cannot use the PostgreSQL database postgres://analyst:\\*\\*\\*@127\\.0\\.0\\.1:1/news: .*ECONNREFUSED.* — check --db`));
    assert.doesNotMatch(r.stderr, /s3cret/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
}
