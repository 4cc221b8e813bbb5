// chrono-node reads calendar dates with a day number ("10 December 2021", "Dec. 10", "2021-12-10",
// "12/10/2021") and clock times ("3 p.m.", "10:30 GMT"), including their combinations with weekdays.
// It runs only on small windows that the rule scanner marked, and its results are normalised here:
// a missing year or a bare weekday is resolved by the sentence's tense, not by chrono's own guess.
import * as chrono from 'chrono-node';
import type { Token, TimeType } from '../../core/types.js';
import type { Candidate, Component } from './candidate.js';
import { fmtDate, fmtTime, isValidDate, resolveMonthDay, resolveWeekday, type Direction, type Ymd } from './calendar.js';
import { LEADING_PREPOSITIONS, MONTHS } from './lexicon.js';
import { pastVerbBefore, tenseNear } from './tense.js';

/** Prepositions between a past verb and the day it dates ("began on March 15"). */
const DAY_PREPOSITIONS = new Set(['on', 'in', 'at', 'during']);

// Only the parsers for forms the rule scanner leaves to chrono. Relative and casual forms ("last
// week", "now", "Friday morning") are ours, so they are not parsed twice with other conventions.
const KEEP_PARSERS = new Set([
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENTimeExpressionParser',
]);

const parser = chrono.casual.clone();
parser.parsers = parser.parsers.filter((p) => KEEP_PARSERS.has(p.constructor.name));
if (parser.parsers.length < 5) {
  // A chrono upgrade renamed its parsers: fall back to the strict configuration rather than lose dates.
  parser.parsers = chrono.strict.clone().parsers;
}

const CHRONO_INSTANT = { instant: new Date(Date.UTC(2000, 2, 1, 12)), timezone: 0 };

const CLOCK_TEXT = /\d[:.]\d\d|\d\s*(?:[ap]\.?m\b|[ap]\.m\.)|o'clock|\b(?:GMT|UTC)\b|noon|midnight/i;
const WORD = /[A-Za-z]+/g;
const UTC_TEXT = /\b(?:UTC|GMT)\b(?!\s*[+-]\s*\d)/;
const BARE_SLASH = /^\d{1,2}\/\d{1,2}$/;
const SLASH_FRACTION = /^\d+\s+\d{1,2}\/\d{1,2}\b|^\d{1,2}\/\d{1,2}\s/;

interface SentenceLookup {
  tokens: Token[];
  /** Token range of a sentence by index. */
  range(sentence: number): [number, number];
  /** Index of the first token starting at or after a character offset. */
  tokenAt(offset: number): number;
}

/** Runs chrono over the marked windows and turns its results into candidates. */
export function chronoCandidates(
  text: string,
  windows: Array<[number, number, number]>,
  ref: Ymd | null,
  lookup: SentenceLookup,
): Candidate[] {
  const out: Candidate[] = [];
  if (windows.length === 0) return out;
  windows.sort((x, y) => x[0] - y[0]);
  // Merge overlapping windows of the same sentence.
  const merged: Array<[number, number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1] && w[2] === last[2]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1], w[2]]);
  }
  // chrono's own reference only decides which implied year it validates a date against; we resolve
  // years ourselves, so a fixed day just after a leap day keeps "February 29" valid whatever the year.
  const instant = CHRONO_INSTANT;
  for (const [from, to, sentence] of merged) {
    const slice = text.slice(from, to);
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(slice, instant);
    } catch {
      continue;
    }
    for (const r of results) {
      const c = convert(r, from, sentence, ref, lookup);
      if (!c) continue;
      out.push(...c);
      const second = secondDay(text, c[c.length - 1]);
      if (second) out.push(second);
    }
  }
  return out;
}

/** "and 25" after a date, ending the clause: "on April 24 and 25." */
const SECOND_DAY = /^\s*(?:and|or|&)\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?=\s*(?:[.,;:)]|$|\s(?:in|at|when|while|as|with|respectively)\b))/;

/** The second day of "April 24 and 25": TimeML marks it as a date of its own, in the first one's month. */
function secondDay(text: string, c: Candidate): Candidate | null {
  if (c.type !== 'DATE' || !c.certain.includes('day') || !c.certain.includes('month')) return null;
  const m = SECOND_DAY.exec(text.slice(c.end, c.end + 16));
  const first = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(c.value);
  if (!m || !first || +m[1] <= +first[3]) return null;
  if (first[1] !== 'XXXX' && !isValidDate(+first[1], +first[2], +m[1])) return null;
  const from = c.end + m[0].lastIndexOf(m[1]);
  // "June 3 and 4, 1989": the year after the pair is both days' year.
  const year = /^\s*,\s*(\d{4})\b/.exec(text.slice(c.end + m[0].length, c.end + m[0].length + 8));
  if (year && !c.certain.includes('year')) {
    if (!isValidDate(+year[1], +first[2], +first[3]) || !isValidDate(+year[1], +first[2], +m[1])) return null;
    c.value = `${year[1]}-${first[2]}-${first[3]}`;
    c.certain = ['year', ...c.certain];
  }
  const y = year ? year[1] : first[1];
  return {
    ...c,
    start: from,
    end: c.end + m[0].length + (year ? year[0].length : 0),
    value: `${y}-${first[2]}-${m[1].padStart(2, '0')}`,
    reason: `${c.reason.split(';')[0]}; second day of a pair`,
  };
}

