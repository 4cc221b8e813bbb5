// The TIMES stage: temporal expressions normalised against the published date (TIMEX3 values).
// Order: (1) dyad's rule scanner (rules.ts) walks the tokens once, one hash look-up per token, and
// marks small windows for chrono; (2) chrono-node reads calendar dates and clock times in those
// windows (chrono.ts); (3) overlaps are resolved: the longest span wins, then our rules; dates that name a
// movement ("the February 25 Movement") are dropped; (4) refiners use the neighbourhood: a relative day
// takes an editor's bracketed date ("yesterday [5 July]"), a clock time joins or takes the day named beside
// it, "the quarter" is the quarter the story named, "a year earlier" / "the year-ago quarter" become the
// compared period one year back, and anaphoric expressions ("the next day", "later that year", "three days
// later", "overnight") count from the latest date of that precision the story named before them.
import type { Doc, Sentence, Stage, TimeExpr, Token } from '../../core/types.js';
import { segment, tokenIndexAt, tokenize } from '../segment/segment.js';
import type { Candidate } from './candidate.js';
import { addDays, addMonths, compareYmd, fmtDate, fmtMonth, fmtWeek, fmtYear, isoWeekMonday, isValidDate, parseIsoDate, quarterOf, resolveWeekday, type Ymd } from './calendar.js';
import { chronoCandidates } from './chrono.js';
import { namedDays } from './named-days.js';
import { RuleScanner } from './rules.js';

/** Finds and normalises the time expressions of a text. `published` is the reference date (ISO) or null. */
export function findTimes(text: string, published: string | null, sentences?: Sentence[]): TimeExpr[] {
  if (!sentences) {
    const seg = segment(text);
    return extractTimes(text, published, seg.sentences, seg.tokens);
  }
  return extractTimes(text, published, sentences, tokenize(text));
}

export const timesStage: Stage = {
  name: 'times',
  process(doc: Doc) {
    doc.times = extractTimes(doc.text, doc.published, doc.sentences, doc.tokens);
  },
};

/** The stage's work on an already tokenised text (tokens and sentences from the segmenter). */
export function extractTimes(text: string, published: string | null, sentences: Sentence[], tokens: Token[]): TimeExpr[] {
  const ref = parseIsoDate(published);
  const scanner = new RuleScanner(text, tokens, ref);
  for (const s of sentences) scanner.scanSentence(s.tokenStart, s.tokenEnd, s.index);
  const lookup = {
    tokens,
    range: (i: number): [number, number] => [sentences[i].tokenStart, sentences[i].tokenEnd],
    tokenAt: (offset: number) => tokenIndexAt(tokens, offset),
  };
  const all = scanner.out.concat(chronoCandidates(text, scanner.chronoWindows, ref, lookup), namedDayForms(text, ref, sentences));
  const kept = weekOf(text, mergeDateAndClock(text, dropNames(text, resolveOverlaps(all))));
  refineNamedDays(text, kept, ref);
  refineDayBeside(text, kept);
  refineBracketed(text, kept);
  refineClockDates(kept);
  refinePeriodRefs(text, kept);
  refineComparedPeriods(kept, scanner.figureSentences);
  return refineAnaphora(kept).map(toTimeExpr(text));
}


/** Words after a date that make it part of a name: "the February 25 Movement", "the 14 March Alliance". */
const NAME_AFTER = /^\s+(?:youth\s+)?(?:movement|alliance|coalition|front|brigades?|battalion|group|party|manifesto|revolution)\b/i;

/** Words before a date that make it part of a name: "the Movement of January 25th", "the Revolution of 14 July". */
const NAME_BEFORE = /\b(?:movement|alliance|coalition|front|brigades?|revolution|martyrs)\s+of\s+(?:the\s+)?$/i;

/** Drops day-and-month dates that name a movement or an alliance rather than a time. */
function dropNames(text: string, cands: Candidate[]): Candidate[] {
  return cands.filter((c) => !(c.certain.includes('day') && c.certain.includes('month') && !c.certain.includes('year') && (NAME_AFTER.test(text.slice(c.end, c.end + 30)) || NAME_BEFORE.test(text.slice(Math.max(0, c.start - 30), c.start)))));
}

