// Does an ACLED note state its event's day? Read from the gold event_date, never from dyad's output, so the
// date scores (eval/acled.ts, eval/acled-dates.ts) count only notes a reader could date: a note that names
// only other days ("protested for the elections set for 7 February", "held since 21 July") says nothing of
// when its event happened. A day inside a stated range ("5-10 Jul", "between April 26 and 28") is one day of
// a multi-day event that ACLED splits into a row per day; dyad's one event for the note is right when its
// date lies in that range.

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ORD = '(?:st|nd|rd|th)?';
const RANGE_LINK = '\\s*(?:-|–|and|to|through|until|till)\\s*';

/** Where a note states the day `iso` (YYYY-MM-DD): as a day, inside a range of days (first and last day), or not. */
export type StatedDay = { kind: 'day' } | { kind: 'range'; first: string; last: string } | null;

/**
 * Does the note state the event's day? A day inside or at the end of a stated range of days of its month
 * ("11-12 March", "July 28-29", "between April 26 and 28"), or its weekday in a run of weekdays ("on Friday and
 * Saturday"), is a range; else its day of the month beside its
 * month name, or its weekday name, is a day. Read from the gold date, not from dyad's output.
 */
export function statedEventDay(notes: string, iso: string): StatedDay {
  const [y, m, d] = iso.split('-').map(Number);
  const full = MONTH_NAMES[m - 1];
  const month = `(?:${full}|${full.slice(0, 3)}${m === 9 ? 't?' : ''}\\.?)(?![a-z])`;
  const text = notes.toLowerCase();
  const day = `(\\d{1,2})${ORD}`;
  const ranges = [
    new RegExp(`\\b${day}${RANGE_LINK}${day}\\s+(?:of\\s+)?${month}`, 'g'),
    new RegExp(`\\b${month}\\s+${day}${RANGE_LINK}(?:${month}\\s+)?${day}\\b`, 'g'),
  ];
  // "30 and 31 October 2014" in a 2016 note names another year's days.
  const otherYear = (end: number) => {
    const yy = /^,?\s*(\d{4})\b/.exec(text.slice(end, end + 8));
    return !!yy && Number(yy[1]) !== y;
  };
  for (const re of ranges) {
    for (const x of text.matchAll(re)) {
      const a = Number(x[1]);
      const b = Number(x[2]);
      if (a < b && a <= d && d <= b && !otherYear(x.index + x[0].length)) {
        const ym = iso.slice(0, 8);
        return { kind: 'range', first: ym + String(a).padStart(2, '0'), last: ym + String(b).padStart(2, '0') };
      }
    }
  }
  const weekdays = weekdayRange(text, iso);
  if (weekdays) return weekdays;
  for (const x of text.matchAll(new RegExp(`\\b${d}${ORD}\\s+(?:of\\s+)?${month}|\\b${month}\\s+${d}${ORD}(?!\\d)`, 'g'))) {
    if (!otherYear(x.index + x[0].length)) return { kind: 'day' };
  }
  const weekday = WEEKDAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return new RegExp(`\\b${weekday}\\b`).test(text) ? { kind: 'day' } : null;
}

const WEEKDAY_RUN = new RegExp(
  `\\b(${WEEKDAY_NAMES.join('|')})((?:\\s*(?:,|-|–|and|to|through|until|till)\\s*(?:on\\s+)?(?:${WEEKDAY_NAMES.join('|')})\\b)+)`,
  'g',
);

/** The event's weekday inside a run of weekdays ("on Tuesday and Wednesday", "between Sunday- Tuesday"), as a range. */
function weekdayRange(text: string, iso: string): StatedDay {
  const dayMs = 86_400_000;
  const t = Date.parse(`${iso}T00:00:00Z`);
  const wd = new Date(t).getUTCDay();
  for (const x of text.matchAll(WEEKDAY_RUN)) {
    const names = x[0].match(new RegExp(WEEKDAY_NAMES.join('|'), 'g')) ?? [];
    const idx = names.map((n) => WEEKDAY_NAMES.indexOf(n));
    if (!idx.includes(wd)) continue;
    const back = (wd - idx[0] + 7) % 7;
    const ahead = (idx[idx.length - 1] - wd + 7) % 7;
    const iso10 = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return { kind: 'range', first: iso10(t - back * dayMs), last: iso10(t + ahead * dayMs) };
  }
  return null;
}

/** Is `date` (dyad's event date) the event's day, or within the stated range for a day of a range? */
export function eventDayMatches(date: string | null | undefined, iso: string, stated: StatedDay): boolean {
  if (!date) return false;
  if (stated?.kind === 'range') return date.length === 10 && stated.first <= date && date <= stated.last;
  return date === iso;
}
