// Calendar arithmetic on plain year/month/day triples (UTC day numbers), so results never
// depend on the machine's time zone.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function dayNumber(t: Ymd): number {
  return Math.floor(Date.UTC(t.y, t.m - 1, t.d) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(t: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(t) + n);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Adds months, clamping the day to the target month's length (Feb 29 + 1 year -> Feb 28). */
export function addMonths(t: Ymd, n: number): Ymd {
  const idx = t.y * 12 + (t.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12 + 12) % 12 + 1;
  return { y, m, d: Math.min(t.d, daysInMonth(y, m)) };
}

/** ISO weekday, Monday 1 .. Sunday 7. */
export function isoWeekday(t: Ymd): number {
  const wd = new Date(dayNumber(t) * DAY_MS).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(t: Ymd): { year: number; week: number } {
  const thursday = addDays(t, 4 - isoWeekday(t));
  const jan1 = dayNumber({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: 1 + Math.floor((dayNumber(thursday) - jan1) / 7) };
}

/** The Monday of ISO week `week` of ISO year `year` (week 1 holds January 4th). */
export function isoWeekMonday(year: number, week: number): Ymd {
  const jan4: Ymd = { y: year, m: 1, d: 4 };
  return addDays(jan4, (week - 1) * 7 - (isoWeekday(jan4) - 1));
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const pad4 = (n: number) => String(n).padStart(4, '0');

export function fmtYear(y: number): string {
  return pad4(y);
}
export function fmtMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}
export function fmtDate(t: Ymd): string {
  return `${pad4(t.y)}-${pad2(t.m)}-${pad2(t.d)}`;
}
export function fmtWeek(t: Ymd): string {
  const w = isoWeek(t);
  return `${pad4(w.year)}-W${pad2(w.week)}`;
}
export function fmtTime(h: number, min: number): string {
  return `${pad2(h)}:${pad2(min)}`;
}
export { pad2 };

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** Parses the leading YYYY-MM-DD of an ISO date or datetime; null when absent or invalid. */
export function parseIsoDate(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return null;
  const t = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDate(t.y, t.m, t.d) ? t : null;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * Which occurrence of an underspecified date to take. 'recent' is what a past-tense sentence gets:
 * the latest one on or before the reference if it is within about ten months, else the nearest
 * ("invited to a ceremony on March 12", written in February, is the coming March 12; "the year ended
 * Jan. 31", written in October, is the January past). 'future' takes the coming one, unless the
 * day fell in the last two weeks: then the one just gone is meant ("the convoy heading north on June 9",
 * written June 11; a tense cue read wrongly is likelier than an event fifty weeks ahead).
 */
export type Direction = 'past' | 'future' | 'nearest' | 'recent';

const RECENT_DAYS = 300;
/** The same window in months, for a month named without a year. */
const RECENT_MONTHS = 9;
/** A day this close before the reference is the one meant even in a forward-looking sentence. */
const JUST_GONE_DAYS = 14;

/**
 * The year for a month/day without one: the latest on or before the reference (past), the first on
 * or after it (future), or whichever is nearer. Feb 29 moves to the nearest leap year in that direction.
 */
export function resolveMonthDay(ref: Ymd, month: number, day: number, dir: Direction): Ymd | null {
  if (day > 29 && month === 2) return null;
  const find = (start: number, step: number): Ymd => {
    let y = start;
    for (let i = 0; i < 8 && !isValidDate(y, month, day); i++) y += step;
    return { y, m: month, d: day };
  };
  let past = find(ref.y, -1);
  if (compareYmd(past, ref) > 0) past = find(past.y - 1, -1);
  let future = find(ref.y, 1);
  if (compareYmd(future, ref) < 0) future = find(future.y + 1, 1);
  const r = dayNumber(ref);
  if (dir === 'past') return past;
  if (dir === 'future') return r - dayNumber(past) <= JUST_GONE_DAYS ? past : future;
  if (dir === 'recent' && r - dayNumber(past) <= RECENT_DAYS) return past;
  return r - dayNumber(past) <= dayNumber(future) - r ? past : future;
}

/** The weekday (ISO 1-7) nearest the reference in the given direction; the reference day itself counts. */
export function resolveWeekday(ref: Ymd, weekday: number, dir: Direction, includeRef = true): Ymd {
  const cur = isoWeekday(ref);
  let back = (cur - weekday + 7) % 7;
  let fwd = (weekday - cur + 7) % 7;
  if (!includeRef) {
    if (back === 0) back = 7;
    if (fwd === 0) fwd = 7;
  }
  if (dir === 'past' || dir === 'recent') return addDays(ref, -back);
  if (dir === 'future') return addDays(ref, fwd);
  return back <= fwd ? addDays(ref, -back) : addDays(ref, fwd);
}

/** The month (1-12) most recently begun (past), current-or-next (future), or nearest. */
export function resolveMonth(ref: Ymd, month: number, dir: Direction): number {
  const past = month <= ref.m ? ref.y : ref.y - 1;
  const future = month >= ref.m ? ref.y : ref.y + 1;
  if (dir === 'past' || dir === 'recent' && (ref.y - past) * 12 + ref.m - month <= RECENT_MONTHS) return past;
  if (dir === 'future') return future;
  const distPast = (ref.y - past) * 12 + ref.m - month;
  const distFuture = (future - ref.y) * 12 + month - ref.m;
  return distPast <= distFuture ? past : future;
}

/** The occurrence of a yearly date (a holiday) in the given direction from the reference. */
export function resolveYearly(ref: Ymd, dateIn: (y: number) => Ymd, dir: Direction, includeRef = true): Ymd {
  const r = dayNumber(ref);
  const cands = [dateIn(ref.y - 1), dateIn(ref.y), dateIn(ref.y + 1)];
  const before = cands.filter((t) => (includeRef ? dayNumber(t) <= r : dayNumber(t) < r)).pop()!;
  const after = cands.find((t) => (includeRef ? dayNumber(t) >= r : dayNumber(t) > r))!;
  if (dir === 'past') return before;
  if (dir === 'future') return after;
  if (dir === 'recent' && r - dayNumber(before) <= RECENT_DAYS) return before;
  return r - dayNumber(before) <= dayNumber(after) - r ? before : after;
}

/** Easter Sunday (Gregorian computus). */
export function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The n-th given ISO weekday of a month (US Thanksgiving is the 4th Thursday of November). */
export function nthWeekday(y: number, m: number, weekday: number, n: number): Ymd {
  const first = isoWeekday({ y, m, d: 1 });
  return { y, m, d: 1 + ((weekday - first + 7) % 7) + 7 * (n - 1) };
}
