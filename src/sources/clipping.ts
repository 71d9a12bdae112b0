// Markdown / plain-text clippings → body paragraphs + header hints.
//
// A clipping (what "save as Markdown" browser tools and copy-paste produce) looks like:
//
//   Title line
//   May 14, 2026                                ← date line
//   Caption text of the lead photo. **Agency**  ← caption with a bold credit
//   Body paragraph with a [link](#) ...
//   Related article: [Another story](#)         ← page furniture: dropped
//   ... a paragraph the clipper broke in        ← rejoined with the next one
//
//   next line of the same paragraph.
//   Original url:
//   <https://example.com/...>                   ← hints.url
//
// The header (title, date, byline, captions) is only read at the top; captions (a short
// paragraph ending in a **bold credit**) are recognised anywhere. Everything else is body text,
// with Markdown markup removed (links keep their text), so spans index plain prose.

import type { ArticleHints, Caption } from '../types.js';
import { DATELINE_PLACE } from '../article/dateline.js';

export interface Clipping {
  /** body paragraphs joined by "\n\n" */
  content: string;
  hints: ArticleHints;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const TIME = '(?:(?:,|\\s+at|\\s+-|\\s+\\|)?\\s*\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*\\(?[A-Z]{2,5}\\)?|\\s*(?:GMT|UTC)?\\s*[+-]\\d{1,2}(?::?\\d{2})?)?)?';
const PREFIX = '(?:(?:published|updated|posted|last updated|date)\\s*(?:on|:)?\\s*)?';
const DATE_MDY = new RegExp(`^${PREFIX}${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, 'i');
const DATE_DMY = new RegExp(`^${PREFIX}${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`, 'i');
const DATE_ISO = /^(?:(?:published|updated|posted|date)\s*(?:on|:)?\s*)?(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const DATE_DOTTED = new RegExp(`^${PREFIX}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}$`, 'i');

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // Feb 30 and friends
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is only a date ("May 14, 2026", "Thursday, 14 May 2026, 10:31", "2026-05-14") → ISO date, else null. */
export function parseDateLine(line: string): string | null {
  const s = stripInline(line).replace(/\s+/g, ' ').trim();
  if (s.length > 80) return null;
  let m = DATE_ISO.exec(s);
  if (m) {
    const day = iso(+m[1]!, +m[2]!, +m[3]!);
    return day && m[4] ? `${day}${m[4]}` : day;
  }
  m = DATE_MDY.exec(s);
  if (m) return iso(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = DATE_DMY.exec(s);
  if (m) return iso(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  m = DATE_DOTTED.exec(s);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!); // European day.month.year
  return null;
}

// A wire dateline with a full date opening the story: "BRASILIA, Nov. 4, 2024 —", "KANSAS CITY, Mo.,
// Jan. 5, 2024 (AP) --", "NAIROBI, 2024-02-20 (Sample News) -". Its date is the filing date, so a
// clipping without a date line takes it as the publication date. A date without a year
// ("LONDON, Dec 5 (Reuters) -") is not a date we can place, and is left to --date.
const WIRE_DATELINE = new RegExp(
  `^${DATELINE_PLACE},\\s+` +
  '([A-Za-z]{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+[A-Za-z]{3,9}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})' +
  // then an agency in brackets or slashes, and a dash, or a full stop/bracket and a space ("…, 2023. /TASS/. ")
  '\\.?(?:\\s*[(/][^()/]{1,30}[)/]\\.?)?(?:\\s*(?:--|—|–|-|:)\\s|(?<=[)/.])\\s)',
);

/** The date of a wire dateline opening a paragraph, as an ISO day; null when there is none (or no year). */
export function datelineDate(paragraph: string): string | null {
  const m = WIRE_DATELINE.exec(paragraph.slice(0, 120));
  return m ? parseDateLine(m[3]!) : null; // groups 1–2: DATELINE_PLACE's place and state
}

/** Markdown inline markup → plain text: links keep their text, images go, emphasis markers go, escapes resolve. */
export function stripInline(s: string): string {
  return s
    .replace(/(?<!\\)!\[(?:\\.|[^[\]\\])*\]\((?:<[^>]*>|[^)]*)\)/g, '')
    .replace(/(?<!\\)\[((?:\\.|[^[\]\\])*)\]\((?:<[^>\n]*>|(?:[^()\s]|\([^()]*\))*)(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/(?<!\\)\[((?:\\.|[^[\]\\])+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*\\])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w\\])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>=~|"'•])/g, '$1');
}

// Page furniture a clipper picks up: "Related article: …", "Read more …", "Advertisement". A
// keyword alone does not make a line furniture ("Watch officials…" is prose): it needs a colon or
// arrow after it, or to be the whole line.
const RE_FURNITURE = /^(?:(?:related(?:\s+(?:articles?|stories|story|content|reading|news|coverage|links?))?|see\s+also|also\s+read|read\s+(?:more|also|next)|more\s+on\s+this(?:\s+story)?|recommended(?:\s+for\s+you)?|watch|listen|share\s+this(?:\s+article)?)\s*[:»›>|–—-]|read\s+more\b|(?:advertisement|related\s+(?:articles?|stories|content)|share\s+this(?:\s+article)?)$)/i;
const RE_ORIGINAL_URL = /^(?:original\s+url|source\s+url|original\s+link|source|url)\s*:\s*(.*)$/i;
const RE_URL = /^<?(https?:\/\/[^\s<>]+)>?$/i;
const RE_CAPTION = /^(?!\*\*)(.*\S)\s*\*\*([^*\n]{1,80})\*\*$/;
// a byline in the header: "By Name", "By Name and Name", "By Name, Name & Name"
// (a capital after "By", no closing punctuation: "By the end of May, ..." is a sentence, not a byline)
const RE_BYLINE = /^by\s+(\p{Lu}.{0,119}(?:[^.!?"”]|\b(?:Jr|Sr|Ph\.D|M\.D|\p{Lu})\.))$/iu;
const RE_TERMINAL = /[.!?…:;"”’»)\]]$/u;
const RE_LIST_LINE = /^\s*(?:[-*+•]|\d+[.)])\s+/;
const RE_RULE = /^\s*(?:[-*_]\s*){3,}$/;

interface Block {
  text: string;
  heading: boolean;
  list: boolean;
  /** the block's Markdown before stripping (captions are told by their **bold credit**) */
  source: string;
}

/** Split into blank-line-separated blocks; a block's soft-wrapped lines join with a space (lists keep one item per line). */
function blocks(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const raw of text.split('\n')) {
    // keep a hard line break (two trailing spaces or a backslash) as a trailing "\\"
    const line = /(?: {2,}|\\)$/.test(raw) && raw.trim() ? `${raw.replace(/[\s\\]+$/, '')}\\` : raw.replace(/\s+$/, '');
    if (!line.trim()) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(line);
  }
  if (cur.length) out.push(cur);
  return out;
}

function toBlock(lines: string[]): Block {
  const first = lines[0]!.trim();
  const source = lines.map((l) => l.trim()).join(' ');
  const h = /^#{1,6}\s+(.*?)\s*#*$/.exec(first);
  if (h && lines.length === 1) return { text: stripInline(h[1]!), heading: true, list: false, source };
  if (lines.length === 2 && /^(=+|-+)$/.test(lines[1]!.trim())) {
    return { text: stripInline(first), heading: true, list: false, source }; // setext heading
  }
  const isList = lines.every((l) => RE_LIST_LINE.test(l) || /^\s{2,}\S/.test(l)) && RE_LIST_LINE.test(lines[0]!);
  const unquoted = lines.map((l) => l.replace(/^\s*>\s?/, ''));
  const text = isList
    ? unquoted.map((l) => stripInline(l.replace(RE_LIST_LINE, '').replace(/\\$/, '').trim())).join('\n')
    : unquoted.map((l) => l.trim()).reduce((acc, l, k) => (k === 0 ? l : acc.endsWith('\\') ? `${acc.slice(0, -1)}\n${l}` : `${acc} ${l}`), '')
        .replace(/\\$/, '').split('\n').map(stripInline).join('\n');
  return { text: text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim(), heading: false, list: isList, source };
}

function isTitleLike(b: Block): boolean {
  if (b.list || b.text.includes('\n')) return false;
  if (b.heading) return true;
  return b.text.length > 0 && b.text.length <= 250 && !/[.:;,]["”’')\]]*$/.test(b.text) && !RE_URL.test(b.text);
}

// English closed-class words a sentence cannot end on: a paragraph ending on one of these was cut
// by the clipper ("...meeting in" / "Kyrgyzstan, ..."). A paragraph ending on a content word
// without punctuation is more often a subtitle or a list item, and is left alone.
const CUT_WORDS = new Set(('a an the of in on at to for from by with into onto over under about after before between during ' +
  'through against among toward towards near than as and or but nor that which who whom whose whether if because while ' +
  'although though since until unless its their his her our your my is are was were be been being has have had will would ' +
  'shall should can could may might must do does did not no very more most such this these those').split(' '));

/** The paragraph stops in the middle of a sentence: a trailing comma or dash, or a closed-class last word. */
function endsMidSentence(p: string): boolean {
  if (/[,\-–—]$/.test(p)) return true;
  const last = /(?:^|\s)(\p{Ll}+)$/u.exec(p);
  return !!last && CUT_WORDS.has(last[1]!);
}

export interface ClippingOptions {
  /** Markdown file: the first title-like line is the title even without a date line after it. */
  markdown?: boolean;
}

/**
 * Parse a clipping. For plain text (markdown: false) the header is only taken when the text
 * starts like a clipping: a title-like first line with a date line among the next three blocks;
 * otherwise every block is body.
 */
export function parseClipping(input: string, opts: ClippingOptions = {}): Clipping {
  // HTML comments are invisible in rendered Markdown: drop them (they may span lines)
  const all = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  const fm = frontMatter(all);
  const text = fm ? all.slice(fm.length) : all;
  let raw = blocks(text);
  // Plain text with one paragraph per line and no blank lines between (a common export): a line
  // longer than any hard-wrap width means the newlines are paragraph breaks, not wrapping.
  if (!opts.markdown) raw = raw.flatMap((lines) => (lines.length > 1 && lines.some((l) => l.length > 120) ? lines.map((l) => [l]) : [lines]));
  const hints: ArticleHints = {};
  const captions: Caption[] = [];
  const body: Block[] = [];

  // "Original url:" may be followed by the URL on the same line, the next line or the next block.
  const rest: string[][] = [];
  for (let i = 0; i < raw.length; i++) {
    const lines = raw[i]!;
    const m = RE_ORIGINAL_URL.exec(lines[0]!.trim());
    if (m) {
      const inline = m[1]!.trim() || lines[1]?.trim() || (lines.length === 1 ? raw[i + 1]?.[0]?.trim() : undefined) || '';
      // after the label, anything in <…> is the URL (even protocol-relative or relative ones)
      const u = RE_URL.exec(inline) ?? /^<([^<>\s]+)>$/.exec(inline);
      if (u) {
        hints.url = u[1]!;
        if (!m[1]!.trim() && lines.length === 1) i++; // the URL was the next block
        continue;
      }
    }
    rest.push(lines);
  }

  const parsed = rest.map(toBlock).filter((b) => b.text && !RE_RULE.test(b.source));

  // Header: title, then date / byline / captions until the first body paragraph.
  let i = 0;
  const first = parsed[0];
  // a date line, or a story opening with a dated wire dateline ("NAIROBI, 2024-02-20 (Agency) - …") after the title
  const dateAhead = parsed.slice(1, 4).some((b) => parseDateLine(b.text) !== null) || (parsed.length > 1 && datelineDate(parsed[1]!.text) !== null);
  const dateNext = parsed.length > 1 && parseDateLine(parsed[1]!.text) !== null;
  // a title may end in a full stop ("X is bad. It doesn't have to be.") when a date line follows it
  const titled = !!first && (isTitleLike(first) || (dateNext && !first.list && first.text.length <= 250 && !first.text.includes('\n')));
  if (!fm?.hints.title && parsed.length > 1 && titled && (opts.markdown || dateAhead) && parseDateLine(first!.text) === null) {
    hints.title = first!.text;
    i = 1;
  }
  for (; i < parsed.length && i < 6; i++) {
    const b = parsed[i]!;
    const date = hints.published ? null : parseDateLine(b.text);
    if (date) {
      hints.published = date;
      continue;
    }
    const by = !hints.authors && b.text.length <= 100 ? RE_BYLINE.exec(b.text) : null;
    if (by) {
      hints.authors = by[1]!.split(/\s*(?:,|\band\b|&)\s*/).map((a) => a.trim()).filter(Boolean);
      continue;
    }
    break;
  }

  let seenBody = false;
  for (; i < parsed.length; i++) {
    const b = parsed[i]!;
    if (!b.heading && RE_FURNITURE.test(b.text) && b.text.length <= 300) continue;
    const cap = b.heading || b.list ? null : captionOf(b.source, !seenBody);
    if (cap) {
      captions.push(cap);
      continue;
    }
    body.push(b);
    seenBody = true;
  }

  // Rejoin paragraphs the clipping broke ("...meeting in" / "Kyrgyzstan, Shoigu ...").
  const joined: Block[] = [];
  for (const b of body) {
    const prev = joined[joined.length - 1];
    // a short line ("Dear Editor,", "Price", "fact-checked") is a salutation or a label, not half a sentence
    if (prev && !prev.heading && !prev.list && !b.heading && !b.list && !RE_TERMINAL.test(prev.text) && prev.text.length >= 30 &&
        (endsMidSentence(prev.text) || /^\p{Ll}/u.test(b.text))) {
      prev.text = `${prev.text} ${b.text}`;
    } else joined.push({ ...b });
  }

  // no date line in the header: a dateline with a full date in the first paragraphs ("BRASILIA, Nov. 4, 2024 — …")
  if (!hints.published) {
    for (const b of joined.slice(0, 2)) {
      const d = b.heading || b.list ? null : datelineDate(b.text);
      if (d) {
        hints.published = d;
        break;
      }
    }
  }
  if (captions.length) hints.captions = captions;
  // front matter is explicit metadata: it wins over what the header lines suggest
  return { content: joined.map((b) => b.text).join('\n\n'), hints: fm ? { ...hints, ...fm.hints } : hints };
}

// ------------------------------------------------------------------ YAML front matter

const FM_KEYS: Record<string, 'title' | 'url' | 'published' | 'authors' | 'site' | 'tags' | 'language'> = {
  title: 'title', url: 'url', source: 'url', link: 'url', original_url: 'url', canonical_url: 'url',
  date: 'published', published: 'published', pubdate: 'published', date_published: 'published', publish_date: 'published',
  author: 'authors', authors: 'authors', byline: 'authors', site: 'site', site_name: 'site', sitename: 'site',
  tags: 'tags', keywords: 'tags', language: 'language', lang: 'language',
};

function unquote(v: string): string {
  const t = v.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1).trim() : t;
}

function fmList(v: string, following: string[]): string[] {
  const t = v.trim();
  if (t.startsWith('[') && t.endsWith(']')) return t.slice(1, -1).split(',').map(unquote).filter(Boolean);
  if (t) return [unquote(t)];
  return following.map((l) => /^\s*-\s+(.*)$/.exec(l)?.[1]).filter((x): x is string => !!x).map(unquote).filter(Boolean);
}

/**
 * Front matter that clipping tools (web clippers, note apps) put first: "---", simple
 * "key: value" lines (lists as "[a, b]" or "- item" lines), "---". Only the keys above are read;
 * a "created"/"clipped" date is when the page was saved, not published, and is ignored.
 */
function frontMatter(text: string): { length: number; hints: ArticleHints } | null {
  const m = /^---[ \t]*\n([\s\S]{0,8000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return null;
  const lines = m[1]!.split('\n');
  if (!lines.some((l) => /^[A-Za-z_][\w-]*\s*:/.test(l))) return null;
  const hints: ArticleHints = {};
  for (let i = 0; i < lines.length; i++) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s?(.*)$/.exec(lines[i]!);
    if (!kv) continue;
    const key = FM_KEYS[kv[1]!.toLowerCase().replace(/-/g, '_')];
    if (!key) continue;
    const following: string[] = [];
    for (let k = i + 1; k < lines.length && /^\s*-\s+/.test(lines[k]!); k++) following.push(lines[k]!);
    const value = unquote(kv[2]!);
    if (key === 'authors' || key === 'tags') {
      const list = fmList(kv[2]!, following).map((a) => a.replace(/^\[\[(.*)\]\]$/, '$1')); // [[Name]] wiki links
      if (list.length) hints[key] = list;
    } else if (key === 'published') {
      const d = parseDateLine(value);
      if (d) hints.published = d;
    } else if (key === 'url') {
      const u = /^<?(https?:\/\/[^\s<>]+)>?$/.exec(value);
      if (u && !hints.url) hints.url = u[1]!;
    } else if (value) hints[key] = value;
  }
  return { length: m[0].length, hints };
}

/**
 * "Caption text. **Credit**" → Caption (a paragraph that is all bold is a subheading, not a
 * caption). Before the body starts, a paragraph wholly in italics is a caption without a credit.
 */
function captionOf(source: string, header: boolean): Caption | null {
  const it = header ? /^(?:\*(?![*\s])((?:\\.|[^*\\])+)\*|_(?![_\s])((?:\\.|[^_\\])+)_)$/.exec(source) : null;
  if (it) return { text: stripInline(it[1] ?? it[2]!).trim(), credit: null };
  const m = RE_CAPTION.exec(source);
  if (!m) return null;
  const text = stripInline(m[1]!).trim();
  if (!text || text.length > 400) return null;
  return { text, credit: stripInline(m[2]!).trim() };
}
