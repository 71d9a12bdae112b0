// A token trie over lower-cased alias token sequences, built once at load: recognition walks it
// from each text token and keeps the longest phrase whose letter case fits (see caseFits).

export interface Tok { text: string; key: string; start: number; end: number }
/** a: any case; C: initial capital required ("Georgia"); U: all upper case required (acronyms: "US", "WHO") */
export type Cls = 'a' | 'C' | 'U';
export interface AliasTok { key: string; cls: Cls }

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu; // the reference definition tokenize() implements

const ASCII = /^[\x20-\x7e]*$/;
export function normKey(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").replace(/[‐‑–]/g, '-').toLowerCase();
}

const WORDCH = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;

/** Words (letters, marks, digits) and single punctuation characters, with offsets. A hand-written
 * scanner: the ASCII path avoids a Unicode regex per character; other characters fall back to it. */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  const kind = (c: number, ch: string): 0 | 1 | 2 => {
    // 0 space, 1 word character, 2 punctuation
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1;
      return c === 32 || (c >= 9 && c <= 13) ? 0 : 2;
    }
    return WORDCH.test(ch) ? 1 : SPACE.test(ch) ? 0 : 2;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    // a surrogate pair is one character
    const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const k = kind(c, text.slice(i, i + w));
    if (k === 0) { i += w; continue; }
    const start = i;
    i += w;
    if (k === 1) {
      while (i < n) {
        const d = text.charCodeAt(i);
        const w2 = d >= 0xd800 && d <= 0xdbff && i + 1 < n ? 2 : 1;
        if (kind(d, d < 128 ? '' : text.slice(i, i + w2)) !== 1) break;
        i += w2;
      }
    }
    const t = text.slice(start, i);
    out.push({ text: t, key: normKey(t), start, end: i });
  }
  return out;
}

/** Tokens of a KB phrase with the case each needs. `caseless` for lower-case lexicon words (titles, sector words). */
export function aliasTokens(phrase: string, caseless = false): AliasTok[] {
  return tokenize(phrase).map((t) => {
    let cls: Cls = 'a';
    if (!caseless && /\p{Lu}/u.test(t.text)) {
      const letters = t.text.replace(/[^\p{L}]/gu, '');
      cls = letters.length >= 2 && letters === letters.toUpperCase() ? 'U' : 'C';
    }
    return { key: t.key, cls };
  });
}

const isUpperWord = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

export function caseFits(cls: Cls, text: string): boolean {
  if (cls === 'a') return true;
  if (cls === 'U') return isUpperWord(text);
  const code = text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  const c = text[0]!;
  return c !== c.toLowerCase() || /^\p{N}/u.test(text);
}

// cls: one Cls letter per token as a string ("CC"), not an array: ~22k phrases, one array each otherwise
interface Node<V> { next: Map<string, Node<V>> | null; vals: { cls: string; v: V }[] | null }

export class Trie<V> {
  private root: Node<V> = { next: null, vals: null };
  size = 0;

  add(toks: AliasTok[], v: V): void {
    if (!toks.length) return;
    let n = this.root;
    for (const t of toks) {
      n.next ??= new Map();
      let c = n.next.get(t.key);
      if (!c) n.next.set(t.key, (c = { next: null, vals: null }));
      n = c;
    }
    n.vals ??= [];
    n.vals.push({ cls: toks.map((t) => t.cls).join(''), v });
    this.size++;
  }

  /** Exact lookup of a phrase's token keys (case ignored): for `kb lookup`. */
  get(keys: string[]): V[] {
    let n: Node<V> | undefined = this.root;
    for (const k of keys) { n = n.next?.get(k); if (!n) return []; }
    return n.vals?.map((x) => x.v) ?? [];
  }

  /**
   * The longest phrase starting at toks[i] (not past `limit`) whose case fits: [end index (exclusive), values].
   * `allCaps` relaxes 'C' for shouted text (datelines, headlines): "CANBERRA" matches "Canberra".
   */
  longest(toks: Tok[], i: number, limit = toks.length, filter?: (v: V) => boolean): [number, V[]] | null {
    let n: Node<V> | undefined = this.root;
    let bestNode: Node<V> | null = null;
    let bestEnd = -1;
    // walk without allocating; collect the values of the longest fitting node only
    for (let j = i; j < limit; j++) {
      n = n.next?.get(toks[j]!.key);
      if (!n) break;
      if (n.vals) {
        for (const x of n.vals) if (this.fits(toks, i, x.cls, x.v, filter)) { bestNode = n; bestEnd = j + 1; break; }
      }
    }
    if (!bestNode) return null;
    const ok: V[] = [];
    for (const x of bestNode.vals!) if (this.fits(toks, i, x.cls, x.v, filter)) ok.push(x.v);
    return [bestEnd, ok];
  }

  private fits(toks: Tok[], i: number, cls: string, v: V, filter?: (v: V) => boolean): boolean {
    for (let k = 0; k < cls.length; k++) if (!caseFits(cls[k] as Cls, toks[i + k]!.text)) return false;
    return !filter || filter(v);
  }


}
