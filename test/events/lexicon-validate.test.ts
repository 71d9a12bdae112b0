// The event lexicon is validated at load: a bad data file fails with one line naming the file,
// the entry and the field (sample data files written for these tests in a temporary directory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadLexicon } from '../../src/events/lexicon.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'lexicon');
function withVerbs(verbs: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-lex-'));
  for (const f of ['cameo_codes.json', 'cameo2plover.json', 'plover_types.json']) copyFileSync(join(DATA, f), join(dir, f));
  writeFileSync(join(dir, 'verbs.json'), JSON.stringify(verbs));
  return dir;
}
function loadError(verbs: unknown): string {
  const dir = withVerbs(verbs);
  try {
    loadLexicon(dir);
    return '';
  } catch (e) {
    return (e as Error).message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const ok = { forms: { attacked: [{ lemma: 'attack', block: 'ATTACK', code: '190' }] }, patterns: { ATTACK: [{ before: [], after: [[['with'], ['tanks']]], code: '194' }] } };

test('a well-formed small lexicon loads', () => {
  const dir = withVerbs(ok);
  try {
    const lex = loadLexicon(dir);
    assert.equal(lex.forms.get('attacked')![0]!.code, '190');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad entries fail with one line naming file, entry and field', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ ...ok, forms: { attacked: [{ lemma: 'attack', block: 'ATACK', code: '190' }] } }, /verbs\.json: verb form "attacked" entry 0: field "block" is "ATACK"/],
    [{ ...ok, forms: { attacked: [{ lemma: 'attack', block: 'ATTACK', code: '999' }] } }, /verb form "attacked" entry 0: field "code" is "999"/],
    [{ ...ok, forms: { attacked: [{ block: 'ATTACK', code: '190' }] } }, /entry 0: field "lemma"/],
    [{ ...ok, patterns: { ATTACK: [{ before: [], after: [['with']], code: '194' }] } }, /block "ATTACK" pattern 0: field "after"/],
    [{ ...ok, patterns: { ATTACK: [{ before: [], after: [[['with']]], code: '19x' }] } }, /block "ATTACK" pattern 0: field "code"/],
    [{ forms: ok.forms }, /top level: field "patterns"/],
    // a punctuation form (a "," split out of a comma-separated form list) would make punctuation a trigger
    [{ ...ok, forms: { ...ok.forms, ',': [{ lemma: 'crack down', block: 'ATTACK', code: '190' }] } }, /verb form ",": field "form"/],
    [{ ...ok, forms: { ...ok.forms, 'crack ,': [{ lemma: 'crack down', block: 'ATTACK', code: '190' }] } }, /verb form "crack ,": field "form"/],
  ];
  for (const [verbs, re] of cases) {
    const msg = loadError(verbs);
    assert.match(msg, re);
    assert.ok(!msg.includes('\n'), 'one line');
  }
});

test('an unreadable file names itself', () => {
  const dir = withVerbs({});
  writeFileSync(join(dir, 'verbs.json'), '{ not json');
  try {
    assert.throws(() => loadLexicon(dir), /verbs\.json: cannot read the event lexicon/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
