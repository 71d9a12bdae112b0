// The Store suite on SQLite (files in a temp directory, removed afterwards).
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeSuite } from './store.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));
storeSuite('sqlite', async () => join(dir, `t${++n}.db`));
