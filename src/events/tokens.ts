// Token view of a sentence for the coder: the text stage's wink tokens when present, else a
// plain word/punctuation split (the text stage may hand over a sentence without tokens).
import type { Sentence, Token } from '../types.js';

export interface Tok {
  text: string;
  /** lower-cased text, curly apostrophes straightened */
  low: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  negated: boolean;
}

const WORD = /[A-Za-z\u00C0-\u024F]+(?:[’'.\-][A-Za-z\u00C0-\u024F]+)*|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]/g;

export function sentenceTokens(s: Sentence, docText: string): Tok[] {
  if (s.tokens && s.tokens.length) return s.tokens.filter((t) => t.type !== 'whitespace').map(fromToken);
  const out: Tok[] = [];
  const text = docText.slice(s.start, s.end);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const low = m[0].toLowerCase().replace(/’/g, "'");
    out.push({ text: m[0], low, lemma: low, pos: /^[A-Za-z]/.test(m[0]) ? '' : /^\d/.test(m[0]) ? 'NUM' : 'PUNCT', start: s.start + m.index, end: s.start + m.index + m[0].length, negated: false });
  }
  return out;
}

function fromToken(t: Token): Tok {
  const low = t.text.toLowerCase().replace(/’/g, "'");
  return { text: t.text, low, lemma: (t.lemma || low).toLowerCase(), pos: t.pos || '', start: t.start, end: t.end, negated: !!t.negated };
}
