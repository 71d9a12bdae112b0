// Versioned schema migrations, applied at open and recorded in schema_migrations.
// Never edit a released migration: add the next one. Each has a DDL text per engine and an
// optional data step (backfill) run in the same transaction.
import type { Db, Dialect } from './db.js';

export interface Migration {
  version: number;
  name: string;
  ddl: Record<Dialect, string>;
  backfill?: (db: Db) => Promise<void>;
}

const V1_SQLITE = `
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL,
  url_key TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  url TEXT, canonical_url TEXT, outlet TEXT, published TEXT, title TEXT, language TEXT,
  ref_date TEXT, english INTEGER NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  times TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL, idx INTEGER NOT NULL,
  start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE UNIQUE INDEX sentences_article ON sentences(article_id, idx);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE entities (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  country_code TEXT, sector TEXT, code TEXT NOT NULL, office TEXT
);
CREATE INDEX entities_name ON entities(lower(name));
CREATE TABLE mentions (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
  start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, type TEXT NOT NULL,
  entity_id TEXT, data TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE events (
  pk INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  article_id TEXT NOT NULL, record_id TEXT NOT NULL, outlet TEXT, sentence INTEGER NOT NULL,
  date TEXT, date_precision TEXT, day_sort TEXT NOT NULL,
  event TEXT, cameo TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL, intensity REAL,
  confidence REAL NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_day ON events(day_sort, pk);
CREATE TABLE event_actors (
  event_pk INTEGER NOT NULL, role TEXT NOT NULL, pos INTEGER NOT NULL,
  entity_id TEXT NOT NULL, country_code TEXT, sector TEXT, code TEXT, name TEXT,
  PRIMARY KEY (event_pk, role, pos)
);
CREATE INDEX event_actors_entity ON event_actors(entity_id, role, event_pk);
CREATE INDEX event_actors_country ON event_actors(country_code, role, event_pk);
CREATE TABLE quotes (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, speaker_id TEXT, direct INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE TABLE messages (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, origin TEXT NOT NULL, severity TEXT NOT NULL, text TEXT NOT NULL,
  start_off INTEGER, end_off INTEGER,
  PRIMARY KEY (article_id, idx)
);
`;

// Same tables; PostgreSQL types, and a stored tsvector with a GIN index for full-text search.
const V1_POSTGRES = V1_SQLITE
  .replace(/CREATE VIRTUAL TABLE sentences_fts[\s\S]*?END;\s*CREATE TRIGGER sentences_ad[\s\S]*?END;/, `
ALTER TABLE sentences ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);`)
  .replace('id INTEGER PRIMARY KEY,', 'id BIGSERIAL PRIMARY KEY,')
  .replace('pk INTEGER PRIMARY KEY,', 'pk BIGSERIAL PRIMARY KEY,')
  .replace('event_pk INTEGER NOT NULL, role', 'event_pk BIGINT NOT NULL, role')
  .replace(/ REAL/g, ' DOUBLE PRECISION');

const V2_SQLITE = `
ALTER TABLE events ADD COLUMN cluster_id TEXT;
ALTER TABLE events ADD COLUMN sig TEXT;
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_sig ON events(sig, day_sort);
CREATE TABLE event_clusters (
  id TEXT PRIMARY KEY, mentions INTEGER NOT NULL, articles INTEGER NOT NULL, outlets INTEGER NOT NULL,
  first_date TEXT, last_date TEXT
);
CREATE TABLE event_dyads (
  a_key TEXT NOT NULL, b_key TEXT NOT NULL, day_sort TEXT NOT NULL, event_pk INTEGER NOT NULL,
  date_precision TEXT, quad INTEGER NOT NULL, goldstein REAL NOT NULL, intensity REAL, confidence REAL NOT NULL,
  PRIMARY KEY (a_key, b_key, day_sort, event_pk)
) WITHOUT ROWID;
CREATE INDEX event_dyads_event ON event_dyads(event_pk);
`;

// The dyad table is read by index-only scans: the INCLUDE columns make the key index covering.
const V2_POSTGRES = V2_SQLITE
  .replace('event_pk INTEGER NOT NULL,\n  date_precision', 'event_pk BIGINT NOT NULL,\n  date_precision')
  .replace('PRIMARY KEY (a_key, b_key, day_sort, event_pk)\n) WITHOUT ROWID;', 'PRIMARY KEY (a_key, b_key, day_sort, event_pk) INCLUDE (date_precision, quad, goldstein, intensity, confidence)\n);')
  .replace(/ REAL/g, ' DOUBLE PRECISION');

