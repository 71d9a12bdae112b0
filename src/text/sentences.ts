// Sentence and token stage: wink-nlp with its English model (lite web model, shipped in the
// npm package, so nothing is downloaded at run time).
//
// Why wink: it is lossless (every token keeps its preceding whitespace, so character offsets
// can be rebuilt exactly), handles curly quotes and abbreviations ("U.S.-backed", "Mr.") well,
// and gives POS tags, lemmas and negation flags at ~100k tokens/s.
//
// Two corrections on top of wink:
// - a sentence never crosses a line break: wink happily joins a date line, a caption and the
//   first paragraph into one "sentence"; in Article.body, "\n" separates blocks or list items;
// - whitespace tokens are dropped and sentence edges are trimmed, so spans slice the text exactly.

import { createRequire } from 'node:module';
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { addMessage, type Message, type Sentence, type Token } from '../types.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlpSingleton: Nlp | null = null;

/** wink's format for a learned automaton, with nothing learned (automaton.js emptyModelJSON). */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);
/** The model with empty NER and sentiment automata: wink builds them whatever the pipe, and we run
 * neither (below); they were ~1.5 MB of every worker's live heap. Loading a machine does not touch the
 * vocabulary, so the other passes are unchanged. */
const modelSa = (model as unknown as { sa: () => Record<string, unknown> }).sa;

// wink learns every out-of-vocabulary word it reads (cache.add interns it in the model's lexeme
// hash), and its tokenizer splits a word only if the pieces are not a known lexeme: once it had met
// "men's'" it kept "men's" as one token in every later text of the process (other POS and lemma for
// the stem, sometimes another POS for a neighbour), so a text's tokens depended on what the process
// (or worker thread) had read before. The cache's lookup — the only way the tokenizer consults the
// vocabulary — captures the hash object when the instance is built; the learning (getFeaturesIndex)
// reads model.features.lexeme.hash afresh on every call. So once the instance is built, learning is
// pointed at an object that inherits the model's built-in vocabulary: learned words keep their
// indices (memory stays bounded as before, each word is interned once), but the tokenizer only ever
// sees the model's own vocabulary, the same for every text whatever was read before.
type CoreModel = { features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } } };
let coreModel: CoreModel | null = null;
const modelCore = (model as unknown as { core: () => CoreModel }).core;
type FeatureMethods = Record<string, (w: string, cat: number, cache: WinkCache) => unknown>;
type WinkCache = { lookup: (w: string) => number[] | null; intrinsicSize: () => number; posOf: (i: number) => number };
const modelFeatureFn = (model as unknown as { featureFn: (...a: unknown[]) => FeatureMethods }).featureFn;
/** The POS feature of a new word looks its lower-cased form up (just interned by add()), which the
 * tokenizer's view no longer shows: it is given the learning hash instead. */
const featureFn = (...a: unknown[]): FeatureMethods => {
  const f = modelFeatureFn(...a);
  const pos = f.pos!;
  f.pos = (w, cat, cache) => pos(w, cat, {
    lookup: (x) => cache.lookup(x) ?? (coreModel && coreModel.features.lexeme.hash[x] !== undefined ? [coreModel.features.lexeme.hash[x]!] : null),
    intrinsicSize: () => cache.intrinsicSize(),
    posOf: (i) => cache.posOf(i),
  });
  return f;
};
const leanModel = {
  ...model,
  core: () => (coreModel = modelCore()),
  featureFn,
  ner: () => ({ machines: [], transformers: [] }),
  sa: () => ({ ...modelSa(), machines: [EMPTY_MACHINE] }),
} as unknown as typeof model;

/** wink-eng-lite-web-model keeps the parsed JSON of its core model (3 MB of heap) only to deep-copy it
 * for each new instance; this process makes one, so the template is emptied once it is built. (A
 * second instance could not be made in one process anyway: the model's metaCER loader re-stringifies
 * its own module variable on every call.) Skipped quietly if the package's layout changes. */
