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

// The trie lives in typed arrays, whose backing stores are off the V8 heap: a worker's major GCs do not
// mark ~60k trie nodes (as Maps and objects they were ~11 MB of a worker's heap), and the arrays do not count
// against the worker's old-generation cap. While the KB loads, add() appends nodes to flat lists (one Map
// finds a node's child); the first lookup (or freeze()) packs them. Values keep their order of addition.

/** The packed form. Node 0 is the root; a node's children are edges [childStart[n], childStart[n+1]),
 * sorted by token id; its values are [valStart[n], valStart[n+1]) of `vals` with their case classes. */
interface Packed<V> {
  /** token key → token id (the only per-token structure left on the heap) */
  ids: Map<string, number>;
  /** token id → child of the root, -1 if none: the root has most of the edges and every walk starts there */
  rootChild: Int32Array;
  childStart: Uint32Array;
  edgeTok: Int32Array;
  edgeNode: Int32Array;
  valStart: Uint32Array;
  /** index into clsTable: one Cls letter per token ("CC"); few distinct patterns */
  valCls: Uint16Array;
  clsTable: string[];
  vals: V[];
}

/** Phrases added so far: node i (0 the root) hangs below parent[i] by token id tok[i]. */
interface Building<V> {
  ids: Map<string, number>;
  /** parent * TOK_SPAN + token id → child node */
  edges: Map<number, number>;
  parent: number[];
  tok: number[];
  valNode: number[];
  valCls: string[];
  vals: V[];
}
const TOK_SPAN = 2 ** 21; // more distinct alias tokens than this would be a different KB altogether

export class Trie<V> {
  private building: Building<V> | null = { ids: new Map(), edges: new Map(), parent: [-1], tok: [-1], valNode: [], valCls: [], vals: [] };
  private packed: Packed<V> | null = null;
  size = 0;

  add(toks: AliasTok[], v: V): void {
    if (!toks.length) return;
    const b = this.building;
    if (!b) throw new Error('Trie.add after the trie was packed (add every phrase before the first lookup)');
    let n = 0;
    let cls = '';
    for (const t of toks) {
      let id = b.ids.get(t.key);
      if (id === undefined) b.ids.set(t.key, (id = b.ids.size));
      if (id >= TOK_SPAN) throw new Error(`Trie: more than ${TOK_SPAN} distinct tokens`);
      const k = n * TOK_SPAN + id;
      let c = b.edges.get(k);
      if (c === undefined) {
        b.edges.set(k, (c = b.tok.length));
        b.parent.push(n);
        b.tok.push(id);
      }
      n = c;
      cls += t.cls;
    }
    b.valNode.push(n);
    b.valCls.push(cls);
    b.vals.push(v);
    this.size++;
  }

