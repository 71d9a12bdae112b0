// The API tests again, on PostgreSQL, when ENTENTE_TEST_PG gives a server (CI starts one with
// scripts/pg-test-cluster.sh): the server must not depend on which store it runs on.
import { test } from 'node:test';

if (!process.env.ENTENTE_TEST_PG) {
  test('API on PostgreSQL', { skip: 'ENTENTE_TEST_PG is not set' }, () => {});
} else {
  process.env.ENTENTE_SERVER_STORE = 'postgres';
  await import('./api.test.js');
}
