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
  if (s.tokens && s.tokens.length) {
    // one pass, one array (was filter + map: this runs for every sentence of every article)
    const toks: Tok[] = [];
    for (const t of s.tokens) if (t.type !== 'whitespace') toks.push(fromToken(t));
    return toks;
  }
  const out: Tok[] = [];
  const text = docText.slice(s.start, s.end);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const low = straighten(m[0].toLowerCase());
    out.push({ text: m[0], low, lemma: low, pos: LETTER_START.test(m[0]) ? '' : DIGIT_START.test(m[0]) ? 'NUM' : 'PUNCT', start: s.start + m.index, end: s.start + m.index + m[0].length, negated: false });
  }
  return out;
}

// Constants, not literals in the functions: V8 builds a RegExp object each time a literal is
// evaluated, and these run per token.
const CURLY_APOSTROPHE = /’/g; // only with replace, which starts a global regex at 0 every call
const LETTER_START = /^[A-Za-z]/;
const DIGIT_START = /^\d/;
/** Curly apostrophes straightened; the same string when it holds none (most tokens). */
const straighten = (s: string): string => (s.includes('’') ? s.replace(CURLY_APOSTROPHE, "'") : s);

function fromToken(t: Token): Tok {
  const low = straighten(t.text.toLowerCase());
  return { text: t.text, low, lemma: (t.lemma || low).toLowerCase(), pos: t.pos || '', start: t.start, end: t.end, negated: !!t.negated };
}
