// The ordered stages of entente over a typed document.
// Each stage is a pure module usable alone (src/<stage>/); this file only wires them.
//
//   source (RawDocument) → article → language → sentences → actors → time → events
//
// Ordering decisions:
// - article before everything: every later span indexes into Article.body (Doc.text).
// - language right after article: a non-English article is kept (stored, shown) but the
//   English-only stages below are skipped, with a message.
// - sentences before actors and time: both attach a sentence index to what they find.
// - actors before time: time does not need actors, but the event coder needs both, and the
//   type chain (SentencedDoc → ActorDoc → DatedDoc → CodedDoc) makes the coder impossible to
//   call before either has run.
// - events last: it reads mentions and time expressions; it never re-derives them.

import { rawToArticle } from './article/index.js';
import { decideLanguage } from './article/language.js';
import { noteAllCaps, splitSentences } from './text/sentences.js';
import { loadKB, recognizeActors, type KnowledgeBase } from './actors/index.js';
import { extractTimes } from './time/index.js';
import { codeEvents } from './events/index.js';
import type { ActorDoc, Article, CodedDoc, DatedDoc, Doc, EventRecord, Quote, RawDocument, SentencedDoc, TimeExpr } from './types.js';
import { addMessage } from './types.js';
import { setFlagsFromString } from 'node:v8';

// JIT warm-up. Most of a fresh process's extra CPU over its first ~2,000 articles is TurboFan
// compiling a few very large functions (the recogniser's and coder's, 5-26 KB of bytecode) on a
// background thread, again after each deoptimisation; inlining callees into them makes each
// compile bigger. V8's default inlining budget per optimised function is 920 bytes of callee
// bytecode; 300 measured ~9% less CPU on each of the first three passes over 1,000 corpus articles
// (pass 1 -9%, pass 2 -8%, pass 3 -8%: 4 interleaved A/B pairs on a loaded machine, 7404e93;
// BENCHMARKS.md, session 6), output identical. Process-wide, like the heap flags of src/scale (each
// worker thread that loads this module sets the same value again); a value given on the command
// line wins (V8 reads '_' and '-' alike in flag names).
const INLINE_BUDGET = '--max-inlined-bytecode-size-cumulative';
if (!process.execArgv.some((a) => a.replace(/_/g, '-').startsWith(INLINE_BUDGET))) setFlagsFromString(`${INLINE_BUDGET}=300`);

export interface PipelineOptions {
  /** Reference date to use when the article has none (e.g. --date); never the clock. */
  defaultDate?: string | null;
  /** Knowledge base; loaded once from data/ when not given. */
  kb?: KnowledgeBase;
}

/** Resources loaded once per process (KB, lexicons), shared by every document. */
export interface Pipeline {
  kb: KnowledgeBase;
  defaultDate: string | null;
}

export function createPipeline(opts: PipelineOptions = {}): Pipeline {
  return { kb: opts.kb ?? loadKB(), defaultDate: opts.defaultDate ?? null };
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** Article stage + language stage. */
export function articleStage(raw: RawDocument, defaultDate: string | null = null): Doc {
  const article: Article = rawToArticle(raw);
  const doc: Doc = { id: raw.id, article, text: article.body, refDate: null, messages: [], english: true };
  // what the source met reading this document (charset fallback, redirect, feed summary only)
  for (const note of raw.notes ?? []) addMessage(doc, 'source:note', note);
  const m = article.published ? ISO_DAY.exec(article.published) : null;
  if (m) doc.refDate = m[1]!;
  else if (defaultDate) {
    doc.refDate = defaultDate;
    addMessage(doc, 'time:no-article-date', `no publication date in ${raw.origin}; using --date ${defaultDate} as the reference date`, 'info');
  } else {
    addMessage(doc, 'time:no-article-date', `no publication date in ${raw.origin}: relative dates stay unresolved (give --date YYYY-MM-DD)`);
  }
  if (!doc.text.trim()) addMessage(doc, 'article:empty', `no body text found in ${raw.origin}`, 'error');
  // decideLanguage (no declared tag) = the trigram guess after a cheap "clearly English" word
  // check (the trigram model was ~17% of coding time on plain-text input, nearly all English),
  // and only a clear guess for a short text.
  const lang = article.language ?? decideLanguage(doc.text, null);
  article.language = lang;
  if (lang && lang !== 'en') {
    doc.english = false;
    addMessage(doc, 'language:not-english', `article language is "${lang}": kept, but not passed to the English stages`, 'info');
  }
  return doc;
}

// Each stage returns a new object: the input's own properties, in order, then the stage's fields.
// Object.assign, not an object spread ({ ...doc, x }): on Node 20 (V8 11.3) a spread with added
// fields gives nearly every result a map (hidden class) of its own, so every property read of a
// document anywhere downstream saw hundreds of maps (megamorphic, and deoptimised code until it
// was). Object.assign onto {} builds the same properties in the same order along shared map
// transitions: the same object, one map.

export function sentenceStage(doc: Doc): SentencedDoc {
  if (doc.english) noteAllCaps(doc); // one document-level warning; the coder skips capitalised sentences
  return Object.assign({}, doc, { sentences: doc.english ? splitSentences(doc.text) : [] });
}

export function actorStage(doc: SentencedDoc, kb: KnowledgeBase): ActorDoc {
  return Object.assign({}, doc, { mentions: doc.english ? recognizeActors(doc, kb) : [] });
}

export function timeStage(doc: ActorDoc): DatedDoc {
  if (!doc.english) return Object.assign({}, doc, { times: [] as TimeExpr[] });
  const { times, messages } = extractTimes(doc.text, doc.refDate, doc.sentences);
  return Object.assign({}, doc, { times, messages: doc.messages.concat(messages) });
}

export function eventStage(doc: DatedDoc): CodedDoc {
  if (!doc.english) return Object.assign({}, doc, { quotes: [] as Quote[], events: [] as EventRecord[] });
  const { quotes, events } = codeEvents(doc);
  return Object.assign({}, doc, { quotes, events });
}

/** Every stage, in order. */
export function processDoc(doc: Doc, p: Pipeline): CodedDoc {
  return eventStage(timeStage(actorStage(sentenceStage(doc), p.kb)));
}

export function processRaw(raw: RawDocument, p: Pipeline): CodedDoc {
  return processDoc(articleStage(raw, p.defaultDate), p);
}
