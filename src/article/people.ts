// Bylines → clean author names ("By Jane Doe and John Roe, Staff Writers" → ["Jane Doe", "John Roe"]).

const LEAD = /^\s*(?:(?:written|posted|reported|compiled|edited|story|text|words|photos?)\s+)?(?:by|von|par|por|de)\s*:?\s+/i;
// Role/affiliation tails: ", Staff Writer", " | Reuters", " - CNN", "for The Hill", emails, handles.
const TAIL = /\s*(?:[,|–—-]\s*(?:staff|senior|chief|special|contributing|freelance|associated press|the associated press|reuters|afp|cnn|bbc|correspondent|reporter|writer|editor|columnist|news|updated|published)\b.*|\s+for\s+(?:the\s+)?[A-Z].*|\s*\S+@\S+.*|\s+@\w+.*)$/i;
const NOT_A_NAME = /^(?:and|by|the|staff|admin|administrator|editor|editors|guest|unknown|anonymous|null|undefined|news desk|web desk|desk|team)$/i;

const ROLE = /^(?:(?:staff|senior|chief|special|contributing|foreign|political|deputy|managing|associate)\s+)*(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|photographer)s?$/i;

export function cleanAuthors(raw: string[], site: string | null = null): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    let s = r.replace(/\s+/g, ' ').trim();
    if (!s || /^https?:\/\//i.test(s)) continue;
    s = s.replace(LEAD, '').replace(TAIL, '');
    for (const part of s.split(/\s*(?:,|;|\band\b|&|\|)\s*/i)) {
      let name = part.replace(LEAD, '').replace(TAIL, '').replace(/^[\s,.:–—-]+|[\s,:–—-]+$/g, '').trim();
      name = name.replace(/\s*\((?:[^)]*)\)\s*$/, '').trim();
      if (!name || name.length > 60 || NOT_A_NAME.test(name) || ROLE.test(name) || !/\p{L}/u.test(name)) continue;
      // A "name" of more than 5 words is a bio sentence or a headline, not a person.
      if (name.split(/\s+/).length > 5) continue;
      // Suffixes like "Ph.D." or "Jr." split off by the comma rule belong to the previous name.
      if (/^(?:ph\.?d\.?|m\.?d\.?|jr\.?|sr\.?|ii|iii|iv|esq\.?|mba|rn)$/i.test(name) && out.length) {
        out[out.length - 1] += `, ${name}`;
        continue;
      }
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      if (site && key === site.toLowerCase() && raw.length > 1) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
