// Publication-date strings found in page metadata → ISO 8601, keeping the page's own local day and
// zone (never converting to UTC: the day a reader saw is the day in the page's zone).
import * as chrono from 'chrono-node';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

function zone(z: string | undefined): string {
  if (!z) return '';
  if (/^(z|utc|gmt)$/i.test(z)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : '';
}

/**
 * Normalises a machine-readable date ("2023-12-17T10:31:00-0500", "20231217", "Sun, 17 Dec 2023
 * 10:31:00 GMT", "2023/12/17 10:31", epoch seconds/ms) to "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[zone]".
 * Free text ("December 17, 2023") is handled by chrono in parseTextDate.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = String(raw).trim();
  if (!s) return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?/i.exec(s);
  if (m) {
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    if (!validDay(y, mo, d)) return null;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    if (m[4] == null) return day;
    return `${day}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}${zone(m[7])}`;
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (m) {
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    if (!validDay(y, mo, d)) return null;
    const day = `${m[1]}-${pad(mo)}-${pad(d)}`;
    return m[4] == null ? day : `${day}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}`;
  }
  // RFC 2822 / "17 Dec 2023 10:31:00 +0000"
  m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{4})?)?/.exec(s);
  if (m) {
    const mo = MONTHS[m[2]!.slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    const [y, d] = [+m[3]!, +m[1]!];
    if (!mo || !validDay(y, mo, d)) return null;
    const day = `${y}-${pad(mo)}-${pad(d)}`;
    return m[4] == null ? day : `${day}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}${zone(m[7])}`;
  }
  // epoch seconds or milliseconds (some CMSs put these in meta tags); rendered in UTC.
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 10 ? +s * 1000 : +s;
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return null;
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return parseTextDate(s);
}

/** A human-written date ("December 17, 2023 10:31 AM EST", "Dec. 17, 2023"), needing a stated year. */
export function parseTextDate(s: string): string | null {
  if (!/\b(1[89]|20)\d{2}\b/.test(s)) return null;
  const r = chrono.strict.parse(s, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r || !r.start.isCertain('day') || !r.start.isCertain('month') || !r.start.isCertain('year')) return null;
  const y = r.start.get('year')!, mo = r.start.get('month')!, d = r.start.get('day')!;
  if (!validDay(y, mo, d)) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (!r.start.isCertain('hour')) return day;
  const off = r.start.get('timezoneOffset');
  let z = '';
  if (r.start.isCertain('timezoneOffset') && off != null) {
    const a = Math.abs(off);
    z = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
  }
  return `${day}T${pad(r.start.get('hour')!)}:${pad(r.start.get('minute') ?? 0)}:${pad(r.start.get('second') ?? 0)}${z}`;
}

/** A date in the URL path (/2023/12/17/, /2023-12-17-, /20231217/), day precision only. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let m = /[/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(url) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(url);
  // "/2023/12/231218..." (year/month/yymmdd) and "/2023/dec/21/" (month name)
  if (!m) {
    const y = /\/((?:19|20)(\d{2}))\/(\d{2})\/(\d{2})(\d{2})(\d{2})/.exec(url);
    if (y && y[2] === y[4] && y[3] === y[5]) m = [y[0], y[1]!, y[3]!, y[6]!] as unknown as RegExpExecArray;
  }
  if (!m) {
    const n = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})(?:\/|$)/i.exec(url);
    const mo = n ? MONTHS[n[2]!.slice(0, 3).toLowerCase()] : undefined;
    if (n && mo) m = [n[0], n[1]!, String(mo), n[3]!] as unknown as RegExpExecArray;
  }
  if (!m) return null;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** A date-bearing element of the page: its machine-readable attribute and its visible text. */
export interface DateEvidence {
  datetime: string | null;
  text: string;
}

// Non-whole-hour UTC offsets in the IANA tz database (minutes): Marquesas, Newfoundland, Iran,
// Afghanistan, India, Nepal, Myanmar, Eucla, South Australia, Lord Howe, Chatham.
const ODD_OFFSETS = new Set([-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765]);
const TS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
/** Minutes since the epoch of an ISO timestamp's wall clock, ignoring its zone. */
const wallMinutes = (m: RegExpExecArray) => Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) / 60000;
const offsetMinutes = (z: string | undefined) => {
  if (!z || z === 'Z') return 0;
  return (z[0] === '-' ? -1 : 1) * (+z.slice(1, 3) * 60 + +z.slice(4, 6));
};

/**
 * A UTC publication time re-expressed in the page's own zone, when the page shows that zone: a
 * <time datetime> with an offset for the same instant, or a visible local time ("8:00 PM EST, Tue
 * December 19, 2023", "December 26, 2023 - 9:03AM") that differs from the UTC time by a whole
 * zone offset. Same instant, but the day is the one the page's readers saw (the UTC day of an
 * evening story in the Americas is the next day). Unchanged when nothing in the page agrees.
 */
export function localizePublished(published: string, evidence: DateEvidence[]): string {
  const p = TS.exec(published);
  if (!p || (p[7] !== 'Z' && p[7] !== '+00:00')) return published;
  const utc = wallMinutes(p);
  for (const e of evidence) {
    const d = e.datetime ? normalizeDate(e.datetime) : null;
    const m = d ? TS.exec(d) : null;
    if (m && m[7] && m[7] !== 'Z' && m[7] !== '+00:00' && Math.abs(wallMinutes(m) - offsetMinutes(m[7]) - utc) <= 1) return d!;
  }
  for (const e of evidence) {
    if (e.text.length > 160) continue;
    const t = parseTextDate(e.text);
    const m = t ? TS.exec(t) : null;
    if (!m) continue;
    const diff = wallMinutes(m) - utc;
    const off = Math.round(diff / 15) * 15;
    // Offsets in use: whole hours from -12 to +14, and the few half/three-quarter hour zones.
    if (off === 0 || Math.abs(diff - off) > 1 || off < -12 * 60 || off > 14 * 60 || (off % 60 !== 0 && !ODD_OFFSETS.has(off))) continue;
    const local = new Date((utc + off) * 60000).toISOString().slice(0, 16);
    const a = Math.abs(off);
    return `${local}:${p[6]}${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
  }
  return published;
}
