import type { DatedDoc, EventRecord, Quote } from '../types.js';
// STUB (issue 5): replaced by the events work.
export function codeEvents(_doc: DatedDoc): { quotes: Quote[]; events: EventRecord[] } {
  return { quotes: [], events: [] };
}
