// Bytes → string for HTML pages. Lives here (not only in sources/) because the evaluation and
// benchmark read pages from disk, and a page's charset is an HTML-level fact (<meta charset>).

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

/** The charset a page declares in its first 4 KB (`<meta charset>` or http-equiv), or null. */
export function sniffCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes HTML bytes: BOM first, then the declared charset (from the Content-Type header when
 * given, else <meta>), then UTF-8 if the bytes are valid UTF-8, else windows-1252 (what browsers
 * do for undeclared legacy pages; latin-1 labels are windows-1252 per the WHATWG Encoding spec).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes.length >= 3 && BOM_UTF8.every((b, i) => bytes[i] === b)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const fromHeader = contentType ? /charset\s*=\s*["']?([\w:.-]+)/i.exec(contentType)?.[1] : null;
  const declared = fromHeader ?? sniffCharset(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // unknown label: fall through to the UTF-8 / windows-1252 guess
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Declared UTF-8 but invalid: pages lie about this often; windows-1252 keeps every byte.
    return declared && /^utf-?8$/i.test(declared) ? new TextDecoder('utf-8').decode(bytes) : new TextDecoder('windows-1252').decode(bytes);
  }
}
