// Calendar arithmetic on plain {y,m,d} dates (UTC, no clock, no time zone surprises).

export interface YMD { y: number; m: number; d: number }

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T|\s)/;

/** Parse the reference date ("2026-05-14" or a full ISO timestamp; only the calendar day is used). */
export function parseRefDate(s: string | null | undefined): YMD | null {
  if (!s) return null;
  const m = ISO_DAY.exec(s.trim());
  if (!m) return null;
  const r = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  return isValid(r.y, r.m, r.d) ? r : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function isValid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
function fromDate(dt: Date): YMD {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
export function addDays(a: YMD, n: number): YMD {
  return fromDate(new Date(Date.UTC(a.y, a.m - 1, a.d + n)));
}
/** Add months, clamping the day to the target month's length. */
export function addMonths(a: YMD, n: number): YMD {
  const t = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(t / 12);
  const m = (t % 12 + 12) % 12 + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}
/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(a: YMD): number {
  const w = new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay();
  return w === 0 ? 7 : w;
}
/** ISO 8601 week: the year that owns the week, and its number. */
export function isoWeek(a: YMD): { y: number; w: number } {
  const thursday = addDays(a, 4 - weekday(a));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const w = Math.floor((Date.UTC(thursday.y, thursday.m - 1, thursday.d) - jan1) / 86400000 / 7) + 1;
  return { y: thursday.y, w };
}
export function quarterOf(a: YMD): number {
  return Math.floor((a.m - 1) / 3) + 1;
}

const p2 = (n: number) => String(n).padStart(2, '0');
const p4 = (n: number) => String(n).padStart(4, '0');
export const fmtDay = (a: YMD) => `${p4(a.y)}-${p2(a.m)}-${p2(a.d)}`;
export const fmtMonth = (y: number, m: number) => `${p4(y)}-${p2(m)}`;
export const fmtYear = (y: number) => p4(y);
export const fmtWeek = (a: YMD) => {
  const { y, w } = isoWeek(a);
  return `${p4(y)}-W${p2(w)}`;
};
export { p2 };
