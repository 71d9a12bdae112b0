// Shared by the actors tests: a document from a sample text (sentences from the real splitter).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/text/sentences.js';
import { loadKB, recognizeActors } from '../../src/actors/index.js';
import type { Mention, SentencedDoc } from '../../src/types.js';

export const FIXTURE_KB = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kb');

export function sampleDoc(text: string, refDate: string | null): SentencedDoc {
  return {
    id: 'sample', text, refDate, messages: [], english: true, sentences: splitSentences(text),
    article: { id: 'sample', url: null, canonical_url: null, title: null, published: refDate, modified: null, authors: [], site: null, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [] },
  };
}

/** Mentions the shipped KB's recogniser finds in a sample text, each checked to slice the text back. */
export function recognizeSample(text: string, date: string | null = '2016-06-01'): Mention[] {
  const doc = sampleDoc(text, date);
  const ms = recognizeActors(doc, loadKB());
  for (const m of ms) assert.equal(doc.text.slice(m.start, m.end), m.text, 'span slices the text back');
  return ms;
}
