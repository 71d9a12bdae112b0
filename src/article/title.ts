// The headline: og:title / JSON-LD headline / h1, without the " | Site" suffix the <title> and often
// og:title carry. An <h1> that equals a metadata title (after stripping) confirms it.

const SEPARATORS = /\s+(?:\||-|–|—|::|·|•|»|\/|:)\s+/;

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Removes a trailing (or leading) site segment ("Title | The Hill", "BBC News - Title"). */
export function stripSiteSuffix(title: string, site: string | null, host: string | null, htmlTitle: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const seps = title.match(new RegExp(SEPARATORS.source, 'g')) ?? [];
  const isSite = (seg: string) => {
    const q = squash(seg);
    if (!q) return false;
    if (site && (q === squash(site) || squash(site).includes(q) || q.includes(squash(site)))) return true;
    if (host) {
      const h = squash(host.replace(/^www\./, '').replace(/\.[a-z.]+$/, ''));
      if (h && (q.includes(h) || h.includes(q))) return true;
    }
    return false;
  };
  let out = title;
  const last = parts[parts.length - 1]!;
  // Trailing segment: a known site name, or a short segment that the <title> also ends with.
  if (isSite(last) || (last.split(/\s+/).length <= 4 && htmlTitle && htmlTitle !== title && htmlTitle.endsWith(last) && parts.length >= 2)) {
    out = title.slice(0, title.length - last.length - seps[seps.length - 1]!.length);
    return stripSiteSuffix(out, site, host, null);
  }
  const firstSeg = parts[0]!;
  if (isSite(firstSeg) && parts.length >= 2) out = title.slice(firstSeg.length + seps[0]!.length);
  return out;
}

/**
 * A <title> with no site/host to strip by name ("Carle sparks A-League interest - National - Sport -
 * Blacktown Sun"): the headline is the one segment that reads like a sentence (4+ words) among
 * short section/site labels (at most 4 words each).
 */
function headlineSegment(title: string): string {
  const parts = title.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  const words = (p: string) => p.split(/\s+/).length;
  const long = parts.filter((p) => words(p) >= 4);
  return long.length === 1 && parts.every((p) => p === long[0] || words(p) <= 4) ? long[0]! : title;
}

// Section and format labels glued to headlines ("Opinion | X", "X | Editorial", "X [Watch]",
// "WATCH: X", "X (video)"): page furniture, not part of the headline readers are given.
const LABEL = String.raw`(?:opinion|editorial|analysis|commentary|column|op-ed|review|exclusive|explainer|perspective|letters?|letter to the editor|guest column|news analysis|fact check|sponsored|watch|video|videos|photos?|gallery|live|live updates|breaking|podcast|interview|obituary)`;
const LABEL_LEAD = new RegExp(String.raw`^${LABEL}\s*\|\s+`, 'i');
const LABEL_TRAIL = new RegExp(String.raw`\s+\|\s*${LABEL}$`, 'i');
const MEDIA_LEAD = /^(?:watch|video|photos?|listen|live)\s*:\s+/i;
const MEDIA_TRAIL = /\s+[[(](?:watch|video|videos|photos?|gallery|listen|live|poll)[\])]$/i;

export function stripLabels(title: string): string {
  let t = title;
  for (let i = 0; i < 3; i++) {
    const u = t.replace(LABEL_LEAD, '').replace(LABEL_TRAIL, '').replace(MEDIA_LEAD, '').replace(MEDIA_TRAIL, '').trim();
    if (u === t || !u) break;
    t = u;
  }
  return t;
}

const STOP = new Set(['that', 'this', 'with', 'from', 'have', 'what', 'when', 'will', 'your', 'they', 'their', 'about', 'after', 'into', 'more', 'than', 'best', 'news', 'here', 'were', 'been', 'over', 'just']);
const contentWords = (s: string) => new Set((s.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => !STOP.has(w)));

export function chooseTitle(candidates: string[], htmlTitle: string | null, h1s: string[], site: string | null, url: string | null, nH1 = h1s.length): string | null {
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname : null;
  } catch {
    host = null;
  }
  const all = [...candidates, ...(htmlTitle ? [htmlTitle] : [])].map(stripLabels);
  const stripped = all.map((c) => stripLabels(stripSiteSuffix(c, site, host, htmlTitle ? stripLabels(htmlTitle) : null)));
  const h1set = h1s.map((h) => stripLabels(h.replace(/\s+/g, ' ').trim())).filter((h) => squash(h).length > 3);
  // The visible <h1> is the headline readers (and annotators) see; metadata titles are often
  // SEO rewrites or carry typographic differences (straight vs curly quotes). Take the h1 when a
  // metadata title confirms it: equal up to punctuation, or containing it ("Opinion | X", "X (video)").
  for (const h of h1set) if (all.some((c) => squash(c) === squash(h)) || stripped.some((s) => squash(s) === squash(h))) return h;
  for (const h of h1set) if (squash(h).length >= 15 && all.some((c) => squash(c).includes(squash(h)))) return h;
  // An h1 with a label glued on ("Opinion What I'll..."): the metadata title is the clean one.
  for (const h of h1set) {
    const s = stripped.find((x) => squash(x).length >= 15 && squash(h).includes(squash(x)));
    if (s) return s;
  }
  // The page's own <h1> when the metadata carries a different (SEO or social) headline: readers see
  // the h1. It must look like a headline (3+ words, not the site name) and share a content word
  // with the metadata titles, so a logo or widget heading is never taken.
  const first = h1set.slice(0, nH1)[0];
  const meta0 = stripped[0] == null ? null : candidates.length ? stripped[0] : headlineSegment(stripped[0]);
  if (first && meta0 && meta0.split(/\s+/).length >= 3 && squash(first).includes(squash(meta0))) return meta0; // "Monday, 9 January 2008 <title>"
  if (first && stripped.length && first.split(/\s+/).length >= 3 && first.length <= 250) {
    const isSiteName = site != null && squash(first) === squash(site);
    const words = contentWords(first);
    const shared = stripped.some((s) => [...contentWords(s)].some((w) => words.has(w)));
    if (!isSiteName && shared) return first;
  }
  if (meta0 != null) return meta0;
  // No metadata title at all: a real <h1>, never a lesser heading (those include widget titles).
  return h1s.slice(0, nH1).map((h) => h.replace(/\s+/g, ' ').trim()).find((h) => squash(h).length > 3) ?? null;
}
