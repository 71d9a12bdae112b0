// The Store, written once over the Db adapter: the same SQL (and so the same behaviour) on
// SQLite and PostgreSQL. Only full-text search and the ISO-week bucket differ per engine.
import type { CodedDoc, EventRecord, Message, Mention, Quote, TimeExpr, Article } from '../types.js';
import { placeholders, type Db, type Param } from './db.js';
import { clusterSig, dateWindow, dayDistance, daySort, dyadCells, sameEvent } from './derive.js';
import { isPrepared, prepareDoc, type PreparedDoc } from './prepare.js';
import { currentVersion, migrate, migrations } from './migrations.js';
import type {
  ActorArg, ArticleListQuery, ExcludeKind, ArticleSummary, ClusterInfo, EventPage, EventQuery, Period, SaveDocsOptions, SaveFailure, SaveResult, SearchPage, SearchQuery,
  Store, StoreStats, StoredArticle, StoredEvent, Timeline, TimelineQuery, TimelineRow, TopActor, TopActorsQuery,
} from './types.js';

const LOCK_KEY = 0x656e7465;
const BATCH = 200;
const MAX_LIMIT = 1000;

/**
 * PostgreSQL: one multi-row INSERT per chunk of rows (one round trip each). SQLite: one prepared
 * single-row statement per table, run row by row: no round trips to save there, and a statement
 * text per row count made hundreds of cached statements, each holding native memory until GC.
 */
async function insertRows(db: Db, head: string, width: number, rows: Param[][], tail = ''): Promise<void> {
  if (db.dialect === 'sqlite') {
    const sql = `${head} VALUES ${placeholders(width)}${tail}`;
    for (const r of rows) await db.run(sql, r);
    return;
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const sql = `${head} VALUES ${new Array(chunk.length).fill(placeholders(width)).join(',')}${tail}`;
    await db.run(sql, chunk.flat());
  }
}

function inList(keys: string[]): string {
  return placeholders(keys.length);
}

interface EventRow {
  pk: number;
  key: string;
  article_id: string;
  outlet: string | null;
  record: string;
  day_sort: string;
  c_id: string | null;
  c_mentions: number | null;
  c_articles: number | null;
  c_outlets: number | null;
}

const EVENT_COLS = `e.pk, e.key, e.article_id, e.outlet, r.record, e.day_sort,
  c.id AS c_id, c.mentions AS c_mentions, c.articles AS c_articles, c.outlets AS c_outlets`;
const EVENT_FROM = 'events e JOIN event_records r ON r.pk = e.pk LEFT JOIN event_clusters c ON c.id = e.cluster_id';

function toStored(r: EventRow): StoredEvent {
  const cluster: ClusterInfo = r.c_id
    ? { id: r.c_id, mentions: r.c_mentions ?? 1, articles: r.c_articles ?? 1, outlets: r.c_outlets ?? 0 }
    : { id: r.key, mentions: 1, articles: 1, outlets: r.outlet ? 1 : 0 };
  return { key: r.key, articleId: r.article_id, outlet: r.outlet, record: JSON.parse(r.record) as EventRecord, cluster };
}

interface Candidate { cluster_id: string; day_sort: string; record: EventRecord }

/** The cluster a report joins: among compatible reports in the window, the nearest in date (ties: earliest stored). */
export function chooseCluster(rec: EventRecord, candidates: Candidate[]): string | null {
  let best: Candidate | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    if (!sameEvent(rec, c.record)) continue;
    const d = dayDistance(daySort(rec), c.day_sort);
    if (d < bestD) { best = c; bestD = d; }
  }
  return best ? best.cluster_id : null;
}

const DYADS_INSERT = 'INSERT INTO event_dyads (event_pk, a_key, b_key, day_sort, date_precision, quad, goldstein, intensity, confidence)';

async function findCandidates(t: Db, wanted: { sig: string; lo: string; hi: string }[], recordsInEvents = false): Promise<Candidate[]> {
  const from = recordsInEvents ? 'events e' : 'events e JOIN event_records r ON r.pk = e.pk';
  const rec = recordsInEvents ? 'e.record' : 'r.record';
  const out: Candidate[] = [];
  // One query per group of signatures: OR of (sig, window) ranges, each served by events_sig.
  for (let i = 0; i < wanted.length; i += 50) {
    const chunk = wanted.slice(i, i + 50);
    const rows = await t.all<{ cluster_id: string; day_sort: string; record: string }>(
      `SELECT e.cluster_id, e.day_sort, ${rec} AS record FROM ${from}
       WHERE e.cluster_id IS NOT NULL AND (${chunk.map(() => '(e.sig = ? AND e.day_sort >= ? AND e.day_sort <= ?)').join(' OR ')}) ORDER BY e.pk`,
      chunk.flatMap((w) => [w.sig, w.lo, w.hi]),
    );
    for (const r of rows) out.push({ cluster_id: r.cluster_id, day_sort: r.day_sort, record: JSON.parse(r.record) as EventRecord });
  }
  return out;
}

