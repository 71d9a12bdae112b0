// The typed document that flows through the pipeline, and the records each stage adds.
// Field names of Entity, EventRecord, Quote and TimeExpr are part of the public contract
// (see README "Formats"): keep them stable.

/** A character range into `Doc.text` (the article body). Invariant: text === doc.text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type Severity = 'info' | 'warning' | 'error';

/** A non-fatal problem recorded on the document (vfile-style). `origin` is "stage:rule", e.g. "actors:unresolved". */
export interface Message {
  origin: string;
  severity: Severity;
  text: string;
  start?: number;
  end?: number;
}

// ---------------------------------------------------------------- sources

/** What a source yields: one document's content, decoded to a string, plus what the source knew about it. */
export interface RawDocument {
  /** Record id, file path or URL: the id the user will see in outputs. */
  id: string;
  /** html: a web page; text: plain text or a Markdown clipping already split into its parts (see hints). */
  kind: 'html' | 'text';
  content: string;
  /** Where it came from, for error messages: a path, a URL, "feed.xml#item3", "crawl.warc.gz@12345". */
  origin: string;
  url?: string | null;
  /** Metadata the source provides (clipping header, JSONL fields, feed item, --title/--date/--url). Wins over nothing, loses to nothing: article extraction merges it (source hints first). */
  hints?: ArticleHints;
  contentType?: string | null;
  fetchedAt?: string | null;
  /** Non-fatal problems the source met reading this document ("<origin>: <text>": charset fallback, redirect, feed summary only), for the article stage to report as Messages. */
  notes?: string[];
}

export interface ArticleHints {
  title?: string | null;
  published?: string | null;
  url?: string | null;
  authors?: string[];
  site?: string | null;
  language?: string | null;
  captions?: Caption[];
  section?: string | null;
  tags?: string[];
  /** what the command line gives (--title, --date): fills only what the article itself does not say */
  fallback?: { title?: string | null; published?: string | null };
}

// ---------------------------------------------------------------- article

export type BlockType = 'paragraph' | 'heading' | 'list' | 'quote' | 'preformatted';

/** A block of the body; start/end are offsets into Article.body. */
export interface Block {
  type: BlockType;
  text: string;
  start: number;
  end: number;
  /** heading level 1..6 */
  level?: number;
  /** list items (the block text is the items joined by "\n") */
  items?: string[];
}

export interface Caption {
  text: string;
  credit: string | null;
}

export interface Link {
  text: string;
  href: string;
  /** offsets into Article.body when the anchor text lies in the body */
  start?: number;
  end?: number;
}

export interface Article {
  id: string;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  /** ISO 8601: "2026-05-14" or "2026-05-14T10:31:00+03:00" when the time (and zone) are known */
  published: string | null;
  modified: string | null;
  authors: string[];
  site: string | null;
  /** ISO 639-1 ("en") or null when undetermined */
  language: string | null;
  lede: string | null;
  /** Plain text, paragraphs separated by blank lines ("\n\n"). All spans index into this. */
  body: string;
  blocks: Block[];
  captions: Caption[];
  links: Link[];
  section: string | null;
  tags: string[];
  /** the dateline found at the start of the body ("MOSCOW, December 26. /TASS/."), if any */
  dateline?: { text: string; place: string | null; agency: string | null } | null;
}

// ---------------------------------------------------------------- text

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Universal POS tag (wink-nlp): NOUN, VERB, PROPN, ADP, ... */
  pos: string;
  lemma: string;
  /** wink token type: word, punctuation, number, quoted_phrase, ... */
  type: string;
  /** true if the token is inside a negation scope per wink */
  negated?: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

// ---------------------------------------------------------------- actors

export type EntityKind = 'state' | 'government' | 'person' | 'organization' | 'igo' | 'armed_group' | 'media' | 'group';

/** A resolved actor as it appears in an event or a mention (DESIGN.md "Output format"). */
export interface Entity {
  entity_text: string;
  name: string;
  /** KB id ("RUS", "person/sergei-shoigu", "org/tass"), or "new/<slug>" for titled people not in the KB */
  id: string;
  kind: EntityKind;
  /** ISO 3166-1 alpha-3, "IGO", or null */
  country_code: string | null;
  /** PLOVER sector code (GOV, MIL, REB, ...) or null */
  sector: string | null;
  /** CAMEO-style code, e.g. "RUSGOV", "AFGREB", "IGOUNO" */
  code: string;
  office: string | null;
  sentence: number;
  start: number;
  end: number;
}

export type MentionType = 'name' | 'title' | 'surname' | 'pronoun' | 'description' | 'demonym' | 'metonym' | 'acronym';

