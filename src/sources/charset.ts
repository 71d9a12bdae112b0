// Bytes → string, with the charset found the way browsers find it (WHATWG "encoding sniffing"):
// BOM first (it wins over any declaration), then the Content-Type header, then <meta charset> /
// http-equiv in the first 4 KB (the spec's prescan reads 1 KB; real pages put it later, and browsers then re-parse) (XML: the <?xml encoding?> declaration), else UTF-8.
// Declarations are often wrong; the bytes decide between the two common mistakes:
// - declared UTF-8 (or nothing) but the bytes are not valid UTF-8 → a legacy single-byte page:
//   windows-1251 when the high bytes look Cyrillic, else windows-1252;
// - declared a single-byte charset but the bytes are valid UTF-8 with multi-byte sequences →
//   UTF-8 (valid multi-byte UTF-8 almost never happens by chance in legacy text).
// Every such decision is reported in `note`, so the caller can tell the user.

export interface Decoded {
  text: string;
  /** the encoding actually used (WHATWG name, e.g. "utf-8", "windows-1251") */
  encoding: string;
  /** where it came from */
  source: 'bom' | 'header' | 'meta' | 'xml' | 'default' | 'sniffed';
  /** set when the declaration was missing, unknown or wrong and a fallback was chosen */
  note?: string;
}

/** The charset parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? m[1]!.trim().toLowerCase() : null;
}

/** The charset declared inside the document's first 4 KB (meta charset, http-equiv, or the XML declaration). */
export function charsetFromMarkup(bytes: Uint8Array): { charset: string; source: 'meta' | 'xml' } | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return { charset: xml[1]!.toLowerCase(), source: 'xml' };
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  if (meta) return { charset: meta[1]!.toLowerCase(), source: 'meta' };
  return null;
}

function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it. */
export function normalizeEncoding(label: string): string | null {
  // also accept the Python/Java spellings pages are generated with ("iso8859_1", "utf_8", "cp_1251")
  const alt = label.replace(/_/g, '-').replace(/^iso-?8859-?(\d+)$/i, 'iso-8859-$1').replace(/^cp-(\d+)$/i, 'cp$1');
  for (const l of alt === label ? [label] : [label, alt]) {
    try {
      return new TextDecoder(l).encoding;
    } catch {
      // try the next spelling
    }
  }
  return null;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * Guess a legacy single-byte encoding for bytes that are not UTF-8. Cyrillic text in windows-1251
 * is mostly letters in 0xC0–0xFF (lower case 0xE0–0xFF), while Western text in windows-1252 has
 * few high bytes among its letters; so a high share of high bytes among letters means Cyrillic.
 */
function guessLegacy(bytes: Uint8Array): string {
  let high = 0;
  let ascii = 0;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c >= 0xc0) high++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) ascii++;
  }
  return high > 0 && high / (high + ascii) > 0.4 ? 'windows-1251' : 'windows-1252';
}

const isUtf8 = (enc: string) => enc === 'utf-8';
const isUtf16 = (enc: string) => enc === 'utf-16le' || enc === 'utf-16be';

/**
 * Decode the bytes of a page or text file. `contentType` is the HTTP header (or the WARC payload's),
 * `markup` says whether to look for <meta charset>/<?xml encoding?> in the bytes.
 */
export function decodeBytes(bytes: Uint8Array, opts: { contentType?: string | null; markup?: boolean } = {}): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, source: 'bom' };

  let declared: string | null = null;
  let source: Decoded['source'] = 'default';
  const fromHeader = charsetFromContentType(opts.contentType);
  if (fromHeader) {
    declared = fromHeader;
    source = 'header';
  } else if (opts.markup !== false) {
    const m = charsetFromMarkup(bytes);
    if (m) {
      declared = m.charset;
      source = m.source;
    }
  }

  let encoding = declared ? normalizeEncoding(declared) : null;
  let note: string | undefined;
  if (declared && !encoding) note = `unknown charset "${declared}"`;
  // A page served as UTF-16 without a BOM, but whose bytes are ASCII-compatible, is mislabelled
  // (the spec maps a UTF-16 <meta> label to UTF-8 for the same reason).
  if (encoding && isUtf16(encoding) && source !== 'header') encoding = 'utf-8';

  if (!encoding || isUtf8(encoding)) {
    const text = tryUtf8(bytes);
    if (text !== null) return { text, encoding: 'utf-8', source: encoding ? source : 'default', ...(note ? { note: `${note}; decoded as utf-8` } : {}) };
    const legacy = guessLegacy(bytes);
    const why = note ?? (declared ? `declared charset "${declared}" but the bytes are not valid UTF-8` : 'no charset declared and the bytes are not valid UTF-8');
    return { text: new TextDecoder(legacy).decode(bytes), encoding: legacy, source: 'sniffed', note: `${why}; decoded as ${legacy}` };
  }

  if (!isUtf16(encoding) && hasHighBytes(bytes)) {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) {
      return { text: utf8, encoding: 'utf-8', source: 'sniffed', note: `declared charset "${declared}" but the bytes are valid UTF-8; decoded as utf-8` };
    }
  }
  return { text: new TextDecoder(encoding).decode(bytes), encoding, source };
}
