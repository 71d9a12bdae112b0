// Shared by the actors tests: a document from a sample text (sentences from the real splitter).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../../src/text/sentences.js';
import type { SentencedDoc } from '../../src/types.js';

export const FIXTURE_KB = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kb');

export function sampleDoc(text: string, refDate: string | null): SentencedDoc {
  return {
    id: 'sample', text, refDate, messages: [], english: true, sentences: splitSentences(text),
    article: { id: 'sample', url: null, canonical_url: null, title: null, published: refDate, modified: null, authors: [], site: null, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [] },
  };
}
