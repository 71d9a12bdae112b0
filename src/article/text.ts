// kind:'text' documents (plain text, Markdown clippings already split by the sources layer).
// The body is the content with CRLF→LF, trimmed, and nothing else rewritten: date and entity spans
// are reported in body offsets, so the body must stay the user's text.
import type { Article, Block, RawDocument } from '../types.js';
import { findDateline } from './dateline.js';

export function textToArticle(raw: RawDocument): Article {
  const body = raw.content.replace(/\r\n?/g, '\n').trim();
  const blocks: Block[] = [];
  // Paragraphs are separated by blank lines (lines holding only whitespace count as blank).
  const sep = /\n[ \t]*\n\s*/g;
  let last = 0;
  for (const m of body.matchAll(sep)) {
    pushPara(blocks, body, last, m.index!);
    last = m.index! + m[0].length;
  }
  pushPara(blocks, body, last, body.length);
  const h = raw.hints ?? {};
  return {
    id: raw.id,
    url: raw.url ?? h.url ?? null,
    canonical_url: h.url ?? null,
    title: h.title ?? h.fallback?.title ?? null,
    published: h.published ?? h.fallback?.published ?? null,
    modified: null,
    authors: h.authors ?? [],
    site: h.site ?? null,
    language: h.language ?? null,
    lede: blocks.find((b) => b.type === 'paragraph')?.text ?? null,
    body,
    blocks,
    captions: h.captions ?? [],
    links: [],
    section: h.section ?? null,
    tags: h.tags ?? [],
    dateline: findDateline(body),
  };
}

function pushPara(blocks: Block[], body: string, start: number, end: number): void {
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  while (start < end && /\s/.test(body[start]!)) start++;
  if (end > start) blocks.push({ type: 'paragraph', text: body.slice(start, end), start, end });
}
