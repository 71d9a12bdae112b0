// Actors: the knowledge base (data/kb) and the recogniser that finds, and resolves as of a date,
// the states, governments, organisations, groups and people a document mentions.
import type { Entity, Mention, SentencedDoc } from '../types.js';
import { loadKB as load, type KnowledgeBase } from './kb.js';
import { recognize } from './recognize.js';

export type { KnowledgeBase } from './kb.js';
export { defaultKbDir } from './kb.js';

/** Loads and validates data/kb once per directory (cached); throws DataError naming file, entry and field. */
export function loadKB(dir?: string): KnowledgeBase {
  return load(dir);
}

/** Every actor mention of the document, with spans into doc.text; unresolved ones carry entity null and a message. */
export function recognizeActors(doc: SentencedDoc, kb: KnowledgeBase): Mention[] {
  return recognize(doc, kb);
}

/**
 * What the KB makes of a name or description ("Angela Merkel", "Russian defence minister") at a
 * date (YYYY-MM-DD; default: the latest the KB knows). The mention covering most of the text wins;
 * null when nothing fits — never a guess.
 */
export function lookup(kb: KnowledgeBase, text: string, date: string | null = null): Entity | null {
  const doc: SentencedDoc = {
    id: 'lookup', text, refDate: date, messages: [], english: true,
    article: { id: 'lookup', url: null, canonical_url: null, title: null, published: date, modified: null, authors: [], site: null, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [] },
    sentences: [{ index: 0, start: 0, end: text.length, text, tokens: [] }],
  };
  const ms = recognize(doc, kb, { headlines: false }).filter((m) => m.entity && m.type !== 'pronoun');
  if (!ms.length) return null;
  ms.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  return ms[0]!.entity;
}
