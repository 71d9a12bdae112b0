// Golden cases (test/events/fixtures/cases.json: sample sentences written for entente, with the
// substrings the actors stage would mark). Each expected field is compared when present.
// `UPDATE=1 node scripts/run-tests.mjs events/fixtures` rewrites the expectations from the current
// output: review the diff before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeEvents } from '../../src/events/index.js';
import { makeDoc, E, type Ent } from './helpers.js';

const FILE = fileURLToPath(new URL('./fixtures/cases.json', import.meta.url));
interface Case { slug: string; note?: string; text: string; marks: Array<[string, string]>; expect: Array<Record<string, unknown>> }
const cases = JSON.parse(readFileSync(FILE, 'utf8')) as Case[];
const ENTS: Record<string, Ent> = { ...E, JPN: { id: 'JPN', kind: 'state', cc: 'JPN', code: 'JPN', name: 'Japan' }, TWN: { id: 'TWN', kind: 'state', cc: 'TWN', code: 'TWN', name: 'Taiwan' } };

function view(text: string, marks: Case['marks']) {
  const doc = makeDoc(text, marks.map(([s, k]) => [s, ENTS[k]!] as [string, Ent]), '2026-05-14');
  return codeEvents(doc).events.map((e) => ({
    event: e.event, actor: e.actor.map((a) => a.id), recipient: e.recipient.map((a) => a.id),
    modality: e.modality, negated: e.negated, speaker: e.speaker?.id ?? null, cameo: e.cameo,
  }));
}

if (process.env.UPDATE === '1') {
  for (const c of cases) c.expect = view(c.text, c.marks);
  writeFileSync(FILE, JSON.stringify(cases, null, 2) + '\n');
}

for (const c of cases) {
  test(`fixture ${c.slug}`, () => {
    const got = view(c.text, c.marks);
    for (const exp of c.expect) {
      const hit = got.find((g) => Object.entries(exp).every(([k, v]) => JSON.stringify((g as Record<string, unknown>)[k]) === JSON.stringify(v)));
      assert.ok(hit, `${c.slug}: expected ${JSON.stringify(exp)} among ${JSON.stringify(got)}`);
    }
  });
}
