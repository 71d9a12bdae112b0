// A small XML parser for feeds: elements, attributes, text, CDATA; comments, processing
// instructions and the DOCTYPE are skipped. It checks what makes a feed unusable — tags that do
// not nest, a document cut off before its end — and reports it with a line number, but forgives
// what real feeds commonly get wrong and browsers accept (a bare "&", HTML entities like &nbsp;).

import { BadInput } from '../errors.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', eacute: 'é',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[e] ?? NAMED[e.toLowerCase()] ?? whole;
  });
}

function lineAt(s: string, i: number): number {
  let n = 1;
  for (let k = 0; k < i && k < s.length; k++) if (s.charCodeAt(k) === 10) n++;
  return n;
}

/** Parse a whole XML document; `origin` names the input in errors. Throws BadInput when it is not well-formed enough to read. */
export function parseXml(src: string, origin: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const fail = (i: number, what: string): never => {
    throw new BadInput(`${origin}: malformed XML at line ${lineAt(src, i)}: ${what} — check that the file or URL is a complete RSS/Atom feed`);
  };
  let i = 0;
  const n = src.length;
  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const t = src.slice(i, textEnd);
      if (stack.length > 1) stack[stack.length - 1]!.children.push(decodeEntities(t));
      else if (t.trim()) fail(i, 'text outside the root element');
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<!--', i)) {
      const e = src.indexOf('-->', i + 4);
      if (e < 0) fail(i, 'unclosed comment');
      i = e + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const e = src.indexOf(']]>', i + 9);
      if (e < 0) fail(i, 'unclosed CDATA section');
      if (stack.length > 1) stack[stack.length - 1]!.children.push(src.slice(i + 9, e));
      i = e + 3;
    } else if (src.startsWith('<?', i)) {
      const e = src.indexOf('?>', i + 2);
      if (e < 0) fail(i, 'unclosed processing instruction');
      i = e + 2;
    } else if (src.startsWith('<!', i)) {
      // DOCTYPE, possibly with an internal subset in [...]
      let depth = 0;
      let k = i + 2;
      for (; k < n; k++) {
        const c = src[k];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (k >= n) fail(i, 'unclosed declaration');
      i = k + 1;
    } else if (src[i + 1] === '/') {
      const m = /^<\/([^\s>]+)\s*>/.exec(src.slice(i, i + 300));
      if (!m) fail(i, 'bad closing tag');
      const name = m![1]!;
      const top = stack[stack.length - 1]!;
      if (stack.length === 1) fail(i, `</${name}> closes nothing`);
      if (top.name !== name) fail(i, `found </${name}> where </${top.name}> was expected`);
      stack.pop();
      i += m![0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/.exec(src.slice(i, i + 65536));
      if (!m) {
        // a bare "<" in text (invalid, but seen in the wild): keep it as text
        if (/^<[\s\d=<]/.test(src.slice(i, i + 2)) && stack.length > 1) {
          stack[stack.length - 1]!.children.push('<');
          i++;
          continue;
        }
        fail(i, 'bad tag');
      }
      if (stack.length === 1 && root.children.some((c) => typeof c !== 'string')) fail(i, 'a second root element');
      const attrs: Record<string, string> = {};
      const re = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
      let a: RegExpExecArray | null;
      while ((a = re.exec(m![2]!))) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      const el: XmlElement = { name: m![1]!, attrs, children: [] };
      stack[stack.length - 1]!.children.push(el);
      if (!m![3]) stack.push(el);
      i += m![0].length;
    }
  }
  if (stack.length > 1) fail(n, `the document ends inside <${stack[stack.length - 1]!.name}> (truncated?)`);
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) fail(0, 'no root element');
  return top!;
}

/** The name without its namespace prefix, lower-cased ("atom:link" → "link"). */
export function localName(el: XmlElement): string {
  const k = el.name.lastIndexOf(':');
  return (k < 0 ? el.name : el.name.slice(k + 1)).toLowerCase();
}

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** Children matching a qualified name ("content:encoded") or, without a colon, a local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const q = name.toLowerCase();
  return elements(el).filter((c) => (q.includes(':') ? c.name.toLowerCase() === q : localName(c) === q));
}

export function child(el: XmlElement, ...names: string[]): XmlElement | null {
  for (const n of names) {
    const c = childrenNamed(el, n)[0];
    if (c) return c;
  }
  return null;
}

/** All text inside the element (CDATA included), concatenated. */
export function textOf(el: XmlElement | null): string {
  if (!el) return '';
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/** Serialise an element's children back to markup (Atom type="xhtml" content). */
export function innerXml(el: XmlElement): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return el.children
    .map((c) =>
      typeof c === 'string'
        ? esc(c)
        : `<${localName(c)}${Object.entries(c.attrs).filter(([k]) => !k.startsWith('xmlns')).map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('')}>${innerXml(c)}</${localName(c)}>`,
    )
    .join('');
}