const WEEK_OF = /\b(?:the\s+)?week\s+of\s+$/i;

/** "the week of March 6": the ISO week of that day, over the whole phrase (a "the week" read alone goes). */
function weekOf(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const m = c.type === 'DATE' && c.certain.includes('day') ? WEEK_OF.exec(text.slice(Math.max(0, c.start - 16), c.start)) : null;
    const day = m ? parseIsoDate(c.value) : null;
    if (m && day && /^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
      const from = c.start - m[0].length;
      while (out.length && out[out.length - 1].end > from) out.pop();
      out.push({ ...c, start: from, value: fmtWeek(day), reason: `${c.reason}; the week of that day` });
      continue;
    }
    out.push(c);
  }
  return out;
}

const BRACKET_OPEN = /^\s*[[(]\s*$/;
const BRACKET_CLOSE = /^\s*[\])]/;
const APPOSITION = /^\s*,\s*$/;
const OVERNIGHT_ON = /^\s*(?:on|into|of)?\s*$/i;

function dayOf(value: string): number | null {
  const m = DAY_PREFIX.exec(value);
  return m ? Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000) : null;
}

/**
 * A relative day that the text spells out beside it takes the spelled-out date: an editor's bracket
 * ("yesterday [5 July]"), an apposition ("last night, Friday 25 March", within two days of the relative
 * reading, which may count from another report date), or "overnight on Wednesday".
 */
function refineBracketed(text: string, cands: Candidate[]): void {
  for (let i = 0; i + 1 < cands.length; i++) {
    const x = cands[i];
    const y = cands[i + 1];
    if (x.type !== 'DATE' && x.type !== 'TIME' || x.sentence !== y.sentence || !DAY_VALUE.test(y.value.slice(0, 10))) continue;
    const gap = text.slice(x.end, y.start);
    const suffix = /T.*$/.exec(x.value)?.[0] ?? '';
    let why = '';
    if (y.certain.includes('day') && BRACKET_OPEN.test(gap) && BRACKET_CLOSE.test(text.slice(y.end, y.end + 3))) why = 'date given in brackets';
    else if (y.certain.includes('day') && x.certain.length === 0 && APPOSITION.test(gap)) {
      const dx = dayOf(x.value);
      const dy = dayOf(y.value);
      if (dx !== null && dy !== null && Math.abs(dx - dy) <= 2) why = 'date given beside it';
    } else if (x.anaphor?.nightBefore && OVERNIGHT_ON.test(gap)) why = 'the night of the day named';
    if (!why) continue;
    x.value = y.value.slice(0, 10) + suffix;
    x.reason += `; ${why}`;
    delete x.anaphor;
  }
}

/** Keeps non-overlapping candidates: the longer span wins, then the higher priority, then the earlier. */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  const ranked = cands
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const DAY_VALUE = /^(?:\d{4}|XXXX)-\d{2}-\d{2}$/;
/** The day of a DATE or TIME value ("2000-04-06", "2000-04-06T04:00"). */
const DAY_OF_VALUE = /^((?:\d{4}|XXXX)-\d{2}-\d{2})(?:T|$)/;
const JOINER = /^\s*(?:,|on|at|of)?\s*$/i;

/** "noon Thursday", "Friday at midnight": a clock time and the day beside it become one TIME. */
function mergeDateAndClock(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const x = cands[i];
    const y = cands[i + 1];
    if (y && x.sentence === y.sentence && JOINER.test(text.slice(x.end, y.start))) {
      const clock = x.impliedDate && x.timeSuffix ? x : y.impliedDate && y.timeSuffix ? y : null;
      const day = clock === x ? y : x;
      if (clock && day !== clock && day.type === 'DATE' && DAY_VALUE.test(day.value)) {
        out.push({
          ...clock,
          start: x.start,
          end: y.end,
          value: day.value + clock.timeSuffix,
          impliedDate: false,
          certain: [...day.certain, 'time'],
          reason: `${day.reason} + ${clock.reason}`,
        });
        i++;
        continue;
      }
    }
    out.push(x);
  }
  return out;
}

