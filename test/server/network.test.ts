// The front page's actor network leaves out generic actors the coder could not place ("officials",
// an id new/…, no country) and says which. Sample records written for this test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { createPipeline } from '../../src/pipeline.js';
import { makeDoc, RUS, AFG } from './fixtures.js';
import { makeStore, type TestStore } from './store.js';

let store: TestStore;
let app: FastifyInstance;
const OFFICIALS = { text: 'Officials', name: 'Officials', id: 'new/gov', code: 'GOV', country: null as unknown as string, kind: 'group' as const };
const ARMY = { text: 'Afghan forces', name: 'forces', id: 'new/afg-mil', code: 'AFGMIL', country: 'AFG', kind: 'group' as const };

before(async () => {
  store = await makeStore();
  const ev = (actor: typeof RUS, recipient: typeof RUS, sentence: string) => ({ sentence, actor, trigger: 'met', recipient, cameo: '040', event: 'CONSULT', quad: 1 as const, goldstein: 1, date: '2025-01-10' });
  await store.store.saveDoc(makeDoc({
    id: 'net-1', url: 'https://samples.entente.invalid/net/1', title: 'Talks', published: '2025-01-10',
    events: [
      ev(OFFICIALS, RUS, 'Officials met Russia.'), ev(OFFICIALS, AFG, 'Officials met the Taliban.'), ev(OFFICIALS, RUS, 'Officials met Russia again.'),
      ev(RUS, AFG, 'Russia met the Taliban.'), ev(ARMY, RUS, 'Afghan forces met Russia.'),
    ],
  }));
  app = buildServer({ store: store.store, pipeline: () => createPipeline() });
});
after(async () => {
  await app?.close();
  await store.cleanup();
});

test('network: a generic actor with no country is left out and named in `hidden`; a generic actor with a country stays', async () => {
  const r = await app.inject({ method: 'GET', url: '/api/network?top=3' });
  assert.equal(r.statusCode, 200);
  const net = r.json() as { nodes: { id: string }[]; edges: { source: string }[]; hidden: string[] };
  assert.deepEqual(net.nodes.map((n) => n.id).sort(), ['AFG', 'RUS', 'new/afg-mil']);
  assert.deepEqual(net.hidden, ['Officials']);
  assert.ok(net.edges.every((e) => e.source !== 'new/gov'));
});

test('network: a generic actor ranked below every node shown is named in `hidden` when fewer than `top` others are found', async () => {
  const DIPLOMATS = { text: 'Diplomats', name: 'Diplomats', id: 'new/diplomats', code: 'GOV', country: null as unknown as string, kind: 'group' as const };
  const ev = (actor: typeof RUS, recipient: typeof RUS, sentence: string) => ({ sentence, actor, trigger: 'met', recipient, cameo: '040', event: 'CONSULT', quad: 1 as const, goldstein: 1, date: '2026-05-01' });
  await store.store.saveDoc(makeDoc({
    id: 'net-2', url: 'https://samples.entente.invalid/net/2', title: 'More talks', published: '2026-05-01',
    events: [ev(RUS, AFG, 'Russia met the Taliban.'), ev(RUS, AFG, 'Russia met the Taliban again.'), ev(DIPLOMATS, RUS, 'Diplomats met Russia.')],
  }));
  const r = await app.inject({ method: 'GET', url: '/api/network?top=10&since=2026-01-01' });
  assert.equal(r.statusCode, 200);
  const net = r.json() as { nodes: { id: string }[]; hidden: string[] };
  assert.deepEqual(net.nodes.map((n) => n.id).sort(), ['AFG', 'RUS']);
  assert.deepEqual(net.hidden, ['Diplomats']);
});