/** Recomputes the counts of the given clusters from their member reports; drops clusters left empty. */
async function recountClusters(t: Db, ids: Set<string>): Promise<void> {
  const all = [...ids];
  for (let i = 0; i < all.length; i += BATCH) {
    const chunk = all.slice(i, i + BATCH);
    await t.run(
      `INSERT INTO event_clusters (id, mentions, articles, outlets, first_date, last_date)
       SELECT cluster_id, count(*), count(DISTINCT article_id), count(DISTINCT outlet), min(day_sort), max(day_sort)
       FROM events WHERE cluster_id IN ${inList(chunk)} GROUP BY cluster_id
       ON CONFLICT (id) DO UPDATE SET mentions = excluded.mentions, articles = excluded.articles, outlets = excluded.outlets,
         first_date = excluded.first_date, last_date = excluded.last_date`,
      chunk,
    );
    await t.run(`DELETE FROM event_clusters WHERE id IN ${inList(chunk)} AND NOT EXISTS (SELECT 1 FROM events WHERE events.cluster_id = event_clusters.id)`, chunk);
  }
}

/**
 * Links every stored event again, in ingest order, under the current rules: migration 2's data
 * step (with the dyad rows schema 1 lacked) and SqlStore.relink() after a rule change.
 */
async function relinkAll(t: Db, withDyads: boolean, recordsInEvents = false): Promise<void> {
  // Under schema 2 the record JSON is still a column of events (schema 3 moved it out).
  const read = recordsInEvents
    ? 'SELECT pk, key, record FROM events WHERE pk > ? ORDER BY pk LIMIT 500'
    : 'SELECT e.pk, e.key, r.record FROM events e JOIN event_records r ON r.pk = e.pk WHERE e.pk > ? ORDER BY e.pk LIMIT 500';
  await t.run('UPDATE events SET cluster_id = NULL, sig = NULL');
  await t.run('DELETE FROM event_clusters');
  let last = -1;
  const touched = new Set<string>();
  for (;;) {
    const rows = await t.all<{ pk: number; key: string; record: string }>(read, [last]);
    if (!rows.length) break;
    for (const row of rows) {
      last = Number(row.pk);
      const rec = JSON.parse(row.record) as EventRecord;
      const sig = clusterSig(rec);
      const w = dateWindow(rec);
      let cluster: string | null = null;
      if (sig && w) cluster = chooseCluster(rec, await findCandidates(t, [{ sig, lo: w.lo, hi: w.hi }], recordsInEvents));
      cluster ??= row.key;
      await t.run('UPDATE events SET sig = ?, cluster_id = ? WHERE pk = ?', [sig, cluster, row.pk]);
      if (withDyads) await insertRows(t, DYADS_INSERT, 9, dyadCells(rec).map((c) => [Number(row.pk), ...c]));
      touched.add(cluster);
    }
  }
  await recountClusters(t, touched);
}

const backfillV2 = (t: Db) => relinkAll(t, true, true);

export const MIGRATIONS = migrations(backfillV2);
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const STOP = new Set('a an and are as at be by for from has have in is it its of on or that the to was were will with'.split(' '));

/** User text → FTS5 query: every word must occur (quoted, so punctuation is never syntax); "phrases" stay phrases; stop words dropped as PostgreSQL does. */
export function ftsQuery(q: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length) parts.push('"' + words.join(' ') + '"');
    } else {
      for (const w of m[2]!.match(/[\p{L}\p{N}]+/gu) ?? []) if (!STOP.has(w.toLowerCase())) parts.push('"' + w + '"');
    }
  }
  return parts.join(' ');
}

function clampLimit(n: number | undefined, dflt: number): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(n)));
}

function untilBound(d: string): string {
  // Inclusive: "2026-05" must keep "2026-05-31"; "~" sorts after every digit and "-".
  return d + '~';
}

/**
 * Date bounds select events whose date overlaps the range: "2026-01" (month precision) is kept by
 * since 2026-01-09 and by until 2026-01-05. until needs nothing more than untilBound; since also
 * accepts the coarse dates equal to its month or year.
 */
function sinceCond(col: string): string {
  return `(${col} >= ? OR ${col} = ? OR ${col} = ?)`;
}
function sinceParams(d: string): Param[] {
  return [d, d.slice(0, 7), d.slice(0, 4)];
}

