import type { Article, RawDocument } from '../types.js';
// STUB (issue 2): replaced by the article-extraction work.
export function rawToArticle(raw: RawDocument): Article {
  const body = raw.content.trim();
  return {
    id: raw.id, url: raw.url ?? raw.hints?.url ?? null, canonical_url: null, title: raw.hints?.title ?? null,
    published: raw.hints?.published ?? null, modified: null, authors: raw.hints?.authors ?? [], site: raw.hints?.site ?? null,
    language: raw.hints?.language ?? null, lede: null, body, blocks: [], captions: raw.hints?.captions ?? [], links: [],
    section: raw.hints?.section ?? null, tags: raw.hints?.tags ?? [],
  };
}
export function detectLanguage(_text: string): string | null {
  return 'en';
}
