// Stored events written in an export format, streamed: `entente export` (a file or stdout, every event
// or those matching the `events` filters), `entente events --format csv|gdelt|plover` (one page) and
// GET /api/export (the UI's download of the events it shows). Each format's line for a stored event:
// plover and csv carry the evidence sentence, gdelt the time the article was stored (DATEADDED) and the
// event cluster's counts (NumMentions/NumSources/NumArticles), so they read each article once per chunk.
import { csvHeader, GDELT_COLUMNS, leftOut, ploverLine, toCsvRow, toGdeltRows, type EventFormat, type PloverContext } from '../events/formats.js';
import type { EventQuery, Store, StoredEvent } from '../store/types.js';
import { eventEvidence, type Evidence } from './evidence.js';

const G_MENTIONS = GDELT_COLUMNS.indexOf('NumMentions');
const G_SOURCES = GDELT_COLUMNS.indexOf('NumSources');
const G_ARTICLES = GDELT_COLUMNS.indexOf('NumArticles');

/** GDELT rows of a stored event: DATEADDED from its article, the counts from its cluster ('' for a negated record). */
function gdeltRows(e: StoredEvent, x?: Evidence | null): string {
  return toGdeltRows(e.record, { dateAdded: x?.article.ingested_at }).split('\n').filter(Boolean).map((line) => {
    const cols = line.split('\t');
    cols[G_MENTIONS] = String(e.cluster.mentions);
    // the cluster counts named outlets; an event read only from local files (no outlet) still has a source
    cols[G_SOURCES] = String(Math.max(1, e.cluster.outlets));
    cols[G_ARTICLES] = String(e.cluster.articles);
    return cols.join('\t') + '\n';
  }).join('');
}

/** plover's sentence, article and cluster fields for a stored event (x: its evidence, null if its article is gone). */
function ploverContext(e: StoredEvent, x: Evidence | null | undefined): PloverContext {
  return {
    sentence: x?.sentence ?? null, title: x?.article.title ?? null, publication: e.outlet ?? x?.article.outlet ?? null,
    published: x?.article.published ?? null, cluster: e.cluster,
  };
}

/** Whether a format's lines need each event's article (sentence, stored time). */
export const needsEvidence = (f: EventFormat): boolean => f === 'plover' || f === 'csv' || f === 'gdelt';

/** One stored event in a line-oriented format ('' when the format leaves it out: see formats.ts leftOut). */
export function formatLine(e: StoredEvent, f: Exclude<EventFormat, 'json'>, x?: Evidence | null): string {
  switch (f) {
    case 'jsonl': return JSON.stringify(e.record) + '\n';
    case 'csv': return toCsvRow(e.record, x?.sentence, ploverContext(e, x));
    case 'gdelt': return gdeltRows(e, x);
    case 'plover': return ploverLine(e.record, ploverContext(e, x));
  }
}

/** Every event matching q (its paging ignored), in the store's order (event date, newest first), a page at a time. */
export async function* matchingEvents(store: Pick<Store, 'events'>, q: EventQuery, pageSize = 1000): AsyncGenerator<StoredEvent> {
  let cursor: string | undefined;
  for (;;) {
    const p = await store.events({ ...q, offset: undefined, limit: pageSize, cursor });
    yield* p.events;
    if (!p.nextCursor || !p.events.length) return;
    cursor = p.nextCursor;
  }
}

export interface ExportCounts {
  /** events read from the store */
  events: number;
  /** of them, the records the format has no line for (plover: no PLOVER category; gdelt: negated) */
  leftOut: number;
}

/**
 * The export as chunks of text: a header (csv) or bracket (json) first, then the events in batches of
 * `chunk` (each batch reads its articles once). `q` null: every stored event in ingest order
 * (Store.allEvents); else the events matching q, newest event first. `counts` is filled as it goes.
 */
export async function* exportChunks(
  store: Pick<Store, 'events' | 'allEvents' | 'getArticle'>, format: EventFormat, q: EventQuery | null, counts: ExportCounts, chunk = 500,
): AsyncGenerator<string> {
  if (format === 'csv') yield csvHeader();
  if (format === 'json') yield '[';
  let batch: StoredEvent[] = [];
  const flush = async (): Promise<string> => {
    const ev = needsEvidence(format) ? await eventEvidence(store, batch) : null;
    let out = '';
    for (const [i, e] of batch.entries()) {
      if (format === 'json') out += (counts.events ? ',\n' : '\n') + JSON.stringify(e.record);
      else if (leftOut(e.record, format)) counts.leftOut++;
      else out += formatLine(e, format, ev?.[i]);
      counts.events++;
    }
    batch = [];
    return out;
  };
  for await (const e of q ? matchingEvents(store, q) : store.allEvents()) {
    batch.push(e);
    if (batch.length >= chunk) yield await flush();
  }
  if (batch.length) yield await flush();
  if (format === 'json') yield counts.events ? '\n]\n' : ']\n';
}