function convert(r: chrono.ParsedResult, base: number, sentence: number, ref: Ymd | null, lookup: SentenceLookup): Candidate[] | null {
  let txt = r.text;
  let start = base + r.index;
  // TIMEX3 extents leave out the preposition chrono keeps ("on Dec. 10" -> "Dec. 10").
  for (let m = LEADING_PREPOSITIONS.exec(txt); m; m = LEADING_PREPOSITIONS.exec(txt)) {
    txt = txt.slice(m[0].length);
    start += m[0].length;
  }
  // Trailing spaces and punctuation ("August 11 ", "Thursday)") are not part of the expression.
  txt = txt.replace(/[\s,;:()]+$/, '');
  // Month words must be capitalised ("they may 10 times" is not May 10).
  for (const w of txt.match(WORD) ?? []) {
    if (MONTHS.has(w.toLowerCase()) && w[0] !== w[0].toUpperCase()) return null;
  }
  if (BARE_SLASH.test(txt) || SLASH_FRACTION.test(txt)) return null; // "24/7", "9/11" without a year, "4 5/8"
  const s = r.start;
  // "at 12" alone is not a clock time ("9 to 11 a.m." is: the cue may follow the range).
  const hasDay = s.isCertain('day');
  const hasHour = s.isCertain('hour') && CLOCK_TEXT.test(txt);
  // A range "Dec 10 to Dec 12" or "10-12 December": keep both ends as separate expressions.
  let endPart: { start: number; text: string } | null = null;
  if (r.end) {
    const sep = /\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*/.exec(txt);
    if (sep && sep.index > 0) {
      endPart = { start: start + sep.index + sep[0].length, text: txt.slice(sep.index + sep[0].length) };
      txt = txt.slice(0, sep.index).replace(/[\s,;:]+$/, '');
    }
  }
  const tokFrom = lookup.tokenAt(start);
  const [sFrom, sTo] = lookup.range(sentence);
  let tense: 'past' | 'future' | 'strong-past' | null = tenseNear(lookup.tokens, sFrom, sTo, tokFrom, lookup.tokenAt(start + txt.length));
  // "the uprising began on March 15" (told in February): a past verb right before the date rules out the coming one
  if (pastVerbBefore(lookup.tokens, sFrom, tokFrom, DAY_PREPOSITIONS)) tense = 'strong-past';
  const result: Candidate[] = [];
  // Bare weekdays and months are the rule scanner's, but the far end of a range from a bare weekday is
  // still a date ("due to expire Thursday, to Nov. 6").
  const main = hasDay || hasHour ? build(s, txt, start, sentence, ref, tense ?? null) : null;
  if (main) result.push(main);
  else if (hasDay || hasHour || !s.isCertain('weekday')) return null;
  if (endPart && r.end && /\d/.test(endPart.text)) {
    const e = build(r.end, endPart.text, endPart.start, sentence, ref, tense ?? null);
    if (e) result.push(e);
  }
  return result.length ? result : null;
}

function build(
  s: chrono.ParsedComponents,
  txt: string,
  start: number,
  sentence: number,
  ref: Ymd | null,
  tense: 'past' | 'future' | 'strong-past' | null,
): Candidate | null {
  const certain: Component[] = [];
  const hasDay = s.isCertain('day');
  const hasMonth = s.isCertain('month');
  const hasYear = s.isCertain('year');
  const hasWeekday = s.isCertain('weekday');
  const hasHour = s.isCertain('hour') && CLOCK_TEXT.test(txt);
  const dir: Direction = tense === 'strong-past' ? 'past' : tense === 'past' ? 'recent' : tense ?? 'nearest';
  let date: string | null = null;
  let reason = 'chrono';
  let impliedDate = false;
  if (hasDay && hasMonth) {
    const month = s.get('month')!;
    const day = s.get('day')!;
    certain.push('month', 'day');
    if (hasYear) {
      const y = s.get('year')!;
      if (!isValidDate(y, month, day)) return null;
      certain.unshift('year');
      date = fmtDate({ y, m: month, d: day });
      reason = 'chrono: full date';
    } else if (ref) {
      const t = resolveMonthDay(ref, month, day, dir);
      if (!t) return null;
      date = fmtDate(t);
      reason = `chrono: day and month, year by ${tense === 'strong-past' ? 'the past verb before it' : tense ? tense + ' tense' : 'nearest'}`;
    } else {
      if (!isValidDate(2000, month, day)) return null;
      date = `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      reason = 'chrono: day and month, no reference';
    }
  } else if (hasWeekday && !hasDay) {
    const wd = s.get('weekday')!;
    const iso = wd === 0 ? 7 : wd;
    date = ref ? fmtDate(resolveWeekday(ref, iso, dir)) : `XXXX-WXX-${iso}`;
    reason = 'chrono: weekday';
  } else if (hasHour) {
    impliedDate = true;
    date = ref ? fmtDate(ref) : 'XXXX-XX-XX';
    reason = 'chrono: clock time';
  } else {
    return null;
  }
  let type: TimeType = 'DATE';
  let value = date;
  let timeSuffix: string | undefined;
  if (hasHour) {
    const h = s.get('hour')!;
    const min = s.get('minute') ?? 0;
    // "08:30 UTC", "0735 GMT": ISO 8601 marks universal time with Z.
    timeSuffix = `T${fmtTime(h, min)}${UTC_TEXT.test(txt) ? 'Z' : ''}`;
    value = date + timeSuffix;
    type = 'TIME';
    certain.push('time');
  }
  return {
    start,
    end: start + txt.length,
    type,
    value,
    certain,
    sentence,
    reason,
    priority: 1,
    impliedDate,
    timeSuffix,
  };
}
