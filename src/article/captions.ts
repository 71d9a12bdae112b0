// Image captions: separate the photo credit from the caption text.
// Credit conventions seen on news sites: "(Photo: Jane Doe/AP)", "Photo by Jane Doe", "Jane Doe/Getty
// Images", "REUTERS/Jane Doe", "© Jane Doe", "Credit: ...", "Image: ...", "[Jane Doe/AFP]".

// A trailing credit introduced by a cue word, optionally in brackets ("Source images by", "Lead image:"
// whole, as CREDIT_CLOSE reads them: not a caption "Source" credited to the rest).
const CUE_TRAILING = /\s*[([]?\s*(?:(?:\b(?:source|lead)\s+)?(?:photo(?:graph)?|image|picture|pic|video|illustration|file photo)s?\s*(?:credit)?\s*(?::|by\b)|credit\s*:|source\s*:|©|\(c\)|copyright\b)\s*([^()[\]]{2,120}?)\s*[)\]]?\s*\.?$/i;
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

// A credit clause closing a paragraph: "… webcam. Credit: IMO.", "… in Hoquiam. (Photo by Jane Roe)",
// "… Image: Jane Roe / Getty Images". The cue word is required (a bare "Name/AP" can close a quote),
// and the credit starts with a capital ("a photo by his daughter." is a sentence, not a credit).
const CREDIT_CLOSE = /(?:^|[.!?”"’)]\s+|\s\(|\s\[)(?:(?:(?:[Ss]ource|[Ll]ead) )?(?:[Pp]hoto(?:graph)?|PHOTO(?:GRAPH)?|[Ii]mage|IMAGE|[Pp]icture|[Vv]ideo|VIDEO)s?\s*(?:[Cc]redit)?\s*(?::|by\b)|[Cc]redit\s*:|CREDIT\s*:)\s*\p{Lu}[^.!?]{1,100}\.?[)\]]?$/u;
// A credit label opening it: "PHOTO BY JANE ROE Hoquiam's …", "SUBMITTED PHOTO Elma's …", "(Photo: AP) …".
const CREDIT_OPEN = /^(?:PHOTO BY [\p{Lu}.'’ -]{3,40}\s|SUBMITTED PHOTO\s|COURTESY PHOTO\s|FILE PHOTO\s|\((?:photo|image)\s*:[^)]{2,60}\)\s)/u;

/**
 * An image caption written into the story as a paragraph of its own, recognisable by its credit
 * (under 400 characters). Such paragraphs belong in `captions`, not the body.
 */
export function isCreditedCaption(text: string): boolean {
  return text.length < 400 && (CREDIT_CLOSE.test(text) || CREDIT_OPEN.test(text));
}
