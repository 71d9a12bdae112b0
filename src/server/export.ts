// Stored events written in an export format, streamed: `entente export` (a file or stdout, every event
// or those matching the `events` filters), `entente events --format csv|gdelt|plover` (one page) and
// GET /api/export (the UI's download of the events it shows). Each format's line for a stored event:
// plover and csv carry the evidence sentence, gdelt the time the article was stored (DATEADDED) and the
// event cluster's counts (NumMentions/NumSources/NumArticles), so they read each article once per chunk.
import { csvCell, csvHeader, GDELT_COLUMNS, leftOut, ploverLine, toCsvRow, toGdeltRows, type EventFormat, type PloverContext } from '../events/formats.js';
import type { EventQuery, Period, Store, StoredEvent, Timeline } from '../store/types.js';
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

// ------------------------------------------------------------------ the dyad timeline as a series

/**
 * The timeline as a CSV series: one row per period and direction (source → target, the names as given),
 * with the periods between the first and the last that have no events as rows of zeros (by year and
 * month: a quiet period is a fact, and a series with gaps misleads a plot or a model; by week, or over
 * 120 periods, the periods with events only). goldstein_mean and intensity_mean are empty where undefined.
 */
export function timelineCsv(t: Timeline, a: string, b: string): string {
  const present = [...new Set(t.rows.map((r) => r.period))].sort();
  const periods = present.length ? allPeriods(present[0]!, present[present.length - 1]!, t.by) ?? present : [];
  const at = new Map(t.rows.map((r) => [`${r.period}|${r.direction}`, r]));
  let out = 'period,source,target,events,quad1,quad2,quad3,quad4,goldstein_mean,intensity_mean\n';
  for (const p of periods) {
    for (const dir of ['a->b', 'b->a'] as const) {
      const r = at.get(`${p}|${dir}`);
      const [src, tgt] = dir === 'a->b' ? [a, b] : [b, a];
      out += [p, src, tgt, r?.count ?? 0, r?.quad[1] ?? 0, r?.quad[2] ?? 0, r?.quad[3] ?? 0, r?.quad[4] ?? 0,
        r?.goldstein_mean === null || r === undefined ? '' : +r.goldstein_mean.toFixed(4), r?.intensity_mean ?? ''].map(csvCell).join(',') + '\n';
    }
  }
  return out;
}

/** The periods from first to last with none left out (year and month: a quiet period is a fact to show); null when too many or by week. */
export function allPeriods(first: string, last: string, by: Period): string[] | null {
  if (by === 'week') return null;
  const out: string[] = [];
  if (by === 'year') for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
  else {
    let [y, m] = first.split('-').map(Number) as [number, number];
    const end = last;
    for (;;) {
      const p = `${y}-${String(m).padStart(2, '0')}`;
      out.push(p);
      if (p >= end || out.length > 120) break;
      if (++m > 12) { m = 1; y++; }
    }
  }
  return out.length > 120 ? null : out;
}
