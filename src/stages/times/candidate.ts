// What every parser produces before overlaps are resolved: a TimeExpr with character offsets
// and a few hints for the refiners that run afterwards.
import type { TimeType } from '../../core/types.js';
import type { Unit } from './lexicon.js';

export type Component = 'year' | 'month' | 'day' | 'time';

export interface Candidate {
  start: number;
  end: number;
  type: TimeType;
  value: string;
  certain: Component[];
  direction?: 'past' | 'future';
  anchor?: string;
  sentence: number;
  reason: string;
  /** Higher wins when two candidates cover the same span. */
  priority: number;
  /**
   * The expression names "the same period" as one mentioned nearby, in another year: "a year earlier"
   * (yearShift -1), "the year-ago quarter", "the 1988 period" (year 1988). A refiner copies that period.
   */
  comparePeriod?: { yearShift?: number; year?: number };
  /**
   * The expression counts from a time named earlier in the story, not from the published date: "the
   * next day" (D, +1), "later that year" (Y, 0), "three days later" (D, +3). A refiner shifts the latest
   * earlier date of at least that precision; `value` holds the reading from the published date as fallback.
   */
  anaphor?: {
    unit: Unit;
    shift: number;
    suffix?: string;
    /** With unit M: a day of that month ("on the 13th"). */
    day?: number;
    /** A past-tense day of the month lies on or before this date: else it is the month before's. */
    notAfter?: string;
    /** "overnight": a day named later in the same sentence ("overnight, ... reported Saturday") ends the night. */
    nightBefore?: boolean;
    /** With unit D: the latest day of this ISO weekday strictly before the story's day ("the previous Friday"). */
    weekdayBefore?: number;
  };
  /** "the same quarter" is a district unless the story named a quarter of the year before it: dropped then. */
  needsAntecedent?: boolean;
  /** "the quarter", "the latest period": the quarter the story is about, i.e. the last one it named. */
  periodRef?: boolean;
  /** The unit of a relative expression, for refiners. */
  unit?: Unit;
  /** A TIME with a date taken from the reference only: a refiner may move it to a date in the same sentence. */
  impliedDate?: boolean;
  /** Time-of-day suffix for a TIME ("T15:00", "TMO"). */
  timeSuffix?: string;
}
