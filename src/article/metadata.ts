// Page metadata: JSON-LD (NewsArticle and friends, incl. @graph), OpenGraph, the many meta-tag
// dialects news CMSs use, <link rel=canonical>, <time datetime>, <html lang>.
// Each field is a list of candidates in priority order; the first usable one wins, so the order
// below is the decision (JSON-LD on an article type is the most deliberate, hence first).
import { normalizeDate, dateFromUrl } from './dates.js';

export interface PageMeta {
  title: string | null;
  /** og:title / JSON-LD headline / twitter:title, before site-suffix cleanup */
  titleCandidates: string[];
  htmlTitle: string | null;
  published: string | null;
  modified: string | null;
  authors: string[];
  site: string | null;
  canonical: string | null;
  language: string | null;
  description: string | null;
  /** JSON-LD articleBody of the article object, when the page carries one */
  articleBody: string | null;
  section: string | null;
  tags: string[];
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|SocialMediaPosting|WebPage|TechArticle|MedicalWebPage|Blog|VideoObject)$/;

/** Flattens JSON-LD payloads (arrays, @graph) into objects, article types first. */
export function jsonLdObjects(payloads: unknown[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v == null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o['mainEntity'] && typeof o['mainEntity'] === 'object') visit(o['mainEntity'], depth + 1);
  };
  payloads.forEach((p) => visit(p, 0));
  const rank = (o: Json) => {
    const t = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (t.some((x) => /NewsArticle|Article|BlogPosting|Report/.test(x))) return 0;
    if (t.some((x) => ARTICLE_TYPES.test(x))) return 1;
    return 2;
  };
  return out.map((o, i) => [rank(o), i, o] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json)['name'] ?? (v as Json)['@value']);
  return null;
};

function names(v: unknown): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'string') return [v];
  if (typeof v === 'object') {
    const o = v as Json;
    const n = str(o['name']);
    if (n) return [n];
    const gn = [str(o['givenName']), str(o['familyName'])].filter(Boolean).join(' ');
    return gn ? [gn] : [];
  }
  return [];
}

// Named entities that survive in double-encoded meta content ("&amp;ndash;" → "&ndash;").
const NAMED: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb', eacute: '\u00e9', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
};
const decodeEntities = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (NAMED[k] != null) return NAMED[k]!;
    if (!k.startsWith('#')) return m;
    const cp = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
  });
const clean = (s: string | null | undefined) => (s ? decodeEntities(s).replace(/\s+/g, ' ').trim() || null : null);

// Meta keys in priority order (lowercased name/property/itemprop).
const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'article.published', 'datepublished', 'parsely-pub-date', 'sailthru.date',
  'publish-date', 'publish_date', 'publishdate', 'pubdate', 'article_date_original', 'date', 'dc.date', 'dc.date.issued',
  'dcterms.created', 'dcterms.date', 'dc.date.created', 'citation_publication_date', 'citation_date', 'citation_online_date', 'original-publish-date',
  'og:published_time', 'published_time', 'article.created', 'displaydate', 'dateline', 'cxenseparse:recs:publishtime', 'release_date', 'datecreated', 'timestamp',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'article.updated', 'lastmod', 'parsely-updated'];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author', 'cxenseparse:author', 'twitter:creator'];
const SITE_KEYS = ['og:site_name', 'application-name', 'al:ios:app_name', 'twitter:site', 'publisher', 'dc.publisher', 'cxenseparse:site'];

