// Builders for synthetic coded documents (sample texts written for these tests, not real articles).
import type { CodedDoc, Entity, EventRecord, Mention, Sentence } from '../../src/types.js';

export const ENT = {
  RUS: { name: 'Russia', id: 'RUS', kind: 'state', country_code: 'RUS', sector: null, code: 'RUS', office: null },
  TAL: { name: 'Taliban', id: 'org/taliban', kind: 'armed_group', country_code: 'AFG', sector: 'REB', code: 'AFGREB', office: null },
  UKR: { name: 'Ukraine', id: 'UKR', kind: 'state', country_code: 'UKR', sector: null, code: 'UKR', office: null },
  LAV: { name: 'Sergei Lavrov', id: 'person/sergei-lavrov', kind: 'person', country_code: 'RUS', sector: 'GOV', code: 'RUSGOV', office: 'Foreign Minister' },
  USA: { name: 'United States', id: 'USA', kind: 'state', country_code: 'USA', sector: null, code: 'USA', office: null },
} satisfies Record<string, Omit<Entity, 'entity_text' | 'sentence' | 'start' | 'end'>>;
export type EntKey = keyof typeof ENT;

export interface EvSpec {
  actor: EntKey[];
  recipient: EntKey[];
  event: string | null;
  cameo: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  intensity?: number | null;
  date: string | null;
  precision?: 'day' | 'month' | 'year' | null;
  /** sentence index the event is in; its trigger is the first occurrence of `trigger` there */
  sentence: number;
  trigger: string;
  negated?: boolean;
  confidence?: number;
  loc?: { name: string; country_code: string | null } | null;
}

export interface DocSpec {
  id: string;
  url?: string | null;
  site?: string | null;
  title?: string;
  published?: string;
  sentences: string[];
  events?: EvSpec[];
}

function entityIn(text: string, s: Sentence, k: EntKey): Entity {
  const e = ENT[k];
  const at = text.indexOf(e.name, s.start);
  const start = at >= 0 && at < s.end ? at : s.start;
  const end = at >= 0 && at < s.end ? at + e.name.length : s.start;
  return { ...e, kind: e.kind as Entity['kind'], entity_text: text.slice(start, end), sentence: s.index, start, end };
}

export function makeDoc(spec: DocSpec): CodedDoc {
  let text = '';
  const sentences: Sentence[] = spec.sentences.map((t, index) => {
    if (index) text += ' ';
    const start = text.length;
    text += t;
    return { index, start, end: text.length, text: t, tokens: [] };
  });
  const mentions: Mention[] = [];
  for (const s of sentences) for (const k of Object.keys(ENT) as EntKey[]) {
    const e = ENT[k];
    const at = s.text.indexOf(e.name);
    if (at >= 0) {
      const ent = entityIn(text, s, k);
      mentions.push({ start: ent.start, end: ent.end, text: ent.entity_text, sentence: s.index, type: 'name', entity: ent, in_kb: true, antecedent: null });
    }
  }
  const events: EventRecord[] = (spec.events ?? []).map((v, i) => {
    const s = sentences[v.sentence]!;
    const ts = text.indexOf(v.trigger, s.start);
    return {
      id: `${spec.id}#e${i + 1}`,
      doc_id: spec.id,
      link: spec.url ?? null,
      event_text: s.text,
      date: v.date,
      date_precision: v.date ? v.precision ?? 'day' : null,
      date_source: v.date ? 'text' : null,
      date_text: null,
      actor: v.actor.map((k) => entityIn(text, s, k)),
      recipient: v.recipient.map((k) => entityIn(text, s, k)),
      event: v.event,
      mode: null,
      context: [],
      cameo: v.cameo,
      quad_code: v.quad,
      goldstein: v.goldstein,
      intensity: v.intensity === undefined ? 1 : v.intensity,
      negated: v.negated ?? false,
      modality: 'asserted',
      speaker: null,
      via: null,
      quote: null,
      event_loc: v.loc ? { text: v.loc.name, name: v.loc.name, country_code: v.loc.country_code } : null,
      text_info: { sentence: s.index, start: s.start, end: s.end, trigger: { text: v.trigger, start: ts, end: ts + v.trigger.length } },
      confidence: v.confidence ?? 0.8,
    };
  });
  const title = spec.title ?? spec.sentences[0]!.slice(0, 40);
  return {
    id: spec.id,
    article: {
      id: spec.id, url: spec.url ?? null, canonical_url: spec.url ?? null, title, published: spec.published ?? null, modified: null,
      authors: [], site: spec.site ?? null, language: 'en', lede: null, body: text, blocks: [], captions: [], links: [], section: null, tags: [],
    },
    text,
    refDate: spec.published ? spec.published.slice(0, 10) : null,
    messages: [{ origin: 'test:sample', severity: 'info', text: 'synthetic sample document', start: 0, end: 6 }],
    english: true,
    sentences,
    mentions,
    times: [],
    quotes: [],
    events,
  };
}

/** A sample report: Russia hosts Taliban talks (written for these tests). */
export function kazanReport(id: string, url: string, site: string, day: string, extra: Partial<EvSpec> = {}): CodedDoc {
  return makeDoc({
    id, url, site, published: day,
    title: `Sample: Russia and Taliban hold talks (${site})`,
    sentences: [
      `Russia met Taliban envoys in Kazan on ${day}, officials said.`,
      `The meetings covered trade and security, according to sample report ${id}.`,
    ],
    events: [{ actor: ['RUS'], recipient: ['TAL'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, intensity: 1, date: day, sentence: 0, trigger: 'met', loc: { name: 'Kazan', country_code: 'RUS' }, ...extra }],
  });
}