/** The day a named day's year gives it, when the story is told after it. */
function namedDayValue(year: number, month: number, day: number, ref: Ymd | null): string | null {
  const d = { y: year, m: month, d: day };
  return ref && compareYmd(d, ref) < 0 ? fmtDate(d) : null;
}

/** "after 9/11", "since 7/7": a written form that names a well-known day alone. */
function namedDayForms(text: string, ref: Ymd | null, sentences: Sentence[]): Candidate[] {
  const out: Candidate[] = [];
  for (const n of namedDays()) {
    for (const form of n.forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        const end = at + form.length;
        if (/[\d/]/.test(text[at - 1] ?? '') || /[\d/]/.test(text[end] ?? '')) continue;
        const value = namedDayValue(n.year, n.month, n.day, ref);
        if (!value) continue;
        const sentence = sentences.findIndex((x) => x.start <= at && at < x.end);
        out.push({ start: at, end, type: 'DATE', value, certain: ['year', 'month', 'day'], sentence: Math.max(0, sentence), reason: `named day: ${n.what}`, priority: 3 });
      }
    }
  }
  return out;
}

/** "the September 11 attacks", "the Jan. 6 attack": a day and month that name a well-known day take its year. */
function refineNamedDays(text: string, cands: Candidate[], ref: Ymd | null): void {
  for (const c of cands) {
    if (c.type !== 'DATE' || c.certain.includes('year') || !c.certain.includes('day')) continue;
    const m = DAY_PREFIX.exec(c.value);
    const next = /^\s+([A-Za-z]+)/.exec(text.slice(c.end, c.end + 30));
    if (!m || !next) continue;
    const word = next[1].toLowerCase();
    const n = namedDays().find((x) => x.month === +m[2] && x.day === +m[3] && x.nouns.has(word));
    const value = n && namedDayValue(n.year, n.month, n.day, ref);
    if (!n || !value || value === c.value) continue;
    c.value = value;
    c.reason += `; named day: ${n.what}`;
  }
}

const DAY_BESIDE = /\b(?:the\s+)?day\s+(before|after)\s+$/i;

/** "the day before last Tuesday's hearing", "the day after Christmas": one day off the date named. */
function refineDayBeside(text: string, cands: Candidate[]): void {
  for (const c of cands) {
    if (c.type !== 'DATE' || !DAY_VALUE.test(c.value) || c.value.startsWith('XXXX')) continue;
    const m = DAY_BESIDE.exec(text.slice(Math.max(0, c.start - 20), c.start));
    if (!m) continue;
    const d = parseIsoDate(c.value)!;
    c.value = fmtDate(addDays(d, m[1].toLowerCase() === 'before' ? -1 : 1));
    c.start -= m[0].length;
    c.reason += `; the day ${m[1].toLowerCase()} it`;
    delete c.anaphor;
  }
}

/** "on Thursday ... at 3 p.m.": a clock time with no date of its own takes the day named in its sentence. */
function refineClockDates(cands: Candidate[]): void {
  for (const c of cands) {
    if (!c.impliedDate || !c.timeSuffix) continue;
    let best: Candidate | null = null;
    for (const d of cands) {
      if (d.sentence !== c.sentence || d === c || !DAY_OF_VALUE.test(d.value)) continue;
      if (!best || Math.abs(d.start - c.start) < Math.abs(best.start - c.start)) best = d;
    }
    if (best) {
      c.value = DAY_OF_VALUE.exec(best.value)![1] + c.timeSuffix;
      c.reason += '; date from the same sentence';
    } else {
      // "He was shot at 10 p.m. as he stood in his kitchen": the day the story is telling, if it named one
      c.anaphor = { unit: 'D', shift: 0, suffix: c.timeSuffix };
    }
  }
}

const QUARTER_VALUE = /^(\d{4})-(Q[1-4]|H[12])$/;
const MONTH_VALUE = /^(\d{4})-(\d{2})$/;

