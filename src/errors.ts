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
