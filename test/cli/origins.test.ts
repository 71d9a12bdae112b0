// One rule for a record's place in its origin ("x.jsonl:2", "x.warc@512", "x.json[3]",
// "feed.xml#item2"), used by the CLI's no-text line and by ingest's failure reasons; and one rule
// for whether a timeline argument names anything (CLI `timeline` and /api/timeline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutOrigin, isRecordOrigin } from '../../src/errors.js';
import { isKnownActorArg, unknownNamesNote } from '../../src/server/args.js';
import { noTextLine } from '../../src/cli/common.js';

test('isRecordOrigin: records and stdin yes; files, URLs (a port is not a line) no', () => {
  for (const o of ['-', 'x.jsonl:2', 'x.warc@512', 'x.json[3]', 'feed.xml#item2', 'https://site.example/x.json[2]']) assert.equal(isRecordOrigin(o), true, o);
  for (const o of ['a/b.html', 'https://site.example:8080', 'http://127.0.0.1:4000', 'notes.txt']) assert.equal(isRecordOrigin(o), false, o);
  assert.match(noTextLine('x.jsonl:2'), /in this record/);
  assert.match(noTextLine('http://127.0.0.1:4000'), /entente extract http:\/\/127\.0\.0\.1:4000/);
});

test('cutOrigin: the origin is cut whole with its place, or the first path/URL when not given', () => {
  assert.equal(cutOrigin('x.jsonl:2: bad JSON — fix the line', 'x.jsonl'), 'bad JSON — fix the line');
  assert.equal(cutOrigin('x.warc@512: record is truncated', 'x.warc'), 'record is truncated');
  assert.equal(cutOrigin('https://site.example/a: HTTP 404 Not Found'), 'HTTP 404 Not Found');
  assert.equal(cutOrigin('feed.xml#item3: no article text'), 'no article text');
  assert.equal(cutOrigin('no origin here'), 'no origin here');
});

test('isKnownActorArg: codes and ids as given; a name only when the KB resolves it to a known id', () => {
  assert.equal(isKnownActorArg('RUS', []), true);
  assert.equal(isKnownActorArg('AFGGOV', []), true);
  assert.equal(isKnownActorArg('person/sample-person', []), true);
  assert.equal(isKnownActorArg('Russia', ['Russia', 'RUS']), true);
  assert.equal(isKnownActorArg('Narnia', ['Narnia']), false, 'the argument itself is no resolution');
  assert.equal(isKnownActorArg('Narnia Trade Board', ['new/narnia-trade-board']), false);
  assert.equal(unknownNamesNote(['Narnia', 'Oz'], '/api/actors'), '"Narnia" and "Oz": not a name the knowledge base knows — give a country code (RUS), an actor id from /api/actors, or another name');
});