/**
 * "the quarter", "the latest period": the last quarter the story named before (a fiscal quarter keeps the
 * story's numbering, as TimeML does); with none named, the quarter that ends on the day named right after it
 * ("the quarter ended Sept. 30"), taken as the calendar quarter whose end is nearest.
 */
function refinePeriodRefs(text: string, cands: Candidate[]): void {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (!c.periodRef) continue;
    let named = false;
    for (let j = i - 1; j >= 0; j--) {
      const d = cands[j];
      if (d.comparePeriod || d.type !== 'DATE' || !/^\d{4}-Q[1-4]$/.test(d.value)) continue;
      named = true;
      if (d.value !== c.value) {
        c.value = d.value;
        c.reason += '; the quarter the story named before';
      }
      break;
    }
    const end = cands[i + 1];
    const endDay = end && DAY_PREFIX.exec(end.value);
    if (!named && endDay && /^\s+(?:ended|ending|that\s+ended)\s+$/i.test(text.slice(c.end, end.start))) {
      const nearest = nearestQuarter(+endDay[1], +endDay[2], +endDay[3]);
      if (nearest !== c.value) {
        c.value = nearest;
        c.reason += '; the quarter ending on the day named';
      }
    }
  }
}

/** The calendar quarter whose last day is nearest to the given day: a fiscal quarter ending July 31 is 2nd. */
function nearestQuarter(y: number, m: number, d: number): string {
  const t = Date.UTC(y, m - 1, d);
  let best = '';
  let bestGap = Infinity;
  for (const [qy, q] of [[y - 1, 4], [y, 1], [y, 2], [y, 3], [y, 4]]) {
    const gap = Math.abs(Date.UTC(qy, q * 3, 0) - t);
    if (gap < bestGap) {
      bestGap = gap;
      best = `${String(qy).padStart(4, '0')}-Q${q}`;
    }
  }
  return best;
}

/**
 * "Profit rose in the third quarter from a year earlier", "in the year-ago quarter", "the 1988 period":
 * the same period as the one under discussion, in another year. The period is a quarter, half or month
 * in the same sentence, or else a quarter or half in the two sentences before; in a sentence comparing
 * figures ("$3.1 million, from $2.8 million a year earlier"), the last quarter or half the story named.
 */
function refineComparedPeriods(cands: Candidate[], figureSentences: Set<number>): void {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (!c.comparePeriod || !/^\d{4}$/.test(c.value)) continue;
    const figures = figureSentences.has(c.sentence);
    // Comparing figures, "a year earlier" is the report's own period shifted, not a date in the story.
    if (figures) delete c.anaphor;
    let period: RegExpExecArray | null = null;
    for (const d of cands) {
      if (d === c || d.sentence !== c.sentence || d.comparePeriod || d.type !== 'DATE') continue;
      period = QUARTER_VALUE.exec(d.value) ?? MONTH_VALUE.exec(d.value);
      if (period) break;
    }
    const reach = figures ? -1 : c.sentence - 2;
    for (let j = i - 1; !period && j >= 0 && cands[j].sentence >= reach; j--) {
      if (!cands[j].comparePeriod && cands[j].type === 'DATE') period = QUARTER_VALUE.exec(cands[j].value);
    }
    if (!period) continue;
    const y = c.comparePeriod.year ?? +period[1] + (c.comparePeriod.yearShift ?? 0);
    c.value = `${String(y).padStart(4, '0')}-${period[2]}`;
    c.reason += '; same period as the one compared';
    delete c.anaphor;
  }
}

const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const MONTH_PREFIX = /^(\d{4})-(\d{2})(?!\d)/;
const WEEK_VALUE = /^(\d{4})-W(\d{2})/;
const YEAR_PREFIX = /^(\d{4})(?:$|-)/;

/** The latest date the story has named, at each precision, while reading it in order. */
interface StoryTime {
  day: Ymd | null;
  /** Sentence of the latest day named. */
  daySentence: number;
  month: Ymd | null;
  week: Ymd | null;
  year: number | null;
  quarter: { y: number; q: number } | null;
}

