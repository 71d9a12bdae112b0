// Pure helpers: what the store derives from a CodedDoc (identity, keys) and the rules that
// decide whether two event reports describe the same real-world event.
import { createHash } from 'node:crypto';
import type { Article, CodedDoc, Entity, EventRecord } from '../types.js';

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Hash of what makes a version of an article: title and body text. Same hash → same article, whatever the URL. */
export function contentHash(doc: CodedDoc): string {
  return sha256((doc.article.title ?? '') + '\n\u0000' + doc.text);
}

/** Normalises a URL for identity: lower-case host, no fragment, no trailing slash, no "www.". */
export function normalizeUrl(u: string): string {
  try {
    const url = new URL(u);
    url.hash = '';
    url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
    let s = url.toString();
    if (s.endsWith('/') && url.pathname !== '/') s = s.slice(0, -1);
    return s;
  } catch {
    return u.trim();
  }
}

/** The identity of "the same article" across versions: canonical URL, else URL, else the doc id. */
export function articleKey(doc: CodedDoc): string {
  const u = doc.article.canonical_url || doc.article.url;
  return u ? 'url:' + normalizeUrl(u) : 'doc:' + doc.id;
}

export function articleIdFor(key: string): string {
  return 'a' + sha256(key).slice(0, 16);
}

/** The outlet: the site name the article gives, else its URL host without "www.". */
export function outletOf(article: Article): string | null {
  if (article.site && article.site.trim()) return article.site.trim();
  const u = article.canonical_url || article.url;
  if (!u) return null;
  try {
    return new URL(u).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Keys an actor argument can match: its country code and its entity id. */
export function entityKeys(e: Entity): string[] {
  const keys = [e.id];
  if (e.country_code && e.country_code !== e.id) keys.push(e.country_code);
  return keys;
}

/**
 * The event_dyads rows of an event without its primary key (the store puts event_pk first):
 * a_key, b_key, day_sort, date_precision, quad, goldstein, intensity, confidence.
 */
export function dyadCells(r: EventRecord, day: string = daySort(r)): (string | number | null)[][] {
  return dyadPairs(r).map(([a, b]) => [a, b, day, r.date_precision, r.quad_code, r.goldstein, r.intensity, r.confidence]);
}

/** (actor key, recipient key) pairs of an event, deduplicated: the rows of event_dyads. */
export function dyadPairs(r: EventRecord): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const a of r.actor) for (const ak of entityKeys(a)) for (const b of r.recipient) for (const bk of entityKeys(b)) {
    const k = ak + '\u0000' + bk;
    if (!seen.has(k)) { seen.add(k); out.push([ak, bk]); }
  }
  return out;
}

/** Sortable date column: the record's date ("YYYY-MM-DD" | "YYYY-MM" | "YYYY"), or "" when undated. */
export function daySort(r: EventRecord): string {
  return r.date ?? '';
}

function sideKey(es: Entity[]): string {
  return [...new Set(es.map((e) => e.country_code ?? e.id))].sort().join(',');
}

/**
 * Cluster signature: reports can only be the same event when they share it. Type (PLOVER, else
 * CAMEO root), actor and recipient sides (countries, or ids for recipients without a country),
 * polarity (a denial is not the event) and whether it is reported as future/hypothetical.
 * null: the record is not linked to others — undated, or no actor with a country: "police" or
 * "the government" without a country are different actors in every article (measured on the
 * news corpus: such merges were wrong; EVALUATION.md "Store").
 */
export function clusterSig(r: EventRecord): string | null {
  if (!r.date || !r.actor.some((e) => e.country_code)) return null;
  const type = r.event ?? 'CAMEO' + r.cameo.slice(0, 2);
  const mood = r.modality === 'future' || r.modality === 'hypothetical' ? 'F' : '';
  const actors = r.actor.filter((e) => e.country_code);
  return `${type}|${sideKey(actors)}>${sideKey(r.recipient)}|${r.negated ? '!' : ''}${mood}`;
}

