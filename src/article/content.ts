// The article body: which part of the page is the story, cleaned of furniture.
//
// 1. prune: remove consent dialogs, newsletter/paywall boxes, share bars and recirculation widgets
//    by class/id (Readability scores a long cookie policy above a short article).
// 2. Readability picks the main container.
// 3. walk it into structured blocks (blocks.ts), then drop blocks that are furniture by their text,
//    the headline/byline repeated at the top, short labels before the first real paragraph and
//    after the last one, and trailing author bios.
// 4. a visible standfirst (the page's description shown as its own element) opens the body when
//    Readability left it out: it is the first paragraph readers see under the headline.
// 5. paywalled/JS pages: when the JSON-LD articleBody is much longer than what the DOM gave and
//    starts the same way, it is the fuller text.
import { Readability } from '@mozilla/readability';
import type { Caption } from '../types.js';
import { walkBlocks, type RawBlock } from './blocks.js';
import { scoreContent, isJunk } from './scorer.js';

/** Below this many characters the scorer's pick is not trusted and Readability runs instead. */
const MIN_SCORED = 250;
import { isBoilerplate, BYLINE_BLOCK, FURNITURE_ATTR, AUTHOR_BIO } from './boilerplate.js';

export interface ContentResult {
  blocks: RawBlock[];
  captions: Caption[];
}

export interface ContentOptions {
  title: string | null;
  baseUrl: string | null;
  description?: string | null;
  articleBody?: string | null;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function pruneFurniture(document: Document): void {
  const body = document.body;
  if (!body) return;
  const doomed: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('[class], [id], [role], [aria-modal], dialog, nav, aside, footer'))) {
    const tag = el.localName;
    if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') continue;
    const role = el.getAttribute('role');
    const attrs = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (tag === 'dialog' || tag === 'nav' || role === 'dialog' || role === 'navigation' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true' || FURNITURE_ATTR.test(attrs)) {
      doomed.push(el);
    } else if ((tag === 'aside' || tag === 'footer' || role === 'complementary' || role === 'contentinfo') && !/\b(?:article|content|story|body)\b/i.test(attrs)) {
      doomed.push(el);
    }
  }
  if (!doomed.length) return;
  // Safety: never remove a container that holds most of the page's paragraphs (a wrapper whose
  // class merely mentions "share" or "comments", e.g. <div class="post has-comments">).
  const totalP = body.getElementsByTagName('p').length;
  for (const el of doomed) {
    if (!el.parentNode) continue;
    const ps = el.getElementsByTagName('p').length;
    if (ps >= 4 && ps > totalP * 0.3) continue;
    if (el.querySelector('article, main, [itemprop="articleBody"]')) continue;
    el.remove();
  }
}

/**
 * When one <article>/<main>/articleBody element holds nearly all paragraph text of the page, hand
 * Readability only that subtree. Why: Readability's passes cost time in proportion to the whole
 * DOM (menus, footers, recirculation grids), and a semantic container that already holds the
 * story is the best hint the page gives. Below the threshold, the whole page is scored as usual.
 */
export function isolateMain(document: Document): void {
  const body = document.body;
  if (!body) return;
  const plen = (root: Element) => {
    let n = 0;
    for (const p of Array.from(root.getElementsByTagName('p'))) {
      const l = (p.textContent ?? '').length;
      if (l > 40) n += l;
    }
    return n;
  };
  const total = plen(body);
  if (total < 500) return;
  let best: Element | null = null;
  let bestLen = Infinity;
  for (const el of Array.from(body.querySelectorAll('[itemprop="articleBody"], article, main, [role="main"]'))) {
    const n = plen(el);
    const size = (el.textContent ?? '').length;
    if (n >= 0.85 * total && size < bestLen) {
      best = el;
      bestLen = size;
    }
  }
  if (!best || best === body) return;
  // Keep the container's headings context light: only the container survives.
  while (body.firstChild) body.removeChild(body.firstChild);
  body.appendChild(best);
}

