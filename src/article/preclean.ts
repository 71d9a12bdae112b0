// Cheap string-level cleanup before the HTML is parsed.
// Why: building a DOM for <script>, <style>, <svg>, comments and <noscript> costs most of the parse
// time on modern news pages (megabytes of inline JS/JSON state), and none of it is article text.
// JSON-LD is the exception: it carries the best metadata, so it is pulled out first.

export interface PrecleanResult {
  html: string;
  /** parsed JSON-LD payloads, in page order (invalid JSON is skipped) */
  jsonld: unknown[];
}

const JSONLD = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
// Elements whose whole content is never article text. <noscript> often wraps tracking pixels or a
// duplicate <img>; captions live outside it.
const DROP_ELEMENTS = /<(script|style|svg|noscript|template|iframe|object|canvas|select|textarea|button)\b[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
// Attributes any later stage reads (metadata, furniture and byline/date selectors, links, hidden
// state; img src for Readability, the fallback); every other attribute is dropped, since each one is a node (an EventTarget) in linkedom.
const KEEP_ATTRS = new Set(['class', 'id', 'href', 'datetime', 'content', 'itemprop', 'rel', 'role', 'property', 'name', 'lang', 'http-equiv', 'aria-modal', 'aria-hidden', 'hidden', 'pubdate', 'charset', 'type', 'src']);
// A tag whose quoted value runs into another tag (an unclosed quote in broken HTML) is left as it
// is for the parser to recover from, as a browser would. On such a page, stripping the quoted
// attributes of later tags would move the quote that ends the broken value: there only a fixed
// list of unused attributes is dropped (BROKEN_QUOTE, DROP_ATTRS).
const BROKEN_QUOTE = /<[a-zA-Z][^<>"']*=\s*"[^"<>]*</;
const DROP_ATTRS = /\s(?:data-[\w-]+|srcset|sizes|style|on[a-z]+|tabindex|target|loading|decoding|width|height|alt)\s*=\s*(?:"[^"]*"|'[^']*')/gi;
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?)+)\s*(\/?)>/g;
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*("[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?/g;
function keepAttrs(_m: string, tag: string, attrs: string, slash: string): string {
  let out = `<${tag}`;
  for (const a of attrs.matchAll(ATTR)) {
    if (KEEP_ATTRS.has(a[1]!.toLowerCase())) out += a[2] != null ? ` ${a[1]}=${a[2]}` : ` ${a[1]}`;
  }
  return `${out}${slash ? ' /' : ''}>`;
}

// Void/self-closing tags with no text value; dropping them shrinks the DOM (pages carry hundreds).
// <link rel=canonical> is kept: metadata.ts reads it.
const DROP_VOID = /<(?:link\b(?![^>]*\brel\s*=\s*["']?canonical)|input|source|track|wbr|area|base(?!\s+href)|param)\b[^>]*>/gi;
// Navigation menus are never article text (content.ts prunes them unconditionally) and are often
// a third of a page's nodes. Every node costs linkedom an EventTarget (a WeakMap entry), so fewer
// nodes = a faster parse and less garbage.
const DROP_NAV = /<nav\b[\s\S]*?<\/nav\s*>/gi;
// Whitespace-only text as the first or last child of a block container ("<div>\n  <p>", "</p>\n</div>")
// renders as nothing, yet becomes a text node (a fifth of all nodes). Whitespace BETWEEN siblings
// is kept: it is what separates "Dec 5, 2023" from "6 min read" in a container's textContent.
const BLOCK_TAG = String.raw`(?:div|p|section|article|main|header|footer|aside|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|h[1-6]|figure|figcaption|blockquote|form|fieldset|html|head|body)`;
const WS_FIRST = new RegExp(String.raw`(<${BLOCK_TAG}\b[^>]*>|<(?:meta|link)\b[^>]*>|<\/title>)\s+(?=<)`, 'gi');
const WS_LAST = new RegExp(String.raw`>\s+(?=<\/${BLOCK_TAG}>)`, 'gi');

function parseJsonLd(raw: string): unknown | null {
  const s = raw.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '').replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '').trim();
  if (!s) return null;
  try {
    return JSON.parse(s);
  } catch {
    // Some sites put raw newlines/tabs inside strings, which JSON forbids.
    try {
      return JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

/**
 * An unclosed <title> makes an HTML parser read the rest of the page as the title (RCDATA), leaving
 * an empty body. Truncated crawls do this; close the title at its first line break instead.
 */
function repairTitle(html: string): string {
  const i = html.search(/<title\b[^>]*>/i);
  if (i < 0) return html;
  const open = html.indexOf('>', i) + 1;
  const close = html.slice(open, open + 1000).search(/<\/title\s*>/i);
  if (close >= 0) return html;
  let end = html.slice(open, open + 300).search(/[\n<]/);
  if (end < 0) end = Math.min(200, html.length - open);
  return `${html.slice(0, open + end)}</title>${html.slice(open + end)}`;
}

export function preclean(html: string): PrecleanResult {
  html = repairTitle(html);
  const jsonld: unknown[] = [];
  for (const m of html.matchAll(JSONLD)) {
    const v = parseJsonLd(m[1]!);
    if (v != null) jsonld.push(v);
  }
  let cleaned = html.replace(COMMENTS, '').replace(DROP_ELEMENTS, '').replace(DROP_VOID, '').replace(DROP_NAV, '');
  cleaned = BROKEN_QUOTE.test(cleaned) ? cleaned.replace(DROP_ATTRS, '') : cleaned.replace(TAG, keepAttrs);
  // <pre> keeps its whitespace exactly.
  if (!/<pre\b/i.test(cleaned)) cleaned = cleaned.replace(WS_FIRST, '$1').replace(WS_LAST, '>');
  return { html: cleaned, jsonld };
}