const DAY_MS = 86_400_000;
/** Day-precision reports within ±3 days may be the same event (GDELT-style windows). */
export const DAY_WINDOW = 3;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
}

/** Range of day_sort values a matching report can have: same precision only (a vaguer date is not evidence of the same day). */
export function dateWindow(r: EventRecord): { lo: string; hi: string } | null {
  if (!r.date) return null;
  if (r.date_precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(r.date)) return { lo: addDays(r.date, -DAY_WINDOW), hi: addDays(r.date, DAY_WINDOW) };
  return { lo: r.date, hi: r.date };
}

/** A crude stem: enough to tell "fired"/"fires" apart from "struck", not "met" from "meet". */
function stem(w: string): string {
  return w.toLowerCase().replace(/[^a-z]/g, '').slice(0, 4);
}

/** A specific CAMEO code (3+ digits, not a "...0" catch-all such as 040 or 190) says what happened on its own. */
function specific(code: string): boolean {
  return code.length >= 3 && !code.endsWith('0');
}

/**
 * Triggers are compatible when their words share a stem, or both reports carry the same specific
 * CAMEO code. A shared catch-all code is not enough: "shot", "clashed" and "struck" are all 190.
 */
export function triggersCompatible(a: EventRecord, b: EventRecord): boolean {
  // Without a recipient the code says little ("Trump encouraged schools", "Trump lauded Cain": both 051).
  if (a.cameo === b.cameo && specific(a.cameo) && a.recipient.length && b.recipient.length) return true;
  const ta = stem(a.text_info.trigger.text.split(/\s+/)[0] ?? '');
  const tb = stem(b.text_info.trigger.text.split(/\s+/)[0] ?? '');
  return ta.length >= 3 && ta === tb;
}

/** Sectors agree on each side when either side names none, or they share one (USACOP and USASPY are different actors). */
export function sectorsCompatible(a: EventRecord, b: EventRecord): boolean {
  const ok = (x: Entity[], y: Entity[]) => {
    const sx = new Set(x.map((e) => e.sector).filter(Boolean));
    const sy = y.map((e) => e.sector).filter(Boolean);
    return sx.size === 0 || sy.length === 0 || sy.some((v) => sx.has(v));
  };
  return ok(a.actor, b.actor) && ok(a.recipient, b.recipient);
}

/** Named people agree on each side when either side names none, or they share one (Obama praising is not Trump praising). */
export function peopleCompatible(a: EventRecord, b: EventRecord): boolean {
  const ok = (x: Entity[], y: Entity[]) => {
    const px = new Set(x.filter((e) => e.kind === 'person').map((e) => e.id));
    const py = y.filter((e) => e.kind === 'person').map((e) => e.id);
    return px.size === 0 || py.length === 0 || py.some((v) => px.has(v));
  };
  return ok(a.actor, b.actor) && ok(a.recipient, b.recipient);
}

/** Places are compatible when either is unknown, or both name the same country (or, without countries, the same place). */
export function placesCompatible(a: EventRecord, b: EventRecord): boolean {
  const la = a.event_loc, lb = b.event_loc;
  if (!la || !lb) return true;
  if (la.country_code && lb.country_code) return la.country_code === lb.country_code;
  return la.name.toLowerCase() === lb.name.toLowerCase();
}

export function dayDistance(a: string, b: string): number {
  if (a.length === 10 && b.length === 10) return Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;
  return a === b ? 0 : Infinity;
}

/** Same real-world event? Same signature, dates within the window (same precision), compatible triggers, sectors, people and places. */
export function sameEvent(a: EventRecord, b: EventRecord): boolean {
  const sa = clusterSig(a);
  if (!sa || sa !== clusterSig(b) || a.date_precision !== b.date_precision) return false;
  if (dayDistance(a.date!, b.date!) > DAY_WINDOW) return false;
  return triggersCompatible(a, b) && sectorsCompatible(a, b) && peopleCompatible(a, b) && placesCompatible(a, b);
}
