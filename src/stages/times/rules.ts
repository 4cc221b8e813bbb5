// dyad's own parsers: one small function per surface form, each fired from a trigger token found by
// a hash look-up, reading its neighbours by token index. They cover what chrono-node does not model
// (durations, sets, quarters, seasons, decades, fuzzy references) and the forms whose reading needs
// the sentence's tense (bare weekdays and months). Calendar dates with a day number and clock times
// are left to chrono (see chrono.ts); this file only marks where chrono should look.
import type { Token, TimeType } from '../../core/types.js';
import type { Candidate, Component } from './candidate.js';
import {
  addDays, addMonths, easter, fmtDate, fmtMonth, fmtWeek, fmtYear, isoWeekday, isValidDate, nthWeekday, quarterOf,
  resolveMonth, resolveMonthDay, resolveWeekday, resolveYearly,
  type Direction, type Ymd,
} from './calendar.js';
import {
  AMBIGUOUS_MONTHS, APPROX_ONE, APPROX_TWO, COUNT_FOLLOWERS, FREQUENCY_ADVERBS, FUTURE_DETERMINERS, FUZZY_WORDS,
  MONTHS, NOT_PLURAL_NOUNS, NUMBER_WORDS, ORDINALS, PART_OF_DAY, PAST_DETERMINERS, PLURAL_UNITS, SEASONS,
  SEASON_START, UNITS, VAGUE_QUANTITY, WEEKDAYS, WEEKDAY_NAME_PREFIX, WEEKDAY_NAME_SUFFIX, YEAR_PREPOSITIONS,
  type Unit,
} from './lexicon.js';
import { pastVerbAt, pastVerbBefore, tenseNear, type Tense } from './tense.js';