export function extractContent(document: Document, opts: ContentOptions): ContentResult {
  const dek = opts.description && squash(opts.description).length > 20 ? findVisible(document, opts.description) : null;
  pruneFurniture(document);
  isolateMain(document);
  let blocks: RawBlock[] = [];
  let captions: Caption[] = [];
  // Our one-pass scorer first; Readability when it finds too little (see scorer.ts for why).
  const scored = document.body ? scoreContent(document.body) : null;
  if (scored && scored.textLength >= MIN_SCORED) {
    const box = document.createElement('div');
    for (const el of scored.nodes) box.appendChild(el);
    ({ blocks, captions } = walkBlocks(box, opts.baseUrl, (el) => isJunk(el, scored.stats)));
    blocks = cleanBlocks(blocks, opts.title);
  }
  if (blocks.reduce((n, b) => n + b.text.length, 0) < MIN_SCORED) {
    let root: Element | null = null;
    try {
      const r = new Readability<Element>(document, { serializer: (n) => n as Element, charThreshold: 300, disableJSONLD: true }).parse();
      root = r?.content ?? null;
    } catch {
      root = null;
    }
    if (root) ({ blocks, captions } = walkBlocks(root, opts.baseUrl));
    blocks = cleanBlocks(blocks, opts.title);
  }
  if (dek && blocks.length && !blocks.slice(0, 4).some((b) => squash(b.text).includes(squash(dek)))) {
    blocks.unshift({ type: 'paragraph', text: dek, links: [], el: null });
  }
  const ab = opts.articleBody;
  if (ab) {
    const ours = blocks.reduce((n, b) => n + b.text.length, 0);
    const abText = ab.replace(/\r\n?/g, '\n').trim();
    const sameStart = !ours || squash(abText).includes(squash(blocks.find((b) => b.text.length > 60)?.text ?? blocks[0]!.text).slice(0, 80));
    if (abText.length > Math.max(1.4 * ours, ours + 600) && sameStart) {
      blocks = abText.split(/\n\s*\n|\n/).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean)
        .map((text) => ({ type: 'paragraph' as const, text, links: [], el: null }));
      blocks = cleanBlocks(blocks, opts.title);
    }
  }
  return { blocks, captions };
}

/** The description as a visible element's whole text (a standfirst/dek), or null. */
function findVisible(document: Document, description: string): string | null {
  const d = squash(description);
  for (const el of Array.from(document.querySelectorAll('p, h2, h3, div, span'))) {
    if (el.children.length > 3) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length < description.length + 20 && squash(t) === d) return t;
  }
  return null;
}

/** A short line that is not a sentence: a label, kicker, button or counter. */
const isLabel = (b: RawBlock) => b.type !== 'list' && b.text.length < 50 && !/[.!?:"”’)]$/.test(b.text);

export function cleanBlocks(blocks: RawBlock[], title: string | null): RawBlock[] {
  const t = title ? squash(title) : null;
  let out: RawBlock[] = [];
  for (const b of blocks) {
    if (isBoilerplate(b.text)) continue;
    // The headline (and bylines) repeated at the top of the container are not body text.
    if (out.length < 4 && t && squash(b.text) === t) continue;
    if (out.length < 4 && b.text.length < 120 && BYLINE_BLOCK.test(b.text)) continue;
    out.push(b);
  }
  // Labels before the first real paragraph (section names, "Overview", timestamps) and after the last.
  const isReal = (b: RawBlock) => b.type === 'paragraph' && b.text.length >= 80;
  const first = out.findIndex(isReal);
  if (first > 0) out = out.filter((b, i) => i >= first || !(isLabel(b) || b.type === 'heading'));
  let last = out.length - 1;
  while (last >= 0 && !isReal(out[last]!)) last--;
  if (last >= 0) out = out.filter((b, i) => i <= last || !(isLabel(b) || b.type === 'heading' || b.text.length < 120));
  // Trailing author bio.
  for (let i = out.length - 1; i >= Math.max(2, out.length - 3); i--) {
    if (AUTHOR_BIO.test(out[i]!.text) && out[i]!.text.length < 400) out.splice(i, 1);
  }
  return out;
}
