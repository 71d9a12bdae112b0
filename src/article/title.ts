// The headline: og:title / JSON-LD headline / h1, without the " | Site" suffix the <title> and often
// og:title carry. An <h1> that equals a metadata title (after stripping) confirms it.

const SEPARATORS = /\s+(?:\||-|–|—|::|·|•|»|\/|:)\s+/;

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Removes a trailing (or leading) site segment ("Title | The Hill", "BBC News - Title"). */
export function stripSiteSuffix(title: string, site: string | null, host: string | null, htmlTitle: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const seps = title.match(new RegExp(SEPARATORS.source, 'g')) ?? [];
  const isSite = (seg: string) => {
    const q = squash(seg);
    if (!q) return false;
    if (site && (q === squash(site) || squash(site).includes(q) || q.includes(squash(site)))) return true;
    if (host) {
      const h = squash(host.replace(/^www\./, '').replace(/\.[a-z.]+$/, ''));
      if (h && (q.includes(h) || h.includes(q))) return true;
    }
    return false;
  };
  let out = title;
  const last = parts[parts.length - 1]!;
  // Trailing segment: a known site name, or a short segment that the <title> also ends with.
  if (isSite(last) || (last.split(/\s+/).length <= 4 && htmlTitle && htmlTitle !== title && htmlTitle.endsWith(last) && parts.length >= 2)) {
    out = title.slice(0, title.length - last.length - seps[seps.length - 1]!.length);
    return stripSiteSuffix(out, site, host, null);
  }
  const firstSeg = parts[0]!;
  if (isSite(firstSeg) && parts.length >= 2) out = title.slice(firstSeg.length + seps[0]!.length);
  return out;
}

export function chooseTitle(candidates: string[], htmlTitle: string | null, h1s: string[], site: string | null, url: string | null): string | null {
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname : null;
  } catch {
    host = null;
  }
  const all = [...candidates, ...(htmlTitle ? [htmlTitle] : [])];
  const stripped = all.map((c) => stripSiteSuffix(c, site, host, htmlTitle));
  const h1set = h1s.map((h) => h.replace(/\s+/g, ' ').trim()).filter((h) => squash(h).length > 3);
  // The visible <h1> is the headline readers (and annotators) see; metadata titles are often
  // SEO rewrites or carry typographic differences (straight vs curly quotes). Take the h1 when a
  // metadata title confirms it: equal up to punctuation, or containing it ("Opinion | X", "X (video)").
  for (const h of h1set) if (all.some((c) => squash(c) === squash(h)) || stripped.some((s) => squash(s) === squash(h))) return h;
  for (const h of h1set) if (squash(h).length >= 15 && all.some((c) => squash(c).includes(squash(h)))) return h;
  // An h1 with a label glued on ("Opinion What I'll..."): the metadata title is the clean one.
  for (const h of h1set) {
    const s = stripped.find((x) => squash(x).length >= 15 && squash(h).includes(squash(x)));
    if (s) return s;
  }
  return stripped[0] ?? h1set[0] ?? null;
}
