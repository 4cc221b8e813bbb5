// Published dates: normalising the many ways feeds, pages and files write them, and finding the
// date header (" date 2024-03-28 ...") and the dateline ("Niamey, 10 December 2021 (TDI): ...") in text.
// Our own small parser rather than chrono-node: chrono resolves "tomorrow" or "Friday" against today,
// and an ingest must never invent a date.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const TIME = '(?:,?\\s*(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*([ap]\\.?m\\.?)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?)?';

const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|UT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/i;
const EPOCH_RE = /^\d{10}(?:\d{3})?$/;
const WEEKDAY_RE = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
// 28 Mar 2024 [14:00:00 GMT]   (also RFC 822 pubDate once the weekday is gone, and 28-Mar-2024)
const DMY_RE = new RegExp(`^(\\d{1,2})${ORD}(?:\\s+|-)(?:of\\s+)?${MONTH},?(?:\\s+|-)(\\d{4})${TIME}$`, 'i');
// March 28, 2024 [10:00 AM EST]
const MDY_RE = new RegExp(`^${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})${TIME}$`, 'i');
const NUMERIC_DMY_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

const UTC_ZONES = new Set(['z', 'utc', 'gmt', 'ut', '+00:00', '+0000', '-00:00', '-0000', '+00', '-00']);

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * A valid calendar date (and time) as ISO text. The time is kept only when it is known to be UTC: a local
 * time is reduced to its local calendar date, because the day the publisher lived is what relative dates
 * in the text ("yesterday") count from, and shifting it to UTC could move it by a day.
 */
function build(y: number, mo: number, d: number, h?: number, mi?: number, se?: number, zone?: string): string | null {
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1) return null;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > dim) return null;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || Number.isNaN(h)) return date;
  const m = mi ?? 0;
  const s = se ?? 0;
  if (h > 23 || m > 59 || s > 60) return null;
  if (zone && UTC_ZONES.has(zone.toLowerCase())) return `${date}T${pad(h)}:${pad(m)}:${pad(Math.min(s, 59))}Z`;
  return date;
}

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

