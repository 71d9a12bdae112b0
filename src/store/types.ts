// The Store interface: one contract, two implementations (SQLite embedded, PostgreSQL).
// Both are proven by the same suite (test/store/store.suite.ts). Everything is async so the
// HTTP layer can call either from fastify handlers.
//
// Actor arguments (ActorArg) are matched against what was stored on the event's entities:
// a country code ("RUS", "IGO"), an entity id ("person/sergei-shoigu", "RUS"), or a name
// ("Russia", "Taliban": case-insensitive match on the entity name). Callers that hold a KB
// may resolve names to ids first (src/store/resolve.ts resolveActorArg); the store itself
// never needs the KB.

import type { Article, CodedDoc, EventRecord, Mention, Message, Quote, Sentence, TimeExpr } from '../types.js';
import type { PreparedDoc } from './prepare.js';

/** Country code, entity id, or entity name. A string[] means "any of these" (e.g. the ids a name resolved to). */
export type ActorArg = string | string[];

export type SaveStatus = 'stored' | 'replaced' | 'unchanged';

export interface SaveResult {
  status: SaveStatus;
  /** Stable article id: derived from the canonical URL (or the doc id when there is none); kept when a new version replaces the old. */
  articleId: string;
  /** Number of event records stored for this article (0 when unchanged). */
  events: number;
}

export interface SaveFailure {
  status: 'failed';
  docId: string;
  error: string;
}

/** Filters for events(). All optional; combined with AND. */
export interface EventQuery {
  /** Events where this actor is among the actors. */
  actor?: ActorArg;
  /** Events where this actor is among the recipients. */
  recipient?: ActorArg;
  /** Events between the two, either direction (a→b or b→a). */
  dyad?: [ActorArg, ActorArg];
  /** PLOVER type ("CONSULT", case-insensitive) or CAMEO code prefix ("05", "054"): digits mean CAMEO. */
  type?: string;
  /** Inclusive bounds on the event date, "YYYY", "YYYY-MM" or "YYYY-MM-DD". An event is kept when its date overlaps the range ("2026-01" overlaps since 2026-01-09); undated events are excluded when either is set. */
  since?: string;
  until?: string;
  minConfidence?: number;
  /** Full-text query over the event's sentence (same syntax as searchSentences). */
  text?: string;
  /** Only events of this article. */
  articleId?: string;
  /** Only events of this cluster (same real-world event across reports). */
  clusterId?: string;
  /** Leave out records of these kinds (see ExcludeKind). */
  exclude?: readonly ExcludeKind[];
  /** Page size, default 50, max 1000. */
  limit?: number;
  /** Offset paging (ignored when cursor is given). */
  offset?: number;
  /** Keyset paging: pass EventPage.nextCursor of the previous page. */
  cursor?: string;
}

/** One stored report of an event, with its article and cluster. */
export interface StoredEvent {
  /** Store-wide event key ("<articleId>/<record.id>"), stable while the article version is unchanged. */
  key: string;
  articleId: string;
  /** Outlet / site of the article (article.site, else the URL host), or null. */
  outlet: string | null;
  /** The record exactly as the coder produced it (the EventRecord contract). */
  record: EventRecord;
  cluster: ClusterInfo;
}

export interface ClusterInfo {
  id: string;
  /** Reports (event records) linked to this real-world event: what GDELT's NumMentions pretends to be. */
  mentions: number;
  /** Distinct articles reporting it. */
  articles: number;
  /** Distinct outlets reporting it. */
  outlets: number;
}

/** Ordered by event date descending (undated last), then newest ingested first. */
export interface EventPage {
  /** Total matching events (ignoring limit/offset/cursor). */
  total: number;
  events: StoredEvent[];
  /** Cursor for the next page, or null when this page is the last. */
  nextCursor: string | null;
}

export type Period = 'month' | 'week' | 'year';

export interface TimelineQuery {
  a: ActorArg;
  b: ActorArg;
  /** default month. Week buckets are ISO weeks ("2026-W20") and need day-precision dates. */
  by?: Period;
  since?: string;
  until?: string;
  minConfidence?: number;
  /** Leave out records of these kinds (default: none, every stored record counts). */
  exclude?: readonly ExcludeKind[];
}

/**
 * Kinds of record a reader may leave out of counts and lists: `negated` ("will not evacuate its
 * embassy") and the modalities other than asserted. A negated or hypothetical record is a coded
 * statement, not an act, so a relations timeline over acts leaves them out; intents (`future`,
 * CAMEO 03x) and reported claims (`claimed`) are events in CAMEO's own terms and stay unless asked.
 */
export type ExcludeKind = 'negated' | 'hypothetical' | 'future' | 'claimed' | 'historical';
export const EXCLUDE_KINDS: readonly ExcludeKind[] = ['negated', 'hypothetical', 'future', 'claimed', 'historical'];

export interface TimelineRow {
  /** "2026-05" (month), "2026-W20" (ISO week), "2026" (year) */
  period: string;
  /** a→b: a acted on b; b→a: the reverse */
  direction: 'a->b' | 'b->a';
  count: number;
  /** counts by quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict */
  quad: { 1: number; 2: number; 3: number; 4: number };
  goldstein_mean: number | null;
  intensity_mean: number | null;
}