export function readMeta(document: Document, jsonld: unknown[], url: string | null): PageMeta {
  const meta = new Map<string, string[]>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv'))?.trim().toLowerCase();
    const content = el.getAttribute('content');
    if (!key || content == null || !content.trim()) continue;
    const list = meta.get(key) ?? [];
    list.push(content.trim());
    meta.set(key, list);
  }
  const first = (keys: string[]) => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v?.length) return v[0]!;
    }
    return null;
  };
  const objs = jsonLdObjects(jsonld);
  const article = objs.find((o) => ([] as unknown[]).concat(o['@type'] ?? []).some((t) => ARTICLE_TYPES.test(String(t)) && !/^(WebPage|Blog|VideoObject)$/.test(String(t))));
  const ld = (k: string) => {
    if (article && article[k] != null) return article[k];
    for (const o of objs) if (o[k] != null) return o[k];
    return null;
  };

  // Title candidates: JSON-LD headline, og:title, twitter:title, <title>.
  const htmlTitle = clean(document.querySelector('title')?.textContent ?? null);
  const titleCandidates = [str(article?.['headline']), first(['og:title']), first(['twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'headline', 'title']), str(article?.['name'])]
    .map(clean).filter((x): x is string => !!x);

  // Dates: JSON-LD on the article, then meta tags, then <time> elements, then the URL.
  let published = normalizeDate(str(article?.['datePublished']) ?? str(article?.['dateCreated']));
  if (!published) {
    for (const k of PUBLISHED_KEYS) {
      for (const v of meta.get(k) ?? []) {
        published = normalizeDate(v);
        if (published) break;
      }
      if (published) break;
    }
  }
  if (!published) published = normalizeDate(str(ld('datePublished')));
  // A full date in the URL path is set by the CMS at publication: more reliable than the first
  // <time> on the page, which is often a sidebar or "latest news" item — unless that <time> is
  // within a day of it (then it is the same publication, with its time and zone).
  if (!published) {
    const fromUrl = dateFromUrl(url);
    const times = Array.from(document.querySelectorAll('time[datetime], [itemprop="datePublished"]'));
    // Prefer an explicitly marked publication time (pubdate, itemprop) over the first <time>.
    times.sort((a, b) => Number(isPub(b)) - Number(isPub(a)));
    const dayMs = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
    for (const t of times) {
      const d = normalizeDate(t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent);
      if (!d) continue;
      // With a URL date, a <time> is only its refinement (time of day, zone, the local day where
      // the URL's day is another zone's): within a day of it, else a sidebar item's time.
      if (fromUrl && Math.abs(dayMs(d) - dayMs(fromUrl)) > 86400000) continue;
      published = d;
      break;
    }
    published ??= fromUrl;
  }
  const modified = normalizeDate(str(article?.['dateModified']) ?? first(MODIFIED_KEYS) ?? str(ld('dateModified')));

  // Authors: JSON-LD author, then meta tags (URLs in article:author are profile links, not names).
  let authors = names(article?.['author'] ?? article?.['creator']);
  if (!authors.length) {
    for (const k of AUTHOR_KEYS) {
      const vs = (meta.get(k) ?? []).filter((v) => !/^https?:|^www\.|^@/.test(v));
      if (vs.length) {
        authors = vs;
        break;
      }
    }
  }

  let site = str(ld('publisher')) ?? null;
  const siteMeta = first(SITE_KEYS);
  if (first(['og:site_name'])) site = first(['og:site_name']);
  else if (!site && siteMeta && !/^@/.test(siteMeta)) site = siteMeta;

  const canonicalEl = document.querySelector('link[rel="canonical"]');
  let canonical = canonicalEl?.getAttribute('href') ?? first(['og:url']) ?? str(article?.['url']) ?? null;
  if (canonical) canonical = resolveUrl(canonical.trim(), url);

  const lang = document.documentElement?.getAttribute('lang') ?? first(['og:locale', 'content-language', 'language', 'dc.language']) ?? str(ld('inLanguage'));

  const section = clean(first(['article:section', 'parsely-section', 'section', 'sailthru.section']) ?? str(ld('articleSection')));
  const tagVals = [...(meta.get('article:tag') ?? []), ...(meta.get('news_keywords') ?? meta.get('keywords') ?? []).flatMap((s) => s.split(/[,;]/))];
  const ldKw = ld('keywords');
  if (!tagVals.length && ldKw) tagVals.push(...(Array.isArray(ldKw) ? ldKw.map(String) : String(ldKw).split(/[,;]/)));
  const tags = [...new Set(tagVals.map((t) => clean(t)).filter((t): t is string => !!t && t.length < 80))];

  return {
    title: titleCandidates[0] ?? htmlTitle,
    titleCandidates,
    htmlTitle,
    published,
    modified,
    authors: authors.map((a) => clean(a)!).filter(Boolean),
    site: clean(site),
    canonical,
    language: lang ? lang.trim() : null,
    articleBody: typeof article?.['articleBody'] === 'string' ? decodeEntities(article['articleBody'] as string) : null,
    description: clean(first(['og:description', 'description', 'twitter:description']) ?? str(ld('description'))),
    section,
    tags,
  };
}

function isPub(el: Element): boolean {
  return el.hasAttribute('pubdate') || /datePublished/i.test(el.getAttribute('itemprop') ?? '') || /publish|posted/i.test(el.getAttribute('class') ?? '');
}

export function resolveUrl(href: string, base: string | null): string {
  try {
    return base ? new URL(href, base).href : new URL(href).href;
  } catch {
    return href;
  }
}