function hour12(h: number | undefined, ampm: string | undefined): number | undefined {
  if (h === undefined || !ampm) return h;
  if (h < 1 || h > 12) return NaN;
  const pm = ampm[0].toLowerCase() === 'p';
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * Normalises a published-date value to `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`; null when it is not a full,
 * valid calendar date. Accepts ISO 8601 (with or without time and zone), RFC 822 (RSS pubDate), "10 December
 * 2021", "December 10, 2021", compact 20240328, epoch seconds or milliseconds, and d/m/yyyy only when the day
 * is unambiguous (over 12).
 */
export function normaliseDate(s: string): string | null {
  if (typeof s !== 'string') return null;
  let t = s.trim();
  if (t.length < 6 || t.length > 80) return null;
  let m = ISO_RE.exec(t);
  if (m) return build(+m[1], +m[2], +m[3], num(m[4]), num(m[5]), num(m[6]), m[7]);
  m = COMPACT_RE.exec(t);
  if (m) return build(+m[1], +m[2], +m[3], num(m[4]), num(m[5]), num(m[6]), m[7]);
  if (EPOCH_RE.test(t)) {
    const ms = t.length === 13 ? Number(t) : Number(t) * 1000;
    const d = new Date(ms);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 'Z');
  }
  t = t.replace(WEEKDAY_RE, '');
  m = DMY_RE.exec(t);
  if (m) {
    return build(+m[3], MONTHS[m[2].toLowerCase()], +m[1], hour12(num(m[4]), m[7]), num(m[5]), num(m[6]), m[8]);
  }
  m = MDY_RE.exec(t);
  if (m) {
    return build(+m[3], MONTHS[m[1].toLowerCase()], +m[2], hour12(num(m[4]), m[7]), num(m[5]), num(m[6]), m[8]);
  }
  m = NUMERIC_DMY_RE.exec(t);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    if (a > 12 && b <= 12) return build(+m[3], b, a);
    if (b > 12 && a <= 12) return build(+m[3], a, b);
    if (a === b) return build(+m[3], a, a);
    return null; // 03/04/2024: March or April depends on the writer's country
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Date header: "date 2024-03-28" opening the file, alone on its line or followed by the article.

const HEADER_DATE = `(\\d{4}-\\d{1,2}-\\d{1,2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4})`;
const HEADER_RE = new RegExp(`^[ \\t]*(?:date|published|pubdate)[ \\t]*[:=]?[ \\t]+${HEADER_DATE}(?=\\s|$)\\s*`, 'i');

export interface DateHeader {
  /** The date as written. */
  raw: string;
  /** Normalised, or null when the header's value is not a valid date. */
  value: string | null;
  /** Where the article text starts after the header (and the whitespace after it). */
  end: number;
}

export function findDateHeader(text: string): DateHeader | null {
  const m = HEADER_RE.exec(text);
  if (!m) return null;
  return { raw: m[1], value: normaliseDate(m[1]), end: m[0].length };
}

// ---------------------------------------------------------------------------------------------
// Dateline: "PLACE[, REGION], DATE [(AGENCY)] -|:" at the start of the story.

const PLACE_WORD = "[\\p{Lu}][\\p{L}'’.\\-/]*";
const PLACE = `${PLACE_WORD}(?:[ ]${PLACE_WORD}){0,3}(?:[ ]?,[ ]${PLACE_WORD}(?:[ ]${PLACE_WORD}){0,3})?`;
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?[ ])?';
const DL_DATE =
  `(\\d{1,2}${ORD}\\s+${MONTH}(?:\\s?,?\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}${ORD}(?:\\s?,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;
// "Niamey, 10 December 2021 (TDI): ...", "WASHINGTON, March 3 (Reuters) - ...", "PARIS, Jan. 5, 2024 /PRNewswire/ -- ..."
const DATELINE_RE = new RegExp(
  `^(${PLACE}),[ ]${WEEKDAY}${DL_DATE},?[ ]*(?:\\(([^)\\n]{1,40})\\)[ ]*[:\\-–—/]?|[:\\-–—/])`,
  'u',
);
// Reuters' web form: "MOSCOW | Mon Jul 18, 2011 7:12am EDT MOSCOW (Reuters) - ..."
const PIPE_DATELINE_RE = new RegExp(`^(${PLACE})[ ]\\|[ ]${WEEKDAY}${DL_DATE}(?=[\\s,]|$)`, 'u');
const NO_YEAR_DMY = new RegExp(`^(\\d{1,2})${ORD}\\s+${MONTH}$`, 'i');
const NO_YEAR_MDY = new RegExp(`^${MONTH}\\s+(\\d{1,2})${ORD}$`, 'i');

export interface Dateline {
  /** "Niamey", "WASHINGTON", "KYIV, Ukraine". */
  place: string;
  /** The date as written: "10 December 2021", "March 3". */
  raw: string;
  /** Normalised date when the dateline states a year. */
  value: string | null;
  /** Month and day when the year is missing. */
  monthDay: { month: number; day: number } | null;
  start: number;
  end: number;
}

/** Looks for a dateline at the start of the text or, after a short first paragraph (a title), of the second. */
export function findDateline(text: string): Dateline | null {
  let start = skipSpace(text, 0);
  for (let attempt = 0; attempt < 2; attempt++) {
    const head = text.slice(start, start + 200);
    const m = DATELINE_RE.exec(head) ?? PIPE_DATELINE_RE.exec(head);
    if (m) {
      const raw = m[2].replace(/\s+/g, ' ').replace(/ ,/g, ',');
      let monthDay: Dateline['monthDay'] = null;
      let value = normaliseDate(raw.replace(/(\d)(?:st|nd|rd|th)\b/, '$1'));
      if (!value) {
        const a = NO_YEAR_DMY.exec(raw);
        const b = a ? null : NO_YEAR_MDY.exec(raw);
        if (a) monthDay = { month: MONTHS[a[2].toLowerCase()], day: +a[1] };
        else if (b) monthDay = { month: MONTHS[b[1].toLowerCase()], day: +b[2] };
        if (monthDay && build(2000, monthDay.month, monthDay.day) === null) monthDay = null;
        if (!monthDay) value = null;
      }
      if (value || monthDay) return { place: m[1], raw, value, monthDay, start, end: start + m[0].length };
    }
    // Only a short first paragraph (title, byline) may stand before the dateline.
    const para = text.indexOf('\n\n', start);
    if (para === -1 || para - start > 150) break;
    start = skipSpace(text, para);
  }
  return null;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xfeff)) i++;
  return i;
}

/**
 * Places a month and day in the year that brings it closest to a reference date (a dateline "March 3"
 * with --published 2024-03-05 is 2024-03-03; "December 30" with 2024-01-02 is 2023-12-30).
 */
export function closestYear(monthDay: { month: number; day: number }, reference: string): string | null {
  const ry = +reference.slice(0, 4);
  const ref = Date.UTC(ry, +reference.slice(5, 7) - 1, +reference.slice(8, 10));
  let best: string | null = null;
  let bestDist = Infinity;
  for (const y of [ry - 1, ry, ry + 1]) {
    const iso = build(y, monthDay.month, monthDay.day);
    if (!iso) continue;
    const dist = Math.abs(Date.UTC(y, monthDay.month - 1, monthDay.day) - ref);
    if (dist < bestDist) {
      best = iso;
      bestDist = dist;
    }
  }
  return best;
}
