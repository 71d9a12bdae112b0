// The UI tests' server and browser: entente's HTTP server on 127.0.0.1 over a test store, and
// headless Debian chromium with a fresh profile per run (playwright passes it as --user-data-dir);
// the browser fetches nothing but the local server.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { buildServer } from '../../src/server/app.js';
import { createPipeline } from '../../src/pipeline.js';
import type { Store } from '../../src/store/types.js';

export const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);

export interface ServedUi {
  /** the server's root URL, ending in '/' */
  base: string;
  /** null when chromium is missing (the API can still be tested) */
  browser: BrowserContext | null;
  close(): Promise<void>;
}

/** Serve `store` on a free local port and, when chromium is installed, start a browser for it. */
export async function serveUi(store: Store): Promise<ServedUi> {
  const app = buildServer({ store, pipeline: () => createPipeline(), checkHost: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/`;
  if (chromiumMissing) return { base, browser: null, close: () => app.close() };
  const profile = mkdtempSync(join(tmpdir(), 'entente-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base, browser,
    close: async () => { await browser.close(); await app.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