  /** Packs the phrases into typed arrays (done on first lookup otherwise); no add() afterwards. */
  freeze(): void {
    const b = this.building;
    if (!b) return;
    const nodes = b.tok.length;
    // children grouped by parent (a counting sort), then each group sorted by token id
    const childStart = new Uint32Array(nodes + 1);
    for (let c = 1; c < nodes; c++) childStart[b.parent[c]! + 1]!++;
    for (let i = 0; i < nodes; i++) childStart[i + 1]! += childStart[i]!;
    const fill = childStart.slice(0, nodes);
    const edgeTok = new Int32Array(nodes - 1);
    const edgeNode = new Int32Array(nodes - 1);
    const rootChild = new Int32Array(b.ids.size).fill(-1);
    for (let c = 1; c < nodes; c++) {
      const p = b.parent[c]!, t = b.tok[c]!;
      if (p === 0) rootChild[t] = c;
      const at = fill[p]!++;
      edgeTok[at] = t;
      edgeNode[at] = c;
    }
    // insertion sort per node: below the root (looked up directly) a node has a few children
    for (let n = 1; n < nodes; n++) {
      for (let i = childStart[n]! + 1, end = childStart[n + 1]!; i < end; i++) {
        const t = edgeTok[i]!, c = edgeNode[i]!;
        let j = i - 1;
        for (; j >= childStart[n]! && edgeTok[j]! > t; j--) { edgeTok[j + 1] = edgeTok[j]!; edgeNode[j + 1] = edgeNode[j]!; }
        edgeTok[j + 1] = t;
        edgeNode[j + 1] = c;
      }
    }
    // values grouped by node, in the order they were added
    const nv = b.vals.length;
    const valStart = new Uint32Array(nodes + 1);
    for (let i = 0; i < nv; i++) valStart[b.valNode[i]! + 1]!++;
    for (let i = 0; i < nodes; i++) valStart[i + 1]! += valStart[i]!;
    const vfill = valStart.slice(0, nodes);
    const valCls = new Uint16Array(nv);
    const vals = new Array<V>(nv);
    const clsIds = new Map<string, number>();
    const clsTable: string[] = [];
    for (let i = 0; i < nv; i++) {
      const at = vfill[b.valNode[i]!]!++;
      const cs = b.valCls[i]!;
      let c = clsIds.get(cs);
      if (c === undefined) { clsIds.set(cs, (c = clsTable.length)); clsTable.push(cs); }
      valCls[at] = c;
      vals[at] = b.vals[i]!;
    }
    this.packed = { ids: b.ids, rootChild, childStart, edgeTok, edgeNode, valStart, valCls, clsTable, vals };
    this.building = null;
  }

  private child(p: Packed<V>, node: number, key: string): number {
    const t = p.ids.get(key);
    if (t === undefined) return -1;
    if (node === 0) return p.rootChild[t]!;
    // binary search of the node's sorted edges (most nodes have one or two)
    let lo = p.childStart[node]!, hi = p.childStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = p.edgeTok[mid]!;
      if (m === t) return p.edgeNode[mid]!;
      if (m < t) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  /** Exact lookup of a phrase's token keys (case ignored): for `kb lookup`. */
  get(keys: string[]): V[] {
    this.freeze();
    const p = this.packed!;
    let n = 0;
    for (const k of keys) { n = this.child(p, n, k); if (n < 0) return []; }
    return p.vals.slice(p.valStart[n], p.valStart[n + 1]);
  }

  /**
   * The longest phrase starting at toks[i] (not past `limit`) whose case fits: [end index (exclusive), values].
   * `allCaps` relaxes 'C' for shouted text (datelines, headlines): "CANBERRA" matches "Canberra".
   */
  longest(toks: Tok[], i: number, limit = toks.length, filter?: (v: V) => boolean): [number, V[]] | null {
    this.freeze();
    const p = this.packed!;
    let n = 0;
    let bestNode = -1;
    let bestEnd = -1;
    // walk without allocating; collect the values of the longest fitting node only
    for (let j = i; j < limit; j++) {
      n = this.child(p, n, toks[j]!.key);
      if (n < 0) break;
      for (let x = p.valStart[n]!, end = p.valStart[n + 1]!; x < end; x++) {
        if (this.fits(toks, i, p.clsTable[p.valCls[x]!]!, p.vals[x]!, filter)) { bestNode = n; bestEnd = j + 1; break; }
      }
    }
    if (bestNode < 0) return null;
    const ok: V[] = [];
    for (let x = p.valStart[bestNode]!, end = p.valStart[bestNode + 1]!; x < end; x++) {
      if (this.fits(toks, i, p.clsTable[p.valCls[x]!]!, p.vals[x]!, filter)) ok.push(p.vals[x]!);
    }
    return [bestEnd, ok];
  }

  private fits(toks: Tok[], i: number, cls: string, v: V, filter?: (v: V) => boolean): boolean {
    for (let k = 0; k < cls.length; k++) if (!caseFits(cls[k] as Cls, toks[i + k]!.text)) return false;
    return !filter || filter(v);
  }
}
