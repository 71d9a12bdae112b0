// Session 4, round 3: "following"/"amid" open a circumstance, not a direct object
// (sample sentences written for these tests, not from any gold set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { E, codeMarked, eventView, type Ent } from './helpers.js';

const MARKS: Array<[string, Ent]> = [['Russia', E.RUS], ['Ukraine', E.UKR], ['Iran', E.IRN]];

test('an actor after "following" or "amid" is the circumstance, not the target', () => {
  for (const s of ['Russia expelled two diplomats on Monday following the Ukraine crisis.', 'Russia expelled two diplomats on Monday amid the Ukraine crisis.']) {
    const a = codeMarked(s, MARKS);
    assert.ok(a.every((e) => !e.recipient.some((r) => r.id === 'UKR')), `${s}: ${eventView(a).join('; ')}`);
  }
});

test('a direct object is still the target', () => {
  const a = codeMarked('Russia expelled two Iran diplomats on Monday.', MARKS);
  assert.ok(a.some((e) => e.recipient.some((r) => r.id === 'IRN')), eventView(a).join('; '));
});