const DIGITS = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const DAY_NUMBER = /^(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/;
const DECADE = /^(\d{3})0s$/;
const SHORT_DECADE = /^(\d)0s$/;

/** Words that make a following four-digit number an identifier or an amount, not a year ("Resolution 1973"). */
const NOT_YEAR_PREFIX = new Set([
  'resolution', 'article', 'flight', 'route', 'highway', 'room', 'no', 'number', 'bus', 'model', 'version', 'code',
  'p', 'pp', 'page', 'chapter', 'section', 'paragraph', 'item', 'case', 'type', 'class', 'level', 'grade', 'unit',
  'squad', 'battalion', 'brigade', 'division', 'regiment', 'apartment', 'suite', 'box', 'exit', 'gate', 'terminal',
  'platform', 'channel', 'decree', 'order', 'law', 'bill', 'hr', 's', 'h.r', 'rs', '#', 'nos', 'population', 'score',
  'index', 'dow', 'nasdaq', 'ftse', 'nikkei', 'at', 'pay', 'paid', 'earn', 'earned', 'cost', 'costs', 'about',
  'nearly', 'almost', 'some', 'approximately', 'roughly', 'over', 'total', 'totaling', 'totalling',
  'gained', 'lost', 'fell', 'rose', 'dropped', 'climbed', 'closed', 'ended', 'up', 'down', 'killed', 'kill',
  'only', 'just', 'another', 'additional', 'extra', 'all', 'with', 'sent', 'deployed', 'deploy', 'send',
]);

/** Clock cues that make a nearby number a time of day (sent to chrono). */
const CLOCK_CUES = new Set(['a.m.', 'p.m.', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', "o'clock", 'hrs', 'hours']);

const UNIT_LETTER: Record<Unit, string> = {
  Y: 'Y', M: 'M', W: 'W', D: 'D', H: 'H', MIN: 'M', S: 'S', Q: 'Q', DE: 'DE', CE: 'CE', FN: 'W', WE: 'WE', HY: 'M',
};

const ORDINAL_WORDS = new Map<string, number>([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['twenty-first', 21], ['twenty-second', 22],
]);

const DECADE_WORDS = new Map<string, number>([
  ['twenties', 2], ['thirties', 3], ['forties', 4], ['fifties', 5], ['sixties', 6], ['seventies', 7], ['eighties', 8], ['nineties', 9],
]);

/** Yearly holidays by their first word; `needs` is a second word that must follow ("boxing day"). */
const HOLIDAYS = new Map<string, { date: (y: number) => Ymd; needs?: string }>([
  ['christmas', { date: (y) => ({ y, m: 12, d: 25 }) }],
  ['easter', { date: (y) => easter(y) }],
  ['thanksgiving', { date: (y) => nthWeekday(y, 11, 4, 4) }],
  ['halloween', { date: (y) => ({ y, m: 10, d: 31 }) }],
  ['valentine', { date: (y) => ({ y, m: 2, d: 14 }), needs: 'day' }],
  ['boxing', { date: (y) => ({ y, m: 12, d: 26 }), needs: 'day' }],
]);

/** Verbs that open or close a trading or working day: "finished the day up 2%". */
const DAY_SESSION_VERBS = new Set(['end', 'ends', 'ended', 'ending', 'finish', 'finishes', 'finished', 'finishing', 'close', 'closes', 'closed', 'closing', 'open', 'opens', 'opened', 'opening', 'start', 'starts', 'started', 'starting', 'begin', 'begins', 'began', 'beginning']);
/** "the end of", "the beginning of": edges of a period, kept in the span with the period's value. */
const EDGE_NOUNS = new Set(['end', 'beginning', 'start', 'middle', 'turn', 'close', 'spring', 'summer', 'autumn', 'fall', 'winter', 'dawn', 'eve']);

/** Prepositions before a month or season that mark it as a date ("in May", "since March"). */
const DATE_PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'through', 'during', 'before', 'after', 'of', 'last', 'next', 'this',
  'early', 'late', 'mid', 'between', 'and', 'to', 'or', 'throughout', 'into', 'around', 'on', 'past', 'coming',
  'that', 'each', 'every',
]);

const ON = new Set(['on']);

/** Words between a count and its unit ("two more weeks", "20 additional years"). */
const QUANTITY_FILLERS = new Set(['more', 'additional', 'extra', 'further', 'full', 'straight', 'consecutive', 'long', 'whole', 'successive', 'trading', 'business', 'working', 'calendar']);

/** Words before a year that keep it a year even before a plural noun ("fiscal 1989 sales", "in 2003 talks"). */
const PLURAL_SAFE_YEAR_PREFIX = new Set(['in', 'since', 'until', 'during', 'between', 'by', 'fiscal', 'calendar', 'early', 'late', 'mid', 'pre', 'post']);

/** Words before "one day" that make it a duration ("for one day") rather than "some day". */
const DURATION_PREPOSITIONS = new Set(['for', 'in', 'within', 'after', 'over', 'than', 'about', 'by', 'of', 'during', 'just', 'only', 'the', 'every', 'each', 'per', 'least']);

/** Units whose "that", "the following", "later" readings count from a date named earlier in the story. */
const ANAPHOR_UNITS = new Set<Unit>(['D', 'W', 'M', 'Y', 'Q']);

/** Words after a number that make it money or a rate. */
const FIGURE_UNITS = new Set(['million', 'billion', 'trillion', 'cents', 'pence', 'percent', '%', 'pct', 'yen', 'marks', 'francs', 'guilders']);

/** Words that may follow "on the 13th" without making the ordinal an adjective. */
const DAY_FOLLOWERS = new Set(['at', 'in', 'when', 'and', 'after', 'before', 'as', 'while', 'during', 'around']);

/** Words between the two days of a range ("12 to 13 May", "between 3 and 5 June", "11-12 March"). */
const RANGE_LINKS = new Set(['and', 'to', '-', '–', 'through', 'until', 'till']);

/** Words before "a year earlier" that make it the other side of a comparison of figures. */
const COMPARISON_WORDS = new Set(['from', 'with', 'than', 'versus', 'vs', 'vs.', 'over', 'since']);

/** Words before "the year" that make it the year of the report ("for the year", "earlier in the year"). */
const THE_YEAR_PREPOSITIONS = new Set(['for', 'during', 'through', 'throughout', 'of']);

const PERFECT_CUES = new Set(['has', 'have', 'had', "'s", "hasn't", "haven't", "hadn't"]);

type Quantity = { n: number | 'X'; from: number };

type Trigger =
  | 'month' | 'weekday' | 'unit' | 'season' | 'fuzzy' | 'frequency' | 'deictic' | 'half' | 'spelledYear'
  | 'decadeWord' | 'holiday' | 'noon' | 'termDate' | 'pastFuture' | 'currentRecent' | 'partOfDay' | 'period' | 'overnight'
  | 'vagueSpan';

/** First and last parts of hyphenated words worth a look ("mid-1990s", "third-quarter", "two-year"). */
const HYPHEN_HEADS = new Set(['single', 'pre', 'post', 'mid', 'early', 'late', 'year', 'first', 'second', 'third', 'fourth', 'last', 'final', 'decades', 'years', 'months', 'weeks', 'days', 'centuries', 'decade', 'month', 'week', 'day', 'century']);
const HYPHEN_TAILS = new Set([...UNITS.keys(), 'long', 'old', 'quarter', 'half', 'earlier', 'ago', 'end']);

/** Every word that can start or head a time expression, with the parser it fires. */
const TRIGGERS = new Map<string, Trigger>();
const addTriggers = (words: Iterable<string>, kind: Trigger) => {
  for (const w of words) if (!TRIGGERS.has(w)) TRIGGERS.set(w, kind);
};
addTriggers(MONTHS.keys(), 'month');
addTriggers(WEEKDAYS.keys(), 'weekday');
addTriggers(UNITS.keys(), 'unit');
addTriggers(SEASONS.keys(), 'season');
addTriggers(FUZZY_WORDS.keys(), 'fuzzy');
addTriggers(FREQUENCY_ADVERBS.keys(), 'frequency');
addTriggers(['today', 'yesterday', 'tomorrow', 'tonight'], 'deictic');
addTriggers(['half'], 'half');
addTriggers(['nineteen', 'eighteen', 'two'], 'spelledYear');
addTriggers(DECADE_WORDS.keys(), 'decadeWord');
addTriggers(HOLIDAYS.keys(), 'holiday');
addTriggers(['noon', 'midday', 'midnight'], 'noon');
addTriggers(['term', 'date'], 'termDate');
addTriggers(['past', 'future', 'present'], 'pastFuture');
addTriggers(['current', 'recent'], 'currentRecent');
addTriggers(PART_OF_DAY.keys(), 'partOfDay');
addTriggers(['period'], 'period');
addTriggers(['overnight'], 'overnight');
addTriggers(['while', 'time'], 'vagueSpan');

export class RuleScanner {
  readonly out: Candidate[] = [];
  /** Character windows chrono should parse: [start, end, sentence index]. */
  readonly chronoWindows: Array<[number, number, number]> = [];
  /** Sentences that state money or percentages: where "a year earlier" compares reporting periods. */
  readonly figureSentences = new Set<number>();
  private sFrom = 0;
  private sTo = 0;
  private sIndex = 0;
  /** Token index up to which tokens are already consumed by an earlier match in this sentence. */
  private consumedTo = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly ref: Ymd | null,
  ) {}

  /** Scans one sentence given by its token range: one hash look-up per token, a parser per trigger. */
  scanSentence(from: number, to: number, index: number): void {
    this.sFrom = from;
    this.sTo = to;
    this.sIndex = index;
    this.consumedTo = from;
    for (let i = from; i < to; i++) {
      if (i < this.consumedTo) continue;
      const lower = this.tokens[i].lower;
      const c = lower.charCodeAt(0);
      if (c >= 48 && c <= 57) {
        if (lower.endsWith('%') || FIGURE_UNITS.has(this.word(i + 1))) this.figureSentences.add(index);
        this.onDigit(i);
        continue;
      }
      if (c === 36 || c === 37 || c === 0x20ac || c === 0xa3) this.figureSentences.add(index);
      if (c < 97 || c > 122) continue; // punctuation and non-Latin words start no expression
      let w = lower;
      let kind = TRIGGERS.get(w);
      if (kind === undefined) {
        if (w.endsWith("'s") || w.endsWith('’s')) {
          w = w.slice(0, -2);
          kind = TRIGGERS.get(w);
        }
        if (kind === undefined) {
          const dash = w.indexOf('-');
          if (dash > 0 && (HYPHEN_HEADS.has(w.slice(0, dash)) || HYPHEN_TAILS.has(w.slice(w.lastIndexOf('-') + 1)))) this.onHyphenated(i, w);
          continue;
        }
      }
      switch (kind) {
        case 'vagueSpan': this.onVagueSpan(i, w); break;
        case 'month': this.onMonth(i, w); break;
        case 'weekday': this.onWeekday(i, w); break;
        case 'unit': this.onUnit(i, UNITS.get(w)!, w); break;
        case 'season': this.onSeason(i, w); break;
        case 'fuzzy': this.onFuzzy(i, w); break;
        case 'frequency': this.onFrequency(i, w); break;
        case 'deictic': this.onDeictic(i, w); break;
        case 'half': this.onHalf(i); break;
        case 'spelledYear': this.onSpelledYear(i); break;
        case 'decadeWord': this.onDecadeWord(i, w); break;
        case 'holiday': this.onHoliday(i, w); break;
        case 'noon': this.onNoon(i, w); break;
        case 'termDate': this.onTermDate(i, w); break;
        case 'pastFuture': this.onPastFuture(i, w); break;
        case 'currentRecent': this.onCurrentRecent(i, w); break;
        case 'partOfDay': this.onPartOfDay(i, w); break;
        case 'period': this.onPeriod(i); break;
        case 'overnight': this.onOvernight(i); break;
      }
    }
  }

  // ---------------------------------------------------------------- token helpers

  /** Lower-case token text without a possessive 's, or '' outside the current sentence. */
  private word(i: number): string {
    if (i < this.sFrom || i >= this.sTo) return '';
    const w = this.tokens[i].lower;
    if (w.length > 2 && (w.endsWith("'s") || w.endsWith('’s'))) return w.slice(0, -2);
    return w;
  }

  private tokEnd(i: number): number {
    const t = this.tokens[i];
    const w = t.lower;
    if (w.length > 2 && (w.endsWith("'s") || w.endsWith('’s'))) return t.end - 2;
    return t.end;
  }

  /** True when tokens i and i+1 touch (no space between them). */
  private touching(i: number): boolean {
    return i + 1 < this.sTo && this.tokens[i].end === this.tokens[i + 1].start;
  }

  private tense(a: number, b: number): Tense | null {
    return tenseNear(this.tokens, this.sFrom, this.sTo, a, b);
  }

  /** Past tense reads as 'recent' (see calendar.ts), future as 'future'; no cue gives the fallback. */
  /** A yearly date (a holiday) starting at token a: "last/next Christmas" fixes the direction, else the tense. */
  private yearlyAnchor(a: number, b: number): { a: number; dir: Direction; includeRef: boolean } {
    const prev = this.word(a - 1);
    if (prev === 'last' || prev === 'next') return { a: a - 1, dir: prev === 'last' ? 'past' : 'future', includeRef: false };
    return { a, dir: this.dirFromTense(a, b, 'nearest'), includeRef: true };
  }

  private dirFromTense(a: number, b: number, fallback: Direction = 'nearest'): Direction {
    const t = this.tense(a, b);
    return t === 'past' ? 'recent' : t ?? fallback;
  }

  private emit(a: number, b: number, type: TimeType, value: string, reason: string, extra: Partial<Candidate> = {}): Candidate {
    const cand: Candidate = {
      start: this.tokens[a].start,
      end: this.tokEnd(b - 1),
      type,
      value,
      certain: [],
      sentence: this.sIndex,
      reason,
      priority: 2,
      ...extra,
    };
    this.out.push(cand);
    if (b > this.consumedTo) this.consumedTo = b;
    return cand;
  }

  private markChrono(i: number): void {
    const a = Math.max(this.sFrom, i - 4);
    const b = Math.min(this.sTo - 1, i + 7);
    this.chronoWindows.push([this.tokens[a].start, this.tokens[b].end, this.sIndex]);
  }

  /** Extends a date's start over "early", "late", "mid", "the end of", "the beginning of". */
  private extendEdges(a: number): number {
    let w = this.word(a - 1);
    if (w === 'of' && EDGE_NOUNS.has(this.word(a - 2))) {
      a -= 2;
      if (this.word(a - 1) === 'the' || this.word(a - 1) === 'very') a--;
      if (this.word(a - 1) === 'very') a--;
      return a;
    }
    if (w === 'early' || w === 'late' || w === 'mid' || w === 'earlier' || w === 'later') {
      a--;
      w = this.word(a - 1);
      if (w === 'very' || w === 'the') a--;
    }
    return a;
  }

  // ---------------------------------------------------------------- numbers and quantities

  private numberAt(i: number): number | null {
    const w = this.word(i);
    if (!w) return null;
    if (DECIMAL.test(w)) return parseFloat(w);
    const n = NUMBER_WORDS.get(w);
    if (n !== undefined) return n;
    const dash = w.indexOf('-');
    if (dash > 0) {
      const tens = NUMBER_WORDS.get(w.slice(0, dash));
      const ones = NUMBER_WORDS.get(w.slice(dash + 1));
      if (tens && ones && tens >= 20 && tens % 10 === 0 && ones < 10) return tens + ones;
    }
    return null;
  }

  /** Reads a count ending at token `end` ("two", "24", "twenty four", "a few", "a couple of", "12 to 18"). */
  private quantityBefore(end: number): Quantity | null {
    const w = this.word(end);
    if (!w) return null;
    if (w === 'of') {
      const v = this.word(end - 1);
      if (v === 'couple') return { n: 2, from: this.word(end - 2) === 'a' ? end - 2 : end - 1 };
      if (v === 'hundreds' || v === 'thousands' || v === 'dozens' || v === 'tens' || v === 'number') {
        return { n: 'X', from: this.word(end - 2) === 'a' ? end - 2 : end - 1 };
      }
      return null;
    }
    if (VAGUE_QUANTITY.has(w)) {
      if (w === 'couple') return null;
      return { n: 'X', from: this.word(end - 1) === 'a' ? end - 1 : end };
    }
    let n = this.numberAt(end);
    if (n === null) return null;
    if (w === 'half') return null;
    if (/^\d{4}$/.test(w) && n >= 1800 && n <= 2100) return null; // "the 1988 quarter" is a year
    let from = end;
    // "2 1/2": a whole number and a fraction
    if (this.word(end - 1) === '/' && this.touching(end - 1) && DIGITS.test(this.word(end - 2)) && DIGITS.test(w)) {
      const num = +this.word(end - 2);
      if (n > 0 && num < n) {
        n = num / n;
        from = end - 2;
        const whole = this.word(from - 1);
        if (DIGITS.test(whole)) {
          n += +whole;
          from--;
        }
      }
    }
    let value: number | 'X' = n;
    // "twenty four"
    if (n < 10 && from - 1 >= this.sFrom) {
      const tens = NUMBER_WORDS.get(this.word(from - 1));
      if (tens && tens >= 20 && tens % 10 === 0 && tens < 100) {
        value = tens + n;
        from--;
      }
    }
    // "a hundred", "two hundred"
    if (w === 'hundred') {
      const m = this.numberAt(from - 1);
      if (m !== null) {
        value = m * 100;
        from--;
      }
    }
    // ranges "12 to 18", "two or three"
    const link = this.word(from - 1);
    if ((link === 'to' || link === 'or' || link === '-' || link === '–') && this.numberAt(from - 2) !== null && this.word(from - 2) !== 'a') {
      value = 'X';
      from -= 2;
    }
    return { n: value, from };
  }

  /** Extends a start over "nearly", "almost", "more than", "at least". */
  private approxBefore(a: number): number {
    const w1 = this.word(a - 1);
    const w2 = this.word(a - 2);
    if (w1 && w2 && APPROX_TWO.has(`${w2} ${w1}`)) return this.word(a - 3) === 'no' ? a - 3 : a - 2;
    if (APPROX_ONE.has(w1)) return a - 1;
    return a;
  }

  // ---------------------------------------------------------------- relative values

  private shifted(unit: Unit, n: number): { value: string; type: TimeType } {
    const ref = this.ref;
    if (!ref) return { value: n < 0 ? 'PAST_REF' : n > 0 ? 'FUTURE_REF' : 'PRESENT_REF', type: 'DATE' };
    const k = Math.round(n);
    // Weeks are ISO weeks: "last week" is the ISO week before the reference's, even on a Sunday.
    switch (unit) {
      case 'Y': return { value: fmtYear(ref.y + k), type: 'DATE' };
      case 'M': return { value: fmtMonth(addMonths(ref, k).y, addMonths(ref, k).m), type: 'DATE' };
      case 'W': return { value: fmtWeek(addDays(ref, 7 * k)), type: 'DATE' };
      case 'FN': return { value: fmtWeek(addDays(ref, 14 * k)), type: 'DATE' };
      case 'D': return { value: fmtDate(addDays(ref, k)), type: 'DATE' };
      case 'WE': return { value: `${fmtWeek(addDays(ref, 7 * k))}-WE`, type: 'DATE' };
      case 'Q': {
        const idx = ref.y * 4 + quarterOf(ref.m) - 1 + k;
        return { value: `${fmtYear(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`, type: 'DATE' };
      }
      case 'HY': {
        const idx = ref.y * 2 + (ref.m > 6 ? 1 : 0) + k;
        return { value: `${fmtYear(Math.floor(idx / 2))}-H${(idx % 2) + 1}`, type: 'DATE' };
      }
      case 'DE': return { value: `${Math.floor(ref.y / 10) + k}`, type: 'DATE' };
      case 'CE': return { value: String(Math.floor(ref.y / 100) + k).padStart(2, '0'), type: 'DATE' };
      default: return { value: fmtDate(ref), type: 'DATE' };
    }
  }

  /** An approximate date `n` units from the reference, at the unit's granularity (for duration anchors). */
  private anchorFor(unit: Unit, n: number): string | undefined {
    const ref = this.ref;
    if (!ref) return undefined;
    const k = Math.round(n);
    switch (unit) {
      case 'Y': return fmtYear(ref.y + k);
      case 'DE': return fmtYear(ref.y + 10 * k);
      case 'CE': return fmtYear(ref.y + 100 * k);
      case 'M': { const t = addMonths(ref, k); return fmtMonth(t.y, t.m); }
      case 'Q': { const t = addMonths(ref, 3 * k); return fmtMonth(t.y, t.m); }
      case 'W': return fmtDate(addDays(ref, 7 * k));
      case 'FN': return fmtDate(addDays(ref, 14 * k));
      case 'D': return fmtDate(addDays(ref, k));
      default: return fmtDate(ref);
    }
  }

  private durationValue(n: number | 'X', unit: Unit): string {
    if (n === 'X') {
      if (unit === 'H' || unit === 'MIN' || unit === 'S') return `PTX${UNIT_LETTER[unit]}`;
      // "for decades", "decades-long": an unknown number of years, as TimeML corpora write it
      if (unit === 'DE') return 'PXY';
      if (unit === 'Q') return 'PXQ';
      if (unit === 'FN') return 'PXW';
      return `PX${UNIT_LETTER[unit]}`;
    }
    // Quarters keep their own letter, as TimeML corpora write them ("the past two quarters" P2Q)
    if (unit === 'Q' && Number.isInteger(n)) return `P${n}Q`;
    // Scale units that have no TIMEX3 letter of their own.
    const scaled: Partial<Record<Unit, [number, Unit]>> = { Q: [3, 'M'], DE: [10, 'Y'], CE: [100, 'Y'], FN: [2, 'W'], WE: [2, 'D'] };
    const sc = scaled[unit];
    if (sc) return this.durationValue(n * sc[0], sc[1]);
    const whole = Math.floor(n);
    const frac = n - whole;
    // A fraction goes to the next smaller unit: 2 1/2 years = P2Y6M, 1 1/2 hours = PT1H30M.
    const smaller: Partial<Record<Unit, [number, Unit]>> = { Y: [12, 'M'], M: [30, 'D'], W: [7, 'D'], D: [24, 'H'], H: [60, 'MIN'], MIN: [60, 'S'] };
    const sm = smaller[unit];
    const part = (k: number, u: Unit) => (k ? `${k}${UNIT_LETTER[u]}` : '');
    if (frac > 0 && sm && Number.isInteger(Math.round(frac * sm[0] * 1000) / 1000)) {
      const k = Math.round(frac * sm[0]);
      const bigTime = unit === 'H' || unit === 'MIN' || unit === 'S';
      const smallTime = sm[1] === 'H' || sm[1] === 'MIN' || sm[1] === 'S';
      const head = bigTime ? `PT${part(whole, unit)}` : `P${part(whole, unit)}`;
      return head + (smallTime && !bigTime ? 'T' : '') + part(k, sm[1]);
    }
    const time = unit === 'H' || unit === 'MIN' || unit === 'S';
    return `P${time ? 'T' : ''}${n}${UNIT_LETTER[unit]}`;
  }

  // ---------------------------------------------------------------- digits: years, decades, clock times

  private onDigit(i: number): void {
    const w = this.tokens[i].lower;
    const next = this.word(i + 1);
    // Clock times, ISO and slash dates, day numbers next to month names: chrono reads those.
    const isoOrSlash = (next === '-' || next === '/') && this.touching(i) && DIGITS.test(this.word(i + 2)) && this.word(i + 3) === next;
    // "0800 GMT", "1430 UTC": a four-digit clock time that chrono does not read
    const hhmm = /^([01]\d|2[0-3])([0-5]\d)$/.exec(w);
    if (hhmm && (next === 'gmt' || next === 'utc' || next === 'hrs' || next === 'hours' && this.word(i - 1) === 'at')) {
      const suffix = `T${hhmm[1]}:${hhmm[2]}${next === 'gmt' || next === 'utc' ? 'Z' : ''}`;
      const value = (this.ref ? fmtDate(this.ref) : 'XXXX-XX-XX') + suffix;
      this.emit(i, i + 2, 'TIME', value, 'four-digit clock time', { certain: ['time'], impliedDate: true, timeSuffix: suffix });
      return;
    }
    if (w.includes(':') || CLOCK_CUES.has(next) || isoOrSlash) {
      this.markChrono(i);
      return;
    }
    const decade = DECADE.exec(w);
    if (decade) {
      this.decade(i, i, decade[1]);
      return;
    }
    // "the '90s", "the early 80s" (not "in their 30s", which is an age)
    const short = SHORT_DECADE.exec(w);
    const prev = this.word(i - 1);
    if (short && (prev === "'" || prev === '’' || prev === 'the' || prev === 'early' || prev === 'late' || prev === 'mid')) {
      const d = +short[1];
      const century = this.ref && 2000 + d * 10 <= this.ref.y ? 200 : 190;
      this.decade(i, prev === "'" || prev === '’' ? i - 1 : i, String(century + d));
      return;
    }
    if (/^\d{4}$/.test(w)) this.year(i, +w);
    else if (/^\d\d$/.test(w) && (prev === "'" || prev === '’') && this.touching(i - 1) && YEAR_PREPOSITIONS.has(this.word(i - 2)) && this.word(i - 2) !== 'the') {
      // "since '82": the most recent such year
      const n = +w;
      const base = this.ref ? Math.floor(this.ref.y / 100) * 100 : 1900;
      const y = this.ref && base + n > this.ref.y ? base - 100 + n : base + n;
      this.emit(i - 1, i + 1, 'DATE', fmtYear(y), 'short year', { certain: ['year'] });
    }
    else if (DAY_NUMBER.test(w)) {
      // "10 December", "the 5th of May"
      const n1 = this.word(i + 1);
      if (MONTHS.has(n1) && this.tokens[i + 1].cap || (n1 === 'of' && MONTHS.has(this.word(i + 2)))) this.markChrono(i);
      else if (RANGE_LINKS.has(n1)) this.dayOfRange(i, +w.replace(/\D+$/, ''));
      // "on the 13th," but not "the 11th Circuit", "the 25th anniversary"
      else if (/\d(?:st|nd|rd|th)$/.test(w) && prev === 'the' && DATE_PREPOSITIONS.has(this.word(i - 2)) && (!/^[a-z]/.test(n1) || DAY_FOLLOWERS.has(n1))) this.dayOfMonth(i);
    }
  }

  /**
   * "between 3 and 5 June", "12 to 13 May", "11-12 March": the first day of a range takes the month (and
   * year) written after the second.
   */
  private dayOfRange(i: number, day: number): void {
    let k = i + 2;
    if (!DAY_NUMBER.test(this.word(k))) return;
    k++;
    if (this.word(k) === 'of') k++;
    const month = MONTHS.get(this.word(k));
    if (!month || !this.tokens[k].cap) return;
    let year: number | null = null;
    let y = k + 1;
    if (this.word(y) === ',') y++;
    if (/^\d{4}$/.test(this.word(y))) year = +this.word(y);
    this.markChrono(k);
    let value: string;
    const certain: Component[] = ['month', 'day'];
    if (year !== null) {
      if (!isValidDate(year, month, day)) return;
      value = fmtDate({ y: year, m: month, d: day });
      certain.unshift('year');
    } else if (this.ref) {
      const t = resolveMonthDay(this.ref, month, day, this.dirFromTense(i, k + 1));
      if (!t) return;
      value = fmtDate(t);
    } else {
      if (!isValidDate(2000, month, day)) return;
      value = `XXXX-${fmtMonth(2000, month).slice(5)}-${String(day).padStart(2, '0')}`;
    }
    this.emit(i, i + 1, 'DATE', value, 'first day of a range', { certain });
  }

  /** "on the 13th": a day of the month the story is in (the last month it named, else the report's). */
  private dayOfMonth(i: number): void {
    const day = parseInt(this.word(i), 10);
    if (!(day >= 1 && day <= 31)) return;
    let value = `XXXX-XX-${String(day).padStart(2, '0')}`;
    if (this.ref) {
      // Past news: a day number above today's is last month's.
      let t = { y: this.ref.y, m: this.ref.m, d: day };
      if (day > this.ref.d && this.tense(i, i + 1) !== 'future') t = addMonths({ ...t, d: 1 }, -1);
      if (!isValidDate(t.y, t.m, day)) return;
      value = fmtDate({ ...t, d: day });
    }
    const notAfter = this.ref && this.tense(i, i + 1) !== 'future' ? fmtDate(this.ref) : undefined;
    this.emit(i - 1, i + 1, 'DATE', value, 'the n-th (day of the month)', { certain: ['day'], anaphor: { unit: 'M', shift: 0, day, notAfter } });
  }

  private decade(i: number, a: number, digits: string): void {
    const prev = this.word(a - 1);
    if (prev === 'their' || prev === 'his' || prev === 'her' || prev === 'its' || prev === 'our' || prev === 'my') return;
    a = this.extendEdges(a);
    if (this.word(a - 1) === 'the') a--;
    // "the 1800s", "the 1900s": the hundred years, a century (TimeML "18")
    if (digits.length === 3 && digits.endsWith('0')) {
      this.emit(a, i + 1, 'DATE', digits.slice(0, 2), 'hundreds (century)', { certain: ['year'] });
      return;
    }
    this.emit(a, i + 1, 'DATE', `${digits}`, 'decade', { certain: ['year'] });
  }

  private year(i: number, n: number): void {
    const ref = this.ref;
    const maxYear = (ref ? ref.y : 2030) + 30;
    if (n < 1000 || n > maxYear) return;
    const prev = this.word(i - 1);
    const next = this.word(i + 1);
    const tokPrev = this.tokens[i - 1];
    if (prev === '$' || prev === '€' || prev === '£' || prev === '#' || prev === 'no' || prev === 'us$') return;
    if (COUNT_FOLLOWERS.has(next) || next === '-' && this.word(i + 2) === 'year') return;
    if (next === 'to' && this.numberAt(i + 2) !== null && !/^\d{4}$/.test(this.word(i + 2))) return; // "1500 to 2,000"
    // Part of a larger number or code: "1,500", "1960.5", "A-1960".
    if (i > this.sFrom && tokPrev.end === this.tokens[i].start && /[\w.,]/.test(tokPrev.text.slice(-1))) return;
    let strong = YEAR_PREPOSITIONS.has(prev) || MONTHS.has(prev) || SEASONS.has(prev) || prev === ',' && MONTHS.has(this.word(i - 2));
    if ((prev === '-' || prev === '–' || prev === '/') && /^\d{4}$/.test(this.word(i - 2))) strong = true;
    if (NOT_YEAR_PREFIX.has(prev) && !YEAR_PREPOSITIONS.has(prev)) return;
    // "Orion 1980", "Vision 2030": a number after a name is part of the name.
    if (tokPrev && i - 1 > this.sFrom && tokPrev.cap && !strong && !MONTHS.has(prev) && !/^[A-Z]+$/.test(tokPrev.text) && !/['’]s$/.test(tokPrev.lower)) return;
    if (prev === 'to' && this.numberAt(i - 2) !== null && !/^\d{4}$/.test(this.word(i - 2))) return;
    const plural = next.length > 3 && next.endsWith('s') && !NOT_PLURAL_NOUNS.has(next) && !this.tokens[i + 1]?.cap;
    if (plural && !PLURAL_SAFE_YEAR_PREFIX.has(prev) && !/['’]s$/.test(tokPrev?.lower ?? '')) return;
    const plausible = n >= 1800 && n <= (ref ? ref.y + 10 : 2030);
    if (!strong && !plausible) return;
    let a = i;
    const certain: Component[] = ['year'];
    // "the 1988 period", "the 1989 quarter": that year's counterpart of the period under discussion
    if (prev === 'the' && (next === 'period' || next === 'quarter')) {
      this.emit(i - 1, i + 2, 'DATE', fmtYear(n), 'year + period', { certain, comparePeriod: { year: n } });
      return;
    }
    if (prev === 'fiscal' || prev === 'calendar') a--;
    else if (prev === 'year' && this.word(i - 2) === 'the') a -= 2;
    a = this.extendEdges(a);
    if (this.word(a - 1) === 'mid' && this.touching(a - 1)) a--;
    this.emit(a, i + 1, 'DATE', fmtYear(n), 'year number', { certain });
  }

  // ---------------------------------------------------------------- month names

  private onMonth(i: number, w: string): void {
    const tok = this.tokens[i];
    if (!tok.cap) return;
    const month = MONTHS.get(w)!;
    let j = i + 1;
    if (this.word(j) === '.' && this.touching(i)) j++;
    const next = this.word(j);
    const prev = this.word(i - 1);
    // A day number next to the month: a full or partial calendar date, read by chrono.
    if (DAY_NUMBER.test(next) || DAY_NUMBER.test(prev) || (prev === 'of' && /^\d/.test(this.word(i - 2)))) {
      this.markChrono(i);
      return;
    }
    let k = j;
    if (next === ',' || next === 'of') k++;
    const yearTok = this.word(k);
    if (/^\d{4}$/.test(yearTok) && !COUNT_FOLLOWERS.has(this.word(k + 1))) {
      const y = +yearTok;
      let a = this.extendEdges(i);
      if (this.word(a - 1) === 'mid' && this.touching(a - 1)) a--;
      this.emit(a, k + 1, 'DATE', fmtMonth(y, month), 'month and year', { certain: ['year', 'month'] });
      return;
    }
    const spelled = this.spelledYear(j);
    if (spelled) {
      const a = this.extendEdges(i);
      this.emit(a, spelled.end, 'DATE', fmtMonth(spelled.year, month), 'month and spelled-out year', { certain: ['year', 'month'] });
      return;
    }
    // A bare month: the month word must be in a date-like slot, since many are also words or names.
    const nextTok = this.tokens[j];
    if (nextTok && j < this.sTo && nextTok.cap && !MONTHS.has(next) && !WEEKDAYS.has(next) && /^[a-z]/i.test(next)) return;
    const ambiguous = AMBIGUOUS_MONTHS.has(w);
    // "March last year", "June this year"
    const yearRel = (next === 'last' || next === 'this' || next === 'next') && this.word(j + 1) === 'year' ? next : '';
    // "the March accession", "a June agreement": a capitalised month between an article and a common noun
    const attributive = (prev === 'the' || prev === 'a' || prev === 'its' || prev === 'their') && /^[a-z]{3,}$/.test(this.tokens[j]?.text ?? '') && j < this.sTo && !/^(?:of|and|or|is|was|to|by|in)$/.test(next);
    const contextOk = DATE_PREPOSITIONS.has(prev) || prev === ',' && this.word(i - 2) === 'and' || yearRel !== '' || attributive;
    if (ambiguous && !contextOk) return;
    if (!ambiguous && !contextOk && i > this.sFrom && this.tokens[i - 1].cap && !/^[\d"'“‘(]/.test(prev)) return;
    if (i - 1 >= this.sFrom && this.tokens[i - 1].lower === "'s") return;
    const mm = String(month).padStart(2, '0');
    if (prev === 'each' || prev === 'every') {
      this.emit(i - 1, i + 1, 'SET', `XXXX-${mm}`, `${prev} + month name`);
      return;
    }
    let value: string;
    const certain: Component[] = ['month'];
    let a = i;
    let b = i + 1;
    let reason = 'month name';
    if (this.ref) {
      let y: number;
      if (yearRel) {
        y = this.ref.y + (yearRel === 'last' ? -1 : yearRel === 'next' ? 1 : 0);
        b = j + 2;
        reason = `month name + ${yearRel} year`;
      } else if (prev === 'last' || prev === 'past') {
        y = month < this.ref.m ? this.ref.y : this.ref.y - 1;
        a--;
        reason = 'last + month name';
      } else if (prev === 'next' || prev === 'coming') {
        y = month > this.ref.m ? this.ref.y : this.ref.y + 1;
        a--;
        reason = 'next + month name';
      } else if (prev === 'this') {
        y = this.ref.y;
        a--;
      } else {
        // "since late January": what "since" names lies in the past
        const since = prev === 'since' || (/^(?:early|late|mid)$/.test(prev) && this.word(i - 2) === 'since');
        let tense = since ? 'past' : this.tense(i, i + 1);
        // "said the ship would depart in early February": "would" looks ahead from a past saying, so the
        // month is the nearest one, not necessarily a coming one
        const wouldOnly = tense === 'future' && this.onlyWouldAhead(i);
        if (wouldOnly) tense = null;
        // "the uprising began in March" (told in February): a past verb right before the month rules out the coming one
        const strongPast = since || pastVerbBefore(this.tokens, this.sFrom, i, DATE_PREPOSITIONS, false);
        y = resolveMonth(this.ref, month, strongPast ? 'past' : tense === 'future' ? 'future' : 'recent');
        reason = `month name (${since ? 'since' : strongPast ? 'the past verb before it' : wouldOnly ? '"would" from a past saying: nearest' : tense ? tense + ' tense' : 'no tense cue: recent past'})`;
      }
      value = fmtMonth(y, month);
    } else {
      value = `XXXX-${mm}`;
      if (prev === 'last' || prev === 'next' || prev === 'this') a--;
      if (yearRel) b = j + 2;
    }
    a = this.extendEdges(a);
    if (this.word(a - 1) === 'mid' && this.touching(a - 1)) a--;
    this.emit(a, b, 'DATE', value, reason, { certain });
  }

  private onSpelledYear(i: number): void {
    const y = this.spelledYear(i);
    if (!y || COUNT_FOLLOWERS.has(this.word(y.end))) return;
    const prev = this.word(i - 1);
    if (this.word(i) === 'two') {
      // "two thousand" is a count unless it is plainly a year: "the year two thousand", "in two thousand."
      const yearSlot = prev === 'year' || (YEAR_PREPOSITIONS.has(prev) && prev !== 'the' && !/^[a-z]/.test(this.word(y.end)));
      if (!yearSlot) return;
    }
    let a = i;
    if (prev === 'year' && this.word(i - 2) === 'the') a -= 2;
    a = this.extendEdges(a);
    this.emit(a, y.end, 'DATE', fmtYear(y.year), 'spelled-out year', { certain: ['year'] });
  }

  /** "the nineties", "the early eighties". */
  private onDecadeWord(i: number, w: string): void {
    let a = i;
    if (this.word(a - 1) === 'early' || this.word(a - 1) === 'late' || this.word(a - 1) === 'mid') a--;
    if (this.word(a - 1) !== 'the' && this.word(a - 1) !== "'") return;
    this.emit(a - 1, i + 1, 'DATE', `19${DECADE_WORDS.get(w)}`, 'decade word', { certain: ['year'] });
  }

  /** Christmas, Easter, Thanksgiving, New Year: yearly dates placed like a day and month without a year. */
  private onHoliday(i: number, w: string): void {
    if (!this.tokens[i].cap) return;
    const holiday = HOLIDAYS.get(w)!;
    let b = i + 1;
    let dateIn = holiday.date;
    const next = this.word(b);
    if (holiday.needs && next !== holiday.needs) return;
    if (holiday.needs || next === 'day' && this.tokens[b].cap) b++;
    if (w === 'christmas' && next === 'eve') {
      dateIn = (y) => ({ y, m: 12, d: 24 });
      b = i + 2;
    }
    if (w === 'easter' && (next === 'sunday' || next === 'monday')) {
      if (next === 'monday') dateIn = (y) => addDays(easter(y), 1);
      b = i + 2;
    }
    // "Easter week", "Christmas week": the week the holiday falls in.
    const week = this.word(b) === 'week' && !this.touching(b);
    if (week) b++;
    const { a, dir, includeRef } = this.yearlyAnchor(i, b);
    const day = this.ref ? resolveYearly(this.ref, dateIn, dir, includeRef) : null;
    const value = day ? (week ? fmtWeek(day) : fmtDate(day)) : week ? 'XXXX-WXX' : `XXXX-${fmtDate(dateIn(2001)).slice(5)}`;
    this.emit(a, b, 'DATE', value, `holiday ${w}${week ? ' + week' : ''}`, { certain: [] });
  }

  /** "the near term", "in the long term", "at a later date". */
  private onTermDate(i: number, w: string): void {
    const prev = this.word(i - 1);
    if (w === 'term') {
      if ((prev === 'near' || prev === 'short' || prev === 'long' || prev === 'longer' || prev === 'medium') && this.word(i - 2) === 'the' && !this.touching(i - 1)) {
        this.emit(i - 2, i + 1, 'DATE', 'FUTURE_REF', `the ${prev} term`);
      }
      return;
    }
    if ((prev === 'later' || prev === 'future' || prev === 'earlier') && (this.word(i - 2) === 'a' || this.word(i - 2) === 'an')) {
      this.emit(i - 2, i + 1, 'DATE', prev === 'earlier' ? 'PAST_REF' : 'FUTURE_REF', `a ${prev} date`);
    }
  }

  /** "noon", "midnight": a clock time whose day is the one named beside it (see the refiners). */
  private onNoon(i: number, w: string): void {
    if (w === 'noon' && this.word(i - 1) === 'high') return; // "High Noon", "high noon comes today": an idiom
    const suffix = w === 'midnight' ? 'T24:00' : 'T12:00';
    const value = this.ref ? fmtDate(this.ref) + suffix : 'XXXX-XX-XX' + suffix;
    this.emit(i, i + 1, 'TIME', value, w, { certain: ['time'], impliedDate: true, timeSuffix: suffix });
  }

  /** A year said in words: "nineteen ninety-six", "nineteen seventy nine", "two thousand (and) two". */
  private spelledYear(i: number): { year: number; end: number } | null {
    const w = this.word(i);
    if (w === 'nineteen' || w === 'eighteen') {
      const hundreds = w === 'nineteen' ? 1900 : 1800;
      const n = this.numberAt(i + 1);
      if (n === null || n < 10 || n > 99 || !Number.isInteger(n)) return null;
      let end = i + 2;
      let year = hundreds + n;
      const ones = this.numberAt(i + 2);
      if (n % 10 === 0 && n >= 20 && ones !== null && ones >= 1 && ones <= 9 && !this.word(i + 1).includes('-')) {
        year += ones;
        end++;
      }
      return { year, end };
    }
    if (w === 'two' && this.word(i + 1) === 'thousand') {
      let end = i + 2;
      let year = 2000;
      let k = end;
      if (this.word(k) === 'and') k++;
      const n = this.numberAt(k);
      if (n !== null && n >= 1 && n <= 30 && Number.isInteger(n) && this.word(k) !== 'a') {
        year += n;
        end = k + 1;
      }
      return { year, end };
    }
    return null;
  }

  // ---------------------------------------------------------------- weekdays

  private onWeekday(i: number, w: string): void {
    // "the Tuesday Morning Quarterback column": a weekday inside a title
    if (this.tokens[i + 1]?.cap && PART_OF_DAY.has(this.word(i + 1)) && i + 2 < this.sTo && this.tokens[i + 2].cap) return;
    const tok = this.tokens[i];
    if (!tok.cap) return;
    const weekday = WEEKDAYS.get(w)!;
    const prev = this.word(i - 1);
    const next = this.word(i + 1);
    if (WEEKDAY_NAME_PREFIX.has(prev)) return;
    const nextTok = this.tokens[i + 1];
    if (nextTok && i + 1 < this.sTo && nextTok.cap && WEEKDAY_NAME_SUFFIX.has(next)) return;
    // "Friday, Dec. 10" or "Friday at 3 p.m.": chrono reads the whole; ours stays as a fallback.
    const n2 = this.word(i + 2);
    const n3 = this.word(i + 3);
    if (MONTHS.has(n2) || DAY_NUMBER.test(n2) || next === 'at' || /^\d/.test(n2) && (CLOCK_CUES.has(n3) || n2.includes(':')) || MONTHS.has(next) || DAY_NUMBER.test(next)) this.markChrono(i);
    // "Fridays", "Tuesday nights", "every Monday": recurring days.
    const pluralNight = next.endsWith('s') && PART_OF_DAY.has(next.slice(0, -1));
    if (w.endsWith('s') || pluralNight || prev === 'every' || prev === 'each') {
      const a = prev === 'every' || prev === 'each' ? i - 1 : i;
      const pod = pluralNight ? PART_OF_DAY.get(next.slice(0, -1)) : PART_OF_DAY.get(next);
      const b = pod ? i + 2 : i + 1;
      this.emit(a, b, 'SET', `XXXX-WXX-${weekday}${pod ? 'T' + pod : ''}`, 'recurring weekday');
      return;
    }
    let a = i;
    let dir: Direction;
    let includeRef = true;
    let reason = 'weekday';
    let anaphor: Candidate['anaphor'];
    if (prev === 'previous' || prev === 'preceding') {
      // "down from the previous Friday": the one before the day the story is about, else before the reference.
      dir = 'past';
      includeRef = false;
      a--;
      if (this.word(a - 1) === 'the') a--;
      reason = 'previous + weekday';
      anaphor = { unit: 'D', shift: 0, weekdayBefore: weekday };
    } else if (prev === 'last' || prev === 'past') {
      dir = 'past';
      includeRef = false;
      a--;
      reason = 'last + weekday';
    } else if (prev === 'next' || prev === 'coming') {
      dir = 'future';
      includeRef = false;
      a--;
      if (this.word(a - 1) === 'this') a--;
      reason = 'next + weekday';
    } else if (prev === 'this') {
      dir = this.dirFromTense(i - 1, i + 1, 'future');
      a--;
    } else if ((prev === 'until' || prev === 'till' || prev === 'through') && !this.pastJustBefore(i - 1)) {
      // "markets stay closed until Friday": a limit still ahead, unless the clause is plainly past
      dir = 'future';
      reason = `${prev} + weekday`;
    } else {
      // News mostly reports what happened: without a tense cue the weekday is the latest one. A possessive
      // weekday ("get around Wednesday's ruling") dates its noun; only a cue just before it ("ahead of
      // Sunday's vote") says which way, not the clause's verb.
      const possessive = /['’]s$/.test(tok.lower);
      // "died on Sunday": a past verb right before the weekday outweighs a cue elsewhere in the sentence
      const strongPast = !possessive && pastVerbBefore(this.tokens, this.sFrom, i, ON);
      const tense = strongPast ? 'past' : possessive ? tenseNear(this.tokens, Math.max(this.sFrom, i - 3), i + 1, i, i + 1) : this.tense(i, i + 1);
      dir = tense === 'future' ? 'future' : 'past';
      reason = `weekday (${strongPast ? 'the past verb before it' : tense ? tense + ' tense' : 'no tense cue: latest'})`;
    }
    let value = `XXXX-WXX-${weekday}`;
    if (this.ref) value = fmtDate(resolveWeekday(this.ref, weekday, dir, includeRef));
    let b = i + 1;
    let type: TimeType = 'DATE';
    const pod = PART_OF_DAY.get(next);
    if (pod) {
      value += `T${pod}`;
      type = 'TIME';
      b++;
    }
    this.emit(a, b, type, value, reason, anaphor ? { certain: [], anaphor: { ...anaphor, suffix: pod ? `T${pod}` : undefined } } : { certain: [] });
  }

  /** Is "would" the only future word before token i in its sentence ("said it would", no "will")? */
  private onlyWouldAhead(i: number): boolean {
    let would = false;
    for (let k = this.sFrom; k < i; k++) {
      const w = this.word(k);
      if (w === 'would') would = true;
      else if (w === 'will' || w === "'ll" || w === 'shall' || w === 'next' || w === 'coming' || w === 'scheduled' || w === 'expected') return false;
    }
    return would;
  }

  /** A plain past form among the four words around token i ("remained closed until", "until Thursday, they had"). */
  private pastJustBefore(i: number): boolean {
    for (let k = i + 2; k < this.sTo && k <= i + 5; k++) {
      const w = this.word(k);
      if (w === 'was' || w === 'were' || w === 'had' || w === 'did') return true;
    }
    for (let k = i - 1; k >= this.sFrom && k >= i - 4; k--) {
      const w = this.word(k);
      if (w === 'was' || w === 'were' || w === 'had' || w === 'did' || /^[a-z]{3,}ed$/.test(w) && this.word(k - 1) !== 'to' && !/^(?:has|have|is|are|be|remain|remains|stay|stays)$/.test(this.word(k - 1))) return true;
      if (pastVerbAt(this.tokens, k)) return true; // "went on through Thursday"
    }
    return false;
  }

  // ---------------------------------------------------------------- today, yesterday, tomorrow, tonight

  private onDeictic(i: number, w: string): void {
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    const next = this.word(i + 1);
    let type: TimeType = 'DATE';
    let b = i + 1;
    let suffix = '';
    if (w === 'tonight') {
      suffix = 'TNI';
      type = 'TIME';
    } else {
      const pod = PART_OF_DAY.get(next);
      if (pod) {
        suffix = `T${pod}`;
        type = 'TIME';
        b++;
      }
    }
    let value: string;
    if (this.ref) value = fmtDate(addDays(this.ref, offset)) + suffix;
    else value = offset < 0 ? 'PAST_REF' : offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
    let a = i;
    if (type === 'DATE') a = this.extendEdges(a);
    this.emit(a, b, type, value, w, { certain: [] });
  }

  /**
   * A part of the day with no day of its own ("by mid afternoon"): the day the story is telling, or one named
   * beside it ("mid-afternoon yesterday"), like a clock time.
   */
  private partOfDay(a: number, b: number, pod: string, reason: string): void {
    const value = this.ref ? `${fmtDate(this.ref)}T${pod}` : 'PRESENT_REF';
    this.emit(a, b, 'TIME', value, reason, { impliedDate: true, timeSuffix: `T${pod}` });
  }

  /** "this morning", "last night" ("Friday night" is read with the weekday). */
  private onPartOfDay(i: number, w: string): void {
    const prev = this.word(i - 1);
    const pod = PART_OF_DAY.get(w)!;
    // "by mid afternoon"
    if (prev === 'mid' && w !== 'night' && DATE_PREPOSITIONS.has(this.word(i - 2))) {
      this.partOfDay(i - 1, i + 1, pod, 'mid-part of day');
      return;
    }
    // "at 4 in the morning", "11 at night": a clock hour told by the part of the day
    const inThe = prev === 'the' && this.word(i - 2) === 'in' && w !== 'night';
    const atNight = w === 'night' && prev === 'at';
    if (inThe || atNight) {
      const at = inThe ? i - 3 : i - 2;
      const h = at >= this.sFrom ? this.numberAt(at) : null;
      if (h !== null && Number.isInteger(h) && h >= 1 && h <= 12 && /^\d{1,2}$|^[a-z]+$/.test(this.word(at)) && this.word(at - 1) === 'at') {
        const h24 = w === 'morning' ? h % 12 : h === 12 ? 12 : h + 12;
        const suffix = `T${String(h24).padStart(2, '0')}:00`;
        const value = this.ref ? `${fmtDate(this.ref)}${suffix}` : `XXXX-XX-XX${suffix}`;
        this.emit(at, i + 1, 'TIME', value, 'hour + part of day', { certain: ['time'], impliedDate: true, timeSuffix: suffix });
        return;
      }
    }
    let offset: number;
    let a = i - 1;
    let anaphor: Candidate['anaphor'];
    if (prev === 'this') offset = 0;
    else if (prev === 'last' && w === 'night') offset = -1;
    else if (prev === 'that' || prev === 'same' && (this.word(i - 2) === 'the' || this.word(i - 2) === 'that')) {
      // "that night", "the same morning", "later that evening": the day the story last named
      offset = 0;
      if (prev === 'same') a--;
      a = this.extendEdges(a);
      anaphor = { unit: 'D', shift: 0, suffix: `T${pod}` };
    } else if (prev === 'the' && (this.word(i - 2) === 'in' || this.word(i - 2) === 'during') && w !== 'night' && !/^(?:of|after|before)$/.test(this.word(i + 1)) && this.numberAt(i - 3) === null) {
      // "placed orders in the morning": the morning of the day the story is telling
      offset = 0;
      anaphor = { unit: 'D', shift: 0, suffix: `T${pod}` };
    } else if ((prev === 'next' || prev === 'following' || prev === 'previous') && this.word(i - 2) === 'the') {
      offset = prev === 'previous' ? -1 : 1;
      a = i - 2;
      anaphor = { unit: 'D', shift: offset, suffix: `T${pod}` };
    } else return;
    const value = this.ref ? `${fmtDate(addDays(this.ref, offset))}T${pod}` : offset < 0 ? 'PAST_REF' : 'PRESENT_REF';
    this.emit(a, i + 1, 'TIME', value, `${prev} ${w}`, anaphor ? { anaphor } : {});
  }

  /** "for a while", "for some time", "after a while": a stretch of unknown length (TimeML PXX). */
  private onVagueSpan(i: number, w: string): void {
    // "for the time being": for now
    if (w === 'time' && this.word(i - 1) === 'the' && this.word(i + 1) === 'being') {
      this.emit(i - 1, i + 2, 'DATE', 'PRESENT_REF', 'the time being');
      return;
    }
    let a = i - 1;
    if (this.word(a) !== (w === 'while' ? 'a' : 'some')) return;
    if (!/^(?:for|in|after|within|quite)$/.test(this.word(a - 1))) return;
    if (this.word(a - 1) === 'quite') a--;
    this.emit(a, i + 1, 'DURATION', 'PXX', `vague span ${w}`);
  }

  // ---------------------------------------------------------------- seasons

  private onSeason(i: number, w: string): void {
    const season = SEASONS.get(w)!;
    const prev = this.word(i - 1);
    let j = i + 1;
    const next = this.word(j);
    // "the fall of Kabul", "a fall in prices": only a season with a determiner and no noun complement.
    let yearIdx = -1;
    if (/^\d{4}$/.test(next)) yearIdx = j;
    else if (next === 'of' && /^\d{4}$/.test(this.word(j + 1))) yearIdx = j + 1;
    const det = prev === 'last' || prev === 'this' || prev === 'next' || prev === 'past' || prev === 'coming' || prev === 'early' || prev === 'late';
    const the = prev === 'the' && (DATE_PREPOSITIONS.has(this.word(i - 2)) || this.word(i - 2) === 'over');
    if (yearIdx < 0 && !det) {
      // "in the summer", "during winter"; "fall" and "spring" also need the article and no complement.
      const verbLike = w === 'fall' || w === 'spring';
      if (!the && !(DATE_PREPOSITIONS.has(prev) && !verbLike)) return;
      if (next === 'of' || (verbLike && (next === 'in' || next === 'from' || next === 'to' || next === 'by' || next === 'on'))) return;
    }
    let a = i;
    let value: string;
    const certain: Component[] = [];
    const ref = this.ref;
    const seasonYear = (idx: number) => Math.floor(idx / 4);
    const seasonIndex = (y: number, s: string) => y * 4 + (SEASON_START[s] === 12 ? 3 : SEASON_START[s] / 3 - 1);
    if (yearIdx >= 0) {
      value = `${fmtYear(+this.word(yearIdx))}-${season}`;
      certain.push('year');
      j = yearIdx + 1;
    } else if (ref) {
      // The season containing the reference (winter counts from December).
      const curIdx = ref.m === 12 ? ref.y * 4 + 3 : ref.m <= 2 ? (ref.y - 1) * 4 + 3 : ref.y * 4 + Math.floor(ref.m / 3) - 1;
      const thisYear = ref.m <= 2 && season === 'WI' ? ref.y - 1 : ref.y;
      let idx = seasonIndex(thisYear, season);
      if (prev === 'last' || prev === 'past') {
        a--;
        while (idx >= curIdx) idx -= 4;
      } else if (prev === 'next' || prev === 'coming') {
        a--;
        while (idx <= curIdx) idx += 4;
      } else if (prev === 'this') {
        a--;
      } else {
        const dir = this.dirFromTense(i, i + 1, 'past');
        if (dir === 'past' || dir === 'recent') while (idx > curIdx) idx -= 4;
        else if (dir === 'future') while (idx < curIdx) idx += 4;
      }
      value = `${fmtYear(seasonYear(idx))}-${season}`;
    } else {
      value = `XXXX-${season}`;
      if (prev === 'last' || prev === 'next' || prev === 'this') a--;
    }
    if (a === i && prev === 'the') a--;
    a = this.extendEdges(a);
    if (this.word(a - 1) === 'the' && a === i) a--;
    this.emit(a, yearIdx >= 0 ? yearIdx + 1 : i + 1, 'DATE', value, 'season', { certain });
  }

  // ---------------------------------------------------------------- fuzzy references

  private onFuzzy(i: number, w: string): void {
    const prev = this.word(i - 1);
    const next = this.word(i + 1);
    if (w === 'soon') {
      if (prev === 'as' && next === 'as' && this.word(i + 2) === 'possible') {
        this.emit(i - 1, i + 3, 'DATE', 'FUTURE_REF', 'as soon as possible');
        return;
      }
      if (prev === 'as' || next === 'after' || next === 'afterwards' || next === 'afterward' || prev === 'too' || prev === 'how') return;
    }
    if (w === 'now' && prev === 'from' && next !== 'on') return; // "two weeks from now" is read at the unit
    let a = i;
    if (w === 'now' && (prev === 'right' || prev === 'just')) a--;
    this.emit(a, i + 1, 'DATE', FUZZY_WORDS.get(w)!, `fuzzy word ${w}`);
  }

  /** "the past", "the future", "in the future", "the present", "at present". */
  private onPastFuture(i: number, w: string): void {
    const prev = this.word(i - 1);
    const next = this.word(i + 1);
    if (w === 'past') {
      // "the past two years" is read at the unit; "the past" alone is a fuzzy reference.
      if (prev !== 'the' || this.numberAt(i + 1) !== null || UNITS.has(this.word(i + 1)) || VAGUE_QUANTITY.has(next) || next === 'few' || next === 'decade' || next === 'century') return;
      if (/^[a-z]/.test(next) && !['.', ',', ';', 'and', 'but', 'when', 'as', 'to', 'because', 'that', 'it', 'they', 'he', 'she', 'we', 'the', 'there', 'this', 'is', 'was', 'were', 'are', 'has', 'have', 'had'].includes(next)) return;
      this.emit(i - 1, i + 1, 'DATE', 'PAST_REF', 'the past');
      return;
    }
    if (w === 'future') {
      // Only the noun with its article; the adjective ("future talks") is left to the events stage.
      if (prev !== 'the' && prev !== 'near' && prev !== 'foreseeable') return;
      if (/^[a-z]/.test(next) && !['.', ',', ';', 'and', 'but', 'when', 'as', 'to', 'because', 'that', 'it', 'they', 'he', 'she', 'we', 'there', 'is', 'was', 'will', 'would'].includes(next)) return;
      let a = i - 1;
      if (prev === 'near' || prev === 'foreseeable') {
        if (this.word(i - 2) === 'the') a = i - 2;
      }
      this.emit(a, i + 1, 'DATE', 'FUTURE_REF', 'the future');
      return;
    }
    if (w === 'present') {
      if (prev === 'at' && !/^[a-z]/.test(next)) this.emit(i - 1, i + 1, 'DATE', 'PRESENT_REF', 'at present');
      else if (prev === 'the' && /^[.,;]$/.test(next)) this.emit(i - 1, i + 1, 'DATE', 'PRESENT_REF', 'the present');
    }
  }

  private onCurrentRecent(i: number, w: string): void {
    const next = this.word(i + 1);
    if (UNITS.has(next)) return; // "recent years", "the current year": read at the unit
    if (w === 'current') {
      if (next === 'account' || next === 'accounts' || next === 'affairs' || next === 'events' || next === 'prices' || next === 'dollars' || next === 'assets' || next === 'liabilities' || next === 'density' || next === 'flow' || next === 'sea') return;
      this.emit(i, i + 1, 'DATE', 'PRESENT_REF', 'current');
    } else {
      if (this.word(i - 1) === 'most' || next === 'history' || next === 'memory' || next === 'times' || next === 'past') {
        if (next === 'history' || next === 'memory' || next === 'times' || next === 'past') {
          const a = this.word(i - 1) === 'most' ? i - 1 : i;
          this.emit(a, i + 2, 'DATE', 'PAST_REF', `recent ${next}`);
        }
        return;
      }
      this.emit(i, i + 1, 'DATE', 'PAST_REF', 'recent');
    }
  }

  // ---------------------------------------------------------------- sets

  private onFrequency(i: number, w: string): void {
    const tok = this.tokens[i];
    const next = this.tokens[i + 1];
    if (tok.cap && next && i + 1 < this.sTo && next.cap && i > this.sFrom) return; // "Daily Mail"
    if (tok.cap && next && next.cap && /^[A-Z]/.test(next.text)) return;
    // "The Washington Monthly": the last word of a title
    if (tok.cap && i > this.sFrom + 1 && this.tokens[i - 1].cap && !/^[."“'‘(:]$/.test(this.word(i - 1))) return;
    // "quarterly dividend", "quarterly results": in business prose the adjective names a report, not a recurrence
    if (w === 'quarterly' && next && i + 1 < this.sTo && /^[a-z]{3,}$/.test(next.lower) && !/^(?:and|or|in|at|to|by|for|from|since|until)$/.test(next.lower)) return;
    this.emit(i, i + 1, 'SET', FREQUENCY_ADVERBS.get(w)!, `frequency adverb ${w}`);
  }

  // ---------------------------------------------------------------- hyphenated compounds

  private onHyphenated(i: number, w: string): void {
    const parts = w.split('-');
    // "mid-December", "mid-1990s", "mid-2023", "early-2000s"
    if (parts.length === 2 && (parts[0] === 'pre' || parts[0] === 'post') && /^\d{4}$/.test(parts[1])) {
      this.emit(i, i + 1, 'DATE', parts[1], `${parts[0]}-year`, { certain: ['year'] });
      return;
    }
    // "the worst single-day decline": one unit long
    if (parts.length === 2 && parts[0] === 'single' && UNITS.has(parts[1])) {
      const unit = UNITS.get(parts[1])!;
      if (unit !== 'Q' && unit !== 'WE') this.emit(i, i + 1, 'DURATION', this.durationValue(1, unit), 'single-unit', { unit });
      return;
    }
    if (parts.length === 2 && (parts[0] === 'mid' || parts[0] === 'early' || parts[0] === 'late')) {
      const rest = parts[1];
      const month = MONTHS.get(rest);
      if (month && rest.length >= 3) {
        let value: string;
        if (/^\d{4}$/.test(this.word(i + 1))) {
          value = fmtMonth(+this.word(i + 1), month);
          this.emit(i, i + 2, 'DATE', value, 'mid-month and year', { certain: ['year', 'month'] });
          return;
        }
        value = this.ref ? fmtMonth(resolveMonth(this.ref, month, this.dirFromTense(i, i + 1, 'recent')), month) : `XXXX-${String(month).padStart(2, '0')}`;
        this.emit(i, i + 1, 'DATE', value, 'mid-month', { certain: ['month'] });
        return;
      }
      // "mid-afternoon", "late-morning": that part of the day the story tells, or of the day named beside it
      const pod = PART_OF_DAY.get(rest);
      if (pod && parts[0] === 'mid' && rest !== 'night') {
        this.partOfDay(i, i + 1, pod, 'mid-part of day');
        return;
      }
      const dm = DECADE.exec(rest);
      if (dm) {
        this.emit(this.extendLeftThe(i), i + 1, 'DATE', `${dm[1]}`, 'mid-decade', { certain: ['year'] });
        return;
      }
      if (/^\d{4}$/.test(rest)) {
        this.emit(i, i + 1, 'DATE', rest, 'mid-year', { certain: ['year'] });
        return;
      }
      return;
    }
    if (parts.length === 2 && parts[0] === 'year' && (parts[1] === 'earlier' || parts[1] === 'ago')) {
      // "the year-earlier quarter", "year-ago levels"
      let a = i;
      let b = i + 1;
      const next = this.word(i + 1);
      // "the year-earlier nine months": a stretch of that length, one year back
      const n = this.numberAt(i + 1);
      const u = UNITS.get(this.word(i + 2));
      if (n !== null && u && this.word(i + 1) !== 'a') {
        if (this.word(a - 1) === 'the') a--;
        this.emit(a, i + 3, 'DURATION', this.durationValue(n, u), 'year-earlier + quantity + unit', { unit: u });
        return;
      }
      if (next === 'quarter' || next === 'period' || next === 'month' || next === 'week' || next === 'level' || next === 'levels') {
        if (next === 'quarter' || next === 'period' || next === 'month' || next === 'week') b++;
        if (this.word(a - 1) === 'the') a--;
      }
      const unit: Unit = next === 'month' ? 'M' : next === 'week' ? 'W' : 'Y';
      const s = this.shifted(unit === 'Y' ? 'Y' : unit, unit === 'M' ? -12 : unit === 'W' ? -52 : -1);
      this.emit(a, b, s.type, s.value, 'year-earlier', { comparePeriod: { yearShift: -1 }, unit: 'Y' });
      return;
    }
    if (parts.length === 2 && parts[0] === 'year' && parts[1] === 'end') {
      if (this.ref) this.emit(i, i + 1, 'DATE', fmtYear(this.ref.y), 'year-end');
      return;
    }
    // "third-quarter", "first-half"
    if (parts.length === 2) {
      const ord = ORDINALS.get(parts[0]);
      if (ord && (parts[1] === 'quarter' || parts[1] === 'half')) {
        this.ordinalPeriod(i, i + 1, ord, parts[1] === 'quarter' ? 'Q' : 'HY');
        return;
      }
    }
    // "two-year", "five-day", "24-hour" (digit forms are split by the tokenizer and read at the unit)
    const last = parts[parts.length - 1];
    const unit = UNITS.get(last);
    if (unit && parts.length >= 2 && unit !== 'Q') {
      if (this.word(i + 1) === 'old' || this.word(i + 1) === '-' && this.word(i + 2) === 'old') return;
      const numWord = parts.slice(0, -1).join('-');
      let n: number | 'X' | null = NUMBER_WORDS.get(numWord) ?? null;
      if (n === null && parts.length === 3) {
        const tens = NUMBER_WORDS.get(parts[0]);
        const ones = NUMBER_WORDS.get(parts[1]);
        if (tens && ones && tens >= 20 && ones < 10) n = tens + ones;
      }
      if (n === null && (numWord === 'multi' || numWord === 'several' || numWord === 'many')) n = 'X';
      if (n === null || numWord === 'a' || numWord === 'an') return;
      // "the two-year war": the article belongs to the noun, so it stays outside.
      this.emit(this.approxBefore(i), i + 1, 'DURATION', this.durationValue(n, unit), 'hyphenated duration', { unit });
      return;
    }
    // "year-long", "decade-long" -> one unit; "decades-long", "years-old" -> an unknown number
    if (parts.length === 2 && (parts[1] === 'long' || parts[1] === 'old' && PLURAL_UNITS.has(parts[0]))) {
      const u = UNITS.get(parts[0]);
      if (u) this.emit(i, i + 1, 'DURATION', this.durationValue(PLURAL_UNITS.has(parts[0]) ? 'X' : 1, u), 'unit-long', { unit: u });
    }
  }

  private extendLeftThe(a: number): number {
    return this.word(a - 1) === 'the' ? a - 1 : a;
  }

  // ---------------------------------------------------------------- quarters and halves

  private onHalf(i: number): void {
    const ord = ORDINALS.get(this.word(i - 1));
    if (ord && (ord === 1 || ord === 2 || ord === -1)) this.ordinalPeriod(i - 1, i + 1, ord, 'HY');
  }

  /** "the third quarter (of 2023)", "2023's first half", "this year's second quarter". */
  private ordinalPeriod(a: number, b: number, ord: number, unit: 'Q' | 'HY'): void {
    const max = unit === 'Q' ? 4 : 2;
    if (ord > max) return;
    const letter = unit === 'Q' ? 'Q' : 'H';
    let year: number | null = null;
    const certain: Component[] = [];
    let end = b;
    if (this.word(b) === 'of' && /^\d{4}$/.test(this.word(b + 1))) {
      year = +this.word(b + 1);
      end = b + 2;
      certain.push('year');
    } else if (/^\d{4}$/.test(this.word(b)) && this.word(b + 1) !== 'quarter') {
      year = +this.word(b);
      end = b + 1;
      certain.push('year');
    }
    let start = a;
    let yearShift = 0;
    const p1 = this.word(a - 1);
    const tokPrev = this.tokens[a - 1];
    const relYear = (w: string) => (w === 'this' ? 0 : w === 'last' ? -1 : w === 'next' ? 1 : null);
    if (year === null && this.word(b) === 'of' && this.word(b + 2) === 'year' && relYear(this.word(b + 1)) !== null) {
      // "the third quarter of last year"
      if (this.ref) year = this.ref.y + relYear(this.word(b + 1))!;
      end = b + 3;
    } else if (year === null && /^\d{4}$/.test(p1) && tokPrev && this.touching(a - 1) === false) {
      // "the 1988 third quarter", "2023's first half", "fiscal 1989 first quarter"
      year = +p1;
      start = a - 1;
      if (this.word(start - 1) === 'fiscal') start--;
      certain.push('year');
    } else if (year === null && p1 === 'fiscal' && /^\d{4}$/.test(this.word(a - 2))) {
      year = +this.word(a - 2);
      start = a - 2;
    } else if (p1 === 'year' && tokPrev.lower.endsWith("'s") && relYear(this.word(a - 2)) !== null) {
      // "this year's third quarter"
      if (this.ref) year = this.ref.y + relYear(this.word(a - 2))!;
      start = a - 2;
    } else if (p1 === 'year-ago' || p1 === 'year-earlier') {
      // "the year-ago third quarter": the same quarter one year before
      yearShift = -1;
      start = a - 1;
    }
    if (ord === -1) {
      if (year === null) return; // "the last quarter" is read at the unit as the previous quarter
      ord = max;
    }
    let value: string;
    if (year === null) {
      if (this.ref) {
        const cur = unit === 'Q' ? quarterOf(this.ref.m) : this.ref.m > 6 ? 2 : 1;
        const dir = this.dirFromTense(a, b, 'past');
        let y = this.ref.y;
        if ((dir === 'past' || dir === 'recent') && ord > cur) y--;
        value = `${fmtYear(y + yearShift)}-${letter}${ord}`;
      } else value = `XXXX-${letter}${ord}`;
    } else value = `${fmtYear(year + yearShift)}-${letter}${ord}`;
    if (this.word(start - 1) === 'the') start--;
    else if (start === a && (this.word(start - 1) === 'fiscal') && this.word(start - 2) === 'the') start -= 2;
    this.emit(start, end, 'DATE', value, unit === 'Q' ? 'ordinal quarter' : 'ordinal half', { certain, unit: unit === 'Q' ? 'Q' : 'HY' });
  }

  // ---------------------------------------------------------------- unit nouns: the core of relative dates and durations

  private onUnit(h: number, unit: Unit, w: string): void {
    const plural = PLURAL_UNITS.has(w);
    const next = this.word(h + 1);
    const prevW = this.word(h - 1);
    const tok = this.tokens[h];
    if (next === 'old' || (next === '-' && this.word(h + 2) === 'old')) return; // ages
    if (unit === 'Y' && !plural && prevW === 'new' && this.tokens[h - 1].cap && tok.cap) {
      this.newYear(h);
      return;
    }
    // A capitalised unit inside a sentence is a title ("60 Minutes", "The Hundred Years' War").
    if (tok.cap && h > this.sFrom && !/^[."“'‘(:]$/.test(this.word(h - 1)) && !this.tokens[h - 1].cap) return;
    // ... and so is one inside a run of capitalised words ('"This Week With David Brinkley"')
    if (tok.cap && h > this.sFrom + 1 && h + 1 < this.sTo && this.tokens[h + 1].cap) return;
    if (unit === 'S' && !plural && (prevW === 'the' || ORDINALS.has(prevW) || prevW === 'a')) return; // "a second", ordinal
    if (unit === 'W' && !plural && next === 'of' && MONTHS.has(this.word(h + 2)) && this.tokens[h + 2].cap && ORDINALS.has(prevW)) {
      this.weekOfMonth(h, ORDINALS.get(prevW)!);
      return;
    }
    if (unit === 'Q' && ORDINALS.has(prevW) && prevW !== 'last') {
      this.ordinalPeriod(h - 1, h + 1, ORDINALS.get(prevW)!, 'Q');
      return;
    }
    // "a quarter of the market" is a fraction; "two consecutive quarters of growth" is a time
    if (unit === 'Q' && next === 'of' && !/^\d{4}$/.test(this.word(h + 2)) && !QUANTITY_FILLERS.has(prevW)) return;
    if (unit === 'CE') {
      const om = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(prevW);
      const n = om ? +om[1] : ORDINAL_WORDS.get(prevW);
      if (n) {
        let a = this.extendLeftThe(h - 1);
        a = this.extendEdges(a);
        this.emit(a, h + 1, 'DATE', String(n - 1).padStart(2, '0'), 'ordinal century', { certain: ['year'] });
        return;
      }
    }
    // "year end", "year's end", "by the end of the year" is handled below
    if (unit === 'Y' && !plural && next === 'end' && (prevW === 'by' || prevW === 'at' || prevW === 'around' || prevW === 'before' || prevW === 'until' || prevW === 'the' || prevW === 'of' || prevW === 'near')) {
      const a = prevW === 'the' ? h - 1 : h;
      if (this.ref) this.emit(a, h + 2, 'DATE', fmtYear(this.ref.y), 'year end', { unit });
      return;
    }
    // Hyphen forms split by the tokenizer: "10-year", "24-hour"
    if (prevW === '-' && this.tokens[h - 1].start === this.tokens[h - 2]?.end && this.tokens[h - 1].end === tok.start) {
      const n = this.numberAt(h - 2);
      if (n !== null && unit !== 'Q') {
        const a = this.approxBefore(h - 2);
        this.emit(a, h + 1, 'DURATION', this.durationValue(n, unit), 'hyphenated duration', { unit });
      }
      return;
    }

    // "two more weeks", "20 additional years": a filler between count and unit
    let qEnd = h - 1;
    if (QUANTITY_FILLERS.has(prevW) && this.quantityBefore(h - 2)) qEnd = h - 2;
    const q = this.quantityBefore(qEnd);
    let left = q ? q.from : h;
    const approxFrom = this.approxBefore(left);
    const hasApprox = approxFrom < left;
    left = approxFrom;
    const det = this.word(left - 1);
    const detIdx = left - 1;

    // "a year and a half", "an hour and a half"
    let unitEnd = h + 1;
    let qn: number | 'X' | null = q ? q.n : null;
    if (q && typeof qn === 'number' && next === 'and' && (this.word(h + 2) === 'a' || this.word(h + 2) === 'one') && this.word(h + 3) === 'half') {
      qn += 0.5;
      unitEnd = h + 4;
    }
    // "a week or so ago", "a year or two"
    let after = unitEnd;
    if (this.word(after) === 'or' && this.word(after + 1) === 'so') after += 2;
    else if (q && this.word(after) === 'or' && this.numberAt(after + 1) !== null && this.word(after + 1) !== 'a') {
      qn = 'X';
      after += 2;
      unitEnd = after;
    }
    const relWord = this.word(after);

    // -------- "two years ago", "a year earlier", "three days later"
    const rel = relWord === 'ago' || relWord === 'earlier' || relWord === 'later' || relWord === 'back' || relWord === 'hence' || (relWord === 'from' && this.word(after + 1) === 'now');
    if (rel && (q || plural)) {
      const sign = relWord === 'later' || relWord === 'hence' || relWord === 'from' ? 1 : -1;
      const end = relWord === 'from' ? after + 2 : after + 1;
      const n = q ? qn! : 'X';
      const a = q ? left : this.approxBefore(h);
      if (n === 'X' || unit === 'WE') {
        // "a few years ago" is the recent past; "days later" in a story is some days on from its last date, a
        // stretch whose end is unknown, not a future time
        if (relWord === 'later' || relWord === 'earlier') this.emit(a, end - 1, 'DURATION', this.durationValue('X', unit), `${relWord}, vague count`, { unit });
        else this.emit(a, end, 'DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', `${relWord}, vague count`, { unit });
        return;
      }
      // "departed on Monday, a month later than expected": a comparison of lengths, not a date
      if ((relWord === 'later' || relWord === 'earlier') && this.word(end) === 'than') {
        this.emit(a, end - 1, 'DURATION', this.durationValue(n, unit), `unit + ${relWord} than`, { unit });
        return;
      }
      const s = this.shifted(unit, sign * n);
      const extra: Partial<Candidate> = { unit };
      if (unit === 'Y' && n === 1) extra.comparePeriod = { yearShift: sign };
      // "ago" counts from the report; "three days later" from the last date the story named.
      // "compared with a year earlier", "up from a year earlier" compare with the report's own time.
      const compared = COMPARISON_WORDS.has(this.word(a - 1)) || this.isAmount(a - 1);
      if ((relWord === 'later' || relWord === 'earlier') && ANAPHOR_UNITS.has(unit) && Number.isInteger(n) && !compared) {
        extra.anaphor = { unit, shift: sign * n };
      }
      this.emit(a, end, s.type, s.value, `unit + ${relWord}`, extra);
      return;
    }

    // -------- every/each/per + unit: sets
    // "15 million instructions per second", "100 km per hour": a rate's unit of measure, not a recurring time
    if (det === 'per' && (unit === 'S' || unit === 'MIN' || unit === 'H') && !plural) return;
    if (det === 'every' || det === 'each' || det === 'per') {
      if (unit === 'WE') {
        this.emit(detIdx, h + 1, 'SET', 'XXXX-WXX-WE', `${det} weekend`);
        return;
      }
      this.emit(detIdx, h + 1, 'SET', this.durationValue(q ? q.n : 1, unit), `${det} + unit`, { unit });
      return;
    }
    // "$5 million a year", "twice a week", "four flights a week", "24 hours a day"
    if (q && q.n === 1 && !plural && (this.word(q.from) === 'a' || this.word(q.from) === 'an') && !hasApprox) {
      const before = this.word(q.from - 1);
      const beforeTok = this.tokens[q.from - 1];
      const countNoun = before.length > 3 && before.endsWith('s') && !NOT_PLURAL_NOUNS.has(before) && beforeTok && !beforeTok.cap && q.from - 1 >= this.sFrom;
      if (before === 'once' || before === 'twice' || before === 'times' || COUNT_FOLLOWERS.has(before) && before !== 'to' || /^[$€£]?\d/.test(before) && !/^\d{4}$/.test(before) || countNoun) {
        let a = q.from;
        if (before === 'once' || before === 'twice') a--;
        this.emit(a, h + 1, 'SET', this.durationValue(1, unit), 'quantity + a + unit', { unit });
        return;
      }
    }
    if (unit === 'Q' && q && this.word(q.from) === 'a') return; // "in a quarter that..." is vague

    // -------- quantity with a determiner: "the past two years", "the next few days", "the first nine months"
    if (q && (PAST_DETERMINERS.has(det) || FUTURE_DETERMINERS.has(det) || det === 'first' || det === 'final' || det === 'latest' || det === 'remaining' || det === 'initial')) {
      let a = detIdx;
      if (this.word(a - 1) === 'the' || this.word(a - 1) === 'these' || this.word(a - 1) === 'those') a--;
      const extra: Partial<Candidate> = { unit };
      if (PAST_DETERMINERS.has(det) || det === 'latest') extra.direction = 'past';
      else if (FUTURE_DETERMINERS.has(det) || det === 'remaining') extra.direction = 'future';
      if (extra.direction && q.n !== 'X') extra.anchor = this.anchorFor(unit, (extra.direction === 'past' ? -1 : 1) * q.n);
      this.emit(a, unitEnd, 'DURATION', this.durationValue(qn!, unit), `${det} + quantity + unit`, extra);
      return;
    }

    // -------- plain quantity: "three days", "a decade", "more than 20 years"
    if (q) {
      const qWord = this.word(q.from);
      if ((qWord === 'a' || qWord === 'an') && unit === 'WE') return;
      if (unit === 'S' && !plural && q.n === 1) return; // "a second round"
      // "there came a day when", "not a day anybody can be prepared for": a time, not a length
      if ((qWord === 'a' || qWord === 'an') && !plural && (det === 'not' || det === 'came' || /^(?:when|that|anybody|anyone|nobody|everybody|i|we|you|he|she|they)$/.test(next))) return;
      // "will one day be": an indefinite time, not a 24-hour duration
      if (qWord === 'one' && unit === 'D' && !plural && !DURATION_PREPOSITIONS.has(det) && !hasApprox) {
        const future = this.tense(q.from, h + 1) === 'future';
        this.emit(q.from, h + 1, 'DATE', future ? 'FUTURE_REF' : 'PAST_REF', 'one day');
        return;
      }
      let a = left;
      if (det === 'the' && qWord !== 'a' && qWord !== 'an') a--; // "the nine months"
      // "will be redeemed in five years": a date that far ahead
      if (det === 'in' && qn !== 'X' && !hasApprox && unit !== 'H' && unit !== 'MIN' && unit !== 'S' && this.tense(left, unitEnd) === 'future') {
        const s = this.shifted(unit, qn!);
        this.emit(a, unitEnd, s.type, s.value, 'in + quantity + unit (future)', { unit });
        return;
      }
      const extra: Partial<Candidate> = { unit };
      const dir = this.durationDirection(left, unitEnd);
      if (dir) {
        extra.direction = dir;
        if (qn !== 'X') extra.anchor = this.anchorFor(unit, (dir === 'past' ? -1 : 1) * qn!);
      }
      this.emit(a, unitEnd, 'DURATION', this.durationValue(qn!, unit), 'quantity + unit', extra);
      return;
    }
    if (hasApprox) return;

    // -------- no quantity
    if (det === 'last' || det === 'previous' || det === 'past' || det === 'next' || det === 'coming' || det === 'this' || det === 'current' || det === 'following' || det === 'latest') {
      const p2 = this.word(detIdx - 1);
      if (p2 === 'the' || p2 === 'these' || p2 === 'those' || p2 === 'most') {
        this.theDetUnit(detIdx - 1, h, unit, det, plural);
        return;
      }
      if (plural) {
        if (det === 'past' || det === 'last' || det === 'coming' || det === 'next') {
          this.emit(detIdx, h + 1, 'DURATION', this.durationValue('X', unit), `${det} + units`, { unit, direction: det === 'past' || det === 'last' ? 'past' : 'future' });
        }
        return;
      }
      if (unit === 'H' || unit === 'MIN' || unit === 'S' || det === 'latest') return;
      const shift = det === 'this' || det === 'current' ? 0 : det === 'next' || det === 'coming' || det === 'following' ? 1 : -1;
      const s = this.shifted(unit, shift);
      let a = this.extendEdges(detIdx);
      if (this.word(a - 1) === 'mid' && this.touching(a - 1)) a--;
      const extra: Partial<Candidate> = { unit };
      // "$3 million last year", "last year's quarter": in a comparison of figures, that period last year
      if (unit === 'Y' && det === 'last' && /['’]s$/.test(tok.lower) && (next === 'quarter' || next === 'period')) {
        extra.comparePeriod = { yearShift: -1 };
      }
      // "This quarter's loss includes charges": in a results story, the quarter being reported, unless the
      // sentence looks ahead ("expects a profit this quarter")
      if (unit === 'Q' && det === 'this' && this.tense(detIdx, h + 1) !== 'future') extra.periodRef = true;
      this.emit(a, h + 1, s.type, s.value, `${det} + unit`, extra);
      return;
    }
    if (!plural && (det === 'that' || det === 'same' && (this.word(detIdx - 1) === 'the' || this.word(detIdx - 1) === 'that')) && ANAPHOR_UNITS.has(unit)) {
      this.thatUnit(detIdx, h, unit);
      return;
    }
    if (!plural && unit === 'Y' && (det === 'fiscal' || det === 'full' || det === 'whole' || det === 'entire' || det === 'calendar' || det === 'the')) {
      if (this.theYear(detIdx, h)) return;
    }
    if (det === 'the' && !plural) {
      const p2 = this.word(left - 2);
      // "closed down 3% on the day", "for the week": the day or week the story is telling
      // "to end the day at 7,114", "opened the day higher": a trading day is the story's day
      const dayVerb = unit === 'D' && DAY_SESSION_VERBS.has(p2);
      if ((unit === 'D' || unit === 'W') && (dayVerb || p2 === 'for' || p2 === 'during' || p2 === 'throughout' || p2 === 'on' && unit === 'D') && !/^(?:after|before|of|when|that|following|ahead|in|to)$/.test(next)) {
        const s = this.shifted(unit, 0);
        this.emit(left - 1, h + 1, s.type, s.value, `the ${w} (the story's)`, { unit, anaphor: { unit, shift: 0 } });
        return;
      }
      // "the day after", "the day before" with nothing after: the day after the one just named
      if (unit === 'D' && (next === 'after' || next === 'before') && /^[.,;:!?)"'”’]?$/.test(this.word(h + 2)) && !this.tokens[h + 2]?.lower.match(/^[a-z]/)) {
        const shift = next === 'after' ? 1 : -1;
        const s = this.shifted('D', shift);
        this.emit(left - 1, h + 2, s.type, s.value, `the day ${next}`, { unit, anaphor: { unit: 'D', shift } });
        return;
      }
      // "the end of the year": the unit containing the reference
      // ("at the end of the day" is an idiom; "at the start of the day" is a time)
      if (p2 === 'of' && EDGE_NOUNS.has(this.word(left - 3)) && unit !== 'H' && unit !== 'MIN' && unit !== 'S' && (unit !== 'D' || /^(?:start|beginning)$/.test(this.word(left - 3)))) {
        const s = this.shifted(unit, 0);
        let a = left - 3;
        if (this.word(a - 1) === 'the') a--;
        this.emit(a, h + 1, s.type, s.value, 'edge of the unit', { unit });
        return;
      }
      // "earlier in the year", "later in the day"
      if (p2 === 'in' && /^(?:earlier|later|early|late)$/.test(this.word(left - 3)) && unit !== 'H' && unit !== 'MIN' && unit !== 'S') {
        const s = this.shifted(unit, 0);
        this.emit(left - 3, h + 1, s.type, s.value, `${this.word(left - 3)} in the unit`, { unit });
        return;
      }
      // "in the quarter": the quarter being reported, the last one ended unless the sentence looks ahead
      if (unit === 'Q' && (p2 === 'in' || p2 === 'for' || p2 === 'during')) {
        // "for the quarter a year ago": the quarter under discussion, one year back (one expression)
        const n2 = this.word(h + 2);
        if (this.ref && (next === 'a' && n2 === 'year' && (this.word(h + 3) === 'ago' || this.word(h + 3) === 'earlier') || next === 'last' && n2 === 'year')) {
          this.emit(left - 1, h + (next === 'a' ? 4 : 3), 'DATE', fmtYear(this.ref.y - 1), 'the quarter a year back', { unit, comparePeriod: { yearShift: -1 } });
          return;
        }
        const s = this.shifted('Q', this.tense(left, h + 1) === 'future' ? 0 : -1);
        this.emit(left - 1, h + 1, s.type, s.value, 'the quarter', { unit, periodRef: true });
        return;
      }
      if (unit === 'WE') {
        const dir = this.dirFromTense(left, h + 1, 'past');
        this.emit(left - 1, h + 1, 'DATE', this.weekendValue(dir), 'the weekend');
        return;
      }
      return;
    }
    if (det === 'the' && plural && unit !== 'H' && unit !== 'MIN' && unit !== 'S' && unit !== 'WE') {
      // "the weeks ahead", "over the years", "in the years that followed": an unknown stretch of time
      const p2 = this.word(left - 2);
      const ahead = next === 'ahead';
      if (ahead || p2 === 'over' || p2 === 'through' || p2 === 'across' || (p2 === 'in' && (next === 'that' || next === 'since' || next === 'after' || next === 'before'))) {
        const extra: Partial<Candidate> = { unit };
        if (ahead) extra.direction = 'future';
        this.emit(left - 1, ahead ? h + 2 : h + 1, 'DURATION', this.durationValue('X', unit), 'the + units', extra);
      }
      return;
    }
    if (det === 'these' && plural && (unit === 'D' || unit === 'Y')) {
      this.emit(detIdx, h + 1, 'DATE', 'PRESENT_REF', 'these days');
      return;
    }
    if (plural && (det === 'for' || det === 'in' || det === 'over' || det === 'within' || det === 'after' || det === 'than' || det === 'during')) {
      // "for years", "within weeks", "after months of talks"
      if (unit === 'H' || unit === 'MIN' || unit === 'S' || unit === 'WE' || unit === 'Q') return;
      if (next === 'of' && det !== 'for' && det !== 'after') return;
      const extra: Partial<Candidate> = { unit };
      const dir = this.durationDirection(h, h + 1);
      if (dir) extra.direction = dir;
      this.emit(h, h + 1, 'DURATION', this.durationValue('X', unit), 'bare plural unit', extra);
      return;
    }
    if (det === 'recent' && plural) {
      let a = detIdx;
      if (this.word(a - 1) === 'the' || this.word(a - 1) === 'more') a--;
      if (this.word(a - 1) === 'most') a--;
      // "in recent years": a stretch of unknown length running up to the reference
      // "in recent years", "of recent decades": a time in the recent past, not a length (days, weeks and
      // months stay stretches: "in recent weeks" is read as how long)
      if (unit === 'Y' || unit === 'DE') this.emit(a, h + 1, 'DATE', 'PAST_REF', 'recent + units');
      else this.emit(a, h + 1, 'DURATION', this.durationValue('X', unit), 'recent + units', { unit, direction: 'past' });
    }
  }

  /** The token ends a figure: "$3 million", "14 cents", "5%", "$1.55". */
  private isAmount(i: number): boolean {
    const w = this.word(i);
    return /^[$€£#]?\d/.test(w) || FIGURE_UNITS.has(w) || w === 'share';
  }

  /**
   * "overnight": the night of the day the story is telling ("On 12 May ... overnight"), else the night
   * before the report.
   */
  private onOvernight(i: number): void {
    const next = this.tokens[i + 1];
    // "an overnight curfew", "overnight trading": an adjective; "done overnight": suddenly
    if (next && i + 1 < this.sTo && /^[a-z]{3,}$/.test(next.text) && !/^(?:on|in|at|into|to|and|as|when|while|after|before|near|outside|inside|around|amid|during|but|from|with|without)$/.test(next.text)) return;
    if (/^(?:done|happen|happened|change|changed)$/.test(this.word(i - 1))) return;
    const value = this.ref ? `${fmtDate(addDays(this.ref, -1))}TNI` : 'PAST_REF';
    this.emit(i, i + 1, 'TIME', value, 'overnight', { anaphor: { unit: 'D', shift: 0, suffix: 'TNI', nightBefore: true } });
  }

  /** "the latest period", "the corresponding period last year": reporting periods named by the story. */
  private onPeriod(i: number): void {
    const prev = this.word(i - 1);
    const the = this.word(i - 2) === 'the';
    if (!the || !this.ref) return;
    if (prev === 'latest' || prev === 'current') {
      const s = this.shifted('Q', -1);
      this.emit(i - 2, i + 1, s.type, s.value, `the ${prev} period`, { unit: 'Q', periodRef: true });
      return;
    }
    if ((prev === 'same' || prev === 'comparable' || prev === 'corresponding' || prev === 'year-ago' || prev === 'year-earlier')) {
      let b = i + 1;
      if (this.word(b) === 'last' && this.word(b + 1) === 'year') b += 2;
      else if (this.word(b) === 'a' && this.word(b + 1) === 'year' && (this.word(b + 2) === 'ago' || this.word(b + 2) === 'earlier')) b += 3;
      else if (prev === 'same' || prev === 'comparable' || prev === 'corresponding') return;
      this.emit(i - 2, b, 'DATE', fmtYear(this.ref.y - 1), `the ${prev} period`, { unit: 'Y', comparePeriod: { yearShift: -1 } });
    }
  }

  /** "the last week of March", "the first week of May 2009": the ISO week holding that Thursday of the month. */
  private weekOfMonth(h: number, ord: number): void {
    const month = MONTHS.get(this.word(h + 2))!;
    let b = h + 3;
    let y: number | null = null;
    if (/^\d{4}$/.test(this.word(b))) y = +this.word(b++);
    else if (this.ref) y = resolveMonth(this.ref, month, this.dirFromTense(h, b, 'recent'));
    let a = h - 1;
    if (this.word(a - 1) === 'the') a--;
    if (y === null) {
      this.emit(a, b, 'DATE', `XXXX-${String(month).padStart(2, '0')}`, 'n-th week of a month', { certain: ['month'] });
      return;
    }
    let thursday: Ymd;
    if (ord > 0) thursday = nthWeekday(y, month, 4, ord);
    else {
      const last = nthWeekday(y, month, 4, 4);
      thursday = isValidDate(y, month, last.d + 7) ? { y, m: month, d: last.d + 7 } : last;
    }
    if (!isValidDate(thursday.y, thursday.m, thursday.d)) return;
    this.emit(a, b, 'DATE', fmtWeek(thursday), 'n-th week of a month', { certain: y !== null && /^\d{4}$/.test(this.word(h + 3)) ? ['year', 'month'] : ['month'] });
  }

  /** "that day", "later that year", "the same week", "that same month": the unit of the last date named. */
  private thatUnit(detIdx: number, h: number, unit: Unit): void {
    let a = detIdx;
    if (this.word(detIdx) === 'same') a--; // "the same", "that same"
    a = this.extendEdges(a);
    // "the same month a year ago", "the same quarter last year": that unit, one year back
    let b = h + 1;
    const perYear: Partial<Record<Unit, number>> = { M: 12, Q: 4, Y: 1 };
    let shift = 0;
    const n1 = this.word(b);
    const n2 = this.word(b + 1);
    if (perYear[unit] && (n1 === 'a' && n2 === 'year' && (this.word(b + 2) === 'ago' || this.word(b + 2) === 'earlier') || n1 === 'last' && n2 === 'year')) {
      shift = -perYear[unit]!;
      b += n1 === 'a' ? 3 : 2;
    }
    const s = this.shifted(unit, shift);
    const extra: Partial<Candidate> = { unit, anaphor: { unit, shift } };
    if (unit === 'Q' && shift === 0) extra.needsAntecedent = true;
    this.emit(a, b, s.type, s.value, shift ? 'that + unit, a year back' : 'that + unit', extra);
  }

  /**
   * "for the year", "the full year", "the fiscal year", "fiscal year": the (fiscal) year of the report;
   * "the year ended Sept. 30" is a reporting period of one year. False when the words are no time.
   */
  private theYear(detIdx: number, h: number): boolean {
    if (!this.ref) return false;
    const det = this.word(detIdx);
    let a = detIdx;
    const ended = this.word(h + 1) === 'ended' || this.word(h + 1) === 'ending';
    if (det === 'the') {
      const p2 = this.word(detIdx - 1);
      if (!ended && (!THE_YEAR_PREPOSITIONS.has(p2) || p2 === 'of' && EDGE_NOUNS.has(this.word(detIdx - 2)))) return false;
    } else {
      if (this.word(a - 1) === 'current' || this.word(a - 1) === 'latest') a--;
      if (this.word(a - 1) === 'the' || this.word(a - 1) === 'this' || this.word(a - 1) === 'its' || this.word(a - 1) === 'their') a--;
      else if (det !== 'fiscal' || this.word(a - 1) === 'a' || this.word(a - 1) === 'an') return false;
    }
    const next = this.word(h + 1);
    // "the year two thousand", "the year 1999", "the year before": read elsewhere or no period of their own
    if (/^\d/.test(next) || next === 'two' || next === 'nineteen' || next === 'before' || next === 'after' || next === 'of' || next === 'in') return false;
    if (next === 'ended' || next === 'ending' || next === 'to' || next === 'through') {
      this.emit(a, h + 1, 'DURATION', 'P1Y', 'the year ended (reporting period)', { unit: 'Y' });
      return true;
    }
    const latest = this.word(a) === 'latest' || this.word(a + 1) === 'latest';
    const extra: Partial<Candidate> = { unit: 'Y' };
    // "a loss for the fourth quarter of 2005 and for the entire year": the year the story is on ("the full
    // year", "the fiscal year" stay the report's: business prose names them beside other years)
    if (det === 'entire' || det === 'whole') extra.anaphor = { unit: 'Y', shift: 0 };
    this.emit(a, h + 1, 'DATE', fmtYear(this.ref.y - (latest ? 1 : 0)), 'the (fiscal) year of the report', extra);
    return true;
  }

  /** "New Year", "New Year's Day", "New Year's Eve". */
  private newYear(h: number): void {
    const before = this.tokens[h - 2];
    if (before && h - 2 >= this.sFrom && before.cap && /^(?:chinese|lunar|jewish|persian|iranian|islamic|vietnamese|tibetan|orthodox)$/.test(before.lower)) return;
    const next = this.word(h + 1);
    let b = h + 1;
    let m = 1;
    let d = 1;
    if (next === 'eve') {
      m = 12;
      d = 31;
      b++;
    } else if (next === 'day') b++;
    const { a, dir, includeRef } = this.yearlyAnchor(h - 1, b);
    const value = this.ref ? fmtDate(resolveYearly(this.ref, (y) => ({ y, m, d }), dir, includeRef)) : `XXXX-${m === 1 ? '01-01' : '12-31'}`;
    this.emit(a, b, 'DATE', value, 'holiday new year');
  }

  /** "the past year", "the next decade", "the previous year", "the following month". */
  private theDetUnit(theIdx: number, h: number, unit: Unit, det: string, plural: boolean): void {
    const past = det === 'past' || det === 'last' || det === 'previous' || det === 'latest';
    if (!plural && unit === 'Q' && (det === 'last' || det === 'latest' || det === 'previous')) {
      // "the latest quarter", "the last quarter": the quarter most recently ended
      const s = this.shifted('Q', -1);
      this.emit(theIdx, h + 1, s.type, s.value, `the ${det} quarter`, { unit });
      return;
    }
    if (plural) {
      this.emit(theIdx, h + 1, 'DURATION', this.durationValue('X', unit), `the ${det} + units`, { unit, direction: past ? 'past' : 'future' });
      return;
    }
    if (det === 'previous' || det === 'following' || det === 'current' || det === 'this' || det === 'next' && unit === 'D' && this.word(h + 1) !== 'or') {
      const shift = det === 'previous' ? -1 : det === 'following' || det === 'next' ? 1 : 0;
      if (unit === 'H' || unit === 'MIN' || unit === 'S') return;
      const s = this.shifted(unit, shift);
      const extra: Partial<Candidate> = { unit };
      // "the following year" is the year after the one the story is telling, not after the report.
      if (shift !== 0 && ANAPHOR_UNITS.has(unit)) extra.anaphor = { unit, shift };
      this.emit(theIdx, h + 1, s.type, s.value, `the ${det} + unit`, extra);
      return;
    }
    // "the past year", "the last decade", "the next month": TimeML reads the unit before or after the
    // reference's (a DATE), as it does "last year"; hours and minutes stay stretches of time.
    if ((unit === 'Y' || unit === 'M' || unit === 'DE') && det !== 'latest') {
      const s = this.shifted(unit, past ? -1 : 1);
      this.emit(theIdx, h + 1, s.type, s.value, `the ${det} + unit`, { unit });
      return;
    }
    const extra: Partial<Candidate> = { unit, direction: past ? 'past' : 'future' };
    extra.anchor = this.anchorFor(unit, past ? -1 : 1);
    this.emit(theIdx, h + 1, 'DURATION', this.durationValue(1, unit), `the ${det} + unit`, extra);
  }

  private weekendValue(dir: Direction): string {
    const ref = this.ref;
    if (!ref) return 'XXXX-WXX-WE';
    const wd = isoWeekday(ref);
    if (wd >= 6) return `${fmtWeek(ref)}-WE`;
    if (dir === 'future') return `${fmtWeek(ref)}-WE`;
    return `${fmtWeek(addDays(ref, -7))}-WE`;
  }

  /**
   * Whether a duration runs back from the reference ("had been in place for over a decade") or forward
   * from it. Past needs "for"/"over" before the duration and a perfect auxiliary earlier in the clause.
   */
  private durationDirection(a: number, b: number): 'past' | 'future' | undefined {
    let p = a - 1;
    const prep = this.word(p);
    if (prep !== 'for' && prep !== 'over' && prep !== 'in' && prep !== 'within') return undefined;
    for (let i = p - 1, n = 0; i >= this.sFrom && n < 10; i--, n++) {
      const w = this.word(i);
      if (w === ',' || w === ';' || w === 'and' || w === 'but') break;
      if (PERFECT_CUES.has(w) || w.endsWith("'ve") || w.endsWith("'d")) return prep === 'within' ? undefined : 'past';
      if (w === 'will' || w === 'shall' || w.endsWith("'ll")) return prep === 'for' || prep === 'within' || prep === 'over' ? 'future' : undefined;
    }
    return undefined;
  }
}
