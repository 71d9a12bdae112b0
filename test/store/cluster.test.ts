// The rules that decide whether two reports are the same real-world event (src/store/derive.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterSig, sameEvent } from '../../src/store/derive.js';
import type { EventRecord } from '../../src/types.js';
import { kazanReport } from './helpers.js';

function rec(day: string, extra: Parameters<typeof kazanReport>[4] = {}): EventRecord {
  return kazanReport(`r-${day}`, `https://x.example/${day}`, 'X', day, extra).events[0]!;
}

test('reports within ±3 days with the same dyad, type and trigger are the same event', () => {
  assert.ok(sameEvent(rec('2026-05-12'), rec('2026-05-15')));
  assert.ok(!sameEvent(rec('2026-05-12'), rec('2026-05-16')));
});

test('a month-precision report is not linked to a day-precision one', () => {
  assert.ok(!sameEvent(rec('2026-05-12'), rec('2026-05', { precision: 'month' })));
  assert.ok(sameEvent(rec('2026-05', { precision: 'month' }), rec('2026-05', { precision: 'month' })));
});

test('a catch-all CAMEO code needs the same trigger word; a specific code does not', () => {
  assert.ok(!sameEvent(rec('2026-05-12', { cameo: '040', trigger: 'met' }), rec('2026-05-12', { cameo: '040', trigger: 'Kazan' })));
  assert.ok(sameEvent(rec('2026-05-12', { cameo: '042', trigger: 'met' }), rec('2026-05-12', { cameo: '042', trigger: 'Kazan' })));
});

test('without a recipient, a specific code still needs the same trigger word', () => {
  const a = rec('2026-05-12', { recipient: [], cameo: '051', trigger: 'met' });
  const b = rec('2026-05-12', { recipient: [], cameo: '051', trigger: 'Kazan' });
  assert.ok(!sameEvent(a, b));
  assert.ok(sameEvent(a, rec('2026-05-13', { recipient: [], cameo: '051', trigger: 'met' })));
});

test('two different named people on the same side are different actors', () => {
  const a = rec('2026-05-12', { actor: ['LAV'] });
  const b = rec('2026-05-12', { actor: ['LAV'] });
  b.actor[0] = { ...b.actor[0]!, id: 'person/someone-else', name: 'Someone Else' };
  assert.ok(!sameEvent(a, b));
  assert.ok(sameEvent(a, rec('2026-05-12', { actor: ['RUS'] })));
});

test('negation, another place, another sector or another recipient keeps reports apart', () => {
  assert.ok(!sameEvent(rec('2026-05-12'), rec('2026-05-12', { negated: true })));
  assert.ok(!sameEvent(rec('2026-05-12'), rec('2026-05-12', { loc: { name: 'Kabul', country_code: 'AFG' } })));
  assert.ok(sameEvent(rec('2026-05-12'), rec('2026-05-12', { loc: null })));
  assert.ok(!sameEvent(rec('2026-05-12', { actor: ['LAV'] }), rec('2026-05-12', { actor: ['LAV'], recipient: ['UKR'] })));
  const a = rec('2026-05-12', { actor: ['LAV'] });
  const b = rec('2026-05-12', { actor: ['LAV'] });
  b.actor[0] = { ...b.actor[0]!, sector: 'MIL' };
  assert.ok(!sameEvent(a, b));
});

test('undated reports and reports whose actors have no country are never linked', () => {
  assert.equal(clusterSig(rec('2026-05-12', { date: null })), null);
  const r = rec('2026-05-12');
  r.actor = [{ ...r.actor[0]!, id: 'new/police', country_code: null, code: 'COP' }];
  assert.equal(clusterSig(r), null);
  assert.ok(!sameEvent(r, r));
});
