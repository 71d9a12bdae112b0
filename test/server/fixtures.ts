// Hand-built CodedDoc fixtures (sample sentences written for these tests, not real reporting).
// Spans are computed from the text, so they always slice it back exactly.
import type { CodedDoc, Entity, EntityKind, EventRecord, Mention, Quote, Sentence, TimeExpr } from '../../src/types.js';

export interface ActorSpec { text: string; name: string; id: string; code: string; country: string | null; kind?: EntityKind }
export interface EventSpec {
  sentence: string;
  actor: ActorSpec;
  trigger: string;
  recipient: ActorSpec;
  cameo: string;
  event: string | null;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  date: string;
  dateText?: string;
  quote?: string;
  negated?: boolean;
  modality?: EventRecord['modality'];
}

export const RUS: ActorSpec = { text: 'Russia', name: 'Russia', id: 'RUS', code: 'RUS', country: 'RUS', kind: 'state' };
export const AFG: ActorSpec = { text: 'the Taliban', name: 'Taliban government', id: 'AFG', code: 'AFGGOV', country: 'AFG', kind: 'government' };
export const PAK: ActorSpec = { text: 'Pakistan', name: 'Pakistan', id: 'PAK', code: 'PAK', country: 'PAK', kind: 'state' };
export const USA: ActorSpec = { text: 'the United States', name: 'United States', id: 'USA', code: 'USA', country: 'USA', kind: 'state' };

function find(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture: "${needle}" not in "${text.slice(from, from + 80)}"`);
  return i;
}

export function makeDoc(opts: { id: string; url: string | null; title: string; published: string; events: EventSpec[]; extra?: string }): CodedDoc {
  let text = '';
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const times: TimeExpr[] = [];
  const quotes: Quote[] = [];
  const events: EventRecord[] = [];
  opts.events.forEach((ev, i) => {
    if (text) text += i % 2 ? ' ' : '\n\n';
    const s0 = text.length;
    text += ev.sentence;
    sentences.push({ index: i, start: s0, end: text.length, text: ev.sentence, tokens: [] });
    const ent = (a: ActorSpec): Entity => {
      const at = s0 + find(ev.sentence, a.text, 0);
      return { entity_text: a.text, name: a.name, id: a.id, kind: a.kind ?? 'state', country_code: a.country, sector: null, code: a.code, office: null, sentence: i, start: at, end: at + a.text.length };
    };
    const actor = ent(ev.actor), recipient = ent(ev.recipient);
    for (const e of [actor, recipient]) mentions.push({ start: e.start, end: e.end, text: e.entity_text, sentence: i, type: 'name', entity: e, in_kb: true });
    const t0 = s0 + find(ev.sentence, ev.trigger, 0);
    let dateText: string | null = null;
    if (ev.dateText) {
      const d0 = s0 + find(ev.sentence, ev.dateText, 0);
      dateText = ev.dateText;
      times.push({ text: ev.dateText, start: d0, end: d0 + ev.dateText.length, sentence: i, type: 'DATE', value: ev.date, precision: 'day', vague: false, stated: ['weekday'], implied: ['year', 'month', 'day'] });
    }
    if (ev.quote) {
      const q0 = s0 + find(ev.sentence, ev.quote, 0);
      quotes.push({ content: { start: q0, end: q0 + ev.quote.length, text: ev.quote }, cue: null, source: null, speaker: actor, via: null, direct: true });
    }
    events.push({
      id: `e${i}`, doc_id: opts.id, link: opts.url, event_text: ev.sentence,
      date: ev.date, date_precision: ev.date.length === 10 ? 'day' : ev.date.length === 7 ? 'month' : 'year', date_source: dateText ? 'text' : 'publication', date_text: dateText,
      actor: [actor], recipient: [recipient], event: ev.event, mode: null, context: [], cameo: ev.cameo, quad_code: ev.quad, goldstein: ev.goldstein, intensity: null,
      negated: ev.negated ?? false, modality: ev.modality ?? 'asserted', speaker: ev.quote ? actor : null, via: null, quote: ev.quote ?? null, event_loc: null,
      text_info: { sentence: i, start: s0, end: s0 + ev.sentence.length, trigger: { text: ev.trigger, start: t0, end: t0 + ev.trigger.length } },
      confidence: 0.8,
    });
  });
  if (opts.extra) text += `\n\n${opts.extra}`;
  return {
    id: opts.id, text, refDate: opts.published, messages: [{ origin: 'actors:unresolved', severity: 'warning', text: 'sample message <i>not markup</i>' }], english: true,
    article: {
      id: opts.id, url: opts.url, canonical_url: null, title: opts.title, published: opts.published, modified: null, authors: [], site: 'samples.entente.invalid',
      language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [],
    },
    sentences, mentions, times, quotes, events,
  };
}

/** A small history: Russia–Taliban cooperation, a Pakistan–Taliban clash, and one article whose text carries HTML. */
export function sampleDocs(): CodedDoc[] {
  return [
    makeDoc({
      id: 'doc-1', url: 'https://samples.entente.invalid/a/1', title: 'Russia and the Taliban hold talks', published: '2025-04-18',
      events: [
        { sentence: 'Russia met the Taliban in Moscow on Thursday to discuss trade.', actor: RUS, trigger: 'met', recipient: AFG, cameo: '040', event: 'CONSULT', quad: 1, goldstein: 1, date: '2025-04-17', dateText: 'Thursday' },
        { sentence: 'The delegation said the Taliban will sign a fuel deal with Russia next month.', actor: AFG, trigger: 'sign', recipient: RUS, cameo: '057', event: 'AGREE', quad: 1, goldstein: 8, date: '2025-05', modality: 'future' },
      ],
    }),
    makeDoc({
      id: 'doc-2', url: 'https://samples.entente.invalid/a/2', title: 'Border fighting', published: '2025-10-14',
      events: [
        { sentence: 'Pakistan shelled posts held by the Taliban on Sunday, officials said.', actor: PAK, trigger: 'shelled', recipient: AFG, cameo: '195', event: 'ASSAULT', quad: 4, goldstein: -10, date: '2025-10-12', dateText: 'Sunday' },
        { sentence: 'Later the Taliban accused Pakistan of violating Afghan sovereignty.', actor: AFG, trigger: 'accused', recipient: PAK, cameo: '112', event: 'ACCUSE', quad: 3, goldstein: -2, date: '2025-10-14' },
        { sentence: 'Russia sent aid to the Taliban in October.', actor: RUS, trigger: 'sent aid', recipient: AFG, cameo: '070', event: 'AID', quad: 2, goldstein: 7, date: '2025-10' },
      ],
    }),
    makeDoc({
      id: 'doc-3', url: 'https://samples.entente.invalid/a/3', title: 'Script <script>alert("title")</script> test', published: '2026-02-10',
      events: [
        { sentence: 'Officials of the United States criticized <script>window.__xss = 1</script> the Taliban on Tuesday, saying "<img src=x onerror=alert(1)>" was unacceptable.', actor: USA, trigger: 'criticized', recipient: AFG, cameo: '111', event: 'DISAPPROVE', quad: 3, goldstein: -2, date: '2026-02-10', dateText: 'Tuesday', quote: '<img src=x onerror=alert(1)>' },
      ],
      extra: '<b>Bold?</b> & "ampersands" </p><script>window.__xss2 = 1</script>',
    }),
  ];
}
