// DOM subtree → structured body: blocks (paragraph, heading, list, quote, preformatted) with exact
// offsets into the body string, links with body offsets, and figure captions kept apart.
// One walk, building the text as it goes, so link offsets never need re-finding in the body.
import type { Block, BlockType, Caption, Link } from '../types.js';
import { resolveUrl } from './metadata.js';
import { splitCredit } from './captions.js';

/** A block before offsets are assigned, with links relative to its own text. */
export interface RawBlock {
  type: BlockType;
  text: string;
  level?: number;
  items?: string[];
  links: { text: string; href: string; start: number; end: number }[];
  /** the DOM element the block came from (for boilerplate checks) */
  el: Element | null;
}

const INLINE = new Set(['a', 'span', 'em', 'strong', 'b', 'i', 'u', 'small', 'sup', 'sub', 'abbr', 'cite', 'time', 'mark', 'code', 'q', 'font', 's', 'del', 'ins', 'label', 'dfn', 'kbd', 'samp', 'var', 'bdi', 'bdo', 'big', 'tt', 'strike', 'nobr', 'data', 'acronym']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'img', 'picture', 'video', 'audio', 'iframe', 'button', 'input', 'select', 'textarea', 'nav', 'form', 'object', 'embed', 'canvas', 'map', 'source', 'head', 'meta', 'link', 'title', 'option', 'dialog']);
const HEADING = /^h([1-6])$/;
// Caption containers outside <figure> (WordPress wp-caption-text, "media-caption", "photo-credit").
const CAPTION_ATTR = /(?:^|[\s_-])(?:caption|captions|figcaption|wp-caption-text|credit|credits|image-credit|photo-credit|photocredit|img-credit|media-credit)(?:$|[\s_-])/i;
// camelCase class names ("imageCaption", "pictureCaption", "ProductEmbedImageCreditWrapper").
const CAPTION_CAMEL = /[a-z](?:Caption|Credit)(?:s|Text)?(?:$|[\s_A-Z-])/;
const BLOCKISH = 'p, div, section, article, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, table, figure, li, main, header, footer, pre';
// Zero-width and soft-hyphen characters: invisible on the page, but they break tokens.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

class Inline {
  buf = '';
  links: { text: string; href: string; start: number; end: number }[] = [];
  append(t: string): void {
    const s = t.replace(INVISIBLE, '').replace(/\s+/g, ' ');
    if (!s) return;
    if (s.startsWith(' ') && (this.buf === '' || this.buf.endsWith(' ') || this.buf.endsWith('\n'))) this.buf += s.slice(1);
    else this.buf += s;
  }
  newline(): void {
    this.buf = this.buf.replace(/ $/, '');
    if (this.buf && !this.buf.endsWith('\n')) this.buf += '\n';
  }
  take(): { text: string; links: Inline['links'] } {
    const lead = this.buf.length - this.buf.trimStart().length;
    const text = this.buf.trim().replace(/ ?\n ?/g, '\n');
    const links = this.links
      .map((l) => ({ ...l, start: Math.max(0, l.start - lead), end: Math.min(text.length, l.end - lead) }))
      .filter((l) => l.end > l.start && text.slice(l.start, l.end).trim() === l.text);
    this.buf = '';
    this.links = [];
    return { text, links };
  }
}

/**
 * A figure without the tag: a box holding an image and one short unlinked line of text (its
 * caption), as CMSes write "<div class=image_wrapper><img><p>2024 Model X</p></div>" or a photo
 * with a caption <div> and a credit <figcaption>. Real paragraphs are not boxed with an image, and
 * teaser cards (image + headline) are links.
 */
