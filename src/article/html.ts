// HTML page → Article. Pure: no clock, no network.
//
//   preclean (strings) → parse once (linkedom) → metadata → body (content.ts) → blocks/links/captions
//   → dateline, lede, language.
import { parseHTML } from 'linkedom';
import type { Article } from '../types.js';
import { preclean } from './preclean.js';
import { readMeta } from './metadata.js';
import { chooseTitle } from './title.js';
import { cleanAuthors, isOrgName } from './people.js';
import { extractContent, dropAuthorBio, cutOutsideTail } from './content.js';
import { layout, walkBlocks } from './blocks.js';
import type { Caption } from '../types.js';
import { findDateline } from './dateline.js';
import { decideLanguage } from './language.js';
import { blockFeatures, applyBlockModel, type BlockModel } from './blockmodel.js';
import type { RawBlock } from './blocks.js';
import { normalizeDate, parseTextDate, localizePublished, type DateEvidence } from './dates.js';

export interface ExtractOptions {
  /** id for the Article (defaults to the URL, else "") */
  id?: string;
  /**
   * the learned block decision (blockmodel.ts) applied after the rules; absent or null: none. Not on by
   * default: out of sample it does not beat the rules on NAEB (EVALUATION.md, session 7). The fitted
   * model is `defaultBlockModel()` (data/article/block-model.json).
   */
  blockModel?: BlockModel | null;
  /** for the fitting script: the blocks the rules kept and their features, before the model */
  onBlocks?: (blocks: RawBlock[], features: string[][]) => void;
}

export function parseDocument(html: string): Document {
  // linkedom needs a full document to give us <html>/<head>/<body>; fragments get a shell.
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return closeRunawayHeadings(parseHTML(html).document as unknown as Document);
  // A page without <body> (a truncated crawl) gets the shell; its own <html>/<head> tags are dropped
  // first, or the page would sit inside a nested <head> that content selection skips.
  const inner = /<html[\s>]/i.test(html) ? html.replace(/<\/?(?:html|head)\b[^>]*>/gi, '') : html;
  const src = `<!DOCTYPE html><html><head></head><body>${inner}</body></html>`;
  return closeRunawayHeadings(parseHTML(src).document as unknown as Document);
}

// Elements that cannot sit in a headline: one inside a heading means the heading was never closed.
const BLOCK_IN_HEADING = new Set(['p', 'div', 'ul', 'ol', 'dl', 'table', 'blockquote', 'pre', 'section', 'article', 'aside', 'main', 'header', 'footer', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Broken HTML: an unclosed heading (`<h1>Title<p>para</p><p>para</p>` with no `</h1>`) holds the
 * rest of its container, since <p> does not close an <h1> for an HTML parser; the headline then
 * reads as the whole story and the story as one heading. A heading with text of its own before a
 * block child (<p>, <div>, …) and more than a headline's worth of text from that child on is closed
 * there: the block child and everything after it move out to follow the heading. A heading that
 * only wraps its text in a block (`<h1><div>Title</div></h1>`) has no text before it and is kept.
 */
export function closeRunawayHeadings(document: Document): Document {
  for (const h of Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const parent = h.parentNode;
    if (!parent) continue;
    const kids = Array.from(h.childNodes);
    const i = kids.findIndex((n) => n.nodeType === 1 && BLOCK_IN_HEADING.has((n as Element).localName));
    if (i <= 0) continue;
    const squash = (ns: ChildNode[]) => ns.map((n) => n.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
    if (!squash(kids.slice(0, i)) || squash(kids.slice(i)).length < 120) continue;
    const next = h.nextSibling;
    for (const n of kids.slice(i)) parent.insertBefore(n, next);
  }
  return document;
}

export function extractArticle(html: string, url: string | null, opts: ExtractOptions = {}): Article {
  const pre = preclean(html);
  const document = parseDocument(pre.html);
  const baseHref = document.querySelector('base[href]')?.getAttribute('href') ?? null;
  const meta = readMeta(document, pre.jsonld, url ?? baseHref);
  const pageUrl = url ?? meta.canonical ?? baseHref;
  const text = (h: Element) => (h.textContent ?? '').replace(/\s+/g, ' ').trim();
  const h1s = Array.from(document.querySelectorAll('h1')).slice(0, 5).map(text);
  // Older pages mark the headline with h2/h3 or a "headline"/"title" class instead of h1.
  const otherHeads = Array.from(document.querySelectorAll('h2, h3, [class*="headline" i], [class*="title" i], [id*="headline" i]')).slice(0, 60).map(text).filter((t) => t.length < 300);
  const title = chooseTitle(meta.titleCandidates, meta.htmlTitle, [...h1s, ...otherHeads], meta.site, pageUrl, h1s.length);

  // Bylines in the page, read before content extraction mutates the DOM.
  // Metadata that names only the outlet ("USA TODAY", "The Daily Journal"): the page's byline may name the people.
  const metaAuthors = cleanAuthors(meta.authors, meta.site);
  const orgOnly = metaAuthors.length > 0 && metaAuthors.every((a) => isOrgName(a, meta.site));
  const bylineNames = metaAuthors.length && !orgOnly ? [] : bylineFromDom(document);
  const visibleDate = meta.published ? null : dateFromDom(document);
  const { published, modified } = pageDates(document, meta.published, meta.modified, visibleDate);

  // Figures of the story outside the container the scorer keeps (a lead image above the body).
  const leadCaptions = storyCaptions(document);

  const content = extractContent(document, { title, baseUrl: meta.canonical ?? pageUrl, description: meta.description, articleBody: meta.articleBody, html: pre.html });
  const fromByline = cleanAuthors(bylineNames, meta.site);
  const authors = metaAuthors.length && !(orgOnly && fromByline.some((a) => !isOrgName(a, meta.site))) ? metaAuthors : fromByline;
  // the byline tells whose bio closes the story
  let kept = cutOutsideTail(dropAuthorBio(content.blocks, authors));
  const model = opts.blockModel ?? null;
  if (model || opts.onBlocks) {
    const feats = blockFeatures(kept, { title, description: meta.description });
    opts.onBlocks?.(kept, feats);
    if (model) kept = applyBlockModel(kept, feats, model);
  }
  const { body, blocks, links } = layout(kept);

  const language = decideLanguage(body, meta.language);
  const lede = meta.description ?? blocks.find((b) => b.type === 'paragraph' && b.text.length > 60)?.text ?? null;

  return {
    id: opts.id ?? url ?? meta.canonical ?? '',
    url,
    canonical_url: meta.canonical,
    title,
    published,
    modified,
    authors,
    site: meta.site,
    language,
    lede,
    body,
    blocks,
    captions: mergeCaptions(content.captions, leadCaptions),
    links,
    section: meta.section,
    tags: meta.tags,
    // The dateline opens the story's first paragraph, which may follow a standfirst.
    dateline: blocks.slice(0, 3).map((b) => (b.type === 'paragraph' ? findDateline(b.text) : null)).find((d) => d) ?? null,
  };
}

const BYLINE_SEL = '[rel="author"], [itemprop="author"], [class*="byline" i], [class*="author-name" i], [class*="authorname" i], [data-testid*="byline" i]';

function bylineFromDom(document: Document): string[] {
  for (const el of Array.from(document.querySelectorAll(BYLINE_SEL)).slice(0, 10)) {
    const nameEl = el.querySelector('[itemprop="name"]') ?? el;
    const t = (nameEl.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t && t.length <= 120) return [t];
  }
  return [];
}

function dateFromDom(document: Document): string | null {
  const sel = '[class*="publish" i], [class*="dateline" i], [class*="date" i], [class*="timestamp" i], [class*="byline" i], [class*="meta" i] time, time, [itemprop="datePublished"]';
  for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 20)) {
    const v = el.getAttribute('datetime') ?? el.getAttribute('content');
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const d = normalizeDate(v) ?? (t.length <= 160 ? parseTextDate(t) : null);
    if (d) return d;
  }
  return dateNearHeadline(document);
}

/**
 * A short element next to the headline whose text opens with a date ("Dec 20, 2023 6 min read"):
 * pages whose date element has no telling class (generated class names). The 80 elements after
 * the first <h1> in document order, then the 20 before it (a date above the headline).
 */
function dateNearHeadline(document: Document): string | null {
  const h1 = document.querySelector('h1');
  if (!h1 || !document.body) return null;
  const all = Array.from(document.body.querySelectorAll('*'));
  const i = all.indexOf(h1);
  const near = [...all.slice(i + 1, i + 81), ...all.slice(Math.max(0, i - 20), i).reverse()];
  for (const el of near) {
    if (el.localName === 'script' || el.localName === 'style') continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length < 8 || t.length > 60 || !/^(?:[A-Za-z]{3,9}\.?,? )?(?:[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2})/.test(t)) continue;
    const d = parseTextDate(t);
    if (d) return d;
  }
  return null;
}