function noteStoryTime(t: StoryTime, value: string, sentence: number): void {
  let m = DAY_PREFIX.exec(value);
  if (m) {
    const d = { y: +m[1], m: +m[2], d: +m[3] };
    t.day = d;
    t.daySentence = sentence;
    t.week = d;
    t.month = d;
    t.year = d.y;
    t.quarter = { y: d.y, q: quarterOf(d.m) };
    return;
  }
  m = MONTH_PREFIX.exec(value);
  if (m) {
    t.month = { y: +m[1], m: +m[2], d: 1 };
    t.year = +m[1];
    t.quarter = { y: +m[1], q: quarterOf(+m[2]) };
    return;
  }
  m = WEEK_VALUE.exec(value);
  if (m) {
    t.week = isoWeekMonday(+m[1], +m[2]);
    t.year = +m[1];
    return;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    t.quarter = { y: +m[1], q: +m[2] };
    t.year = +m[1];
    return;
  }
  m = YEAR_PREFIX.exec(value);
  if (m) t.year = +m[1];
}

/** The value of an anaphoric expression counted from the story's time, or null without an antecedent. */
function fromStoryTime(t: StoryTime, a: NonNullable<Candidate['anaphor']>): string | null {
  switch (a.unit) {
    case 'D':
      if (!t.day) return null;
      if (a.weekdayBefore) return fmtDate(resolveWeekday(t.day, a.weekdayBefore, 'past', false)) + (a.suffix ?? '');
      return fmtDate(addDays(t.day, a.shift)) + (a.suffix ?? '');
    case 'W': return t.week ? fmtWeek(addDays(t.week, 7 * a.shift)) : null;
    case 'M': {
      if (!t.month) return null;
      const x = addMonths({ ...t.month, d: 1 }, a.shift);
      if (a.day) {
        let v = isValidDate(x.y, x.m, a.day) ? fmtDate({ ...x, d: a.day }) : null;
        if (v && a.notAfter && v > a.notAfter) {
          const p = addMonths(x, -1);
          v = isValidDate(p.y, p.m, a.day) ? fmtDate({ ...p, d: a.day }) : null;
        }
        return v;
      }
      return fmtMonth(x.y, x.m);
    }
    case 'Q': {
      if (!t.quarter) return null;
      const idx = t.quarter.y * 4 + t.quarter.q - 1 + a.shift;
      return `${fmtYear(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`;
    }
    case 'Y': return t.year !== null ? fmtYear(t.year + a.shift) : null;
    default: return null;
  }
}

/**
 * "the next day", "later that year", "three days later": counted from the latest date of that precision
 * the story named before (a narrative's reference time), else left as read from the published date.
 */
function refineAnaphora(cands: Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  const story: StoryTime = { day: null, daySentence: -1, month: null, week: null, year: null, quarter: null };
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.anaphor?.nightBefore && !(story.day && story.daySentence === c.sentence)) {
      // No day named before it in its sentence: a day named after it closes the night.
      const later = cands.slice(i + 1).find((d) => d.sentence === c.sentence && (d.type === 'DATE' || d.type === 'TIME') && DAY_PREFIX.test(d.value));
      const m = later && DAY_PREFIX.exec(later.value);
      if (m) {
        c.value = fmtDate(addDays({ y: +m[1], m: +m[2], d: +m[3] }, -1)) + (c.anaphor.suffix ?? '');
        c.reason += '; the night before the day named after it';
        continue;
      }
    }
    if (c.anaphor) {
      const v = fromStoryTime(story, c.anaphor);
      if (v) {
        c.value = v;
        c.reason += '; counted from the date the story named before';
      } else if (c.needsAntecedent) {
        dropped.add(c);
        continue;
      }
    }
    if (c.type === 'DATE' || c.type === 'TIME') noteStoryTime(story, c.value, c.sentence);
  }
  return dropped.size ? cands.filter((c) => !dropped.has(c)) : cands;
}

function toTimeExpr(text: string) {
  return (c: Candidate): TimeExpr => {
    const t: TimeExpr = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: c.type,
      value: c.value,
      certain: c.certain,
      sentence: c.sentence,
      reason: c.reason,
    };
    if (c.direction) t.direction = c.direction;
    if (c.anchor) t.anchor = c.anchor;
    return t;
  };
}