function releaseCoreTemplate(): void {
  try {
    const req = createRequire(import.meta.url);
    const tpl = req('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as Record<string, unknown>;
    for (const k of Object.keys(tpl)) delete tpl[k];
  } catch { /* another layout: keep it */ }
}

function nlp(): Nlp {
  // The model takes ~0.3 s to load: once per process, on first use. Only the annotations the
  // Token type carries: wink's NER and sentiment passes set nothing we read (tokens, POS, lemmas,
  // negation and sentence spans were identical on all 2,989 news/corpus articles without them)
  // and cost ~23% of readDoc's time.
  if (!nlpSingleton) {
    nlpSingleton = winkNLP(leanModel, ['sbd', 'negation', 'pos']);
    // See leanModel: from here on, learned words go to this object, not to the tokenizer's view.
    if (coreModel) {
      const lx = coreModel.features.lexeme;
      lx.hash = Object.create(lx.hash) as Record<string, number>;
    }
    releaseCoreTemplate();
  }
  return nlpSingleton;
}

/** A word with a possessive 's glued on by wink's learned vocabulary (see splitChunk). */
const POSSESSIVE = /^(\p{L}[\p{L}\p{M}.\-]*)(['’]s)$/u;
/** Stems whose 's is "is"/"has"/"us", which wink splits with their own tags: left as wink gives them. */
const CONTRACTED = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'where', 'here', 'how', 'let', 'this', 'everyone', 'somebody', 'someone', 'nobody']);

/** Texts longer than this are processed in chunks cut at paragraph breaks, so one huge input cannot blow up memory. */
const CHUNK = 200_000;

/**
 * True when the text is written in capitals (a wire-style bulletin): at least 100 letters, 90% or
 * more of them upper-case. Ordinary news text has a few per cent; a headline or two in capitals
 * within it does not come near. One pass over the characters, ASCII letters only.
 */
export function isAllCaps(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper + lower >= 100 && upper >= 0.9 * (upper + lower);
}

/**
 * The sentence stage's note on a text in capitals: its tagger reads capitalised words as names and
 * the event coder skips sentences in capitals, so such a text codes few or no events, which
 * otherwise passes without a word. A warning, not an error: the text is still processed as it is.
 */
export function noteAllCaps(doc: { text: string; messages: Message[] }): void {
  if (isAllCaps(doc.text)) {
    addMessage(doc, 'text:all-caps', 'the text is written in capitals: events may be missed (sentences in capitals are not coded); give the text in normal case if you have it');
  }
}

/** Split text into sentences with tokens; every span indexes into `text`. Pure: same text, same result. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + CHUNK);
    if (end < text.length) {
      const br = text.lastIndexOf('\n\n', end);
      end = br > offset ? br + 2 : end;
    }
    splitChunk(text.slice(offset, end), offset, out);
    offset = end;
  }
  return out;
}

function splitChunk(chunk: string, base: number, out: Sentence[]): void {
  const n = nlp();
  const its = n.its;
  const doc = n.readDoc(chunk);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // its.lemma needs the model's addons; its typing does not fit out()'s signature, hence the cast.
  const lemma = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const type = doc.tokens().out(its.type) as string[];
  const neg = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  // character start of each token, rebuilt from preceding whitespace + token text
  const starts = new Array<number>(values.length);
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    c += spaces[i]!.length;
    starts[i] = c;
    c += values[i]!.length;
  }
  const spans: Array<[number, number]> = [];
  doc.sentences().each((s: ItemSentence) => {
    spans.push(s.out(its.span) as unknown as [number, number]);
  });
  let current: Token[] = [];
  const flush = () => {
    if (!current.length) return;
    const start = current[0]!.start;
    const end = current[current.length - 1]!.end;
    out.push({ index: out.length, start, end, text: chunk.slice(start - base, end - base), tokens: current });
    current = [];
  };
  for (const [from, to] of spans) {
    for (let i = from; i <= to; i++) {
      const v = values[i]!;
      const hasBreak = spaces[i]!.includes('\n') || (type[i] === 'tabCRLF' && v.includes('\n'));
      if (hasBreak) flush();
      if (type[i] === 'tabCRLF' || pos[i] === 'SPACE' || !v.trim()) continue;
      const start = base + starts[i]!;
      // wink leaves a possessive glued where it cannot split it ("Korea’s." at a sentence end:
      // the rest "Korea’s" is not in its vocabulary); the later stages expect stem + "’s". (Before
      // leanModel's fix above it also glued "men’s" etc. in every text read after such a form.)
      const poss = POSSESSIVE.exec(v);
      if (poss && !CONTRACTED.has(poss[1]!.toLowerCase())) {
        const stem = poss[1]!;
        const l = lemma[i]!;
        const a: Token = { text: stem, start, end: start + stem.length, pos: pos[i]!, lemma: l.length > stem.length && POSSESSIVE.test(l) ? l.slice(0, stem.length) : l, type: type[i]! };
        const b: Token = { text: poss[2]!, start: start + stem.length, end: start + v.length, pos: 'PART', lemma: poss[2]!, type: type[i]! };
        if (neg[i]) a.negated = true;
        current.push(a, b);
        continue;
      }
      const tok: Token = { text: v, start, end: start + v.length, pos: pos[i]!, lemma: lemma[i]!, type: type[i]! };
      if (neg[i]) tok.negated = true;
      current.push(tok);
    }
    flush();
  }
}
