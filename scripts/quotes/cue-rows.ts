// Training rows of the sparse attribution-cue model, shared by fit-cues.ts and cue-experiment.ts:
// one row per candidate token (verb, noun, adjective) of each sentence of a PolNeAR record's
// document (eval:quotes' cached stages); label: the token heads an annotated cue (the last verb
// inside the cue span; a noun or adjective when it has no verb). `inner` marks the cue span's
// other verbs (a verb before the head, "decided" in "decided to back"): fit-cues.ts leaves them out.
import { datedDoc } from '../../eval/polnear-docs.js';
import { quotedSegments } from '../../src/events/quotes.js';
import { sentenceTokens, type Tok } from '../../src/events/tokens.js';
import type { CueLexicon } from '../../src/events/quotes-cues.js';
import { isCandidate, sparseFeatures } from '../../src/events/quotes-learned.js';

/** The tokens of sentence `s` that head a gold cue (token -> the cue's index in `cues`; the last
 * cue wins a shared head), the cue spans' other verbs (`inner`), and the cues in the sentence
 * without a candidate head (`headless`). */
export function cueHeads(toks: ReadonlyArray<Tok>, cues: ReadonlyArray<readonly [number, number, ...unknown[]]>, s: { start: number; end: number }): { heads: Map<number, number>; inner: Set<number>; headless: number[] } {
  const heads = new Map<number, number>(), inner = new Set<number>(), headless: number[] = [];
  cues.forEach(([a, b], n) => {
    if (b <= s.start || a >= s.end) return;
    let h = -1, hn = -1;
    toks.forEach((t, k) => {
      if (t.start < a || t.end > b) return;
      if (t.pos === 'VERB') { if (h >= 0) inner.add(h); h = k; } else if (isCandidate(t) && hn < 0) hn = k;
    });
    if (h >= 0 || hn >= 0) heads.set(h >= 0 ? h : hn, n);
    else headless.push(n);
  });
  return { heads, inner, headless };
}

export interface CueRow { f: string[]; y: number; noun: boolean; inner: boolean }

/** `tags` (fit-cues.ts --tags, an experiment): the BIO tagger's labels of each sentence
 * (d.sentences order), added to each row as `tg=` features: O, or where the token stands in a
 * tagged span (B first, I inside, E last, U alone). */
export function cueRows(r: any, lex: CueLexicon, fresh = false, tags?: Uint8Array[]): CueRow[] {
  const rows: CueRow[] = [];
  const d = datedDoc(r.doc_id, r.text, r.dct ?? null, fresh);
  const shift = Math.max(0, r.text.indexOf(d.text.slice(0, 50)));
  const cues: Array<[number, number]> = r.attributions.filter((a: any) => a.cue).map((a: any) => [a.cue.frags[0][0] - shift, a.cue.frags.at(-1)[1] - shift]);
  const segs = quotedSegments(d.text);
  const inQ = (p: number): boolean => segs.some((q) => p >= q.start && p < q.end);
  for (const [n, s] of d.sentences.entries()) {
    const toks = sentenceTokens(s, d.text);
    const tg = tags?.[n];
    const { heads, inner } = cueHeads(toks, cues, s);
    let nested = false;
    toks.forEach((t, k) => {
      if (!isCandidate(t)) return;
      const f = sparseFeatures(toks, k, inQ(t.start), nested);
      if (tg) {
        const g = tg[k]!, cont = tg[k + 1] === 2;
        const lab = g === 0 ? 'O' : g === 1 ? (cont ? 'B' : 'U') : cont ? 'I' : 'E';
        f.push(`tg=${lab}|${t.pos}`, `tgq=${lab}|${inQ(t.start) ? 'q' : 'o'}|${t.pos}`);
      }
      rows.push({ f, y: heads.has(k) ? 1 : 0, noun: t.pos !== 'VERB', inner: inner.has(k) && !heads.has(k) });
      if (t.pos === 'VERB' && (lex.byContext.get(t.lemma)?.[0] ?? 0) >= 0.3) nested = true;
    });
  }
  return rows;
}
