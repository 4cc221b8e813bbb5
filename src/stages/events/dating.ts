// When an event happened: the time expression that governs it in its sentence, else the article's
// published date. Report time (published) and event time are kept apart: date_from says which one it is.
import type { DatePrecision, TimeExpr } from '../../core/types.js';

export interface EventDate {
  date: string | null;
  precision: DatePrecision;
  from: 'text' | 'published' | 'none';
  time: TimeExpr | null;
}

/** ISO week value (2021-W48) -> the month holding that week's Thursday, as the ISO rules place it. */
function weekToMonth(value: string): string | null {
  const m = /^(\d{4})-W(\d{2})/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const thursday = new Date(jan4.getTime() + ((week - 1) * 7 + (4 - (jan4.getUTCDay() || 7))) * 86400000);
  return thursday.toISOString().slice(0, 7);
}

/** A calendar date and its precision from a TIMEX3 value, or null when the value is not a calendar date. */
export function calendarDate(value: string): { date: string; precision: DatePrecision } | null {
  let m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (m) return { date: m[1], precision: 'day' };
  const week = weekToMonth(value);
  if (week) return { date: week, precision: 'month' };
  m = /^(\d{4}-\d{2})$/.exec(value);
  if (m) return { date: m[1], precision: 'month' };
  m = /^(\d{4})(?:-(?:Q\d|H\d|SP|SU|FA|WI))?$/.exec(value);
  if (m) return { date: m[1], precision: 'year' };
  return null;
}

export function publishedDate(published: string | null): EventDate {
  if (!published) return { date: null, precision: 'unknown', from: 'none', time: null };
  const cal = calendarDate(published.slice(0, 10));
  return cal ? { ...cal, from: 'published', time: null } : { date: null, precision: 'unknown', from: 'none', time: null };
}

/**
 * The governing time: among the sentence's DATE/TIME expressions, the nearest to the event phrase,
 * preferring one after it in the same stretch ("established relations in 1960").
 */
export function dateEvent(times: TimeExpr[], triggerStart: number, triggerEnd: number, published: string | null): EventDate {
  let best: TimeExpr | null = null;
  let bestDist = Infinity;
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (t.value === 'PRESENT_REF') continue;
    if (!calendarDate(t.value)) continue;
    const dist = t.start >= triggerEnd ? t.start - triggerEnd : triggerStart - t.end + 5;
    if (dist < bestDist) {
      best = t;
      bestDist = dist;
    }
  }
  if (best) {
    const cal = calendarDate(best.value)!;
    return { ...cal, from: 'text', time: best };
  }
  return publishedDate(published);
}

/** The event date lies well before publication: background, not news. */
export function isHistorical(d: EventDate, published: string | null): boolean {
  if (d.from !== 'text' || !d.date || !published) return false;
  const pubYear = Number(published.slice(0, 4));
  const year = Number(d.date.slice(0, 4));
  return pubYear - year >= 2;
}

/** The event date lies after publication: announced or planned. */
export function isAfter(d: EventDate, published: string | null): boolean {
  if (d.from !== 'text' || !d.date || !published) return false;
  return d.date > published.slice(0, d.date.length);
}