export interface Mention {
  start: number;
  end: number;
  text: string;
  sentence: number;
  type: MentionType;
  /** null when unresolved (kept, with a message; never guessed) */
  entity: Entity | null;
  in_kb: boolean;
  /** for pronouns/descriptions/surnames: the index (in Doc.mentions) of the antecedent mention */
  antecedent?: number | null;
}

// ---------------------------------------------------------------- time

export type TimePrecision = 'century' | 'decade' | 'year' | 'quarter' | 'season' | 'month' | 'week' | 'day' | 'time';

export interface TimeExpr {
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** TimeML type */
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 value: "2026-05-14", "2025-07", "2024", "2013-W11", "P20Y", "PAST_REF"; null when it could not be resolved */
  value: string | null;
  precision: TimePrecision | null;
  vague: boolean;
  /** which parts were stated in the text vs implied from the reference date ("year","month","day","weekday",...) */
  stated: string[];
  implied: string[];
  /** for ranges/spans ("between 2012 and 2024", "since 2021") */
  range?: { begin: string | null; end: string | null } | null;
  /** "range" | "since" | "until" | "dateline" ... */
  role?: string | null;
}

// ---------------------------------------------------------------- events

export type Modality = 'asserted' | 'claimed' | 'future' | 'hypothetical' | 'historical';

export interface Quote {
  content: Span;
  cue: Span | null;
  source: Span | null;
  speaker: Entity | null;
  via: Entity | null;
  direct: boolean;
}

export interface EventLocation {
  text: string;
  name: string;
  country_code: string | null;
  /** character span of `text` in Doc.text (set by the coder since session 9; absent on older records) */
  start?: number;
  end?: number;
}

/** One coded event: the product's contract (DESIGN.md "Output format"). */
export interface EventRecord {
  id: string;
  doc_id: string;
  link: string | null;
  event_text: string;
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  date_source: 'text' | 'publication' | null;
  date_text: string | null;
  actor: Entity[];
  recipient: Entity[];
  /** PLOVER event type (AGREE, CONSULT, ...), or null for CAMEO statement/appeal roots (01, 02) PLOVER drops */
  event: string | null;
  mode: string | null;
  context: string[];
  /** CAMEO code, e.g. "054" */
  cameo: string;
  quad_code: 1 | 2 | 3 | 4;
  goldstein: number;
  intensity: number | null;
  negated: boolean;
  modality: Modality;
  speaker: Entity | null;
  via: Entity | null;
  quote: string | null;
  event_loc: EventLocation | null;
  text_info: { sentence: number; start: number; end: number; trigger: { text: string; start: number; end: number } };
  confidence: number;
  /** Set when the record codes a stated intention the CAMEO codebook's way ("X will / would / is
   * willing to <act>" → 03x intent or 13x threat; "X will not <cooperate>" → 12x refusal): the
   * announced act as the lexicon codes it (its CAMEO code, PLOVER type, modality and negation).
   * `cameo`/`event` then hold the intent, refusal or threat. Also set on a MOBILIZE record that
   * prepares an act ("prepared to shell X" → 154, the shelling here): the act being prepared.
   * Absent on other records. */
  intended?: { cameo: string; event: string | null; modality: Modality; negated: boolean };
}

// ---------------------------------------------------------------- the document

/** After the article stage. */
export interface Doc {
  id: string;
  article: Article;
  /** = article.body; every span indexes into it */
  text: string;
  /** Reference time: the article's publication date (YYYY-MM-DD), injected, never the clock. null when unknown. */
  refDate: string | null;
  messages: Message[];
  /** false when the language stage decided this is not English: later stages skip it */
  english: boolean;
}

/** Types record which stages have run: the event coder takes a DatedDoc, so it cannot run before actors and time. */
export interface SentencedDoc extends Doc {
  sentences: Sentence[];
}
export interface ActorDoc extends SentencedDoc {
  mentions: Mention[];
}
export interface DatedDoc extends ActorDoc {
  times: TimeExpr[];
}
export interface CodedDoc extends DatedDoc {
  quotes: Quote[];
  events: EventRecord[];
}

/** A message the user is told about per document (not English; no publication date and no --date), by `code` and `ingest` alike. */
export function isUserNote(m: { origin: string; severity: string }): boolean {
  return m.origin === 'language:not-english' || (m.origin === 'time:no-article-date' && m.severity !== 'info');
}

export function addMessage(doc: { messages: Message[] }, origin: string, text: string, severity: Severity = 'warning', span?: { start: number; end: number }): void {
  doc.messages.push(span ? { origin, severity, text, start: span.start, end: span.end } : { origin, severity, text });
}
