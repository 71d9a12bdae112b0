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
// Void/self-closing tags with no text value; dropping them shrinks the DOM (pages carry hundreds).
// Attributes we never read, often a third of what is left (data-* JSON, srcset, inline styles).
// Fewer attributes = a faster parse and smaller DOM for every later pass.
const DROP_ATTRS = /\s(?:data-[\w-]+|srcset|sizes|style|on[a-z]+|config|props|tabindex|target|loading|decoding|width|height|alt|x-[\w-]+|d|viewbox|fill|stroke)\s*=\s*(?:"[^"]*"|'[^']*')/gi;
const DROP_VOID = /<(?:link|input|source|track|wbr|area|base(?!\s+href)|param)\b[^>]*>/gi;

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
  const cleaned = html.replace(COMMENTS, '').replace(DROP_ELEMENTS, '').replace(DROP_VOID, '').replace(DROP_ATTRS, '');
  return { html: cleaned, jsonld };
}
