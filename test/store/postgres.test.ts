// The Store suite on PostgreSQL, when ENTENTE_TEST_PG gives a server (CI starts one with
// scripts/pg-test-cluster.sh). Each store gets its own schema, dropped afterwards.
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { storeSuite } from './store.suite.js';

const url = process.env.ENTENTE_TEST_PG;
if (!url) {
  describe('postgres store', () => {
    it('skipped: set ENTENTE_TEST_PG (export ENTENTE_TEST_PG=$(bash scripts/pg-test-cluster.sh))', { skip: 'ENTENTE_TEST_PG is not set' }, () => {});
  });
} else {
  const run = `t${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  async function admin(sql: string): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  }
  after(async () => {
    for (const s of schemas) await admin(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
  });
  storeSuite('postgres', async () => {
    // Schema names are generated here (letters, digits, _): safe to put in DDL.
    const schema = `${run}_${schemas.length + 1}`;
    schemas.push(schema);
    await admin(`CREATE SCHEMA ${schema}`);
    const sep = url.includes('?') ? '&' : '?';
    return `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  });
}
