import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, charsetFromContentType } from '../../src/sources/charset.js';

// Sample strings written for these tests (Cyrillic, Latin-1, Japanese).
const ru = 'Министр заявил, что переговоры продолжатся.';
const fr = 'Le ministre a déclaré que les négociations continueront à Genève.';
const ja = '外務大臣は会談が続くと述べた。';
const cp1251 = (s: string) => Buffer.from([...s].map((ch) => {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return c;
  if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0; // А..я
  throw new Error(`no cp1251 byte for ${ch}`);
}));

test('the Content-Type header charset decodes windows-1251', () => {
  const d = decodeBytes(cp1251(`<p>${ru}</p>`), { contentType: 'text/html; charset=windows-1251' });
  assert.equal(d.text, `<p>${ru}</p>`);
  assert.equal(d.encoding, 'windows-1251');
  assert.equal(d.source, 'header');
  assert.equal(d.note, undefined);
});

test('<meta charset> and http-equiv are read when the header says nothing', () => {
  const a = decodeBytes(Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>'), Buffer.from(fr, 'latin1')]));
  assert.ok(a.text.endsWith(fr));
  assert.equal(a.source, 'meta');
  const b = decodeBytes(Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'), cp1251(ru)]));
  assert.ok(b.text.endsWith(ru));
  assert.equal(b.encoding, 'windows-1251');
});

test('a BOM wins over a wrong declaration', () => {
  const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ru)]), { contentType: 'text/html; charset=iso-8859-1' });
  assert.equal(d.text, ru);
  assert.equal(d.source, 'bom');
});

test('declared UTF-8 but the bytes are legacy: falls back and says so', () => {
  const latin = decodeBytes(Buffer.from(fr, 'latin1'), { contentType: 'text/html; charset=utf-8' });
  assert.equal(latin.text, fr);
  assert.equal(latin.encoding, 'windows-1252');
  assert.match(latin.note!, /not valid UTF-8; decoded as windows-1252/);
  const cyr = decodeBytes(cp1251(ru));
  assert.equal(cyr.text, ru);
  assert.equal(cyr.encoding, 'windows-1251');
  assert.match(cyr.note!, /no charset declared/);
});

test('declared a legacy charset but the bytes are valid UTF-8: UTF-8, with a note', () => {
  const d = decodeBytes(Buffer.from(`<meta charset="iso-8859-1"><p>${fr}</p>`));
  assert.ok(d.text.endsWith(`${fr}</p>`));
  assert.equal(d.encoding, 'utf-8');
  assert.match(d.note!, /valid UTF-8/);
});

test('Shift_JIS through TextDecoder; unknown labels fall back with a note', () => {
  // "外務" in Shift_JIS is 8A 4F 96 B1
  const sj = decodeBytes(Buffer.from([0x8a, 0x4f, 0x96, 0xb1]), { contentType: 'text/plain; charset=Shift_JIS' });
  assert.equal(sj.text, '外務');
  const unk = decodeBytes(Buffer.from(ja), { contentType: 'text/html; charset=x-made-up' });
  assert.equal(unk.text, ja);
  assert.match(unk.note!, /unknown charset "x-made-up"/);
  assert.equal(charsetFromContentType('text/html;charset="UTF-8"'), 'utf-8');
});

test('charset labels in Python/Java spelling are understood', () => {
  const d = decodeBytes(Buffer.from('<p>Genève</p>', 'latin1'), { contentType: 'text/html; charset=iso8859_1' });
  assert.equal(d.text, '<p>Genève</p>');
  assert.equal(d.encoding, 'windows-1252'); // WHATWG: latin-1 labels decode as windows-1252
  assert.equal(d.note, undefined);
});
