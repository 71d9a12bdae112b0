// Article stage: a source's RawDocument → Article (text + metadata). See html.ts and text.ts.
import type { Article, ArticleHints, RawDocument } from '../types.js';
import { extractArticle } from './html.js';
import { textToArticle } from './text.js';
import { detectLanguage } from './language.js';
import { normalizeDate } from './dates.js';

export { extractArticle, detectLanguage };
export { decodeHtml } from './decode.js';

export function rawToArticle(raw: RawDocument): Article {
  if (raw.kind === 'text') return textToArticle(raw);
  const url = raw.url ?? raw.hints?.url ?? null;
  let a: Article;
  try {
    a = extractArticle(raw.content, url, { id: raw.id });
  } catch {
    // A page the parser cannot handle must not stop a batch: it becomes an empty article, which
    // the pipeline reports as "article:empty" with the document's origin.
    a = { ...textToArticle({ ...raw, kind: 'text', content: '' }), url };
  }
  return mergeHints(a, raw.hints);
}

/** Source hints (clipping header, feed item, --title/--date) fill what the page lacked or override it. */
function mergeHints(a: Article, h: ArticleHints | undefined): Article {
  if (!h) return a;
  if (h.title) a.title = h.title;
  if (h.published) a.published = normalizeDate(h.published) ?? h.published;
  if (h.url && !a.url) a.url = h.url;
  if (h.authors?.length) a.authors = h.authors;
  if (h.site) a.site = h.site;
  if (h.language) a.language = h.language;
  if (h.captions?.length) a.captions = h.captions;
  if (h.section) a.section = h.section;
  if (h.tags?.length) a.tags = h.tags;
  // --title/--date: only where the page has none (a dated page keeps its own date)
  if (h.fallback?.title && !a.title) a.title = h.fallback.title;
  if (h.fallback?.published && !a.published) a.published = normalizeDate(h.fallback.published) ?? h.fallback.published;
  return a;
}
