// RSS 2.0 (and RSS 1.0/RDF), Atom and JSON Feed → feed items. Only parsing here: whether an
// item's page is fetched is decided by the caller (src/sources/index.ts).

import { BadInput } from '../errors.js';
import { child, childrenNamed, elements, innerXml, localName, parseXml, textOf, type XmlElement } from './xml.js';

export interface FeedItem {
  /** guid / id / link: stable id of the item */
  id: string | null;
  url: string | null;
  title: string | null;
  /** ISO 8601 */
  published: string | null;
  authors: string[];
  tags: string[];
  /** the article as HTML (content:encoded, Atom content, content_html), when the feed carries it */
  contentHtml: string | null;
  /** plain-text content (JSON Feed content_text) */
  contentText: string | null;
  /** description / summary (HTML or text) */
  summary: string | null;
}

export interface Feed {
  kind: 'rss' | 'atom' | 'json';
  title: string | null;
  /** ISO 639-1 from the feed's language ("en-us" → "en"), or null */
  language: string | null;
  link: string | null;
  items: FeedItem[];
}

/** Does this text look like a feed (checked on the first KB)? */
export function looksLikeFeed(head: string): 'xml' | 'json' | null {
  const h = head.replace(/^\uFEFF/, '').trimStart();
  if (h.startsWith('{') && /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return 'json';
  if (!h.startsWith('<')) return null;
  const noProlog = h.replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<(?:rss|feed|rdf:RDF)\b/i.test(noProlog) ? 'xml' : null;
}

export function isFeedContentType(ct: string | null | undefined): boolean {
  return !!ct && /^\s*application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json)\b/i.test(ct);
}

