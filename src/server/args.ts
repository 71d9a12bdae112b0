// Arguments a user types, read by one rule in the CLI and the API: dates ("2024-13" is refused by
// both), and whether an actor argument names anything (an empty `timeline` chart is explained the
// same way in both).

/** "2026", "2026-05", "2026-05-14" (months 01–12, days 01–31) */
export const DATE_ARG = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** "2026-05-14" */
export const DAY_ARG = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A DATE_ARG that is a date of the calendar ("2021-02-30" and "2023-02-29" are not: no such day). */
export function isCalendarDate(v: string): boolean {
  if (!DATE_ARG.test(v)) return false;
  if (v.length < 10) return true;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A CAMEO country/actor code ("RUS", "AFGGOV") or an entity id ("person/sergei-shoigu"): taken as given. */
export const isCodeOrId = (arg: string): boolean => /^[A-Z]{3}([A-Z]{3})?$/.test(arg) || arg.includes('/');

/**
 * A code or id, or a name the KB resolved (`kbIds`: what it gave for the name). "new/…" ids are what
 * the recogniser makes of a name outside the KB, so they do not count as known.
 */
export function isKnownActorArg(arg: string, kbIds: readonly string[]): boolean {
  const s = arg.trim();
  return isCodeOrId(s) || kbIds.some((id) => id !== s && !id.startsWith('new/'));
}

/** The note for names nothing knows; `listIds` says where the user finds the ids ("`entente actors`", "/api/actors"). */
export function unknownNamesNote(names: readonly string[], listIds: string): string {
  return `${names.map((x) => `"${x}"`).join(' and ')}: not a name the knowledge base knows — give a country code (RUS), an actor id from ${listIds}, or another name`;
}
