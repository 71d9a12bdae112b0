// A coded document turned into the rows the store writes, computed where the document was coded.
//
// Why: in `entente ingest` workers code and one thread writes. A CodedDoc cloned back from a
// worker is a deep object graph (mentions, quotes, events with nested entities, messages, the
// body repeated as article.body and sentence texts); the writing thread then walked it again to
// hash, serialise (JSON) and build rows. A PreparedDoc carries exactly what the store writes: the
// hash and keys, the JSON columns already serialised, and each table's rows as arrays of
// primitives, with the article text once (sentence texts are slices of it). Cloning strings and
// flat arrays is cheap, and the writing thread only binds rows to cached statements. What depends
// on the database (cluster links, event primary keys, the time of ingest) is left to the store.
import type { CodedDoc } from '../types.js';
import type { Param } from './db.js';
import { articleIdFor, articleKey, clusterSig, contentHash, dateWindow, daySort, dyadCells, outletOf } from './derive.js';

/** One event of a PreparedDoc. */
export interface PreparedEvent {
  /** store-wide key: "<articleId>/<record id>", "#2", "#3"… when the document repeats a record id */
  key: string;
  /** clusterSig of the record: null when the record is never linked to others */
  sig: string | null;
  /** dateWindow of the record (when sig is set): stored reports in it are the cluster candidates */
  lo: string | null;
  hi: string | null;
  day: string;
  /** events columns key … modality (cluster_id and sig are appended by the store) */
  row: Param[];
  /** the EventRecord as JSON (event_records.record; parsed again only to compare with candidates) */
  json: string;
  /** event_actors rows without the event's primary key: role, pos, entity_id, country_code, sector, code, name */
  actors: Param[][];
  /** event_dyads rows without the event's primary key (derive.ts dyadCells) */
  dyads: Param[][];
}

/** What SqlStore writes for one coded document (see prepareDoc). */
export interface PreparedDoc {
  /** marks a prepared document (a CodedDoc has no such field) */
  prepared: 1;
  docId: string;
  hash: string;
  /** article identity (articleKey) and the stable article id derived from it */
  key: string;
  articleId: string;
  /** articles columns url … english (text, metadata, times follow) */
  article: Param[];
  text: string;
  metadata: string;
  times: string;
  /** sentences rows: idx, start_off, end_off, text — text null when it is text.slice(start, end) */
  sentences: Param[][];
  entities: Param[][];
  /** mentions rows without article_id: idx, sentence, start_off, end_off, type, entity_id, data */
  mentions: Param[][];
  /** quotes rows without article_id: idx, speaker_id, direct, data */
  quotes: Param[][];
  /** messages rows without article_id: idx, origin, severity, text, start_off, end_off */
  messages: Param[][];
  events: PreparedEvent[];
}

export function isPrepared(doc: CodedDoc | PreparedDoc): doc is PreparedDoc {
  return (doc as PreparedDoc).prepared === 1;
}

type EntityLike = { id: string; name: string; kind: string; country_code: string | null; sector: string | null; code: string; office: string | null } | null;

/** The rows of a coded document, in the order the store inserts them (so row ids are the same however a document reaches the store). */
export function prepareDoc(doc: CodedDoc): PreparedDoc {
  const a = doc.article;
  const key = articleKey(doc);
  const id = articleIdFor(key);
  const outlet = outletOf(a);
  const { body: _body, ...meta } = a;
  const text = doc.text;

  // Entities: the latest description of an id wins (KB updates propagate on re-ingest).
  const ents = new Map<string, Param[]>();
  const addEnt = (e: EntityLike) => {
    if (e) ents.set(e.id, [e.id, e.name, e.kind, e.country_code ?? null, e.sector ?? null, e.code, e.office ?? null]);
  };
  for (const m of doc.mentions) addEnt(m.entity);
  for (const ev of doc.events) { ev.actor.forEach(addEnt); ev.recipient.forEach(addEnt); addEnt(ev.speaker); addEnt(ev.via); }

  const usedKeys = new Set<string>();
  const events: PreparedEvent[] = doc.events.map((r) => {
    let k = `${id}/${r.id}`;
    for (let n = 2; usedKeys.has(k); n++) k = `${id}/${r.id}#${n}`;
    usedKeys.add(k);
    const sig = clusterSig(r);
    const w = sig ? dateWindow(r) : null;
    const day = daySort(r);
    const actors: Param[][] = [];
    r.actor.forEach((e, j) => actors.push(['actor', j, e.id, e.country_code, e.sector, e.code, e.name]));
    r.recipient.forEach((e, j) => actors.push(['recipient', j, e.id, e.country_code, e.sector, e.code, e.name]));
    return {
      key: k, sig, lo: w?.lo ?? null, hi: w?.hi ?? null, day,
      row: [k, id, r.id, outlet, r.text_info.sentence, r.date, r.date_precision, day, r.event, r.cameo, r.quad_code, r.goldstein,
        r.intensity ?? null, r.confidence, r.negated ? 1 : 0, r.modality],
      json: JSON.stringify(r),
      actors,
      dyads: dyadCells(r, day),
    };
  });

  return {
    prepared: 1,
    docId: doc.id,
    hash: contentHash(doc),
    key,
    articleId: id,
    article: [a.url, a.canonical_url, outlet, a.published, a.title, a.language, doc.refDate, doc.english ? 1 : 0],
    text,
    metadata: JSON.stringify(meta),
    times: JSON.stringify(doc.times ?? []),
    sentences: doc.sentences.map((s) => [s.index, s.start, s.end, s.text === text.slice(s.start, s.end) ? null : s.text]),
    entities: [...ents.values()],
    mentions: doc.mentions.map((m, i) => [i, m.sentence, m.start, m.end, m.type, m.entity?.id ?? null, JSON.stringify(m)]),
    quotes: doc.quotes.map((q, i) => [i, q.speaker?.id ?? null, q.direct ? 1 : 0, JSON.stringify(q)]),
    messages: doc.messages.map((m, i) => [i, m.origin, m.severity, m.text, m.start ?? null, m.end ?? null]),
    events,
  };
}
