// Session-4 round 3: an association, foundation, federation or society the KB lacks is a non-governmental body
// (CAMEO NGO). Sample sentences written for this test (not from any article or gold set); shipped KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../src/types.js';
import { recognizeSample } from './helpers.js';

const find = (ms: Mention[], text: string) => ms.find((m) => m.text === text);

test('an unknown association or foundation with no state before it is an NGO; "of" + capitalised words belong to its name', () => {
  const a = find(recognizeSample('Lawyers from the Association of Andean Notaries visited the detained journalists.'), 'Association of Andean Notaries');
  assert.equal(a?.entity?.code, 'NGO');
  assert.equal(a?.entity?.country_code, null);
  // a KB word inside the name does not cut it
  assert.equal(find(recognizeSample('The secretary general of the Association of European Airlines criticised the tax.'), 'Association of European Airlines')?.entity?.code, 'NGO');
  assert.equal(find(recognizeSample('The Marlow Heritage Foundation said it would fund the clinic.'), 'Marlow Heritage Foundation')?.entity?.code, 'NGO');
});

test('a state named right before the association (adjective or possessive) keeps it that state\'s body, not an NGO', () => {
  for (const s of ['The Swiss Bankers Association said on Monday that deposits fell.', "Canada's Dairy Farmers Association said prices would rise."]) {
    const ms = recognizeSample(s);
    assert.ok(!ms.some((m) => m.entity?.code === 'NGO'), ms.map((m) => `${m.text}=${m.entity?.code}`).join('|'));
  }
});
