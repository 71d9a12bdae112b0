// Test helper: a DatedDoc built by hand, with given substrings marked as resolved mentions,
// so the coder is tested independently of the actors stage. Sample texts are written for these tests.
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/text/sentences.js';
import type { DatedDoc, Entity, EntityKind, EventRecord, Mention, TimeExpr } from '../../src/types.js';
import { codeEvents } from '../../src/events/index.js';
import { setFilterTap } from '../../src/events/quotes-filter.js';

export interface Ent { id: string; kind?: EntityKind; cc?: string | null; code?: string; name?: string; sector?: string | null }

export const E = {
  RUS: { id: 'RUS', kind: 'state', cc: 'RUS', code: 'RUS', name: 'Russia' },
  CHN: { id: 'CHN', kind: 'state', cc: 'CHN', code: 'CHN', name: 'China' },
  USA: { id: 'USA', kind: 'state', cc: 'USA', code: 'USA', name: 'United States' },
  AFG: { id: 'AFG', kind: 'state', cc: 'AFG', code: 'AFG', name: 'Afghanistan' },
  KGZ: { id: 'KGZ', kind: 'state', cc: 'KGZ', code: 'KGZ', name: 'Kyrgyzstan' },
  UKR: { id: 'UKR', kind: 'state', cc: 'UKR', code: 'UKR', name: 'Ukraine' },
  FRA: { id: 'FRA', kind: 'state', cc: 'FRA', code: 'FRA', name: 'France' },
  IRN: { id: 'IRN', kind: 'state', cc: 'IRN', code: 'IRN', name: 'Iran' },
  TALIBAN: { id: 'org/taliban', kind: 'armed_group', cc: 'AFG', code: 'AFGREB', name: 'Taliban', sector: 'REB' },
  SHOIGU: { id: 'person/sergei-shoigu', kind: 'person', cc: 'RUS', code: 'RUSGOV', name: 'Sergei Shoigu', sector: 'GOV' },
  TASS: { id: 'org/tass', kind: 'media', cc: 'RUS', code: 'RUSMED', name: 'TASS' },
} satisfies Record<string, Ent>;

function entity(e: Ent, text: string, sentence: number, start: number, end: number): Entity {
  return { entity_text: text, name: e.name ?? e.id, id: e.id, kind: e.kind ?? 'state', country_code: e.cc ?? null, sector: e.sector ?? null, code: e.code ?? e.id, office: null, sentence, start, end };
}

/** marks: [substring, entity, occurrence?] — every occurrence when occurrence is omitted. */
export function makeDoc(text: string, marks: Array<[string, Ent]>, refDate = '2026-05-14', times: TimeExpr[] = []): DatedDoc {
  const sentences = splitSentences(text);
  const mentions: Mention[] = [];
  for (const [sub, e] of marks) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(sub, from);
      if (at < 0) break;
      from = at + sub.length;
      if (/\w/.test(text[at - 1] ?? '') || /\w/.test(text[at + sub.length] ?? '')) continue;
      const s = sentences.find((x) => at >= x.start && at < x.end);
      const si = s ? s.index : 0;
      mentions.push({ start: at, end: at + sub.length, text: sub, sentence: si, type: 'name', entity: entity(e, sub, si, at, at + sub.length), in_kb: true });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return {
    id: 'sample', text, refDate, messages: [], english: true, sentences, mentions, times,
    article: { id: 'sample', url: null, canonical_url: null, title: null, published: refDate, modified: null, authors: [], site: null, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [] },
  };
}

/** The events the coder gives for `text` with the given substrings marked as mentions. */
export function codeMarked(text: string, marks: Array<[string, Ent]>): EventRecord[] {
  return codeEvents(makeDoc(text, marks)).events;
}
export const ids = (es: { id: string }[]): string[] => es.map((e) => e.id);
/** One line per event ("051 RUS->AFG "recognised""), for assertion messages. */
export const eventView = (es: EventRecord[]): string[] => es.map((e) => `${e.cameo} ${ids(e.actor).join('+')}->${ids(e.recipient).join('+')} "${e.text_info.trigger.text}"`);
/** Each sample sentence gives no event of the PLOVER type `event` (negative cases), naming the sentence and what was coded. */
export function assertNoEvent(sentences: string[], marks: Array<[string, Ent]>, event: string): void {
  for (const s of sentences) {
    const a = codeMarked(s, marks);
    assert.ok(!a.some((e) => e.event === event), `${s}: ${eventView(a).join('; ')}`);
  }
}

/** The attributions (quotes) the coder gives for `text`, with the given substrings marked as mentions. */
export const quotesOf = (text: string, marks: Array<[string, Ent]> = []) => codeEvents(makeDoc(text, marks)).quotes;
/** The rules' attributions with the learned filter (quotes-filter.ts) bypassed: for tests that pin
 * the source and cue extent the rules build, which the filter then keeps or drops. */
export const rulesOnly = (text: string) => {
  setFilterTap(() => {});
  try { return quotesOf(text); } finally { setFilterTap(null); }
};
