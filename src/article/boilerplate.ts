// Text-level boilerplate: lines that survive DOM cleanup but are page furniture, not article text.
// Each pattern matches a WHOLE block (anchored), so an article sentence that merely mentions
// "advertisement" or "newsletter" is never dropped.
/**
 * A recirculation label ("Latest News", "More Politics Stories", "Editors' picks", "Read This Next", "The
 * Latest"), with its "View all" link.
 */
export const RECIRC_LABEL = /^(?:read this next|the latest|deep dive|keep reading|more like this|more (?:to|for you to) (?:read|explore)|you (?:might|may) also (?:like|enjoy)|recommended (?:reading|stories|for you)|popular (?:now|stories)|editors['’]? (?:recommendations|picks)|top reads\b.{0,40}|more [\w.' ]{1,30} (?:headlines|news|stories)|(?:latest|recent|other|top) [\w.' ]{0,30}(?:headlines|news|stories|articles|videos|reports)(?: in [\w ]{1,20})?|trending videos|related to this story|what to read next)\s*[:»›>]*(?:\s*(?:view|see|show) (?:all|more)\s*[»›>]?)?$/i;

export const BOILERPLATE_BLOCK: RegExp[] = [
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: below)?|article continues below(?: this ad)?|scroll to continue(?: with content)?|content continues below)\.?$/i,
  /^(?:share|share this(?: article| story| page)?|share on \w+|tweet|email|print|copy link|link copied!?|comments?|\d+ comments?|view comments|show comments|leave a comment|save|bookmark|listen(?: to this article)?(?: \d+ min)?|read more|read next|more stories|related(?: articles| stories| coverage| content)?|recommended(?: for you)?|most popular|most read|trending(?: now)?|you may also like|up next|watch|see also)\s*:?$/i,
  /^(?:sign up|subscribe)(?: (?:now|today|here|for (?:our|the) [\w' -]{0,40}newsletters?|to [\w' -]{1,60}))?[.!]?$/i,
  /^(?:follow us on|follow [\w' -]{1,40} on) [\w ,&]+\.?$/i,
  /^(?:click here|tap here) to [\w' ,-]{1,80}\.?$/i,
  /^(?:©|\(c\)|copyright\b).{0,160}$/i,
  /^(?:all rights reserved|this (?:article|story) (?:was|is|has been) (?:originally )?(?:published|updated|produced)[^.]{0,120})\.?$/i,
  /^(?:image|photo|video|graphic)(?: credit)?:.{0,120}$/i,
  /^(?:updated|published|posted|last updated|first published)(?: on| at)?:? .{0,60}\d{1,2}.{0,40}$/i,
  /^we use cookies\b.{0,300}$/i,
  /^(?:this (?:video|content|feature) (?:is|can)(?:not| not)? (?:be )?(?:available|played|supported)).{0,120}$/i,
  /^(?:get (?:the|our) [\w' -]{1,40} newsletter|newsletter sign-?up|enter your email(?: address)?|your email address|by signing up, you agree.{0,200}|thanks? (?:you )?for (?:signing up|subscribing)).{0,40}$/i,
  /^(?:download|get) (?:the|our) [\w' -]{1,30} app.{0,80}$/i,
  /^(?:already a (?:subscriber|member)\??(?: (?:sign|log) in)?\.?|(?:log|sign) ?in|register|close|menu|search|skip to (?:main )?content|skip navigation|jump to (?:details|comments|recipe)|see \d+ more|load more|show more|view (?:all|more|gallery))$/i,
  /^\d+ (?:of|\/) \d+$/,
  /^.{0,80}\ball rights reserved\.?$/i,
  /^(?:support|donate to|contribute to) [\w' -]{1,40}$/i,
  // cross-links: "Related: …", "MORE: …", "(READ MORE: …)", "[Related: …]", "Also read: …", "See: …",
  // "WATCH MORE: …", "REQUIRED READING: …" (session 5: NAEB 99 4-grams on 6 pages, L3S-GN1 17, none gold)
  /^[([]?(?:related(?: article| story| stories)?|more|read more|read also|also read|also|see also|also see|see|watch|watch more|listen|recommended|required reading|must read|don't miss|more from [\w' ]{1,30})\s*[:\-–—]\s*.{0,200}[)\]]?$/i,
  /^(?:people are also reading|you (?:may|might) also like|more (?:stories|coverage) (?:like this|from)|in today['’]s edition)\b.{0,40}$/i,
  /^\d+ min(?:ute)?s? (?:read|listen)$/i,
  /^(?:loading|please wait)(?:\.{1,3}|…)?$/i,
  /^(?:your subscription could not be saved|thank you for (?:registering|subscribing|signing up)|you(?:['’]re| are| have been) (?:now )?(?:subscribed|signed up)|something went wrong)\b.{0,80}$/i,
  /^.{0,120}\bas little as [$£€]\d.{0,160}$/i,
  /^(?:read|see) our (?:full |complete )?[\w' -]{1,40} (?:review|guide)\.?$/i,
  /^get the (?:full )?recipe for .{1,120}\.?$/i,
  // affiliate and support appeals
  /^.{0,200}\b(?:we may (?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation|payments?|a share)|independently selected by our editors|editorially independent|affiliate links?|paid partnership)\b.{0,300}$/i,
  /^(?:our journalism needs your support|support (?:our|local|independent) journalism|please (?:consider )?subscrib|subscribe (?:today|now) to).{0,200}$/i,
  /^follow (?:[\p{L}.' -]{1,40} )?on (?:twitter|x|instagram|facebook|linkedin|threads|tiktok|bluesky|mastodon)\b.{0,160}$/iu,
  /^(?:contributing|additional reporting|reporting by|editing by|writing by|compiled by)\b.{0,300}$/i,
  // video-player and widget leftovers
  /^(?:toggle caption|hide caption|subtitles|captions|watch now|play video|replay|now playing|autoplay|off|on|english|more videos|\d{1,2}:\d{2}(?::\d{2})?)$/i,
  /^\[[\w-]+(?:\s[^\]]*)?\]$/,
  /^(?:\d+|an?|one) (?:second|minute|hour|day|week|month|year)s? ago$/i,
  // a lone date/time line ("Dec 22, 2023", "Updated: 22 December 2023 10:31 AM EST")
  /^(?:(?:updated|published|posted|last updated)[: ]+)?(?:[a-z]{3,9},? )?(?:[a-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4})(?:,?\s*(?:at )?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?$/i,
  // credit-only lines: "Credit: Apple", "Photo: Jane Doe", "Jane Doe/Getty Images", "NataliaCatalina.com/Shutterstock"
  /^[([]?(?:(?:photo|image|picture|video|illustration)s?\s*(?:credit)?|credit|source)\s*:\s.{1,120}$/i,
  /^[\p{L}.' -]{2,40}(?:\/[\p{L}.' -]{2,40}){1,3}(?: for [\p{L}.' -]{2,40})?$/u,
  // contact lines after the story: "Jane Doe can be reached at jdoe@…", "You can email Amy at …"
  /^(?:[\p{Lu}][\p{L}.'’-]+\s){1,4}(?:may|can) be (?:reached|contacted|emailed)\b.{0,200}$/u,
  /^(?:you can )?(?:email|e-mail|contact|reach|write to) [\p{L}.'’ ]{2,40} at [\w.+-]+@.{0,200}$/iu,
  // editorial-process notices and reference lines of science news
  /^this (?:article|story) has been (?:reviewed|fact-checked|edited|produced) (?:according to|in accordance with)\b.{0,300}$/i,
  /^(?:more information|journal information|citation|references?)\s*:\s.{0,300}(?:\bdoi\b|\bet al\b|\(\d{4}\)|retrieved).{0,300}$/i,
  /^journal information\s*:\s.{1,120}$/i,
  // a paper's reference line: "Jane Doe et al, Title, Journal (2023). DOI: 10.1126/…"
  /^(?:more information\s*:\s*)?[\p{L}.'’ -]{2,60} et al\.?,? .{5,300}\bdoi:?\s*10\.\d{4,}\/\S+$/iu,
  // support and subscription appeals: "Please make a tax-deductible gift today", "Special offer for X readers: …"
  /^.{0,200}\bplease make a tax-deductible (?:gift|donation)\b.{0,100}$/i,
  /^special offer for [\w' ]{1,30} readers\s*:.{0,250}$/i,
  // newsletter and subscription prompts, ad-blocker notices, player hints
  /^.{0,140}\b(?:delivered |direct |straight |sent )?(?:to|in) your inbox\b.{0,80}$/i,
  /^[*\s]*(?:please )?(?:sign up|subscribe|register) (?:for|to) (?:our|the) .{0,160}$/i,
  /^click (?:here )?to subscribe\b.{0,160}$/i,
  /^your subscription has been confirmed\b.{0,80}$/i,
  /^.{0,100}\bad[ -]?blocker\b.{0,200}$/i,
  /^how do i (?:whitelist|disable|turn off)\b.{0,80}$/i,
  /^please use .{1,40} browser\b.{0,80}$/i,
  /^(?:advertisement|advert|ad)\s*[-–—:]?\s*(?:page|story|article|content) continues below\.?$/i,
  /^.{0,80}\bfor as (?:low|little) as [$£€]\d.{0,80}$/i,
  /^newsletters?$/i,
  // account widgets
  /^(?:need an account\?|forgot (?:your )?password\??|session expired|please (?:log|sign) in again\b.{0,160}|create (?:an|a free) account\.?|don['’]t have an account\?.{0,40})$/i,
  // prompts between and after paragraphs: app/promo links, live-blog status, save/print widgets,
  // feedback and comment-form notes, tip lines, podcast and newsletter prompts
  /^.{0,80}\bby clicking here\.?$/i,
  /^(?:click|tap) here (?:for|to see|to get) .{1,160}$/i,
  /^go here (?:for|to) .{1,100}$/i,
  /^read the (?:full )?story\.?$/i,
  /^this live (?:blog|coverage|page) has (?:now )?ended\b.{0,120}$/i,
  /^(?:click|tap) to (?:save|bookmark|print|follow) (?:this )?(?:article|story|page)?\.?$/i,
  /^you['’]ll be asked to (?:sign|log) ?in(?:to)?\b.{0,60}$/i,
  /^(?:was this (?:page|article|story) helpful\??|did you find this (?:page|article|story) helpful\??)$/i,
  /^thank you for your (?:comment|feedback)\b.{0,120}$/i,
  /^comments? (?:on|to) this (?:piece|article|story|post) (?:are|is|will be)\b.{0,300}$/i,
  /^.{0,40}\byou must be (?:logged|signed) in to\b.{0,80}$/i,
  /^have a (?:news )?tip\?.{0,160}$/i,
  /^.{0,120}\b(?:email|e-mail|write to|message) us at [\w.+-]+@.{0,100}$/i,
  /^.{0,60}\b(?:may|can) be (?:reached|contacted|emailed) at\b.{0,200}$/i,
  /^(?:listen|subscribe|follow)\b.{0,80}\b(?:on|via) (?:spotify|apple podcasts|google podcasts|itunes|stitcher)\b.{0,80}$/i,
  /^.{0,150}\bwherever you get (?:your )?podcasts\.?$/i,
  /^this (?:episode|segment|podcast|audio story) was (?:produced|edited|reported|mixed)\b.{0,300}$/i,
  /^.{0,100}\b(?:subscribe to|sign up for) (?:our|the) (?:free )?(?:[\w-]+ ){0,3}(?:e-?mail )?newsletters?\b.{0,80}$/i,
  /^.{0,80}\bmay (?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation|share of (?:the )?(?:revenue|sales))\b.{0,300}$/i,
  // disclosures and print-edition notes
  /^(?:the )?(?:author|authors|author or authors|writer|i|we)\b.{0,40}\b(?:do(?:es)? not|don['’]t) (?:own|hold|have)\b.{0,40}\b(?:shares|positions?|securities|stocks?)\b.{0,300}$/i,
  /^(?:a version of )?this (?:article|story|column) (?:appeared|appears) in (?:print|the print edition|the .{1,60} (?:issue|edition|section))\b.{0,200}$/i,
  /^(?:editor['’]s note:\s*)?this (?:story|article|column) (?:originally |first )?(?:appeared|ran|was published) (?:in|on) .{1,300}$/i,
  // widget and player messages: bookmark toasts, account prompts, notification sign-ups, player errors
  /^(?:story|article) saved$/i,
  // an account widget's state line ("You are logged in")
  /^you are (?:now )?(?:logged|signed) in\.?$/i,
  /^you can find this (?:story|article) in (?:my|your) (?:bookmarks|saved|reading list)\b.{0,120}$/i,
  /^create (?:your|an|a) (?:free )?account\b.{0,80}$/is,
  /^sign up for (?:notifications|alerts|breaking news alerts|push notifications)\b.{0,200}$/i,
  /^this video (?:has an invalid|is (?:not|no longer) available|cannot be played)\b.{0,80}$/i,
  // tip lines and opinion disclaimers
  /^got a (?:news )?tip\?.{0,120}$/i,
  /^(?:the )?(?:views|opinions) expressed (?:here|in this (?:article|column|piece|commentary))\b.{0,300}$/i,
  // consent checkboxes of sign-up forms ("I agree to the terms of the Terms and Conditions and the Privacy Policy")
  /^i (?:agree|accept|consent) to (?:the )?(?:terms|privacy|the processing)\b.{0,160}$/is,
  // Session 6 (NAEB 150 of our 4-grams on 12 pages, none gold; L3S-GN1 none): where else the story ran
  // ("A version of this story appeared in <journal>, Vol 3, Issue 6.", "This story was originally
  // published in our Nov/Dec issue as …", "This article was featured in the … newsletter", "This story
  // will appear in the Dec. 16 issue of …", "This article originally published on …"), CMS
  // owner widgets, unavailable-widget notices, event-invite promos
  /^(?:a version of this (?:story|article|post|piece|interview) (?:appeared|appears|was published|ran)\b.{0,200}|this (?:story|article|piece) (?:was|is) (?:originally )?(?:published|printed|featured) in (?:our|the) .{1,200}|this (?:story|article|piece|interview) (?:will appear|originally (?:published|appeared|ran)) (?:in|on) .{1,200}|this (?:story|article|piece|post) ['‘"“].{1,250}? originally (?:appeared|published|ran) (?:in|on) \S.{0,120})$/i,
  /^you (?:are the owner of|have permission to edit) this (?:article|story|post)\.?$/i,
  /^(?:we['’]re )?sorry,? (?:but )?(?:this (?:feature|content|video|page)|you can['’]?t access|the (?:content|video|page))\b.{0,160}$/i,
  /^(?:.{0,200}(?:[.!?:]|\s[–—-]))?\s*Request an invite\b[^.!?]{0,100}[.!?]?$/,
  // a prompt ending on its link ("For the full schedule, click here.", "Win return flights … - Click
  // here", "… FREE when you subscribe to home delivery! | Sign up now!", "Read the full story here."):
  // NAEB 56 of our 4-grams on 6 pages, L3S-GN1 256 on 15, none gold
  /^.{0,250}\b(?:please )?click here\.?$/i,
  /^(?:see|read|find|get|watch) (?:more|the full|all)\b.{0,60}\bhere\.?$/i,
  // a bare link printed as a line ("https://www.example.com/2023/12/22/opinion/story.html"): a URL with a
  // path (a bare domain can be a sponsor the story names): NAEB 11 of our 4-grams on 1 page, L3S-GN1 40
  // on 3, none gold
  /^https?:\/\/[^\s/]+\/\S{10,}$/i,
  /^.{0,250}!\s*(?:[-–|]\s*)?(?:click here|sign up(?: now| today)?|subscribe(?: now| today)?|log ?in|sign ?in|register(?: now)?|join now)[.!]?$/i,
  RECIRC_LABEL,
];

/**
 * Long legal and commercial notices (affiliate disclosures with the site's terms, copyright
 * notices): checked up to 700 characters, where the patterns above stop at 300.
 */
const LONG_NOTICE: RegExp[] = [
  /^.{0,200}\b(?:we (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation)|(?:has|have) affiliate (?:partnerships|links|relationships))\b.{0,600}$/i,
  /^.{0,200}\bby using this (?:site|website)\b.{0,500}$/i,
  /^disclaimer\s*:.{1,600}$/i,
  /^this (?:document|article|material|content) is (?:subject to|protected by) copyright\b.{0,600}$/i,
  // a CMS shortcode left in the text (a JSON-LD articleBody's "[ami-related id=… url=… title=…]")
  /^\[[a-z][\w-]*\s[^\]]{0,600}\]$/i,
  // a site footer's ownership line: "X is a part of Y. © 2023 X, LLC. All Rights Reserved."
  /^.{0,200}(?:©|\(c\)|copyright)\s*(?:\d{4}|[\p{L}]).{0,200}\ball rights reserved\b.{0,400}$/iu,
  // a column's or site's advice disclaimer ("X is for informational purposes only, does not
  // constitute medical advice…"): NAEB 115 4-grams on 2 pages, none gold; L3S-GN1 none
  /^.{0,120}\b(?:is|are) (?:provided )?for (?:general )?(?:educational (?:and|or) )?informational purposes only\b.{0,600}$/i,
  // correction notes ("Correction, Jan. 10: …", "Clarification: …", "A previous version of this story
  // said …"): NAEB 110 4-grams on 2 pages, 6 gold (a clarification repeating the story's words)
  /^\(?(?:correction|clarification)s?\b[^:.]{0,60}:.{1,600}$/i,
  /^an? (?:earlier|previous|prior) version of this (?:story|article|report|post)\b.{0,600}$/i,
  // editorial-sourcing notices ("… uses only high-quality sources … Read our editorial process", "the
  // data used to compile this article was sourced from …"), cookie notices, reprint credits of book
  // excerpts: NAEB 161 4-grams on 5 pages of 4 sites, none gold; L3S-GN1 none
  /^.{0,300}\b(?:read (?:about )?our editorial (?:process|policy|guidelines|standards)|the data used to compile this (?:article|story|list) (?:was|were|is) sourced)\b.{0,400}$/i,
  /^this (?:web)?site uses cookies\b.{0,600}$/i,
  /^.{0,300}\breprinted (?:by|with) (?:the )?(?:kind )?permission of\b.{0,300}$/i,
  // a review site's trust box ("Why you can trust <Site> We spend hours testing…"). (A "<Site>'s got
  // your back" opener was dropped: a story paragraph can open that way.)
  /^why you can trust [\p{L}\p{N}' .]{1,30}\b.{0,600}$/iu,
  // the same box told by its closing link ("… Find out more about how we evaluate games and hardware.")
  // and account prompts ending on an imperative ("… just a click away! Login Now!", "… please sign in
  // now!"). Session 8: NAEB 3 pages of 2 sites, L3S-GN1 1, none gold
  /^.{0,250}\b(?:find out|learn|read) more about how we (?:test|review|evaluate|rate|score)\b.{0,120}$/i,
  /^.{0,250}\b(?:log ?in|sign ?in|sign up|register|subscribe) now!.{0,200}$/i,
  // an editor's note opening a block ("Editor's note (Dec. 19): This leader was updated to …", "Editor's
  // note: This continues a series …"): NAEB 39 of our 4-grams on 2 pages, none gold (the gold's one
  // editor's note, on L3S-GN1, sits in parentheses inside a paragraph)
  /^editor['’]?s['’]? note\s*(?:\([^)]{0,40}\))?\s*:.{1,600}$/i,
];

/**
 * End matter: a label after which the rest of the body is not the story (author box, footnotes,
 * sources, recirculation). See cutEndMatter in content.ts.
 */
// ("Related", "Read more" and "See also" are not here: they also head boxes inside the story.)
export const END_MATTER = /^(?:about the authors?|about the writer|footnotes|notes|references|sources|story sources?|journal references?|cite this (?:page|article)|more (?:from|on|about) [\p{L}\p{N}' .&-]{1,30}|editors['’]? (?:recommendations|picks)|you (?:may|might) also like|further reading|what to read next|have your say|what you think(?:\.{3}|…)?|reader(?:s['’])? (?:views|comments|reactions)(?: \(\d+\))?|comments?(?: \(\d+\))?|add your (?:comment|view)s?(?: comments? \(\d+\))?|comments are (?:now )?closed(?: for this (?:story|article))?\.?|leave a (?:comment|reply)|join the (?:discussion|conversation)|post a comment|\d+ comments?)\s*:?$/iu;

/** A byline block at the start of the body ("By Jane Doe", "By JANE DOE Associated Press"). */
export const BYLINE_BLOCK = /^(?:by|written by|words by|reporting by)\s+[\p{L}.'’ -]{2,80}(?:[,|–—-]\s*.{0,60})?$/iu;

// Date-line parts: weekday and month names, times, zones, "Updated"/"Published" and their glue.
const DAY_NAMES = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?`;
const MONTH_NAMES = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const MONTH_DAY_NAMES = `${DAY_NAMES}|${MONTH_NAMES}`;
const DATE_WORD = new RegExp(String.raw`\b(?:${MONTH_DAY_NAMES}|[ap]\.?m\.?|utc|gmt|[ecmp][sd]t|updated|published|posted|last|modified|on|at)\b\.?|(?<=\d)(?:st|nd|rd|th|[ap]\.?m\.?)(?![a-z])`, 'gi');
// a date line names a month or weekday: a run of bare years or numbers ("1990-1994") is data
const MONTH_OR_DAY = new RegExp(String.raw`\b(?:${MONTH_DAY_NAMES})\b`, 'i');
/** A line made only of dates and times ("Saturday December 23, 2023 09:30 PM EST 12/23/2023 9:30 PM"). */
function isDateLine(t: string): boolean {
  if (t.length > 120 || !/\b(?:19|20)\d\d\b/.test(t) || !MONTH_OR_DAY.test(t)) return false;
  return !/\p{L}/u.test(t.replace(DATE_WORD, ''));
}
/** A market ticker strip: three or more lines each with a price change in percent ("Dow 30 38,627.99 -145.13 (-0.37%)"). */
function isTicker(t: string): boolean {
  const lines = t.split('\n');
  if (lines.length < 3) return false;
  return lines.filter((l) => /\d[\d,.]*\s+[+-−]?\d[\d,.]*\s*\(?[+-−]?\d+(?:\.\d+)?%\)?\s*$/.test(l.trim())).length >= Math.max(3, 0.8 * lines.length);
}

// A byline or source stamped with a date ("Mike Coppinger, ESPNDec 22, 2023, 06:21 AM ET", "22 Dec 2023 |
// 10:45 AM ET | ByJane Doe", "By John Harris | TRIBUNE-REVIEW | Saturday, December 29, 2007", "Posted by
// dave on January 10, 2008 2:31 PM | Report this comment"): a short block, not a sentence, with a full
// date and a clock time or a "by"/"Source:"/"Published" cue, and at most ten other words. A time range
// ("3:30 – 8:00 pm") is an event listing, kept. Session 6: NAEB 110 of our 4-grams on 14 pages,
// L3S-GN1 299 on 30, none gold.
const STAMP_MONTH = String.raw`(?:${MONTH_NAMES})\.?`;
const STAMP_DATE = new RegExp(String.raw`(?:${STAMP_MONTH} \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? ${STAMP_MONTH},? \d{4})`, 'i');
const STAMP_TIME = /\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?)?/i;
const STAMP_RANGE = /\d\s*(?:[ap]\.?m\.?)?\s*[–—-]\s*\d{1,2}[:.]\d{2}/i;
const STAMP_CUE = /(?:^|\s|\|)by\s*\p{Lu}|\bsource:|\b(?:published|updated|posted)\b/iu;
const STAMP_GLUE = new RegExp(String.raw`\b${DAY_NAMES}\b|\b(?:utc|gmt|[ecmp][sd]t|ist|et|pt|uk|at|on)\b`, 'gi');
function isDateStamp(text: string): boolean {
  if (text.length > 140) return false;
  const t = text.replace(/\s*\n\s*/g, ' | ');
  if (/[.!?]["”’]?$/.test(t.replace(/\b[ap]\.m\.$/i, '')) || !STAMP_DATE.test(t) || STAMP_RANGE.test(t)) return false;
  if (!STAMP_TIME.test(t) && !STAMP_CUE.test(t)) return false;
  const rest = t.replace(STAMP_DATE, ' ').replace(STAMP_TIME, ' ').replace(STAMP_GLUE, ' ');
  return (rest.match(/\p{L}[\p{L}'’.-]*/gu) ?? []).length <= 10;
}

export function isBoilerplate(text: string): boolean {
  // "- Advertisement -", "• Share •": decorations around a furniture word.
  const t = text.trim().replace(/^[\s\-–—•|*·]+|[\s\-–—•|*·]+$/g, '');
  if (!t) return true;
  if (t.includes('%') && t.length < 3000 && isTicker(t)) return true;
  if (t.length > 700) return false;
  if (LONG_NOTICE.some((re) => re.test(t))) return true;
  if (t.length > 300) return false;
  if (BOILERPLATE_BLOCK.some((re) => re.test(t)) || isDateLine(t) || isDateStamp(t)) return true;
  // A block of several lines, each of them furniture ("Updated: …" / "Published: …").
  if (t.includes('\n') || t.includes(' • ') || t.includes(' · ')) {
    const lines = t.split(/\n|\s[|•·]\s/).map((l) => l.trim().replace(/^\||\|$/g, '').trim()).filter(Boolean);
    return lines.length > 1 && lines.every((l) => BOILERPLATE_BLOCK.some((re) => re.test(l)));
  }
  return false;
}

/**
 * class/id fragments of page furniture that Readability's own "unlikely candidates" list misses:
 * consent dialogs (their long legal text outscores short articles), newsletter and paywall boxes,
 * recirculation widgets, share bars. Matched on class and id before content selection; an element
 * holding most of the page's paragraphs is never removed (see content.ts).
 */
export const FURNITURE_ATTR = /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|onetrust|didomi|cmp|usercentrics|privacy-(?:banner|notice|center|manager)|newsletter|subscribe|subscription|signup|sign-up|tp-modal|recirc|recirculation|outbrain|taboola|related(?:-(?:articles|stories|content|posts|links|news))?|more-(?:stories|articles|news)|read-?more|read-next|up-next|trending|most-(?:popular|read)|share|sharing|social(?:-(?:share|links|media|bar|icons))?|comments?|disqus|advert|advertisement|ad-(?:slot|container|wrapper|unit|placeholder)|ads|dfp|sponsored|promo|breadcrumbs?|author-bio|bio-box|tags|tag-list|toolbar|modal|overlay|popup|skip-link|visually-hidden|sr-only|screen-reader-text|screen-reader-only|footer|site-footer|teasers|teaser-list|twitter-tweet|twitter-timeline|twitter-embed|tweet-embed|embedded-tweet|instagram-media|instagram-embed|tiktok-embed|fb-post|fb-video|facebook-embed|reddit-embed(?:-bq)?|bluesky-embed|threads-embed|mastodon-embed|social-embed|adb|adblock|adblocker|ad-blocker|feedback)(?:$|[\s_-])/i;

/**
 * A class token that hides its element (CSS utility classes: "hidden", "is-hidden", "cmplz-hidden",
 * "d-none", "hide", "invisible"): the page shows it only after a script runs, if ever (support
 * appeals, reminder boxes, print-only citations). "overflow-hidden" clips, it does not hide.
 * On both development sets such elements hold almost no gold text (NAEB: 1 of 7,021 4-grams).
 */
export function hiddenByClass(cls: string): boolean {
  if (!cls.includes('hid') && !cls.includes('none') && !cls.includes('invisible')) return false;
  for (const t of cls.split(/\s+/)) {
    if (/^(?:[\w]+-)*-?(?:hidden|hide)$/.test(t) && !/overflow|^(?:sm|md|lg|xl)/.test(t)) return true;
    if (t === 'd-none' || t === 'invisible' || t === 'display-none') return true;
  }
  return false;
}

/** Trailing author bios: "Jane Doe is a senior reporter at The Star." as the last block(s). */
// (the role word in any case: "is a News Editor at…"; "fellow" only as a post — "a fellow at", "a Fellow of" —
// not the adjective of a story sentence: "…, joining fellow Jacksonville native X"; "staff" likewise, and not
// a head count: "Sportscotland is the national agency …, employing 140 staff")
export const AUTHOR_BIO = /^(?:[\p{Lu}][\p{L}.'’-]+\s){1,4}(?:(?:is|was|has been|covers|writes|reports)\b.{0,200}\b(?:[Ww]riter|[Rr]eporter|[Ee]ditor|[Cc]orrespondent|[Cc]olumnist|[Jj]ournalist|[Cc]ontributor|[Pp]roducer|[Aa]uthor|covers|[Ff]reelance|(?<!\d )[Ss]taff(?= (?:at|of|for)\b|[.;]|$)|[Ii]ntern|[Ff]ellow(?= (?:at|of|with|in|for)\b|[.,;]|$))\b|(?:writes|reports) (?:about|on) )/u;