function encodeCursor(day: string, pk: number): string {
  return Buffer.from(JSON.stringify([day, pk])).toString('base64url');
}
function decodeCursor(c: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'number') return [v[0], v[1]];
  } catch { /* fall through */ }
  throw new Error(`invalid cursor "${c}": pass nextCursor from the previous page unchanged`);
}

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  /** SQLite from schema 5: insertDoc fills the full-text index itself (the per-row trigger is gone). */
  private readonly ftsFill: boolean;
  /**
   * SQLite (ftsFill): sentences with an id above this are not yet in the full-text index. A write
   * transaction indexes them once, at its end (ftsCatchUp), not per article: FTS5 writes its pending
   * terms to disk as a new segment at every statement savepoint after an insert into it (each
   * document's SAVEPOINT, each multi-row INSERT), so indexing per article made one small segment per
   * article, and merging them cost more than the tokenising (probe: 2,000 corpus documents in
   * batches of 64, the first events INSERT after an article's FTS insert 0.23 vs 0.08 ms/doc without it).
   */
  private ftsMark = 0;
  constructor(readonly db: Db, version: number = SCHEMA_VERSION) {
    this.kind = db.dialect;
    this.ftsFill = db.dialect === 'sqlite' && version >= 5;
  }

  /** Opens over an adapter: applies pending migrations (up to `target`, for migration tests). */
  static async open(db: Db, target?: number): Promise<SqlStore> {
    return new SqlStore(db, await migrate(db, MIGRATIONS, target));
  }

  async schemaVersion(): Promise<number> {
    return currentVersion(this.db);
  }

  // ------------------------------------------------------------------ ingest

  saveDoc(doc: CodedDoc | PreparedDoc): Promise<SaveResult> {
    return this.db.tx(async (t) => {
      await this.ftsStart(t);
      const r = await this.saveIn(t, doc);
      await this.ftsCatchUp(t);
      return r;
    }, LOCK_KEY);
  }

  /** At a write transaction's start: every sentence stored so far is indexed (ftsMark). */
  private async ftsStart(t: Db): Promise<void> {
    if (this.ftsFill) this.ftsMark = Number((await t.get<{ m: number | null }>('SELECT max(id) AS m FROM sentences'))?.m ?? 0);
  }

  /** Indexes the sentences written since ftsMark (one statement: FTS5 fed row by row costs ~3× the CPU). */
  private async ftsCatchUp(t: Db): Promise<void> {
    if (!this.ftsFill) return;
    await t.run('INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?', [this.ftsMark]);
    this.ftsMark = Number((await t.get<{ m: number | null }>('SELECT max(id) AS m FROM sentences'))?.m ?? 0);
  }

  saveDocs(docs: (CodedDoc | PreparedDoc)[], opts: SaveDocsOptions = {}): Promise<(SaveResult | SaveFailure)[]> {
    // PostgreSQL's queries already give the event loop its turns; SQLite's run to COMMIT without one
    const slice = this.kind === 'sqlite' ? opts.slice ?? 0 : 0;
    if (opts.backgroundCheckpoints) this.db.backgroundCheckpoints?.();
    return this.db.tx(async (t) => {
      const out: (SaveResult | SaveFailure)[] = [];
      await this.ftsStart(t);
      for (const doc of docs) {
        if (slice > 0 && out.length > 0 && out.length % slice === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        await t.exec('SAVEPOINT entente_doc');
        // a rolled-back document also undoes a catch-up it ran (saveIn, on replacing an article)
        const mark = this.ftsMark;
        try {
          out.push(await this.saveIn(t, doc));
          await t.exec('RELEASE SAVEPOINT entente_doc');
        } catch (err) {
          await t.exec('ROLLBACK TO SAVEPOINT entente_doc');
          await t.exec('RELEASE SAVEPOINT entente_doc');
          this.ftsMark = mark;
          out.push({ status: 'failed', docId: isPrepared(doc) ? doc.docId : doc.id, error: (err as Error)?.message ?? String(err) });
        }
      }
      await this.ftsCatchUp(t);
      return out;
    }, LOCK_KEY);
  }

  private async saveIn(t: Db, doc: CodedDoc | PreparedDoc): Promise<SaveResult> {
    // a coded document is turned into rows here; ingest's workers send them ready (prepare.ts)
    const p = isPrepared(doc) ? doc : prepareDoc(doc);
    const same = await t.get<{ id: string }>('SELECT id FROM articles WHERE content_hash = ?', [p.hash]);
    if (same) return { status: 'unchanged', articleId: same.id, events: 0 };
    const touched = new Set<string>();
    const old = await t.get<{ id: string }>('SELECT id FROM articles WHERE url_key = ?', [p.key]);
    if (old) {
      // the delete trigger takes the old sentences out of the index: they must be in it first (they may
      // have been written earlier in this transaction), and the ids they free may be reused
      await this.ftsCatchUp(t);
      await this.deleteRows(t, old.id, touched);
      await this.ftsStart(t);
    }
    const events = await this.insertDoc(t, p, touched);
    await recountClusters(t, touched);
    return { status: old ? 'replaced' : 'stored', articleId: p.articleId, events };
  }

  private async insertDoc(t: Db, p: PreparedDoc, touched: Set<string>): Promise<number> {
    const id = p.articleId;
    await t.run(
      `INSERT INTO articles (id, doc_id, url_key, content_hash, url, canonical_url, outlet, published, title, language, ref_date, english, text, metadata, times, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, p.docId, p.key, p.hash, ...p.article, p.text, p.metadata, p.times, new Date().toISOString()],
    );
    await insertRows(t, 'INSERT INTO sentences (article_id, idx, start_off, end_off, text)', 5,
      p.sentences.map(([idx, start, end, text]) => [id, idx, start, end, text ?? p.text.slice(start as number, end as number)]));
    // the full-text index is filled at the end of the transaction (ftsCatchUp; schema 5)
    // the latest description of an id wins; an id described as before (the common case) is not rewritten
    await insertRows(t, 'INSERT INTO entities (id, name, kind, country_code, sector, code, office)', 7, p.entities,
      ' ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country_code = excluded.country_code, sector = excluded.sector, code = excluded.code, office = excluded.office'
      + ' WHERE entities.name IS DISTINCT FROM excluded.name OR entities.kind IS DISTINCT FROM excluded.kind OR entities.country_code IS DISTINCT FROM excluded.country_code'
      + ' OR entities.sector IS DISTINCT FROM excluded.sector OR entities.code IS DISTINCT FROM excluded.code OR entities.office IS DISTINCT FROM excluded.office');
    await insertRows(t, 'INSERT INTO mentions (article_id, idx, sentence, start_off, end_off, type, entity_id, data)', 8, p.mentions.map((r) => [id, ...r]));
    await insertRows(t, 'INSERT INTO quotes (article_id, idx, speaker_id, direct, data)', 5, p.quotes.map((r) => [id, ...r]));
    await insertRows(t, 'INSERT INTO messages (article_id, idx, origin, severity, text, start_off, end_off)', 7, p.messages.map((r) => [id, ...r]));

    if (!p.events.length) return 0;
    // Clusters: reports already stored in the window, then earlier reports of this same article.
    const wanted: { sig: string; lo: string; hi: string }[] = [];
    for (const e of p.events) if (e.sig && e.lo !== null && e.hi !== null) wanted.push({ sig: e.sig, lo: e.lo, hi: e.hi });
    const candidates = wanted.length ? await findCandidates(t, wanted) : [];
    const rows: Param[][] = [];
    for (const e of p.events) {
      let cluster = e.key;
      if (e.sig) {
        // the record itself is needed only to compare it with the candidates
        const r = JSON.parse(e.json) as EventRecord;
        cluster = chooseCluster(r, candidates) ?? e.key;
        candidates.push({ cluster_id: cluster, day_sort: e.day, record: r });
      }
      touched.add(cluster);
      rows.push([...e.row, cluster, e.sig]);
    }
    const pks = new Map<string, number>();
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      const ret = await t.all<{ pk: number; key: string }>(
        `INSERT INTO events (key, article_id, record_id, outlet, sentence, date, date_precision, day_sort, event, cameo, quad, goldstein, intensity, confidence, negated, modality, cluster_id, sig)
         VALUES ${new Array(chunk.length).fill(placeholders(18)).join(',')} RETURNING pk, key`,
        chunk.flat(),
      );
      for (const r of ret) pks.set(r.key, Number(r.pk));
    }
    const actorRows: Param[][] = [];
    const dyads: Param[][] = [];
    const records: Param[][] = [];
    for (const e of p.events) {
      const pk = pks.get(e.key)!;
      records.push([pk, e.json]);
      for (const r of e.actors) actorRows.push([pk, ...r]);
      for (const c of e.dyads) dyads.push([pk, ...c]);
    }
    await insertRows(t, 'INSERT INTO event_records (pk, record)', 2, records);
    await insertRows(t, 'INSERT INTO event_actors (event_pk, role, pos, entity_id, country_code, sector, code, name)', 8, actorRows);
    await insertRows(t, DYADS_INSERT, 9, dyads);
    return p.events.length;
  }

  private async deleteRows(t: Db, id: string, touched: Set<string>): Promise<void> {
    for (const r of await t.all<{ cluster_id: string | null }>('SELECT DISTINCT cluster_id FROM events WHERE article_id = ?', [id])) {
      if (r.cluster_id) touched.add(r.cluster_id);
    }
    await t.run('DELETE FROM event_dyads WHERE event_pk IN (SELECT pk FROM events WHERE article_id = ?)', [id]);
    await t.run('DELETE FROM event_actors WHERE event_pk IN (SELECT pk FROM events WHERE article_id = ?)', [id]);
    await t.run('DELETE FROM event_records WHERE pk IN (SELECT pk FROM events WHERE article_id = ?)', [id]);
    for (const table of ['events', 'sentences', 'mentions', 'quotes', 'messages']) {
      await t.run(`DELETE FROM ${table} WHERE article_id = ?`, [id]);
    }
    await t.run('DELETE FROM articles WHERE id = ?', [id]);
  }

  /** Re-links all stored reports into clusters under the current rules (after a rule change; one transaction). */
  relink(): Promise<void> {
    return this.db.tx((t) => relinkAll(t, false), LOCK_KEY);
  }

  deleteArticle(id: string): Promise<boolean> {
    return this.db.tx(async (t) => {
      if (!(await t.get('SELECT id FROM articles WHERE id = ?', [id]))) return false;
      const touched = new Set<string>();
      await this.deleteRows(t, id, touched);
      await recountClusters(t, touched);
      return true;
    }, LOCK_KEY);
  }

  // ------------------------------------------------------------------ queries

  /** Actor argument → the keys (entity ids, country codes) it stands for. */
  async resolveKeys(arg: ActorArg): Promise<string[]> {
    const keys = new Set<string>();
    for (const s0 of Array.isArray(arg) ? arg : [arg]) {
      const s = s0.trim();
      if (!s) continue;
      keys.add(s);
      if (/^[a-z]{3}$/i.test(s)) keys.add(s.toUpperCase());
      for (const r of await this.db.all<{ id: string }>('SELECT id FROM entities WHERE lower(name) = lower(?)', [s])) keys.add(r.id);
    }
    return [...keys];
  }

  private async eventWhere(q: EventQuery): Promise<{ where: string[]; params: Param[] }> {
    const where: string[] = [];
    const params: Param[] = [];
    const keep = keepCond('e', q.exclude);
    if (keep) { where.push(keep.sql); params.push(...keep.params); }
    const role = async (arg: ActorArg, r: 'actor' | 'recipient') => {
      const k = await this.resolveKeys(arg);
      where.push(`e.pk IN (SELECT event_pk FROM event_actors WHERE role = ? AND (entity_id IN ${inList(k)} OR country_code IN ${inList(k)}))`);
      params.push(r, ...k, ...k);
    };
    if (q.actor !== undefined) await role(q.actor, 'actor');
    if (q.recipient !== undefined) await role(q.recipient, 'recipient');
    if (q.dyad) {
      const a = await this.resolveKeys(q.dyad[0]);
      const b = await this.resolveKeys(q.dyad[1]);
      where.push(`e.pk IN (SELECT event_pk FROM event_dyads WHERE (a_key IN ${inList(a)} AND b_key IN ${inList(b)}) OR (a_key IN ${inList(b)} AND b_key IN ${inList(a)}))`);
      params.push(...a, ...b, ...b, ...a);
    }
    if (q.type) {
      if (/^\d+$/.test(q.type)) { where.push('e.cameo LIKE ?'); params.push(q.type + '%'); }
      else { where.push('e.event = ?'); params.push(q.type.toUpperCase()); }
    }
    if (q.since) { where.push(sinceCond('e.day_sort')); params.push(...sinceParams(q.since)); }
    if (q.until) { where.push("e.day_sort <> '' AND e.day_sort <= ?"); params.push(untilBound(q.until)); }
    if (q.minConfidence !== undefined) { where.push('e.confidence >= ?'); params.push(q.minConfidence); }
    if (q.articleId) { where.push('e.article_id = ?'); params.push(q.articleId); }
    if (q.clusterId) { where.push('e.cluster_id = ?'); params.push(q.clusterId); }
    if (q.text) {
      if (this.kind === 'sqlite') {
        where.push(`e.pk IN (SELECT ev.pk FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN events ev ON ev.article_id = s.article_id AND ev.sentence = s.idx WHERE sentences_fts MATCH ?)`);
        params.push(ftsQuery(q.text) || '""');
      } else {
        where.push(`e.pk IN (SELECT ev.pk FROM sentences s JOIN events ev ON ev.article_id = s.article_id AND ev.sentence = s.idx WHERE s.tsv @@ websearch_to_tsquery('english', ?))`);
        params.push(q.text);
      }
    }
    return { where, params };
  }

  async events(q: EventQuery = {}): Promise<EventPage> {
    const limit = clampLimit(q.limit, 50);
    if (q.dyad && !q.actor && !q.recipient && !q.type && !q.text && !q.articleId && !q.clusterId && !q.exclude?.length) return this.dyadEvents(q, limit);
    const { where, params } = await this.eventWhere(q);
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const total = (await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM events e ${w}`, params))!.n;
    const pageWhere = [...where];
    const pageParams = [...params];
    let offset = Math.max(0, Math.floor(q.offset ?? 0));
    if (q.cursor) {
      const [day, pk] = decodeCursor(q.cursor);
      pageWhere.push('(e.day_sort < ? OR (e.day_sort = ? AND e.pk < ?))');
      pageParams.push(day, day, pk);
      offset = 0;
    }
    const pw = pageWhere.length ? 'WHERE ' + pageWhere.join(' AND ') : '';
    // Two steps: the page's keys from the small events rows, then the record JSON for those rows
    // only. In one joined query the planners read the JSON of every match (3.7 s for an actor with
    // 200k events at 1M) or scanned all events to probe the page (4.3 s).
    const keys = await this.db.all<{ pk: number }>(
      `SELECT e.pk FROM events e ${pw} ORDER BY e.day_sort DESC, e.pk DESC LIMIT ? OFFSET ?`, [...pageParams, limit + 1, offset]);
    const rows = await this.rowsByPk(keys.map((k) => Number(k.pk)));
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { total, events: page.map(toStored), nextCursor: more && last ? encodeCursor(last.day_sort, Number(last.pk)) : null };
  }

  /**
   * events() for the commonest view, a dyad with dates or confidence: total and page come from
   * the dyad index alone (it holds day_sort and confidence), then only the page's rows are read.
   */
  private async dyadEvents(q: EventQuery, limit: number): Promise<EventPage> {
    const a = await this.resolveKeys(q.dyad![0]);
    const b = await this.resolveKeys(q.dyad![1]);
    const filt: string[] = [];
    const fp: Param[] = [];
    if (q.since) { filt.push(sinceCond('day_sort')); fp.push(...sinceParams(q.since)); }
    if (q.until) { filt.push("day_sort <> '' AND day_sort <= ?"); fp.push(untilBound(q.until)); }
    if (q.minConfidence !== undefined) { filt.push('confidence >= ?'); fp.push(q.minConfidence); }
    const extra = filt.map((f) => ' AND ' + f).join('');
    const sub = `SELECT event_pk, day_sort FROM event_dyads WHERE a_key IN ${inList(a)} AND b_key IN ${inList(b)}${extra}
      UNION SELECT event_pk, day_sort FROM event_dyads WHERE a_key IN ${inList(b)} AND b_key IN ${inList(a)}${extra}`;
    const sp = [...a, ...b, ...fp, ...b, ...a, ...fp];
    const total = Number((await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM (${sub}) x`, sp))!.n);
    let offset = Math.max(0, Math.floor(q.offset ?? 0));
    let cur = '';
    const cp: Param[] = [];
    if (q.cursor) {
      const [day, pk] = decodeCursor(q.cursor);
      cur = 'WHERE (day_sort < ? OR (day_sort = ? AND event_pk < ?))';
      cp.push(day, day, pk);
      offset = 0;
    }
    const page = await this.db.all<{ event_pk: number; day_sort: string }>(
      `SELECT event_pk, day_sort FROM (${sub}) x ${cur} ORDER BY day_sort DESC, event_pk DESC LIMIT ? OFFSET ?`, [...sp, ...cp, limit + 1, offset]);
    const more = page.length > limit;
    const events = await this.rowsByPk(page.slice(0, limit).map((r) => Number(r.event_pk)));
    const last = events[events.length - 1];
    return { total, events: events.map(toStored), nextCursor: more && last ? encodeCursor(last.day_sort, Number(last.pk)) : null };
  }

  /** Full rows for these event keys, in the order given. */
  private async rowsByPk(pks: number[]): Promise<EventRow[]> {
    if (!pks.length) return [];
    const rows = await this.db.all<EventRow>(`SELECT ${EVENT_COLS} FROM ${EVENT_FROM} WHERE e.pk IN ${inList(pks.map(String))}`, pks);
    const byPk = new Map(rows.map((r) => [Number(r.pk), r]));
    return pks.map((pk) => byPk.get(pk)).filter((r): r is EventRow => !!r);
  }

  async getEvent(key: string): Promise<StoredEvent | null> {
    const r = await this.db.get<EventRow>(`SELECT ${EVENT_COLS} FROM ${EVENT_FROM} WHERE e.key = ?`, [key]);
    return r ? toStored(r) : null;
  }

  async timeline(q: TimelineQuery): Promise<Timeline> {
    const by: Period = q.by ?? 'month';
    const A = await this.resolveKeys(q.a);
    const B = await this.resolveKeys(q.b);
    let period: string;
    let precise: string;
    if (by === 'year') { period = 'substr(day_sort, 1, 4)'; precise = "day_sort <> ''"; }
    else if (by === 'month') { period = 'substr(day_sort, 1, 7)'; precise = "coalesce(date_precision, '') IN ('day', 'month')"; }
    else {
      period = this.kind === 'sqlite' ? "strftime('%G-W%V', day_sort)" : `to_char(to_date(day_sort, 'YYYY-MM-DD'), 'IYYY-"W"IW')`;
      precise = "coalesce(date_precision, '') = 'day'";
    }
    const filt: string[] = [];
    const fp: Param[] = [];
    if (q.since) { filt.push(sinceCond('day_sort')); fp.push(...sinceParams(q.since)); }
    if (q.until) { filt.push('day_sort <= ?'); fp.push(untilBound(q.until)); }
    if (q.minConfidence !== undefined) { filt.push('confidence >= ?'); fp.push(q.minConfidence); }
    // opt-in: one primary-key probe of the events row per dyad row (the default path stays index-only)
    const keep = keepCond('x', q.exclude);
    if (keep) { filt.push(`EXISTS (SELECT 1 FROM events x WHERE x.pk = event_dyads.event_pk AND ${keep.sql})`); fp.push(...keep.params); }
    const extra = filt.map((f) => ' AND ' + f).join('');
    const dir = (x: string[], y: string[]) => `a_key IN ${inList(x)} AND b_key IN ${inList(y)}${extra}`;
    // DISTINCT per event: an event can reach the dyad through several keys (country and id). With
    // one key a side it cannot (dyad rows are unique per key pair), and the sort is skipped.
    const distinct = A.length > 1 || B.length > 1 ? 'DISTINCT' : '';
    // One index range scan per direction; rows too coarse for the bucket get a NULL period and are
    // counted as unbucketed instead of being read a second time.
    const bucket = `CASE WHEN ${precise} THEN ${period} END`;
    const all = await this.db.all<{ period: string | null; dir: string; n: number; q1: number; q2: number; q3: number; q4: number; g: number | null; i: number | null }>(
      `SELECT period, dir, count(*) AS n,
         sum(CASE WHEN quad = 1 THEN 1 ELSE 0 END) AS q1, sum(CASE WHEN quad = 2 THEN 1 ELSE 0 END) AS q2,
         sum(CASE WHEN quad = 3 THEN 1 ELSE 0 END) AS q3, sum(CASE WHEN quad = 4 THEN 1 ELSE 0 END) AS q4,
         avg(goldstein) AS g, avg(intensity) AS i
       FROM (
         SELECT ${distinct} event_pk, 'a->b' AS dir, ${bucket} AS period, quad, goldstein, intensity FROM event_dyads WHERE ${dir(A, B)}
         UNION ALL
         SELECT ${distinct} event_pk, 'b->a' AS dir, ${bucket} AS period, quad, goldstein, intensity FROM event_dyads WHERE ${dir(B, A)}
       ) x GROUP BY period, dir`,
      [...A, ...B, ...fp, ...B, ...A, ...fp],
    );
    const rows = all.filter((r) => r.period !== null).sort((x, y) => (x.period! < y.period! ? -1 : x.period! > y.period! ? 1 : x.dir < y.dir ? -1 : 1));
    const unbucketed = all.filter((r) => r.period === null).reduce((n, r) => n + Number(r.n), 0);
    const out: TimelineRow[] = rows.map((r) => ({
      period: r.period!,
      direction: r.dir === 'a->b' ? 'a->b' : 'b->a',
      count: Number(r.n),
      quad: { 1: Number(r.q1), 2: Number(r.q2), 3: Number(r.q3), 4: Number(r.q4) },
      goldstein_mean: r.g === null ? null : round(Number(r.g)),
      intensity_mean: r.i === null ? null : round(Number(r.i)),
    }));
    return { by, rows: out, unbucketed };
  }

  async topActors(q: TopActorsQuery = {}): Promise<TopActor[]> {
    const top = clampLimit(q.top, 20);
    const where: string[] = [];
    const params: Param[] = [];
    if (q.role && q.role !== 'any') { where.push('ea.role = ?'); params.push(q.role); }
    let join = '';
    if (q.since || q.until) {
      join = 'JOIN events e ON e.pk = ea.event_pk';
      if (q.since) { where.push(sinceCond('e.day_sort')); params.push(...sinceParams(q.since)); }
      if (q.until) { where.push("e.day_sort <> '' AND e.day_sort <= ?"); params.push(untilBound(q.until)); }
    }
    const rows = await this.db.all<{ id: string; n: number; na: number; nr: number; name: string | null; kind: string | null; country_code: string | null; code: string | null }>(
      `SELECT t.id, t.n, t.na, t.nr, en.name, en.kind, en.country_code, en.code FROM (
         SELECT ea.entity_id AS id, count(DISTINCT ea.event_pk) AS n,
           count(DISTINCT CASE WHEN ea.role = 'actor' THEN ea.event_pk END) AS na,
           count(DISTINCT CASE WHEN ea.role = 'recipient' THEN ea.event_pk END) AS nr
         FROM event_actors ea ${join} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         GROUP BY ea.entity_id ORDER BY n DESC, ea.entity_id LIMIT ?
       ) t LEFT JOIN entities en ON en.id = t.id ORDER BY t.n DESC, t.id`,
      [...params, top],
    );
    // The entities row holds an id's latest description, which may be an unusual one (a state's id
    // coded as its civilians, USACVL; a person coded without office): show each actor's code as it
    // is most often coded in the events counted, and an id coded mostly as itself (a state's KB id
    // is its country code) as a state.
    const usual = new Map<string, string>();
    if (rows.length) {
      const ids = rows.map((r) => r.id);
      const codes = await this.db.all<{ id: string; code: string | null; n: number }>(
        `SELECT ea.entity_id AS id, ea.code, count(*) AS n FROM event_actors ea ${join}
         WHERE ${[...where, `ea.entity_id IN ${placeholders(ids.length)}`].join(' AND ')}
         GROUP BY ea.entity_id, ea.code ORDER BY ea.entity_id, n DESC, ea.code`,
        [...params, ...ids],
      );
      for (const c of codes) if (c.code && !usual.has(c.id)) usual.set(c.id, c.code);
    }
    return rows.map((r) => {
      const code = usual.get(r.id) ?? r.code ?? '';
      return {
        id: r.id, name: r.name ?? r.id, kind: code === r.id && r.country_code === r.id ? 'state' : r.kind ?? 'group', country_code: r.country_code, code,
        events: Number(r.n), as_actor: Number(r.na), as_recipient: Number(r.nr),
      };
    });
  }

  async searchSentences(q: SearchQuery): Promise<SearchPage> {
    const limit = clampLimit(q.limit, 20);
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    type Row = { article_id: string; doc_id: string; idx: number; text: string; snip: string; title: string | null; published: string | null };
    let rows: Row[];
    let total: number;
    if (this.kind === 'sqlite') {
      const m = ftsQuery(q.q);
      if (!m) return { total: 0, hits: [] };
      total = (await this.db.get<{ n: number }>('SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH ?', [m]))!.n;
      rows = await this.db.all<Row>(
        `SELECT s.article_id, a.doc_id, s.idx, s.text, snippet(sentences_fts, 0, '[', ']', '…', 24) AS snip, a.title, a.published
         FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN articles a ON a.id = s.article_id
         WHERE sentences_fts MATCH ? ORDER BY rank, s.article_id, s.idx LIMIT ? OFFSET ?`, [m, limit, offset]);
    } else {
      total = (await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM sentences WHERE tsv @@ websearch_to_tsquery('english', ?)`, [q.q]))!.n;
      rows = await this.db.all<Row>(
        `SELECT s.article_id, a.doc_id, s.idx, s.text, ts_headline('english', s.text, query, 'StartSel=[, StopSel=], MaxWords=24, MinWords=12, FragmentDelimiter=…') AS snip, a.title, a.published
         FROM sentences s JOIN articles a ON a.id = s.article_id, websearch_to_tsquery('english', ?) query
         WHERE s.tsv @@ query ORDER BY ts_rank(s.tsv, query) DESC, s.article_id, s.idx LIMIT ? OFFSET ?`, [q.q, limit, offset]);
    }
    return {
      total: Number(total),
      hits: rows.map((r) => ({ articleId: r.article_id, docId: r.doc_id, title: r.title, published: r.published, sentence: Number(r.idx), text: r.text, snippet: r.snip })),
    };
  }

  async listArticles(q: ArticleListQuery = {}): Promise<{ total: number; articles: ArticleSummary[] }> {
    const limit = clampLimit(q.limit, 50);
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const total = (await this.db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))!.n;
    const rows = await this.db.all<ArticleSummary & { events: number }>(
      `SELECT a.id, a.title, a.url, a.outlet, a.published, a.language, a.ingested_at,
         (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
       FROM articles a ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?`, [limit, offset]);
    return { total: Number(total), articles: rows.map((r) => ({ ...r, events: Number(r.events) })) };
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    type A = { id: string; doc_id: string; content_hash: string; outlet: string | null; ingested_at: string; text: string; metadata: string; times: string; ref_date: string | null; english: number };
    const a = await this.db.get<A>('SELECT id, doc_id, content_hash, outlet, ingested_at, text, metadata, times, ref_date, english FROM articles WHERE id = ?', [id]);
    if (!a) return null;
    const sentences = await this.db.all<{ idx: number; start_off: number; end_off: number; text: string }>('SELECT idx, start_off, end_off, text FROM sentences WHERE article_id = ? ORDER BY idx', [id]);
    const mentions = await this.db.all<{ data: string }>('SELECT data FROM mentions WHERE article_id = ? ORDER BY idx', [id]);
    const quotes = await this.db.all<{ data: string }>('SELECT data FROM quotes WHERE article_id = ? ORDER BY idx', [id]);
    const messages = await this.db.all<{ origin: string; severity: Message['severity']; text: string; start_off: number | null; end_off: number | null }>(
      'SELECT origin, severity, text, start_off, end_off FROM messages WHERE article_id = ? ORDER BY idx', [id]);
    const events = await this.db.all<EventRow>(`SELECT ${EVENT_COLS} FROM ${EVENT_FROM} WHERE e.article_id = ? ORDER BY e.pk`, [id]);
    const article = { ...(JSON.parse(a.metadata) as Omit<Article, 'body'>), body: a.text } as Article;
    return {
      id: a.id, docId: a.doc_id, contentHash: a.content_hash, outlet: a.outlet, ingested_at: a.ingested_at,
      article, text: a.text, refDate: a.ref_date, english: Number(a.english) === 1,
      messages: messages.map((m) => {
        const out: Message = { origin: m.origin, severity: m.severity, text: m.text };
        if (m.start_off !== null) out.start = Number(m.start_off);
        if (m.end_off !== null) out.end = Number(m.end_off);
        return out;
      }),
      sentences: sentences.map((s) => ({ index: Number(s.idx), start: Number(s.start_off), end: Number(s.end_off), text: s.text })),
      mentions: mentions.map((m) => JSON.parse(m.data) as Mention),
      times: JSON.parse(a.times) as TimeExpr[],
      quotes: quotes.map((q) => JSON.parse(q.data) as Quote),
      events: events.map(toStored),
    };
  }

  async stats(): Promise<StoreStats> {
    const n = async (sql: string) => Number((await this.db.get<{ n: number }>(sql))!.n);
    // "> ''" (not "<> ''") keeps min/max an index seek on events_day.
    const d = await this.db.get<{ lo: string | null; hi: string | null }>("SELECT min(day_sort) AS lo, max(day_sort) AS hi FROM events WHERE day_sort > ''");
    const quads = await this.db.all<{ quad: number; n: number }>('SELECT quad, count(*) AS n FROM events GROUP BY quad');
    const by_quad = { 1: 0, 2: 0, 3: 0, 4: 0 };
    for (const r of quads) if (r.quad >= 1 && r.quad <= 4) by_quad[r.quad as 1 | 2 | 3 | 4] = Number(r.n);
    return {
      articles: await n('SELECT count(*) AS n FROM articles'),
      sentences: await n('SELECT count(*) AS n FROM sentences'),
      events: await n('SELECT count(*) AS n FROM events'),
      clusters: await n('SELECT count(*) AS n FROM event_clusters'),
      linked_clusters: await n('SELECT count(*) AS n FROM event_clusters WHERE mentions > 1'),
      linked_reports: await n('SELECT coalesce(sum(mentions), 0) AS n FROM event_clusters WHERE mentions > 1'),
      entities: await n('SELECT count(*) AS n FROM entities'),
      mentions: await n('SELECT count(*) AS n FROM mentions'),
      quotes: await n('SELECT count(*) AS n FROM quotes'),
      messages: await n('SELECT count(*) AS n FROM messages'),
      outlets: await n('SELECT count(DISTINCT outlet) AS n FROM articles'),
      first_date: d?.lo ?? null,
      last_date: d?.hi ?? null,
      by_quad,
      schema_version: await currentVersion(this.db),
    };
  }

  async *allEvents(batchSize = 1000): AsyncGenerator<StoredEvent> {
    let last = -1;
    for (;;) {
      const rows = await this.db.all<EventRow>(`SELECT ${EVENT_COLS} FROM ${EVENT_FROM} WHERE e.pk > ? ORDER BY e.pk LIMIT ?`, [last, batchSize]);
      if (!rows.length) return;
      for (const r of rows) yield toStored(r);
      last = Number(rows[rows.length - 1]!.pk);
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The condition (on events alias `t`) keeping only records not of the excluded kinds; null when none is excluded. */
function keepCond(t: string, exclude: readonly ExcludeKind[] | undefined): { sql: string; params: Param[] } | null {
  if (!exclude?.length) return null;
  const parts: string[] = [];
  const params: Param[] = [];
  if (exclude.includes('negated')) parts.push(`${t}.negated = 0`);
  const moods = [...new Set(exclude.filter((k) => k !== 'negated'))];
  if (moods.length) {
    parts.push(`${t}.modality NOT IN (${moods.map(() => '?').join(', ')})`);
    params.push(...moods);
  }
  return { sql: parts.join(' AND '), params };
}
