// Builds a synthetic store for checking the API and UI at scale (not a test; run by hand):
//   node --import tsx test/server/make-big-store.ts /tmp/big.db [articles=2000] [events per article=50]
//   ./bin/entente serve --db /tmp/big.db --port 8766
// The sentences are generated placeholders ("Russia met China in a sample sentence number 3."),
// 20 actors, four event kinds, dates spread over 2015–2025: enough to exercise the aggregation
// and paging paths, not to look like news.
import { openStore } from '../../src/store/index.js';
import { makeDoc, type ActorSpec, type EventSpec } from './fixtures.js';

const [db, nArticles = '2000', perArticle = '50'] = process.argv.slice(2);
if (!db) {
  process.stderr.write('usage: node --import tsx test/server/make-big-store.ts <db> [articles] [events per article]\n');
  process.exit(2);
}
const names = ['Russia', 'China', 'Pakistan', 'India', 'Iran', 'Turkey', 'Qatar', 'Uzbekistan', 'Tajikistan', 'Kazakhstan',
  'Ukraine', 'Israel', 'Egypt', 'Japan', 'France', 'Germany', 'Brazil', 'Kenya', 'Mexico', 'Canada'];
const actors: ActorSpec[] = names.map((n) => ({ text: n, name: n, id: n.slice(0, 3).toUpperCase(), code: n.slice(0, 3).toUpperCase(), country: n.slice(0, 3).toUpperCase() }));
const kinds: [string, string, 1 | 2 | 3 | 4, number, string][] = [['met', '040', 1, 1, 'CONSULT'], ['aided', '070', 2, 7, 'AID'], ['accused', '112', 3, -2, 'ACCUSE'], ['attacked', '190', 4, -10, 'ASSAULT']];
let seed = 1;
const rnd = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n); // deterministic
const store = await openStore(db);
const t0 = Date.now();
for (let d = 0; d < Number(nArticles); d++) {
  const events: EventSpec[] = [];
  for (let i = 0; i < Number(perArticle); i++) {
    const a = actors[rnd(20)]!;
    const b = actors[(actors.indexOf(a) + 1 + rnd(19)) % 20]!;
    const [trigger, cameo, quad, goldstein, event] = kinds[rnd(4)]!;
    const date = `${2015 + rnd(11)}-${String(1 + rnd(12)).padStart(2, '0')}-${String(1 + rnd(28)).padStart(2, '0')}`;
    events.push({ sentence: `${a.text} ${trigger} ${b.text} in a sample sentence number ${i}.`, actor: a, trigger, recipient: b, cameo, event, quad, goldstein, date });
  }
  await store.saveDoc(makeDoc({ id: `big-${d}`, url: `https://samples.entente.invalid/big/${d}`, title: `Synthetic article ${d}`, published: '2026-01-01', events }));
}
process.stderr.write(`${(await store.stats()).events} events in ${db} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
await store.close();
