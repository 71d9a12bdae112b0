// Datelines at the start of a wire story: "MOSCOW, December 26. /TASS/.", "ATLANTA --",
// "WASHINGTON (Reuters) -", "KANSAS CITY, Mo. (AP) —", "LONDON, Dec 5 (Reuters) -",
// "NEW DELHI: ...". The dateline stays in the body; this only records where it is and what it says.

export interface Dateline {
  text: string;
  place: string | null;
  agency: string | null;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
// (clipping.ts builds its wire dateline on it: 2 groups, place and state/country.)
// An all-caps place (letters, spaces, dots, apostrophes, hyphens), optionally ", State/Country".
// Greedy, so "KANSAS CITY (AP) —" is not cut at "KANSAS" by the space-separator alternative.
export const DATELINE_PLACE = "([A-Z][A-Z\\u00C0-\\u00DE.'\\- ]{1,40}[A-Z.])(?:,\\s+([A-Z][A-Za-z.]+(?:\\s[A-Z][A-Za-z.]+){0,2}))?";
const DATE = `(?:,?\\s+(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})(?:,?\\s+\\d{4})?\\.?)?`;
const AGENCY = '(?:\\s*[(/]\\s*([A-Za-z][A-Za-z .&-]{0,30}?)\\s*[)/]\\.?)?';
const DASH = '(?:\\s*(?:--|—|–|-|:)\\s+|\\s+(?=[A-Z]))';
const DATELINE = new RegExp(`^${DATELINE_PLACE}${DATE}${AGENCY}${DASH}`);

export function findDateline(body: string): Dateline | null {
  const head = body.slice(0, 160);
  const m = DATELINE.exec(head);
  if (!m) return null;
  const place = m[1]!.trim();
  const agency = m[3]?.trim() ?? null;
  const text = m[0].trim();
  // Without an agency or date, only accept a real separator dash and a multi-letter all-caps place:
  // a sentence opening with an acronym ("NATO said...") must not look like a dateline.
  const hasDash = /(--|—|–|-)\s+$/.test(m[0]) || /:\s+$/.test(m[0]);
  const hasDate = new RegExp(MONTH).test(m[0].slice(m[1]!.length));
  if (!agency && !hasDate && !hasDash) return null;
  if (place.replace(/[^A-Z]/g, '').length < 3) return null;
  if (/:\s+$/.test(m[0]) && !agency && !hasDate && place.split(/\s+/).length > 3) return null;
  return { text, place: titleCase(place), agency };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'-])([a-z\u00e0-\u00fe])/g, (_, p: string, c: string) => p + c.toUpperCase()).replace(/\s+\.$/, '');
}
