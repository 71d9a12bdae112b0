import type { Message, Sentence, TimeExpr } from '../types.js';
// STUB (issue 4): replaced by the time work.
export function extractTimes(_text: string, _refDate: string | null, _sentences?: Sentence[]): { times: TimeExpr[]; messages: Message[] } {
  return { times: [], messages: [] };
}
