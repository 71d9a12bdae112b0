// Bylines → clean author names ("By Jane Doe and John Roe, Staff Writers" → ["Jane Doe", "John Roe"]).

const LEAD = /^\s*(?:(?:written|posted|reported|compiled|edited|story|text|words|photos?)\s+)?(?:by|von|par|por|de)\s*:?\s+/i;
// Role/affiliation tails: ", Staff Writer", " | Reuters", " - CNN", "for The Hill", emails, handles.
const TAIL = /\s*(?:[,|–—-]\s*(?:staff|senior|chief|special|contributing|freelance|associated press|the associated press|reuters|afp|cnn|bbc|correspondent|reporter|writer|editor|columnist|news|updated|published)\b.*|\s+for\s+(?:the\s+)?[A-Z].*|\s*\S+@\S+.*|\s+@\w+.*)$/i;
const NOT_A_NAME = /^(?:and|by|the|staff|admin|administrator|editor|editors|guest|unknown|anonymous|null|undefined|news desk|web desk|desk|team)$/i;

// Glued-on dates and timestamps ("Jane DoePublished: December 20", "Jane Doe, Updated 10:27 AM").
const DATE_TAIL = /\s*(?:published|updated|posted|last updated|modified)\b.*$/i;

/** Publication or organisation names that CMSs put in the author field. */
export const ORG_WORDS = /\b(?:daily|times|news|journal|reporter|gazette|telegram|today|press|media|staff|redazione|redaction|herald|post|tribune|chronicle|magazine|network|agency|wire|desk|team|editorial|editors|sponsored|partner|science x|bureau|online|tv|radio|group|inc|llc|ltd)\b/i;

export function isOrgName(name: string, site: string | null): boolean {
  if (site && name.toLowerCase() === site.toLowerCase()) return true;
  if (ORG_WORDS.test(name)) return true;
  // All-caps short names ("BET", "USA TODAY") are outlets, not people.
  return /^[A-Z0-9 &.'-]{2,20}$/.test(name) && !/[a-z]/.test(name);
}

const ROLE = /^(?:(?:staff|senior|chief|special|contributing|foreign|political|deputy|managing|associate)\s+)*(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|photographer)s?$/i;

export function cleanAuthors(raw: string[], site: string | null = null): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    let s = r.replace(/\s+/g, ' ').trim();
    if (!s || /^https?:\/\//i.test(s)) continue;
    s = s.replace(LEAD, '').replace(DATE_TAIL, '').replace(TAIL, '');
    for (const part of s.split(/\s*(?:,|;|\band\b|&|\|)\s*/i)) {
      let name = part.replace(LEAD, '').replace(TAIL, '').replace(/^[\s,.:–—-]+|[\s,:–—-]+$/g, '').trim();
      name = name.replace(/\s*\((?:[^)]*)\)\s*$/, '').trim();
      name = name.replace(DATE_TAIL, '').trim();
      // Names carry no digits: "Dec 24", "10:27 AM", "user.1232" are not people.
      if (/\d/.test(name)) continue;
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
      // "Jane Doe, John Roe, Financial Times": the outlet is not an author when people are named.
      if (out.length && isOrgName(name, site)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
