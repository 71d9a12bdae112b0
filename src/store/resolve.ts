// Actor arguments typed by a user ("Russia", "the Taliban", "RUS", "person/sergei-shoigu") → what
// the store matches. Codes and ids pass through; a name is also resolved through the KB's
// lookup() as of a date, when the actors module provides one. The store matches the name against
// stored entity names too, so a name the KB does not know still finds what was stored under it.
import type { Entity } from '../types.js';
import type { ActorArg } from './types.js';

type Lookup = (text: string, date: string | null) => Entity | null;
let kbPromise: Promise<Lookup | null> | null = null;

/** The KB's lookup, loaded on first need (names only); null when no KB can be loaded. */
function kbLookup(): Promise<Lookup | null> {
  kbPromise ??= (async () => {
    try {
      const actors = await import('../actors/index.js');
      if (typeof (actors as { lookup?: unknown }).lookup !== 'function') return null;
      const kb = actors.loadKB();
      return (text: string, date: string | null) => actors.lookup(kb, text, date);
    } catch {
      // An invalid or missing KB must not break queries: fall back to stored names.
      return null;
    }
  })();
  return kbPromise;
}

/** What the KB makes of a name as of a date (YYYY-MM-DD; anything else: the latest it knows); null without a KB or a match. */
export async function lookupActorName(text: string, date: string | null = null): Promise<Entity | null> {
  const look = await kbLookup();
  return look ? look(text, date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null) : null;
}

/** One actor argument → the strings the store should match (the argument itself, plus the KB's id for a name). */
export async function resolveActorArg(text: string, date: string | null = null): Promise<ActorArg> {
  const t = text.trim();
  if (/^[A-Z]{3}$/.test(t) || t.includes('/')) return [t];
  const id = (await lookupActorName(t, date))?.id ?? null;
  return id && id !== t ? [t, id] : [t];
}