/**
 * Published and modified as the page shows them. Both are re-expressed in the page's zone when it
 * shows one (localizePublished). When they fall on different days and the page's date elements
 * show the update's day but nowhere the original one, the update is the version readers are given
 * as the article's date (evergreen guides rewritten under the same URL, stories re-dated on
 * update), and the day its relative dates ("on Tuesday") refer to: it becomes `published`.
 */
function pageDates(document: Document, pub: string | null, mod: string | null, visible: string | null): { published: string | null; modified: string | null } {
  if (!pub) return { published: visible, modified: mod };
  const utc = (d: string | null) => d != null && /(?:Z|\+00:00)$/.test(d);
  const differ = mod != null && mod.slice(0, 10) !== pub.slice(0, 10);
  if (!utc(pub) && !utc(mod) && !differ) return { published: pub, modified: mod };
  const ev = dateEvidence(document);
  const published = localizePublished(pub, ev);
  const modified = mod ? localizePublished(mod, ev) : null;
  if (modified && modified.slice(0, 10) !== published.slice(0, 10)) {
    const shown = new Set<string>();
    for (const e of ev) {
      const d = e.text.length <= 160 ? parseTextDate(e.text) : null;
      if (d) shown.add(d.slice(0, 10));
    }
    if (shown.has(modified.slice(0, 10)) && !shown.has(published.slice(0, 10)) && modified > published) return { published: modified, modified };
  }
  return { published, modified };
}

/** Date-bearing elements of the page: machine-readable attribute and visible text. */
function dateEvidence(document: Document): DateEvidence[] {
  const sel = 'time, [class*="publish" i], [class*="timestamp" i], [class*="byline" i], [class*="date" i], [itemprop="datePublished"]';
  return Array.from(document.querySelectorAll(sel)).slice(0, 40).map((el) => ({
    datetime: el.getAttribute('datetime'),
    text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));
}

function storyCaptions(document: Document): Caption[] {
  const story = document.querySelector('article, [itemprop="articleBody"], main');
  if (!story) return [];
  const box = document.createElement('div');
  for (const fig of Array.from(story.querySelectorAll('figure')).slice(0, 20)) box.appendChild(fig.cloneNode(true));
  return box.firstChild ? walkBlocks(box, null).captions : [];
}

function mergeCaptions(a: Caption[], b: Caption[]): Caption[] {
  const seen = new Set(a.map((c) => `${c.text}|${c.credit}`));
  const out = [...a];
  for (const c of b) {
    const k = `${c.text}|${c.credit}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(c);
    }
  }
  return out;
}
