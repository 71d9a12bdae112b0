// Image captions: separate the photo credit from the caption text.
// Credit conventions seen on news sites: "(Photo: Jane Doe/AP)", "Photo by Jane Doe", "Jane Doe/Getty
// Images", "REUTERS/Jane Doe", "© Jane Doe", "Credit: ...", "Image: ...", "[Jane Doe/AFP]".

// A trailing credit introduced by a cue word, optionally in brackets.
const CUE_TRAILING = /\s*[([]?\s*(?:(?:photo(?:graph)?|image|picture|pic|video|illustration|file photo)s?\s*(?:credit)?\s*(?::|by\b)|credit\s*:|source\s*:|©|\(c\)|copyright\b)\s*([^()[\]]{2,120}?)\s*[)\]]?\s*\.?$/i;
// A trailing "Name/Agency" or "AGENCY/Name" with no cue word ("Evan Vucci/AP", "REUTERS/Jane Doe").
// Name tokens never end in "." unless they are initials, so "...in Kyiv. Evan Vucci/AP" splits after "Kyiv.".
const SLASH_TRAILING = /\s*[([]?\s*((?:(?:[A-Z][\w'-]*|[A-Z]\.)\s?){1,4}\/\s?(?:[A-Z][\w'&-]*\s?){1,4}(?:via\s+[\w\s]+)?)[)\]]?\s*\.?$/;
// Agency names alone at the end, e.g. "... in Kyiv on Monday. AP" / "(AFP)".
const AGENCY_TRAILING = /\s*[([]?\s*(AP|AFP|Reuters|REUTERS|Getty Images|EPA|EPA-EFE|Shutterstock|Bloomberg|TASS|Xinhua|PA|PA Wire|ANI|IANS|PTI)\s*[)\]]?\s*\.?$/;

export function splitCredit(caption: string): { text: string; credit: string | null } {
  const s = caption.replace(/\s+/g, ' ').trim();
  for (const re of [CUE_TRAILING, SLASH_TRAILING, AGENCY_TRAILING]) {
    const m = re.exec(s);
    if (m && m.index > 0) {
      const credit = m[1]!.trim().replace(/[.)\]]+$/, '');
      const text = s.slice(0, m.index).trim();
      if (credit && text) return { text, credit };
    }
    if (m && m.index === 0 && re === CUE_TRAILING) return { text: '', credit: m[1]!.trim() };
  }
  return { text: s, credit: null };
}
