// Article → Markdown clipping, in the layout of a saved news clipping (and the layout
// src/sources/clipping.ts reads back, so render → parse keeps title, date, url and body):
//
//   Title
//
//   May 14, 2026
//
//   By Author One and Author Two
//
//   Caption of the lead photo. **Credit**
//
//   Body paragraph with a [linked phrase](https://...).
//
//   Original url:
//
//   <https://...>
//
// Body text is escaped where it would otherwise read as Markdown markup, so the text survives.

import type { Article, Block, Link } from '../types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-05-14" / "2026-05-14T10:31:00+03:00" → "May 14, 2026"; anything else is shown as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || +m[2]! < 1 || +m[2]! > 12) return iso;
  return `${MONTHS[+m[2]! - 1]} ${+m[3]!}, ${m[1]}`;
}

/** Escape what Markdown would read as markup inside running text. */
export function escapeInline(s: string): string {
  const word = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
  return s
    .replace(/([\\`*[\]])/g, '\\$1')
    // snake_case stays as is; an underscore that could open or close emphasis is escaped
    .replace(/_/g, (_m, i: number, t: string) => (word(t[i - 1]) && word(t[i + 1]) ? '_' : '\\_'))
    .replace(/<(?=https?:|mailto:)/g, '\\<');
}

/** Escape what would read as a block marker at the start of a paragraph (#, >, -, 1.). */
function escapeBlockStart(s: string): string {
  return s.replace(/^(\d+)([.)]\s)/, '$1\\$2').replace(/^(#{1,6}\s|>|[-+*•]\s|={3,}|-{3,})/, (m) => `\\${m}`);
}

function linkTarget(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/>/g, '%3E')}>` : href;
}

/** Text of body[start, end) with the links inside it written as [text](href). */
function withLinks(body: string, start: number, end: number, links: Link[]): string {
  const inside = links
    .filter((l) => l.start !== undefined && l.end !== undefined && l.start >= start && l.end <= end && l.end > l.start && l.href)
    .sort((a, b) => a.start! - b.start!);
  let out = '';
  let pos = start;
  for (const l of inside) {
    if (l.start! < pos) continue; // overlapping links: keep the first
    out += escapeInline(body.slice(pos, l.start));
    out += `[${escapeInline(body.slice(l.start, l.end))}](${linkTarget(l.href)})`;
    pos = l.end!;
  }
  return out + escapeInline(body.slice(pos, end));
}

function blocksOf(article: Article): Block[] {
  if (article.blocks.length) return article.blocks;
  // no block structure: paragraphs are separated by blank lines in the body
  const out: Block[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(article.body))) {
    const text = m[0];
    if (text.trim()) out.push({ type: 'paragraph', text, start: m.index, end: m.index + text.length });
  }
  return out;
}

function renderBlock(b: Block, article: Article): string {
  const { body, links } = article;
  // block offsets index the body; fall back to the block's own text if they do not line up
  const aligned = body.slice(b.start, b.end) === b.text;
  const text = (from: number, to: number, own: string) => (aligned ? withLinks(body, from, to, links) : escapeInline(own));
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(b.level ?? 2, 1), 6))} ${text(b.start, b.end, b.text).replace(/\n/g, ' ')}`;
    case 'list': {
      const lines: string[] = [];
      let at = b.start;
      for (const item of b.items ?? b.text.split('\n')) {
        const k = aligned ? body.indexOf(item, at) : -1;
        lines.push(`- ${k >= 0 ? withLinks(body, k, k + item.length, links) : escapeInline(item)}`);
        if (k >= 0) at = k + item.length;
      }
      return lines.join('\n');
    }
    case 'quote':
      return text(b.start, b.end, b.text).split('\n').map((l) => `> ${l}`).join('  \n');
    case 'preformatted':
      return '```\n' + b.text + '\n```';
    default:
      // a line break inside a paragraph (verse, a tweet, an address) is a Markdown hard break
      return escapeBlockStart(text(b.start, b.end, b.text).replace(/[ \t]*\n[ \t]*/g, '  \n'));
  }
}

/** The article as a Markdown clipping. */
export function articleToMarkdown(article: Article): string {
  const parts: string[] = [];
  if (article.title) parts.push(escapeInline(article.title.replace(/\s+/g, ' ').trim()));
  if (article.published) parts.push(formatDate(article.published));
  if (article.authors.length) {
    const a = article.authors;
    parts.push(`By ${a.length === 1 ? a[0] : `${a.slice(0, -1).join(', ')} and ${a[a.length - 1]}`}`);
  }
  for (const c of article.captions) {
    const text = escapeInline(c.text.replace(/\s+/g, ' ').trim());
    if (!text) continue;
    // a caption without a credit is shown in italics (how clippers render <figcaption>)
    parts.push(c.credit ? `${text} **${escapeInline(c.credit.trim())}**` : `*${text}*`);
  }
  for (const b of blocksOf(article)) {
    const md = renderBlock(b, article);
    if (md.trim()) parts.push(md);
  }
  const url = article.url ?? article.canonical_url;
  if (url) parts.push('Original url:', `<${url}>`);
  return parts.join('\n\n') + '\n';
}
