// How many events a date-bounded query leaves out because they have no date. The store keeps an
// undated event (its time is unknown: an undated article, "had earlier expelled") out of every
// --since/--until query, which is right, but an answer that does not say so reads as "nothing
// else happened". Shared by `entente events`/`timeline`, GET /api/events and GET /api/timeline.
import type { EventQuery, ExcludeKind, Store, ActorArg } from '../store/types.js';

/** Events matching q but for its date bounds that have no date (0 when q has no bounds). */
export async function undatedEvents(store: Pick<Store, 'events'>, q: EventQuery): Promise<number> {
  if (!q.since && !q.until) return 0;
  const base: EventQuery = { ...q, since: undefined, until: undefined, limit: 1, offset: undefined, cursor: undefined };
  const all = (await store.events(base)).total;
  // every dated event sorts between these bounds (years 0001–9999), an undated one does not
  const dated = (await store.events({ ...base, since: '0001', until: '9999' })).total;
  return Math.max(0, all - dated);
}

/** Events between a and b with no date at all (a year timeline buckets every dated one). */
export async function undatedBetween(store: Pick<Store, 'timeline'>, a: ActorArg, b: ActorArg, minConfidence?: number, exclude?: readonly ExcludeKind[]): Promise<number> {
  return (await store.timeline({ a, b, by: 'year', minConfidence, exclude })).unbucketed;
}