export interface Timeline {
  by: Period;
  /** Rows sorted by period then direction (a->b first); periods with no events are absent. */
  rows: TimelineRow[];
  /** Events between a and b whose date is missing or too coarse for the bucket (e.g. month-precision in a week timeline). */
  unbucketed: number;
}

export interface TopActorsQuery {
  /** default 20 */
  top?: number;
  role?: 'actor' | 'recipient' | 'any';
  since?: string;
  until?: string;
}

export interface TopActor {
  id: string;
  name: string;
  kind: string;
  country_code: string | null;
  code: string;
  /** events where it is actor or recipient (each event counted once) */
  events: number;
  as_actor: number;
  as_recipient: number;
}

export interface SearchQuery {
  /** Words (all must occur; stemmed, English); "quoted phrases" match as phrases. */
  q: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  articleId: string;
  /** The article's document id (a local file's path, else its URL or given id): what `entente search` shows for an untitled article. */
  docId: string;
  title: string | null;
  published: string | null;
  sentence: number;
  text: string;
  /** The sentence with matched terms wrapped in [ and ], shortened around the match. */
  snippet: string;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  events: number;
  ingested_at: string;
}

export interface ArticleListQuery {
  limit?: number;
  offset?: number;
  /** newest published first (default) */
}

/** An article with all stored annotations: the CodedDoc parts. Sentences come back without tokens (tokens are not stored). */
export interface StoredArticle {
  id: string;
  docId: string;
  contentHash: string;
  outlet: string | null;
  ingested_at: string;
  article: Article;
  text: string;
  refDate: string | null;
  english: boolean;
  messages: Message[];
  sentences: Omit<Sentence, 'tokens'>[];
  mentions: Mention[];
  times: TimeExpr[];
  quotes: Quote[];
  events: StoredEvent[];
}

export interface StoreStats {
  articles: number;
  sentences: number;
  events: number;
  clusters: number;
  /** clusters that link two or more reports, and the reports in them */
  linked_clusters: number;
  linked_reports: number;
  entities: number;
  mentions: number;
  quotes: number;
  messages: number;
  outlets: number;
  /** earliest / latest event date */
  first_date: string | null;
  last_date: string | null;
  by_quad: { 1: number; 2: number; 3: number; 4: number };
  schema_version: number;
}

export interface SaveDocsOptions {
  /**
   * Documents written between two turns of the event loop (SQLite's writes are synchronous, so a
   * whole batch would hold this thread until COMMIT: ingest's workers got no new documents meanwhile).
   * The transaction stays one (atomic batch); 0 = no yield.
   */
  slice?: number;
  /**
   * SQLite: from this batch on, the WAL is checkpointed by a second connection on a worker thread
   * instead of inside this thread's COMMITs (SqliteDb.backgroundCheckpoints); ignored elsewhere.
   */
  backgroundCheckpoints?: boolean;
}

export interface Store {
  /** "sqlite" or "postgres" */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Idempotent, atomic ingest of one coded document (one transaction).
   * Same content hash already stored → 'unchanged' (nothing written).
   * Same article key (canonical URL, else URL, else doc id) with new content → 'replaced'
   * (old version's rows removed, new ones written, clusters recounted).
   * Otherwise 'stored'. Each event is linked to an existing cluster when it reports the same
   * real-world event (see src/store/cluster.ts), else starts a new one.
   */
  saveDoc(doc: CodedDoc | PreparedDoc): Promise<SaveResult>;
  /**
   * Bulk ingest: the documents in one transaction, each inside its own savepoint, so a document
   * that fails is rolled back alone (status 'failed', with its error) and the others are kept.
   * Same rules as saveDoc otherwise; much faster for loading many documents at once.
   * A document may come as a PreparedDoc (prepare.ts: its rows, computed where it was coded).
   * `slice` (optional): write this many documents, then let the event loop run (worker results,
   * dispatch) before the next ones, inside the same transaction; 0 or absent = all in one go.
   */
  saveDocs(docs: (CodedDoc | PreparedDoc)[], opts?: SaveDocsOptions): Promise<(SaveResult | SaveFailure)[]>;
  /** Filtered, paged events with the total count. */
  events(q?: EventQuery): Promise<EventPage>;
  /** One event by StoredEvent.key, or null. */
  getEvent(key: string): Promise<StoredEvent | null>;
  /** Per-period, per-direction counts by quad class with mean Goldstein / PLOVER intensity, aggregated in the database. */
  timeline(q: TimelineQuery): Promise<Timeline>;
  /** Most frequent actors (by entity id) over events. */
  topActors(q?: TopActorsQuery): Promise<TopActor[]>;
  /** Full-text search over sentences. */
  searchSentences(q: SearchQuery): Promise<SearchPage>;
  /** Articles, newest published first. */
  listArticles(q?: ArticleListQuery): Promise<{ total: number; articles: ArticleSummary[] }>;
  /** An article with all its annotations, or null. */
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Remove one article and everything derived from it (clusters recounted). true if it existed. */
  deleteArticle(id: string): Promise<boolean>;
  stats(): Promise<StoreStats>;
  /** Every stored event, oldest ingested first, streamed in batches (for export). */
  allEvents(batchSize?: number): AsyncGenerator<StoredEvent>;
  close(): Promise<void>;
}
