import type { RawDocument } from '../types.js';
// STUB (issue 2): replaced by the sources work.
export interface SourceOptions {
  /** --date/--url/--title given on the command line (plain text inputs) */
  date?: string | null;
  url?: string | null;
  title?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** fetch the item's page when a feed item carries only a summary */
  fetchFeedPages?: boolean;
}
/** One item of a batch: a document, or a one-line error naming the input and the fix. The batch goes on. */
export type SourceItem = { ok: true; doc: RawDocument } | { ok: false; origin: string; error: Error };

export async function* readInputs(inputs: string[], _opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  for (const i of inputs) yield { ok: false, origin: i, error: new Error(`${i}: sources not implemented yet`) };
}