// The record JSON (~1-2 kB an event) out of the events table: filters, counts and sorting then
// read small rows (measured: counting 15k events of one dyad in a 330k-event file took 0.9 s
// with the JSON inline).
const V3_SQLITE = `
CREATE TABLE event_records (pk INTEGER PRIMARY KEY, record TEXT NOT NULL);
INSERT INTO event_records (pk, record) SELECT pk, record FROM events;
ALTER TABLE events DROP COLUMN record;
`;
const V3_POSTGRES = V3_SQLITE.replace('pk INTEGER PRIMARY KEY', 'pk BIGINT PRIMARY KEY');

const V4 = 'CREATE INDEX events_quad ON events(quad);';

// SQLite: the store fills the full-text index with one INSERT … SELECT per article (SqlStore
// insertDoc) instead of this per-row trigger: FTS5 costs ~3× the CPU when fed row by row (16,389
// corpus sentences: 380 vs 115-140 ms), and the trigger was ~40% of the main thread's SQLite time
// in `entente ingest`. Rows already indexed stay indexed; the delete trigger stays. PostgreSQL
// keeps its generated tsvector column: nothing to do.
const V5_SQLITE = 'DROP TRIGGER sentences_ai;';
const V5_POSTGRES = 'SELECT 1;';

// mentions_entity served no query: mentions are read by article (getArticle: the primary key) and
// counted (stats), never by entity; it cost one more b-tree insert per mention (~27 an article) on
// the ingest thread (probe, 2,000 corpus documents' mentions, messages and quotes: 0.24-0.39 ->
// 0.21-0.31 ms/doc without it).
const V6 = 'DROP INDEX IF EXISTS mentions_entity;';

export function migrations(backfillV2: (db: Db) => Promise<void>): Migration[] {
  return [
    { version: 1, name: 'articles, sentences, entities, mentions, events, actors, quotes, messages', ddl: { sqlite: V1_SQLITE, postgres: V1_POSTGRES } },
    { version: 2, name: 'event clusters and the dyad index', ddl: { sqlite: V2_SQLITE, postgres: V2_POSTGRES }, backfill: backfillV2 },
    { version: 3, name: 'event records in their own table', ddl: { sqlite: V3_SQLITE, postgres: V3_POSTGRES } },
    // stats() counts events by quad class: a full scan of 1M events took 3.2 s, the index ~0.1 s.
    { version: 4, name: 'index for counts by quad class', ddl: { sqlite: V4, postgres: V4 } },
    { version: 5, name: 'full-text index filled per article, not by a per-row trigger', ddl: { sqlite: V5_SQLITE, postgres: V5_POSTGRES } },
    { version: 6, name: 'no index of mentions by entity (no query reads it)', ddl: { sqlite: V6, postgres: V6 } },
  ];
}

export async function currentVersion(db: Db): Promise<number> {
  const r = await db.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r?.v ?? 0;
}

/** Applies the pending migrations up to `target` (default: all), each in its own transaction. Returns the version reached. */
export async function migrate(db: Db, all: Migration[], target?: number): Promise<number> {
  // Under the migrations' advisory lock: two processes creating the table at once race on
  // PostgreSQL's catalog ("duplicate key value violates unique constraint pg_type_typname_nsp_index").
  await db.tx((t) => t.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'), 0x656e7465);
  const upTo = target ?? all[all.length - 1]!.version;
  let v = await currentVersion(db);
  if (v > all[all.length - 1]!.version) {
    throw new Error(`the database has schema version ${v}, newer than this entente knows (${all[all.length - 1]!.version}): upgrade entente`);
  }
  for (const m of all) {
    if (m.version <= v || m.version > upTo) continue;
    // 0x656e7465 = "ente": one advisory lock id shared by migrations and ingest.
    await db.tx(async (t) => {
      // Re-check inside the lock: another process may have migrated meanwhile.
      if ((await currentVersion(t)) >= m.version) return;
      await t.exec(m.ddl[db.dialect]);
      if (m.backfill) await m.backfill(t);
      await t.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    }, 0x656e7465);
    v = m.version;
  }
  return v;
}
