import type { Mention, SentencedDoc } from '../types.js';
// STUB (issue 3): replaced by the actors work.
export interface KnowledgeBase { readonly loaded: true }
export function loadKB(_dir?: string): KnowledgeBase {
  return { loaded: true };
}
export function recognizeActors(_doc: SentencedDoc, _kb: KnowledgeBase): Mention[] {
  return [];
}
