// Dates on ACLED Sahel notes, the times stage alone and the event dater.
// Rows: day precision (time_precision 1) whose note states the event's own day (statedEventDay): its day of
// the month beside its month ("On October 27", "27 Oct", "11-12 March") or its weekday ("on Thursday").
// A note that names only other days ("protested for the elections set for 7 February", "held since
// 21 July") says nothing of when its event happened, so no reader of the note could date it; those rows are
// left out (namesADay, which only asks whether some day is named, counted them).
// A day inside a stated range ("5-10 Jul", "Between April 26 and 28") is one day of a multi-day event that
// ACLED splits into a row per day; the note's one event is dated right there when its date lies in the range.
// Published date: event_date + 2 days, as in eval/acled.ts.
// - Times stage: right when the first DATE or TIME expression of the note has a value whose day (YYYY-MM-DD)
//   equals event_date; also the share where some expression does.
// - Event dater: the event eval/acled.ts chooses (predictAcled) from the full engine; its date as the events
//   stage codes it (what a user gets from annotate), and re-dated by dateEvent with the sentence context.
//   Over the rows where the engine found an event (rows without one are the event coder's misses).
//
// Usage: node dist-tools/eval/acled-dates.js [dev.csv] [--errors] [--json]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc, TimeExpr } from '../src/core/types.js';
import { createEngine } from '../src/engine.js';
import { loadEventLexicon } from '../src/lexicons/events.js';
import { dateEvent } from '../src/stages/events/dating.js';
import { segment } from '../src/stages/segment/segment.js';
import { extractTimes } from '../src/stages/times/index.js';
import { addDays, loadAcled, predictAcled, type AcledRow } from './acled.js';
import { eventDayMatches, statedEventDay } from './event-day.js';
import { ratio, sentenceDating } from './util.js';

export interface AcledDateMiss {
  id: string;
  gold: string;
  predicted: string;
  expression: string;
  note: string;
}