function isImageBox(el: Element): boolean {
  if (!el.firstElementChild) return false;
  // One bounded pass (an image box is small): give up past 40 elements or 2,000 characters, so
  // large containers cost next to nothing.
  let img = false, ps = 0, elements = 0, chars = 0;
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    for (let c = n.lastChild; c; c = c.previousSibling) {
      if (c.nodeType === 3) {
        chars += (c.nodeValue ?? '').length;
        continue;
      }
      if (c.nodeType !== 1) continue;
      if (++elements > 40) return false;
      const t = (c as Element).localName;
      if (t === 'img') img = true;
      else if (t === 'p') ps++;
      // a link with text makes a teaser card; a linked image (an <a> around the <img> alone) does not
      else if (t === 'a' ? (c as Element).hasAttribute('href') && !!(c.textContent ?? '').trim() : /^(?:figure|ul|ol|table|h[1-6]|blockquote)$/.test(t)) return false;
      stack.push(c);
    }
    if (chars > 2000) return false;
  }
  if (!img || ps > 1) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text || text.length >= 300) return false;
  // one or two sentences at most
  return (text.match(/[.!?]["”’)]?\s+\p{Lu}/gu) ?? []).length <= 1;
}

/**
 * A caption written as a paragraph: "<p><img></p><p><em>Caption text. (AP)</em></p>": wholly in
 * italics (or <small>), under 400 characters, right after an element that holds only an image.
 */
function isCaptionAfterImage(el: Element): boolean {
  const c = el.firstElementChild;
  if (!c || c !== el.lastElementChild || !/^(?:em|i|small)$/.test(c.localName)) return false;
  const prev = el.previousElementSibling;
  if (!prev || !(prev.localName === 'img' || prev.querySelector('img')) || (prev.textContent ?? '').trim()) return false;
  const t = (el.textContent ?? '').trim();
  return t.length > 0 && t.length < 400 && (c.textContent ?? '').trim() === t;
}

export interface WalkResult {
  blocks: RawBlock[];
  captions: Caption[];
}

export function walkBlocks(root: Element, baseUrl: string | null, skip?: (el: Element) => boolean): WalkResult {
  const blocks: RawBlock[] = [];
  const captions: Caption[] = [];
  const cur = new Inline();
  let curEl: Element | null = null;

  const flush = (type: BlockType = 'paragraph', extra: Partial<RawBlock> = {}) => {
    const { text, links } = cur.take();
    if (text) blocks.push({ type, text, links, el: curEl, ...extra });
    curEl = null;
  };

  const inlineWalk = (node: Node, into: Inline) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) into.append(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const el = c as Element;
        const tag = el.localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') into.newline();
        else if (tag === 'a') {
          const before = into.buf.length;
          inlineWalk(el, into);
          const href = el.getAttribute('href');
          if (href && !/^(javascript:|#|mailto:$)/i.test(href.trim())) {
            let start = before;
            if (into.buf[start] === ' ') start++;
            const text = into.buf.slice(start).trim();
            if (text) into.links.push({ text, href: resolveUrl(href.trim(), baseUrl), start, end: start + text.length });
          }
        } else if (INLINE.has(tag)) inlineWalk(el, into);
        else {
          // A block inside inline content (<li><h4>Headline</h4>Summary</li>) ends a line: its text
          // must not run into the next ("DavydenkoAndy"), whatever whitespace the markup had.
          into.newline();
          inlineWalk(el, into);
          into.newline();
        }
      }
    }
  };

  const figureCaption = (el: Element) => {
    const isFig = el.localName === 'figure';
    const caps = isFig ? Array.from(el.querySelectorAll('figcaption, [class*="caption" i], [itemprop="caption"], [class*="credit" i]')).slice(0, 1) : [el];
    for (const cap of caps) {
      const creditOnly = /credit|copyright|photographer/i.test(cap.getAttribute('class') ?? '') && !/caption/i.test(cap.getAttribute('class') ?? '') && cap.localName !== 'figcaption';
      const creditEl = creditOnly ? null : cap.querySelector('[class*="credit" i], [class*="copyright" i], [class*="photographer" i], [itemprop="copyrightHolder"], [class*="source" i]');
      let credit: string | null = null;
      if (creditEl) {
        credit = (creditEl.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
        creditEl.remove();
      }
      const t = new Inline();
      inlineWalk(cap, t);
      const { text } = t.take();
      if (creditOnly) {
        // A credit line of its own belongs to the caption just before it.
        const prev = captions[captions.length - 1];
        if (prev && !prev.credit) prev.credit = text.replace(/\n/g, ' ') || null;
        else if (text) captions.push({ text: '', credit: text.replace(/\n/g, ' ') });
        continue;
      }
      const split = splitCredit(text.replace(/\n/g, ' '));
      const c: Caption = { text: split.text, credit: credit ?? split.credit };
      if (c.text || c.credit) captions.push(c);
    }
  };

  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        if (v.trim() && !curEl) curEl = node as Element;
        cur.append(v);
        continue;
      }
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      if (skip && !INLINE.has(tag) && skip(el)) continue;
      // An inline element wrapping block content (<span><div><p>…) is a container, not a run of text.
      if (INLINE.has(tag) && !(el.firstElementChild && el.querySelector(BLOCKISH))) {
        if (!curEl) curEl = node as Element;
        if (tag === 'a') {
          const before = cur.buf.length;
          inlineWalk(el, cur);
          const href = el.getAttribute('href');
          if (href && !/^(javascript:|#)/i.test(href.trim())) {
            let start = before;
            if (cur.buf[start] === ' ') start++;
            const text = cur.buf.slice(start).trim();
            if (text) cur.links.push({ text, href: resolveUrl(href.trim(), baseUrl), start, end: start + text.length });
          }
        } else inlineWalk(el, cur);
        continue;
      }
      if (tag === 'br') {
        // <br><br> separates paragraphs on older pages; a single <br> is a line break.
        let n = el.nextSibling;
        while (n && n.nodeType === 3 && !(n.nodeValue ?? '').trim()) n = n.nextSibling;
        if (n && n.nodeType === 1 && (n as Element).localName === 'br') flush();
        else cur.newline();
        continue;
      }
      const cls = el.getAttribute('class') ?? '';
      if (tag === 'figure' || tag === 'figcaption' || CAPTION_ATTR.test(`${cls} ${el.getAttribute('id') ?? ''}`) || CAPTION_CAMEL.test(cls) || (tag === 'div' && isImageBox(el))) {
        flush();
        figureCaption(el);
        continue;
      }
      if (tag === 'p' && isCaptionAfterImage(el)) {
        flush();
        figureCaption(el);
        continue;
      }
      const h = HEADING.exec(tag);
      if (h) {
        flush();
        curEl = el;
        inlineWalk(el, cur);
        const { text, links } = cur.take();
        if (text) blocks.push({ type: 'heading', level: +h[1]!, text: text.replace(/\n/g, ' '), links, el });
        curEl = null;
        continue;
      }
      if (tag === 'ul' || tag === 'ol') {
        flush();
        const items: string[] = [];
        const links: RawBlock['links'] = [];
        for (const li of Array.from(el.querySelectorAll('li'))) {
          if (li.querySelector('li')) continue; // nested list: its own items are collected
          const t = new Inline();
          inlineWalk(li, t);
          const r = t.take();
          if (!r.text) continue;
          const off = items.reduce((n, s) => n + s.length + 1, 0);
          items.push(r.text.replace(/\n/g, ' '));
          for (const l of r.links) links.push({ ...l, start: l.start + off, end: l.end + off });
        }
        if (items.length) blocks.push({ type: 'list', text: items.join('\n'), items, links, el });
        continue;
      }
      if (tag === 'blockquote') {
        flush();
        const inner = walkBlocks(el, baseUrl, skip);
        captions.push(...inner.captions);
        const parts: string[] = [];
        const links: RawBlock['links'] = [];
        for (const b of inner.blocks) {
          const off = parts.reduce((n, s) => n + s.length + 1, 0);
          parts.push(b.text);
          for (const l of b.links) links.push({ ...l, start: l.start + off, end: l.end + off });
        }
        if (parts.length) blocks.push({ type: 'quote', text: parts.join('\n'), links, el });
        continue;
      }
      if (tag === 'pre') {
        flush();
        const text = (el.textContent ?? '').replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
        if (text) blocks.push({ type: 'preformatted', text, links: [], el });
        continue;
      }
      // Any other element is a block container.
      flush();
      walk(el);
      flush();
    }
  };
  walk(root);
  flush();
  return { blocks, captions };
}

/** Lays out blocks into the body string ("\n\n" between blocks) and assigns offsets. */
export function layout(raw: RawBlock[]): { body: string; blocks: Block[]; links: Link[] } {
  const blocks: Block[] = [];
  const links: Link[] = [];
  let body = '';
  for (const b of raw) {
    if (body) body += '\n\n';
    const start = body.length;
    body += b.text;
    const blk: Block = { type: b.type, text: b.text, start, end: body.length };
    if (b.level) blk.level = b.level;
    if (b.items) blk.items = b.items;
    blocks.push(blk);
    for (const l of b.links) links.push({ text: l.text, href: l.href, start: start + l.start, end: start + l.end });
  }
  return { body, blocks, links };
}