const TZ: Record<string, string> = { UT: '+00:00', UTC: '+00:00', GMT: '+00:00', Z: '+00:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };
const MON = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 ("Thu, 14 May 2026 10:31:00 +0300") or RFC 3339 → ISO 8601 keeping the stated offset; null when unreadable. */
export function parseFeedDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return t.replace(' ', 'T');
  const m = /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,4})?)?/i.exec(t);
  if (!m) return null;
  const mon = MON.indexOf(m[2]!.toLowerCase());
  if (mon < 0) return null;
  let year = +m[3]!;
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const date = `${year}-${String(mon + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (!m[4]) return date;
  const time = `${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`;
  const z = m[7];
  const off = !z ? '' : /^[+-]\d{4}$/.test(z) ? `${z.slice(0, 3)}:${z.slice(3)}` : TZ[z.toUpperCase()] ?? '';
  return `${date}T${time}${off}`;
}

/** "en-US" / "en_gb" / "EN" → "en"; anything else → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return href;
  }
}

function atomContent(el: XmlElement | null): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') return innerXml(elements(el)[0] ?? el) || null;
  const t = textOf(el).trim();
  if (!t) return null;
  return type === 'html' || type === 'text/html' ? t : t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n{2,}/g, '</p><p>');
}

function parseRss(root: XmlElement, base: string | null): Feed {
  const channel = child(root, 'channel') ?? root;
  // RSS 1.0 puts items beside the channel, RSS 2.0 inside it
  const itemEls = [...childrenNamed(channel, 'item'), ...(channel === root ? [] : childrenNamed(root, 'item'))];
  const feedLink = absolute(textOf(child(channel, 'link')).trim() || null, base);
  const items = itemEls.map((it): FeedItem => {
    const guid = child(it, 'guid');
    const link = textOf(child(it, 'link')).trim() || (guid && guid.attrs.isPermaLink !== 'false' && /^https?:/i.test(textOf(guid).trim()) ? textOf(guid).trim() : '');
    const authors = [...childrenNamed(it, 'dc:creator'), ...childrenNamed(it, 'author')].map((a) => textOf(a).trim()).filter(Boolean);
    return {
      id: textOf(guid).trim() || link || null,
      url: absolute(link || null, feedLink ?? base),
      title: textOf(child(it, 'title')).trim() || null,
      published: parseFeedDate(textOf(child(it, 'pubDate', 'dc:date', 'published', 'updated'))),
      authors,
      tags: childrenNamed(it, 'category').map((c) => textOf(c).trim()).filter(Boolean),
      contentHtml: textOf(child(it, 'content:encoded')).trim() || null,
      contentText: null,
      summary: textOf(child(it, 'description')).trim() || null,
    };
  });
  return { kind: 'rss', title: textOf(child(channel, 'title')).trim() || null, language: primaryLanguage(textOf(child(channel, 'language', 'dc:language'))), link: feedLink, items };
}

function atomLink(el: XmlElement, base: string | null): string | null {
  const links = childrenNamed(el, 'link');
  const alt = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? null;
  return absolute(alt?.attrs.href ?? null, el.attrs['xml:base'] ?? base);
}

function parseAtom(root: XmlElement, base: string | null): Feed {
  const feedLink = atomLink(root, base);
  const items = childrenNamed(root, 'entry').map((e): FeedItem => {
    const url = atomLink(e, feedLink ?? base);
    return {
      id: textOf(child(e, 'id')).trim() || url,
      url,
      title: textOf(child(e, 'title')).trim() || null,
      published: parseFeedDate(textOf(child(e, 'published', 'updated'))),
      authors: childrenNamed(e, 'author').map((a) => textOf(child(a, 'name')).trim()).filter(Boolean),
      tags: childrenNamed(e, 'category').map((c) => c.attrs.term ?? c.attrs.label ?? '').filter(Boolean),
      contentHtml: atomContent(child(e, 'content')),
      contentText: null,
      summary: atomContent(child(e, 'summary')),
    };
  });
  return { kind: 'atom', title: textOf(child(root, 'title')).trim() || null, language: primaryLanguage(root.attrs['xml:lang']), link: feedLink, items };
}

function parseJsonFeed(src: string, origin: string, base: string | null): Feed {
  let j: unknown;
  try {
    j = JSON.parse(src);
  } catch (err) {
    throw new BadInput(`${origin}: malformed JSON Feed (${(err as Error).message.split('\n')[0]}) — check that it is a complete JSON Feed`);
  }
  const o = j as Record<string, unknown>;
  if (!o || typeof o !== 'object' || !Array.isArray(o.items)) throw new BadInput(`${origin}: JSON Feed without an "items" array — check the feed`);
  const feedLink = absolute(str(o.home_page_url), base);
  const items = (o.items as Record<string, unknown>[]).filter((x) => x && typeof x === 'object').map((it): FeedItem => {
    const authors = Array.isArray(it.authors) ? it.authors : it.author ? [it.author] : [];
    return {
      id: str(it.id) ?? (typeof it.id === 'number' ? String(it.id) : null) ?? str(it.url),
      url: absolute(str(it.url) ?? str(it.external_url), feedLink ?? base),
      title: str(it.title),
      published: parseFeedDate(str(it.date_published) ?? str(it.date_modified)),
      authors: authors.map((a) => str((a as Record<string, unknown>)?.name)).filter((x): x is string => !!x),
      tags: Array.isArray(it.tags) ? it.tags.filter((t): t is string => typeof t === 'string') : [],
      contentHtml: str(it.content_html),
      contentText: str(it.content_text),
      summary: str(it.summary),
    };
  });
  return { kind: 'json', title: str(o.title), language: primaryLanguage(str(o.language)), link: feedLink, items };
}

/** The first feed a page advertises (<link rel="alternate" type="application/rss+xml|atom+xml" href>), absolute when base allows. */
export function feedLinkOf(html: string, base: string | null): string | null {
  const head = html.slice(0, 200_000);
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const attr = (n: string) => new RegExp(`\\b${n}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const val = (n: string) => { const a = attr(n); return a ? (a[2] ?? a[3] ?? a[4] ?? '') : null; };
    if (!/\balternate\b/i.test(val('rel') ?? '') || !/application\/(rss|atom)\+xml|application\/feed\+json/i.test(val('type') ?? '')) continue;
    const href = val('href');
    if (!href) continue;
    try { return base ? new URL(href, base).href : href; } catch { return href; }
  }
  return null;
}

/** Parse a feed; `base` resolves relative links (the feed's URL). Throws BadInput for a malformed or unknown feed. */
export function parseFeed(src: string, origin: string, base: string | null = null): Feed {
  const kind = looksLikeFeed(src.slice(0, 4096));
  if (kind === 'json') return parseJsonFeed(src, origin, base);
  // a web page given as a feed (`entente watch https://site/news`): say so, and name the feed the page
  // advertises, rather than report the XML parser's complaint about HTML (unclosed <meta>)
  if (!kind && /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(src.slice(0, 4096))) {
    const advertised = feedLinkOf(src, base);
    throw new BadInput(`${origin}: a web page, not a feed — give the site's RSS/Atom feed URL${advertised ? ` (this page names ${advertised})` : ' (look for an RSS link on the site)'}, or give the page to \`entente ingest\` to read it once`);
  }
  const root = parseXml(src, origin);
  const name = localName(root);
  if (name === 'rss' || name === 'rdf') return parseRss(root, base);
  if (name === 'feed') return parseAtom(root, base);
  throw new BadInput(`${origin}: <${root.name}> is not an RSS or Atom feed — give an RSS 2.0, Atom or JSON Feed`);
}
