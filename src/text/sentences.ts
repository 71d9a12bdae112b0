import type { Sentence } from '../types.js';
// placeholder replaced below
export function splitSentences(text: string): Sentence[] {
  return text.length ? [{ index: 0, start: 0, end: text.length, text, tokens: [] }] : [];
}
