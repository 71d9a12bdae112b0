// Session 8: a sentence-initial "He"/"She" continues the previous sentence's subject (centering), not the person
// named last. Sample sentences written for these tests; the shipped KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKB, recognizeActors } from '../../src/actors/index.js';
import { sampleDoc } from './helpers.js';

const real = loadKB();
const pronoun = (text: string, word: string, date = '2026-05-14') => {
  const ms = recognizeActors(sampleDoc(text, date), real);
  return ms.find((m) => m.text === word && m.type === 'pronoun') ?? null;
};

test('"He said" after "X met Y" is X, the previous sentence\'s subject', () => {
  const he = pronoun('The Polish prime minister met Ukrainian President Volodymyr Zelensky in Warsaw. He said Poland would supply more air defence systems to Ukraine.', 'He');
  assert.equal(he?.entity?.country_code, 'POL', `${he?.entity?.name}`);
  const she = pronoun('Lena Marsh, a Canadian diplomat, welcomed Ukrainian President Volodymyr Zelensky to Ottawa. She said the visit was overdue.', 'She');
  assert.notEqual(she?.entity?.name, 'Volodymyr Zelensky');
});

test('a subject named in apposition ("The minister, Theresa May, said: ...") is the one continued', () => {
  const she = pronoun('The Shadow Secretary of State for the Family, Theresa May, said: "These plans were announced by Gordon Brown in December."\n\nShe said the party would announce its own plans.', 'She', '2005-02-01');
  assert.equal(she?.entity?.name, 'Theresa May');
});

test('an opening phrase before the subject is passed over ("Speaking in Kyiv, X thanked Y. He said ...")', () => {
  const a = pronoun('Speaking in Kyiv, President Volodymyr Zelensky thanked Polish Prime Minister Donald Tusk. He said the aid was vital.', 'He');
  assert.equal(a?.entity?.name, 'Volodymyr Zelensky');
  const b = pronoun('After Polish Prime Minister Donald Tusk left, President Volodymyr Zelensky met Ukrainian Foreign Minister Andrii Sybiha. He said the talks went well.', 'He');
  assert.equal(b?.entity?.name, 'Volodymyr Zelensky');
});

test('not centering: a previous sentence whose subject is no person, a pronoun in a quotation', () => {
  // the subject is a state: the person named last stays
  const a = pronoun('Poland welcomed Ukrainian President Volodymyr Zelensky in Warsaw. He said the visit was overdue.', 'He');
  assert.equal(a?.entity?.name, 'Volodymyr Zelensky');
  // a quoted "He" is someone the speaker talks about
  const q = pronoun('Ukrainian President Volodymyr Zelensky praised Donald Tusk on Monday.\n\n"He is a true friend of Ukraine," Zelensky said.', 'He');
  assert.notEqual(q?.entity?.name, 'Volodymyr Zelensky');
});
