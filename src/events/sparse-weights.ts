// A read-only string → number table for the sparse logistic models' weights, kept off the V8
// heap: an open-addressing hash table in typed arrays. A plain object of 57k string keys is a
// dictionary-mode object retaining ~4 MB of every worker's live heap; here the keys' characters,
// their hashes, offsets and weights sit in a few ArrayBuffers (external memory), and the heap
// holds only the handful of typed-array objects. Lookups are exact: a hash match is confirmed by
// comparing every character of the stored key, so colliding keys never read each other's weight.
export class PackedWeights {
  /** slot → entry index + 1 (0: empty); size a power of two, at most half full */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** per entry: full 32-bit hash, offset and length of its key in `chars`, weight */
  private readonly hashes: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly lens: Uint32Array;
  private readonly values: Float64Array;
  /** all keys' UTF-16 code units, end to end: one byte each when every key is Latin-1 */
  private readonly chars: Uint8Array | Uint16Array;
  readonly size: number;

  /** `hashOf` replaces the hash function (for tests that force keys into one bucket). */
  constructor(entries: Iterable<readonly [string, number]>, hashOf: (s: string) => number = fnv1a) {
    const keys: string[] = [], vals: number[] = [];
    let total = 0, wide = false;
    for (const [k, v] of entries) {
      keys.push(k); vals.push(v); total += k.length;
      for (let i = 0; i < k.length && !wide; i++) if (k.charCodeAt(i) > 0xff) wide = true;
    }
    const n = keys.length;
    this.size = n;
    this.hashOf = hashOf;
    let cap = 8;
    while (cap < 2 * n) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.hashes = new Uint32Array(n);
    this.starts = new Uint32Array(n);
    this.lens = new Uint32Array(n);
    this.values = new Float64Array(n);
    this.chars = wide ? new Uint16Array(total) : new Uint8Array(total);
    let off = 0;
    for (let e = 0; e < n; e++) {
      const k = keys[e]!, h = hashOf(k) >>> 0;
      // a repeated key keeps its first weight, as reading the first of duplicates would; a JSON
      // object's entries are unique anyway
      if (this.find(k, h) >= 0) continue;
      this.hashes[e] = h; this.starts[e] = off; this.lens[e] = k.length; this.values[e] = vals[e]!;
      for (let i = 0; i < k.length; i++) this.chars[off + i] = k.charCodeAt(i);
      off += k.length;
      let s = h & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = e + 1;
    }
  }

  private readonly hashOf: (s: string) => number;

  /** entry index of `key` (hash `h`), or -1 */
  private find(key: string, h: number): number {
    const { slots, mask, hashes, starts, lens, chars } = this;
    const len = key.length;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e1 = slots[s]!;
      if (e1 === 0) return -1;
      const e = e1 - 1;
      if (hashes[e] === h && lens[e] === len) {
        const o = starts[e]!;
        let i = 0;
        while (i < len && chars[o + i] === key.charCodeAt(i)) i++;
        if (i === len) return e;
      }
    }
  }

  /** The weight of `key`, or undefined when the table has none. */
  get(key: string): number | undefined {
    const e = this.find(key, this.hashOf(key) >>> 0);
    return e < 0 ? undefined : this.values[e];
  }

  has(key: string): boolean { return this.find(key, this.hashOf(key) >>> 0) >= 0; }
}

/** 32-bit FNV-1a over the UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
