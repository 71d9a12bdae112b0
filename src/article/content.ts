// The article body: which part of the page is the story, cleaned of furniture.
//
// Readability picks the main container; we then (a) walk it into structured blocks, (b) drop blocks
// that are page furniture by their text (boilerplate.ts) and the headline/byline repeated at the top,
// since the body is what follows the headline.
import { Readability } from '@mozilla/readability';
import type { Caption } from '../types.js';
import { walkBlocks, type RawBlock } from './blocks.js';
import { isBoilerplate, BYLINE_BLOCK } from './boilerplate.js';

export interface ContentResult {
  blocks: RawBlock[];
  captions: Caption[];
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function extractContent(document: Document, opts: { title: string | null; baseUrl: string | null }): ContentResult {
  let root: Element | null = null;
  try {
    const r = new Readability<Element>(document, { serializer: (n) => n as Element, charThreshold: 300, disableJSONLD: true }).parse();
    root = r?.content ?? null;
  } catch {
    root = null;
  }
  if (!root) return { blocks: [], captions: [] };
  const { blocks, captions } = walkBlocks(root, opts.baseUrl);
  return { blocks: cleanBlocks(blocks, opts.title), captions };
}

export function cleanBlocks(blocks: RawBlock[], title: string | null): RawBlock[] {
  const t = title ? squash(title) : null;
  const out: RawBlock[] = [];
  for (const b of blocks) {
    if (isBoilerplate(b.text)) continue;
    // The headline (and bylines) repeated at the top of the container are not body text.
    if (out.length < 3 && t && squash(b.text) === t) continue;
    if (out.length < 3 && b.text.length < 120 && BYLINE_BLOCK.test(b.text)) continue;
    out.push(b);
  }
  return out;
}
