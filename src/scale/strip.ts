// Tokens are dropped from a coded document before it leaves the coding thread: the store does not
// keep them and they are most of the cost of cloning a document to another thread.
import type { CodedDoc } from '../types.js';

export function stripTokens(doc: CodedDoc): CodedDoc {
  return { ...doc, sentences: doc.sentences.map((s) => ({ ...s, tokens: [] })) };
}
