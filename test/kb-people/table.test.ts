// The office-holder table builder (scripts/kb/build-people-table.mjs), run on a small knowledge base and
// table written here as samples (invented people and the invented states AAA and BBB), and a check that the
// shipped data/kb/people/world-table.json is what scripts/kb/people-table.txt builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'kb', 'build-people-table.mjs');

interface Role { office: string; country: string; start: string | null; end: string | null; title?: string }
interface Person { id: string; name: string; aliases?: string[]; gender?: string; country: string; surname?: string; roles: Role[]; sources: string[] }

function build(table: string): { status: number | null; out: string; people: Person[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kb-table-'));
  try {
    mkdirSync(join(dir, 'people'));
    writeFileSync(join(dir, 'states.json'), JSON.stringify([{ id: 'AAA', name: 'Aland' }, { id: 'BBB', name: 'Bland' }]));
    writeFileSync(join(dir, 'offices.json'), JSON.stringify(['president', 'prime_minister', 'foreign_minister', 'secretary_general'].map((id) => ({ id }))));
    writeFileSync(join(dir, 'organizations.json'), JSON.stringify([{ id: 'org/sample-igo', name: 'Sample Organisation' }]));
    writeFileSync(join(dir, 'people', 'hand.json'), JSON.stringify([
      { id: 'person/hanna-hand', name: 'Hanna Hand', country: 'AAA', sources: ['sample'], roles: [{ office: 'president', country: 'AAA', start: '2010', end: null }] },
      { id: 'person/frank-given', name: 'Frank Given', country: 'BBB', sources: ['sample'], roles: [] },
      { id: 'person/frank-other', name: 'Frank Other', country: 'BBB', sources: ['sample'], roles: [] },
    ]));
    writeFileSync(join(dir, 'table.txt'), table);
    const r = spawnSync(process.execPath, [SCRIPT, `--kb=${dir}`, `--table=${join(dir, 'table.txt')}`], { encoding: 'utf8' });
    let people: Person[] = [];
    try { people = JSON.parse(readFileSync(join(dir, 'people', 'world-table.json'), 'utf8')) as Person[]; } catch { /* failed build */ }
    return { status: r.status, out: r.stdout + r.stderr, people };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('lines of one name become one person with several roles, sourced, with title and aliases', () => {
  const { status, people } = build([
    '@source sample source',
    'AAA|prime_minister|Ödön Példa|2001-02-03|2004|m|Odon Pelda',
    'AAA|foreign_minister|Ödön Példa|2005|2006-07|m',
    'BBB|president|Maria Muster|2012-01-01||f||Acting President',
  ].join('\n'));
  assert.equal(status, 0);
  const p = people.find((x) => x.name === 'Ödön Példa')!;
  assert.equal(p.id, 'person/odon-pelda');
  assert.deepEqual(p.roles.map((r) => [r.office, r.start, r.end, r.title]), [['prime_minister', '2001-02-03', '2004', 'Prime Minister'], ['foreign_minister', '2005', '2006-07', 'Foreign Minister']]);
  assert.deepEqual(p.aliases, ['Odon Pelda']);
  assert.deepEqual(p.sources, ['sample source']);
  assert.equal(people.find((x) => x.name === 'Maria Muster')?.roles[0]?.title, 'Acting President');
  assert.equal(people.find((x) => x.name === 'Maria Muster')?.roles[0]?.end, null);
});

test('office@org writes a role of an international organisation (country IGO)', () => {
  const { status, people } = build('@source s\nAAA|secretary_general@org/sample-igo|Ida Intl|2000|2005|f||Secretary-General\n');
  assert.equal(status, 0);
  assert.deepEqual(people[0]?.roles[0], { office: 'secretary_general', country: 'IGO', org: 'org/sample-igo', start: '2000', end: '2005', title: 'Secretary-General' });
  assert.equal(build('@source s\nAAA|secretary_general@org/none|Ida Intl|2000|2005|f\n').status, 1);
});

test('a person the hand-written files hold is not written again, and the build says so', () => {
  const { status, out, people } = build('@source s\nAAA|president|Hanna Hand|2010||f\n');
  assert.equal(status, 0);
  assert.equal(people.length, 0);
  assert.match(out, /skipped AAA\|hanna hand/);
});

test('a last name that is a given name of two KB people names the person only in full', () => {
  const { people } = build('@source s\nBBB|president|Anna Frank|2000|2001|f\nBBB|president|Otto Ordinary|2001|2002|m\n');
  assert.equal(people.find((x) => x.name === 'Anna Frank')?.surname, 'Anna Frank');
  assert.equal(people.find((x) => x.name === 'Otto Ordinary')?.surname, undefined);
});

test('a bad line fails the build with the line number named', () => {
  for (const bad of ['ZZZ|president|A B|2000||m', 'AAA|pope|A B|2000||m', 'AAA|president|A B|20001||m', 'AAA|president|A B|2000||x']) {
    const { status, out } = build(`@source s\n${bad}\n`);
    assert.notEqual(status, 0, bad);
    assert.match(out, /table\.txt:2/);
  }
  const { status, out } = build('AAA|president|A B|2000||m\n');
  assert.notEqual(status, 0);
  assert.match(out, /no @source/);
});

test('the shipped world-table.json is what people-table.txt builds (rebuild after editing the table)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-table-ship-'));
  try {
    cpSync(join(ROOT, 'data', 'kb'), dir, { recursive: true });
    const r = spawnSync(process.execPath, [SCRIPT, `--kb=${dir}`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'people', 'world-table.json'), 'utf8'), readFileSync(join(ROOT, 'data', 'kb', 'people', 'world-table.json'), 'utf8'),
      'data/kb/people/world-table.json is stale: run node scripts/kb/build-people-table.mjs');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
