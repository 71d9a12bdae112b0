// `entente watch`: polls feeds politely and ingests new items until stopped.
//
// Politeness: conditional requests (ETag / Last-Modified → 304 costs the site nothing), one
// request at a time per host with a minimum delay between them, exponential backoff on errors
// (capped), and item pages fetched only for items not seen before. State (validators, backoff,
// seen item keys) is kept in a small JSON file so a restart neither re-ingests nor hammers.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fetchUrl } from '../sources/http.js';
import { readFeedText, type SourceOptions } from '../sources/index.js';
import { decodeBytes } from '../sources/charset.js';
import { parseXml, elements, type XmlElement } from '../sources/xml.js';
import type { FeedItem } from '../sources/feed.js';
import type { RawDocument } from '../types.js';
import { withOrigin } from '../errors.js';
import { sleep } from './worker.js';

export interface FeedState {
  etag: string | null;
  lastModified: string | null;
  failures: number;
  /** epoch ms of the next poll */
  nextPoll: number;
  lastError: string | null;
  /** keys of items already ingested, newest last (bounded) */
  seen: string[];
}

export interface WatchState {
  feeds: Record<string, FeedState>;
}

export interface WatchOptions {
  feeds: string[];
  /** stores one document; returns the number of events (for the log) */
  ingest: (raw: RawDocument) => Promise<number>;
  statePath: string | null;
  intervalSec?: number;
  hostDelaySec?: number;
  maxBackoffSec?: number;
  source?: SourceOptions;
  signal?: AbortSignal;
  /**
   * One poll round, then return (cron, tests). Every feed is polled except one backing off after
   * errors: the cron schedule is the interval, and a feed polled a few seconds less than
   * --interval ago must not skip the round (conditional requests keep a repeat poll cheap).
   */
  once?: boolean;
  log?: (line: string) => void;
  /** injectable clock for tests (never used for article dates) */
  now?: () => number;
}

const SEEN_MAX = 5000;

export function itemKey(it: FeedItem): string {
  return it.id ?? it.url ?? `${it.title ?? ''}|${it.published ?? ''}`;
}

/** Feed URLs from an OPML subscription list (every outline with an xmlUrl). */
export function feedsFromOpml(xml: string, origin: string): string[] {
  const root = parseXml(xml, origin);
  const out: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of elements(e)) {
      const url = c.attrs['xmlUrl'] ?? c.attrs['xmlurl'];
      if (url) out.push(url);
      walk(c);
    }
  };
  walk(root);
  return [...new Set(out)];
}

export function loadState(path: string | null): WatchState {
  if (!path) return { feeds: {} };
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as WatchState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { feeds: {} };
    throw new Error(`${path}: unreadable watch state (${(e as Error).message}); delete it to start afresh`);
  }
}

function saveState(path: string | null, state: WatchState): void {
  if (!path) return;
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path); // atomic: a crash leaves the old state, never half a file
}

export interface WatchSummary {
  polls: number;
  /** polls that read the feed (not modified, or a feed whose items could be listed) */
  feedsOk: number;
  notModified: number;
  errors: number;
  ingested: number;
  events: number;
  /** feeds not polled this round: backing off after errors (only --once reports them; the loop waits) */
  notDue: Array<{ feed: string; nextPoll: number; failures: number; lastError: string | null }>;
}

export async function watchFeeds(o: WatchOptions): Promise<WatchSummary> {
  const now = o.now ?? Date.now;
  const interval = (o.intervalSec ?? 300) * 1000;
  const hostDelay = (o.hostDelaySec ?? 5) * 1000;
  const maxBackoff = (o.maxBackoffSec ?? 3600) * 1000;
  const log = o.log ?? (() => {});
  const state = loadState(o.statePath);
  const lastHit = new Map<string, number>();
  const summary: WatchSummary = { polls: 0, feedsOk: 0, notModified: 0, errors: 0, ingested: 0, events: 0, notDue: [] };
  // --once: a backoff ending within a tenth of the interval counts as ended, so a cron round a few
  // seconds early does not skip it
  const slack = o.once ? interval / 10 : 0;
  for (const f of o.feeds) state.feeds[f] ??= { etag: null, lastModified: null, failures: 0, nextPoll: 0, lastError: null, seen: [] };

  while (!o.signal?.aborted) {
    const isDue = (st: FeedState) => st.nextPoll <= now() + slack || (o.once && st.failures === 0);
    const due = o.feeds.filter((f) => isDue(state.feeds[f]!));
    if (o.once) {
      for (const f of o.feeds) {
        const st = state.feeds[f]!;
        if (!isDue(st)) summary.notDue.push({ feed: f, nextPoll: st.nextPoll, failures: st.failures, lastError: st.lastError });
      }
    }
    for (const feed of due) {
      if (o.signal?.aborted) break;
      const st = state.feeds[feed]!;
      const host = new URL(feed).host;
      await sleep((lastHit.get(host) ?? 0) + hostDelay - now(), o.signal);
      lastHit.set(host, now());
      summary.polls++;
      try {
        const headers: Record<string, string> = {};
        if (st.etag) headers['if-none-match'] = st.etag;
        if (st.lastModified) headers['if-modified-since'] = st.lastModified;
        const res = await fetchUrl(feed, { ...o.source, headers, accept: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.8,*/*;q=0.5' });
        st.failures = 0;
        st.lastError = null;
        st.nextPoll = now() + interval;
        if (res.status === 304) {
          summary.notModified++;
          summary.feedsOk++;
          log(`${feed}: not modified`);
          continue;
        }
        st.etag = res.etag ?? null;
        st.lastModified = res.lastModified ?? null;
        const seen = new Set(st.seen);
        const text = decodeBytes(res.bytes, { contentType: res.contentType }).text;
        let fresh = 0;
        let feedError = false;
        const newKeys: string[] = [];
        for await (const item of readFeedText(text, feed, {
          ...o.source,
          feedItemFilter: (it) => {
            const k = itemKey(it);
            if (seen.has(k)) return false;
            newKeys.push(k);
            return true;
          },
        })) {
          if (!item.ok) {
            summary.errors++;
            if (item.origin === feed) feedError = true; // the feed itself (not a feed, unreadable), not one of its items
            log(withOrigin(item.origin, item.error.message));
            continue;
          }
          summary.events += await o.ingest(item.doc);
          summary.ingested++;
          fresh++;
        }
        // An item that failed is marked seen too: retrying a broken item every poll is not polite.
        st.seen = [...st.seen, ...newKeys].slice(-SEEN_MAX);
        if (!feedError) summary.feedsOk++;
        // after an error about the feed itself, "0 new items" would read as a successful poll
        if (!feedError || fresh) log(`${feed}: ${fresh} new item${fresh === 1 ? '' : 's'}`);
      } catch (err) {
        summary.errors++;
        st.failures++;
        st.lastError = (err as Error).message;
        const backoff = Math.min(maxBackoff, interval * 2 ** Math.min(st.failures, 10));
        st.nextPoll = now() + backoff;
        log(`${withOrigin(feed, (err as Error).message)} (retry in ${Math.round(backoff / 1000)} s)`);
      } finally {
        saveState(o.statePath, state);
      }
    }
    if (o.once) break;
    const next = Math.min(...o.feeds.map((f) => state.feeds[f]!.nextPoll));
    await sleep(Math.max(1000, next - now()), o.signal);
  }
  return summary;
}
