// Errors named for the caller's policy (crawlee-style): the runner decides by type, not by message.
// Every message is one line naming the input and what to do.

export class EntenteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `origin: msg`, unless msg already starts with its origin (source errors do): the input is named once. */
export const withOrigin = (origin: string, msg: string): string => (msg.startsWith(origin) ? msg : `${origin}: ${msg}`);

/** A record's place in its file as origins carry it: "x.jsonl:2", "x.warc@512", "x.json[3]", "feed.xml#item2". */
const RECORD_PLACE = String.raw`(?::\d+|@\d+|\[\d+\]|#item\d+)`;
const PLACE_AT_END = new RegExp(`${RECORD_PLACE}$`);
const PLACE_AT_START = new RegExp(`^${RECORD_PLACE}?:\\s*`);
const ANY_ORIGIN = new RegExp(`^(?:[a-z][a-z0-9+.-]*://)?[^:]*${RECORD_PLACE}?:\\s*`, 'i');
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Whether an origin names one record of a file (or stdin), which cannot be read again by its name alone. */
export function isRecordOrigin(origin: string): boolean {
  if (origin === '-') return true;
  const place = PLACE_AT_END.exec(origin)?.[0];
  // ":12" is a line only in a path: in a URL it is a port
  return place !== undefined && !(place.startsWith(':') && URL_SCHEME.test(origin));
}

/**
 * The message without its leading origin, cut whole with a record's place ("x.jsonl:2: "); when
 * the origin is not given, the first "path-or-URL[place]: " is cut.
 */
export function cutOrigin(msg: string, origin = ''): string {
  return origin && msg.startsWith(origin) ? msg.slice(origin.length).replace(PLACE_AT_START, '') : msg.replace(ANY_ORIGIN, '');
}

/** Network or HTTP problem: worth retrying later. */
export class FetchError extends EntenteError {
  constructor(message: string, readonly url: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The input was read but holds no article (empty, binary, no body text): skip it. */
export class NotAnArticle extends EntenteError {}

/** The input cannot be read as the format it claims (malformed JSON line, feed, WARC record): skip it. */
export class BadInput extends EntenteError {}

/** The store cannot be opened or written: stop. */
export class StorageUnavailable extends EntenteError {}

/** A data file (KB, lexicon) is invalid: fail at start, naming file, entry and field. */
export class DataError extends EntenteError {}
