// The CountryInfo generator's rules (scripts/kb/people-from-countryinfo.ts), run on a small knowledge base
// and office-holder table written here as samples (invented people and the invented states AAA and BBB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'kb', 'people-from-countryinfo.ts');

interface Role { office: string; country: string; start: string | null; end: string | null; title?: string; note?: string }
interface Person { id: string; name: string; aliases?: string[]; country: string; surname?: string; roles: Role[]; sources: string[] }

const row = (country: string, name: string, role: string, start: string | null, end: string | null, section: 'Leaders' | 'Government') =>
  JSON.stringify({ country, name, role, code: null, start, end, start_open: start === null, end_open: end === null, birth: null, death: null, section });

function run(): Person[] {
  const dir = mkdtempSync(join(tmpdir(), 'kb-people-gen-'));
  try {
    mkdirSync(join(dir, 'people'));
    writeFileSync(join(dir, 'states.json'), JSON.stringify([{ id: 'AAA', name: 'Aland' }, { id: 'BBB', name: 'Bland' }]));
    writeFileSync(join(dir, 'offices.json'), JSON.stringify([{ id: 'president', titles: ['president'] }]));
    // the hand-written file: authoritative for the people it names and the terms it gives
    writeFileSync(join(dir, 'people', 'hand.json'), JSON.stringify([
      { id: 'person/hanna-handwritten', name: 'Hanna Handwritten', country: 'AAA', gender: 'f', sources: ['sample'],
        roles: [{ office: 'president', country: 'AAA', start: '2012-03-01', end: null }] },
      { id: 'person/late-larry', name: 'Late Larry', country: 'AAA', gender: 'm', sources: ['sample'],
        roles: [{ office: 'prime_minister', country: 'AAA', start: '2014-01-01', end: null }] },
    ]));
    const table = [
      row('AAA', 'MARY EXAMPLE', 'Presidents', '2004-05-01', null, 'Leaders'), // open: closes when Hanna starts
      row('AAA', 'HANNA HANDWRITTEN', 'Minister of Interior', '2005-01-01', '2008-01-31', 'Government'), // hand person: skipped
      row('AAA', 'OLGA OPEN', 'Prime ministers', '2009-02-01', null, 'Leaders'), // successor only in 2014: ends at the last update
      row('BBB', '{PETER PROBE }{PETER P. PROBE }', 'Minister of Foreign Affairs', '2003-01-01', '2003-09-30', 'Government'),
      row('BBB', '{PETER PROBE }', 'Minister of Foreign Affairs', '2003-11-01', '2005-06-30', 'Government'), // a missing edition, not a new term
      row('BBB', 'DORA DEFENCE', 'Minister of Defense', '2005-01-01', '2008-12-31', 'Government'),
      row('BBB', 'ACTING ANDY', 'Minister of Defense', '2006-02-01', '2006-03-31', 'Government'), // inside Dora's term: dropped
      row('BBB', 'MULTI MARTA', 'Minister of Finance & Minister of Health', '2004-01-01', '2006-01-01', 'Government'), // which post? unknowable
      row('BBB', 'OLD OSCAR', 'Prime ministers', '1950-01-01', '1959-01-01', 'Leaders'), // ended before 1960
      row('BBB', 'EIGHTIES EDNA', 'Prime ministers', '1985-01-01', '1990-01-01', 'Leaders'), // ended after 1980: kept
      row('BBB', 'SIXTIES SAM', 'Prime ministers', '1965-01-01', '1970-01-01', 'Leaders'), // kept, named only in full
      row('BBB', 'REVOLUTIONARY COUNCIL', 'Heads of state', '1979-01-01', '1981-01-01', 'Leaders'), // a body, no person
      row('BBB', 'FRANK FIRSTNAME', 'Presidents', '1991-01-01', '1995-01-01', 'Leaders'), // "Frank" is a given name twice below
      row('BBB', 'EDGAR FRANK', 'Prime ministers', '1992-01-01', '1993-01-01', 'Leaders'),
      row('AAA', 'FRANK OTHER', 'Minister of Defense', '2004-01-01', '2005-01-01', 'Government'),
      row('BBB', 'EARLY ERNST', 'Minister for Home Affairs', null, '2008-02-29', 'Government'), // in office at the first snapshot
      row('BBB', 'HUSSEIN', 'Kings', '1990-01-01', '1999-02-07', 'Leaders'), // a one-word regnal name
      row('CCC', 'NOT A STATE', 'Presidents', '2000-01-01', '2004-01-01', 'Leaders'), // country not in states.json
    ].join('\n');
    writeFileSync(join(dir, 'officeholders.jsonl'), table + '\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, join(dir, 'officeholders.jsonl'), join(dir, 'no-phoenix.jsonl'), `--kb=${dir}`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(readFileSync(join(dir, 'people', 'countryinfo-2011.json'), 'utf8')) as Person[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const out = run();
const byName = (n: string) => out.find((p) => p.name === n);

test('hand-written people are not generated again; unmappable or out-of-range rows are skipped', () => {
  assert.equal(byName('Hanna Handwritten'), undefined);
  assert.equal(byName('Multi Marta'), undefined);
  assert.equal(byName('Old Oscar'), undefined);
  assert.equal(byName('Not A State'), undefined);
  assert.ok(out.every((p) => p.sources.length > 0 && p.sources[0]!.includes('countryinfo')));
});

test('leaders whose term ended from 1960 on are kept (late-1980s news names them)', () => {
  assert.deepEqual(byName('Eighties Edna')?.roles.map((r) => [r.office, r.start, r.end]), [['prime_minister', '1985-01-01', '1990-01-01']]);
});

test('an open term ends when the next known holder starts', () => {
  assert.deepEqual(byName('Mary Example')?.roles.map((r) => [r.office, r.start, r.end]), [['president', '2004-05-01', '2012-03-01']]);
});

test('an open term without a successor by mid-2012 ends at the last update, with a note', () => {
  const r = byName('Olga Open')?.roles[0];
  assert.equal(r?.end, '2011-12');
  assert.match(r?.note ?? '', /not recorded/);
});

test('snapshot dates are months, missing editions merge, name variants become aliases', () => {
  const p = byName('Peter Probe');
  assert.deepEqual(p?.roles.map((r) => [r.office, r.start, r.end]), [['foreign_minister', '2003-01', '2005-06']]);
  assert.deepEqual(p?.aliases, ['Peter P. Probe']);
});

test('an acting term inside another holder\'s term is dropped', () => {
  assert.equal(byName('Acting Andy'), undefined);
  assert.deepEqual(byName('Dora Defence')?.roles.map((r) => [r.start, r.end]), [['2005-01', '2008-12']]);
});

test('a one-word regnal name is written with the title and kept as the surname', () => {
  const k = byName('King Hussein');
  assert.equal(k?.surname, 'Hussein');
  assert.equal(k?.roles[0]?.title, 'King');
});

test('a last name that is also a given name in the KB names the person only in full', () => {
  assert.equal(byName('Edgar Frank')?.surname, 'Edgar Frank');
  assert.equal(byName('Frank Firstname')?.surname, undefined);
});

test('a single-holder term already open at the first CIA snapshot starts there, with a note', () => {
  const r = byName('Early Ernst')?.roles[0];
  assert.deepEqual([r?.office, r?.start, r?.end], ['interior_minister', '2003-01', '2008-02']);
  assert.match(r?.note ?? '', /first CountryInfo snapshot/);
});

test('a leader gone before 1995 is named only in full; a council in the leaders\' list is no person', () => {
  assert.equal(byName('Sixties Sam')?.surname, 'Sixties Sam');
  assert.equal(byName('Eighties Edna')?.surname, 'Eighties Edna');
  assert.equal(byName('Revolutionary Council'), undefined);
});

test('a minister of the table (no head of state or government) is named only in full', () => {
  assert.equal(byName('Dora Defence')?.surname, 'Dora Defence');
  assert.equal(byName('Mary Example')?.surname, undefined);
});
