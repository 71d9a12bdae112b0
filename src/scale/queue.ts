// A PostgreSQL-backed work queue for many machines, on PostgreSQL's own row locks
// (FOR UPDATE SKIP LOCKED) rather than pg-boss: one table, no extra service, and the lease
// semantics we need are a few lines of SQL.
//
// A work item carries the whole RawDocument, so workers on other machines need no access to
// the enqueuer's files. A worker claims items under a lease; a worker killed mid-item simply
// lets the lease expire, and the item is claimed again. Storing an article is idempotent (the
// store keys articles by content hash), so a retried item is still stored once.
import pg from 'pg';
import { createHash } from 'node:crypto';
import type { RawDocument } from '../types.js';

export interface QueueItem {
  id: number;
  raw: RawDocument;
  attempts: number;
}

export interface QueueStatus {
  queued: number;
  running: number;
  expired: number;
  done: number;
  failed: number;
  /**
   * Workers, most recently seen first. state: running (heartbeat recent), exited (a clean exit
   * recorded, at exited_at), stale (no heartbeat for STALE_BEATS × its heartbeat interval: killed,
   * hung or cut off; its items go back to the queue when their leases end), or unknown (seen only
   * on work items: a worker of a version before heartbeats).
   */
  workers: Array<{ worker: string; running: number; last_seen: string; state: WorkerState; exited_at: string | null; summary: WorkerExit | null }>;
  recent_failures: Array<{ id: number; origin: string; error: string }>;
  done_last_minute: number;
}