export interface AcledDateResult {
  /** Rows with day precision whose note states the event's day (statedEventDay). */
  n: number;
  /** First DATE/TIME expression's day equals event_date. */
  firstExact: number;
  /** Some DATE/TIME expression's day equals event_date. */
  anyExact: number;
  /** Rows where the engine chose an event. */
  withEvent: number;
  /** Of those, the chosen event's date as the events stage codes it now equals event_date. */
  codedExact: number;
  /** Of those, the chosen event re-dated by dateEvent with the sentence context equals event_date. */
  contextExact: number;
  /** Notes where the stage found no DATE/TIME expression with a day at all. */
  noDay: number;
  misses: AcledDateMiss[];
  /** Rows where the context dater is wrong, with its reason. */
  daterMisses: AcledDateMiss[];
  /** Characters per second of the times stage alone (segmenting excluded). */
  charsPerSecond: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

function firstDated(times: TimeExpr[]): TimeExpr | null {
  return times.find((t) => (t.type === 'DATE' || t.type === 'TIME') && DAY.test(t.value)) ?? null;
}

/** The chosen event re-dated with its sentence's tokens, actor names, other event phrases and the story's times. */
function redate(doc: Doc, ev: NonNullable<ReturnType<typeof predictAcled>['chosen']>, lexicon: ReturnType<typeof loadEventLexicon>) {
  const trig = ev.trigger ?? ev.evidence;
  const sIdx = Math.max(0, doc.sentences.findIndex((s) => s.start <= trig.start && trig.start < s.end));
  const times = doc.times.filter((t) => t.sentence === sIdx);
  return dateEvent(times, trig.start, trig.end, doc.published, sentenceDating(doc, sIdx, lexicon));
}

export function scoreAcledDates(rows: readonly AcledRow[]): AcledDateResult {
  const picked = rows.filter((r) => r.timePrecision === 1 && statedEventDay(r.notes, r.eventDate));
  const stated = picked.map((r) => statedEventDay(r.notes, r.eventDate));
  const segs = picked.map((r) => segment(r.notes));
  const engine = createEngine();
  const lexicon = loadEventLexicon();
  let ns = 0n;
  let chars = 0;
  let first = 0;
  let any = 0;
  let withEvent = 0;
  let coded = 0;
  let context = 0;
  let noDay = 0;
  const misses: AcledDateMiss[] = [];
  const daterMisses: AcledDateMiss[] = [];
  picked.forEach((row, k) => {
    const published = addDays(row.eventDate, 2);
    const t0 = process.hrtime.bigint();
    const times = extractTimes(row.notes, published, segs[k].sentences, segs[k].tokens);
    ns += process.hrtime.bigint() - t0;
    chars += row.notes.length;
    const f = firstDated(times.filter((t) => t.type === 'DATE' || t.type === 'TIME'));
    const firstAny = times.find((t) => t.type === 'DATE' || t.type === 'TIME');
    if (!f) noDay++;
    const day = (t: TimeExpr) => t.value.slice(0, 10);
    if (firstAny && eventDayMatches(day(firstAny), row.eventDate, stated[k])) first++;
    else {
      misses.push({
        id: row.id,
        gold: row.eventDate,
        predicted: firstAny?.value ?? '-',
        expression: firstAny ? `${firstAny.text} (${firstAny.reason})` : '-',
        note: row.notes.slice(0, 220),
      });
    }
    if (times.some((t) => (t.type === 'DATE' || t.type === 'TIME') && eventDayMatches(day(t), row.eventDate, stated[k]))) any++;
    const doc = engine.analyze({ id: row.id, text: row.notes, published });
    const chosen = predictAcled(doc.events).chosen;
    if (chosen) {
      withEvent++;
      if (eventDayMatches(chosen.date, row.eventDate, stated[k])) coded++;
      const d = redate(doc, chosen, lexicon);
      if (eventDayMatches(d.date, row.eventDate, stated[k])) context++;
      else {
        daterMisses.push({
          id: row.id,
          gold: row.eventDate,
          predicted: d.date ?? '-',
          expression: `"${chosen.trigger?.text ?? ''}" dated by ${d.reason ?? ''}`,
          note: row.notes.slice(0, 220),
        });
      }
    }
  });
  return {
    n: picked.length,
    firstExact: ratio(first, picked.length),
    anyExact: ratio(any, picked.length),
    withEvent,
    codedExact: ratio(coded, withEvent),
    contextExact: ratio(context, withEvent),
    noDay,
    misses,
    daterMisses,
    charsPerSecond: ns > 0n ? chars / (Number(ns) / 1e9) : 0,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const file = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/eval/acled-sahel/dev.csv');
  const res = scoreAcledDates(loadAcled(file));
  if (args.includes('--json')) console.log(JSON.stringify({ ...res, misses: res.misses.length, daterMisses: res.daterMisses.length }, null, 2));
  else {
    const pct = (x: number) => (100 * x).toFixed(1) + '%';
    console.log(`ACLED Sahel notes stating the event's day (time_precision 1): ${res.n}`);
    console.log(`first date expression = event_date: ${pct(res.firstExact)}`);
    console.log(`some date expression = event_date:  ${pct(res.anyExact)}`);
    console.log(`rows where the engine chose an event: ${res.withEvent}`);
    console.log(`  its date as coded now = event_date:       ${pct(res.codedExact)}`);
    console.log(`  re-dated with sentence context = event_date: ${pct(res.contextExact)}`);
    console.log(`notes without a day-precision expression: ${res.noDay}`);
    console.log(`times stage: ${(res.charsPerSecond / 1e6).toFixed(2)} M chars/s`);
  }
  if (args.includes('--errors')) {
    console.log('\n-- times stage: first expression is not the event day');
    for (const m of res.misses) console.log(`${m.id} gold ${m.gold} got ${m.predicted} from ${m.expression} :: ${m.note}`);
    console.log('\n-- event dater with context: wrong date');
    for (const m of res.daterMisses) console.log(`${m.id} gold ${m.gold} got ${m.predicted}: ${m.expression} :: ${m.note}`);
  }
}
