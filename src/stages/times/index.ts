// The TIMES stage: temporal expressions normalised against the published date (TIMEX3 values).
// Order: (1) dyad's rule scanner (rules.ts) walks the tokens once, one hash look-up per token, and
// marks small windows for chrono; (2) chrono-node reads calendar dates and clock times in those
// windows (chrono.ts); (3) overlaps are resolved: the longest span wins, then our rules; (4) refiners
// use the neighbourhood: a clock time joins or takes the day named beside it, and "a year earlier" /
// "the year-ago quarter" become the compared quarter or month one year back.
import type { Doc, Sentence, Stage, TimeExpr, Token } from '../../core/types.js';
import { segment, tokenize } from '../segment/segment.js';
import type { Candidate } from './candidate.js';
import { parseIsoDate } from './calendar.js';
import { chronoCandidates } from './chrono.js';
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
    tokenAt: (offset: number) => tokenAt(tokens, offset),
  };
  const all = scanner.out.concat(chronoCandidates(text, scanner.chronoWindows, ref, lookup));
  const kept = mergeDateAndClock(text, resolveOverlaps(all));
  refineClockDates(kept);
  refineComparedPeriods(kept);
  return kept.map(toTimeExpr(text));
}

function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/** "on Thursday ... at 3 p.m.": a clock time with no date of its own takes the day named in its sentence. */
function refineClockDates(cands: Candidate[]): void {
  for (const c of cands) {
    if (!c.impliedDate || !c.timeSuffix) continue;
    let best: Candidate | null = null;
    for (const d of cands) {
      if (d.sentence !== c.sentence || d === c || !DAY_VALUE.test(d.value)) continue;
      if (!best || Math.abs(d.start - c.start) < Math.abs(best.start - c.start)) best = d;
    }
    if (best) {
      c.value = best.value + c.timeSuffix;
      c.reason += '; date from the same sentence';
    }
  }
}

const QUARTER_VALUE = /^(\d{4})-(Q[1-4]|H[12])$/;
const MONTH_VALUE = /^(\d{4})-(\d{2})$/;

/**
 * "Profit rose in the third quarter from a year earlier", "in the year-ago quarter", "the 1988 period":
 * the same period as the one under discussion, in another year. The period is a quarter, half or month
 * in the same sentence, or else a quarter or half in the two sentences before.
 */
function refineComparedPeriods(cands: Candidate[]): void {
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (!c.comparePeriod || !/^\d{4}$/.test(c.value)) continue;
    let period: RegExpExecArray | null = null;
    for (const d of cands) {
      if (d === c || d.sentence !== c.sentence || d.comparePeriod) continue;
      period = QUARTER_VALUE.exec(d.value) ?? MONTH_VALUE.exec(d.value);
      if (period) break;
    }
    for (let j = i - 1; !period && j >= 0 && cands[j].sentence >= c.sentence - 2; j--) {
      if (!cands[j].comparePeriod) period = QUARTER_VALUE.exec(cands[j].value);
    }
    if (!period) continue;
    const y = c.comparePeriod.year ?? +period[1] + (c.comparePeriod.yearShift ?? 0);
    c.value = `${String(y).padStart(4, '0')}-${period[2]}`;
    c.reason += '; same period as the one compared';
  }
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