export type WorkerState = 'running' | 'exited' | 'stale' | 'unknown';
/** What a worker recorded when it exited cleanly. */
export interface WorkerExit { done: number; failed: number; events: number }
/** A worker not heard from for this many heartbeat intervals is shown as stale. */
export const STALE_BEATS = 4;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entente_jobs (
  id bigserial PRIMARY KEY,
  origin text NOT NULL,
  payload jsonb NOT NULL,
  payload_hash text NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed')),
  attempts integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  worker text,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS entente_jobs_claim ON entente_jobs (state, id);
CREATE TABLE IF NOT EXISTS entente_workers (
  name text PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  heartbeat_seconds integer NOT NULL,
  exited_at timestamptz,
  summary jsonb
);
`;

export function payloadHash(raw: RawDocument): string {
  return createHash('sha256').update(raw.kind).update('\0').update(raw.url ?? raw.id).update('\0').update(raw.content).digest('hex');
}

export class WorkQueue {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<WorkQueue> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const client = await pool.connect();
    try {
      // Two processes creating the table at once would race on the catalog: serialise with an advisory lock.
      await client.query('SELECT pg_advisory_lock(727001)');
      await client.query(SCHEMA);
      await client.query('SELECT pg_advisory_unlock(727001)');
    } finally {
      client.release();
    }
    return new WorkQueue(pool);
  }

  /** Adds items; an item already queued or done (same content) is not added twice. Returns how many were new. */
  async enqueue(raws: RawDocument[]): Promise<number> {
    if (!raws.length) return 0;
    const origins: string[] = [];
    const payloads: string[] = [];
    const hashes: string[] = [];
    for (const r of raws) {
      origins.push(r.origin);
      payloads.push(JSON.stringify(r));
      hashes.push(payloadHash(r));
    }
    const res = await this.pool.query(
      `INSERT INTO entente_jobs (origin, payload, payload_hash)
       SELECT * FROM unnest($1::text[], $2::jsonb[], $3::text[])
       ON CONFLICT (payload_hash) DO NOTHING`,
      [origins, payloads, hashes],
    );
    return res.rowCount ?? 0;
  }

  /** Claims up to `n` items (queued, or running with an expired lease) for `leaseSeconds`. */
  async claim(worker: string, n: number, leaseSeconds: number, maxAttempts = 5): Promise<QueueItem[]> {
    const res = await this.pool.query(
      `UPDATE entente_jobs j SET state = 'running', attempts = j.attempts + 1, worker = $1,
              lease_until = now() + make_interval(secs => $2), updated_at = now()
       WHERE j.id IN (
         SELECT id FROM entente_jobs
         WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) AND attempts < $4
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING j.id, j.payload, j.attempts`,
      [worker, leaseSeconds, n, maxAttempts],
    );
    return res.rows.map((r: { id: string; payload: RawDocument; attempts: number }) => ({ id: Number(r.id), raw: r.payload, attempts: r.attempts })).sort((a, b) => a.id - b.id);
  }

  /** Extends the lease of items this worker still holds. */
  async extend(worker: string, ids: number[], leaseSeconds: number): Promise<void> {
    if (!ids.length) return;
    await this.pool.query(
      `UPDATE entente_jobs SET lease_until = now() + make_interval(secs => $3), updated_at = now()
       WHERE id = ANY($2::bigint[]) AND worker = $1 AND state = 'running'`,
      [worker, ids, leaseSeconds],
    );
  }

  async complete(worker: string, ids: number[]): Promise<void> {
    if (!ids.length) return;
    // Only the current holder completes: if our lease expired and another worker took the item, it finishes it.
    await this.pool.query(`UPDATE entente_jobs SET state = 'done', lease_until = NULL, error = NULL, updated_at = now() WHERE id = ANY($2::bigint[]) AND worker = $1`, [worker, ids]);
  }

  /** Records a failure: the item goes back to the queue, or to `failed` after maxAttempts. */
  async fail(worker: string, id: number, error: string, maxAttempts = 5): Promise<void> {
    await this.pool.query(
      `UPDATE entente_jobs SET state = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'queued' END,
              error = $3, lease_until = NULL, updated_at = now()
       WHERE id = $2 AND worker = $1`,
      [worker, id, error.slice(0, 2000), maxAttempts],
    );
  }

  /** A worker starting (again, under a name used before: its old exit is forgotten). */
  async registerWorker(name: string, heartbeatSeconds: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO entente_workers (name, heartbeat_seconds) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET started_at = now(), last_seen = now(), heartbeat_seconds = $2, exited_at = NULL, summary = NULL`,
      [name, heartbeatSeconds],
    );
  }

  /** A running worker's heartbeat: `entente status` tells a live worker from a dead one by it. */
  async heartbeat(name: string): Promise<void> {
    await this.pool.query(`UPDATE entente_workers SET last_seen = now() WHERE name = $1 AND exited_at IS NULL`, [name]);
  }

  /** A clean exit (queue empty, Ctrl-C, or an error it stopped on), with what the worker did. */
  async workerExited(name: string, summary: WorkerExit): Promise<void> {
    await this.pool.query(`UPDATE entente_workers SET last_seen = now(), exited_at = now(), summary = $2 WHERE name = $1`, [name, JSON.stringify(summary)]);
  }

  async status(): Promise<QueueStatus> {
    const counts = await this.pool.query(
      `SELECT
         count(*) FILTER (WHERE state = 'queued') AS queued,
         count(*) FILTER (WHERE state = 'running' AND lease_until >= now()) AS running,
         count(*) FILTER (WHERE state = 'running' AND lease_until < now()) AS expired,
         count(*) FILTER (WHERE state = 'done') AS done,
         count(*) FILTER (WHERE state = 'failed') AS failed,
         count(*) FILTER (WHERE state = 'done' AND updated_at > now() - interval '1 minute') AS done_last_minute
       FROM entente_jobs`,
    );
    // registered workers (heartbeats) joined with what they hold; workers seen only on items come
    // from a version before heartbeats. The state is decided by the database's clock, not ours.
    const workers = await this.pool.query(
      `WITH held AS (
         SELECT worker, count(*) FILTER (WHERE state = 'running') AS running, max(updated_at) AS last_item
         FROM entente_jobs WHERE worker IS NOT NULL GROUP BY worker)
       SELECT coalesce(w.name, h.worker) AS worker, coalesce(h.running, 0) AS running,
              greatest(w.last_seen, h.last_item) AS last_seen, w.exited_at, w.summary,
              CASE WHEN w.name IS NULL THEN 'unknown'
                   WHEN w.exited_at IS NOT NULL THEN 'exited'
                   WHEN w.last_seen < now() - make_interval(secs => w.heartbeat_seconds * ${STALE_BEATS}) THEN 'stale'
                   ELSE 'running' END AS state
       FROM entente_workers w FULL JOIN held h ON h.worker = w.name
       ORDER BY greatest(w.last_seen, h.last_item) DESC LIMIT 50`,
    );
    const failures = await this.pool.query(`SELECT id, origin, error FROM entente_jobs WHERE state = 'failed' ORDER BY updated_at DESC LIMIT 10`);
    const c = counts.rows[0] as Record<string, string>;
    return {
      queued: Number(c.queued), running: Number(c.running), expired: Number(c.expired), done: Number(c.done), failed: Number(c.failed),
      done_last_minute: Number(c.done_last_minute),
      workers: workers.rows.map((w: { worker: string; running: string; last_seen: Date; state: WorkerState; exited_at: Date | null; summary: WorkerExit | null }) => ({
        worker: w.worker, running: Number(w.running), last_seen: w.last_seen.toISOString(), state: w.state, exited_at: w.exited_at?.toISOString() ?? null, summary: w.summary,
      })),
      recent_failures: failures.rows.map((f: { id: string; origin: string; error: string }) => ({ id: Number(f.id), origin: f.origin, error: f.error })),
    };
  }

  /** Items not yet finished (queued or held, leases expired or not): a worker told to exit when the queue is empty waits for these. */
  async unfinished(): Promise<number> {
    const r = await this.pool.query(`SELECT count(*) AS n FROM entente_jobs WHERE state IN ('queued','running')`);
    return Number((r.rows[0] as { n: string }).n);
  }

  /** Puts failed items back in the queue (after fixing what made them fail). */
  async retryFailed(): Promise<number> {
    const r = await this.pool.query(`UPDATE entente_jobs SET state = 'queued', attempts = 0, error = NULL, updated_at = now() WHERE state = 'failed'`);
    return r.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
