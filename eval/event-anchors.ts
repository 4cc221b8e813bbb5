// Event dating against TimeBank's event-time links: when an event's own sentence holds the time expression
// the gold says it happened in (TLINK IS_INCLUDED, DURING or SIMULTANEOUS to a DATE or TIME), does the event
// dater pick that expression? This measures "the expression that governs it in its sentence" on text nobody
// here wrote, beside the naive rule "the nearest expression".
//
// Per link: the gold event's span is the phrase being dated; the sentence is dyad's; the candidates are the
// expressions dyad's times stage found in that sentence (a link whose expression dyad did not find is counted
// apart, as the times stage's miss, not the dater's). Other event phrases of the sentence are dyad's own
// triggers, as in the pipeline. Right: the chosen expression overlaps the gold one, or has the same value as
// dyad's reading of it.
// Only sentences with two or more candidate expressions can be got wrong by choosing, so they are reported too.
//
// Usage: node dist-tools/eval/event-anchors.js [tempeval3 dir] [--errors]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TimeExpr } from '../src/core/types.js';
import { createEngine, type Engine } from '../src/engine.js';
import { loadEventLexicon } from '../src/lexicons/events.js';
import { calendarDate, dateEvent } from '../src/stages/events/dating.js';
import { loadTimeMl, type TimeMlDoc } from './tempeval3.js';
import { ratio, sentenceDating } from './util.js';

/** Relations that place the event inside or at the time: the time is when it happened. */
const WHEN_RELATIONS = new Set(['IS_INCLUDED', 'DURING', 'SIMULTANEOUS']);

export interface AnchorMiss {
  doc: string;
  event: string;
  gold: string;
  chosen: string;
  sentence: string;
}

export interface AnchorResult {
  /** Links from an event to a DATE/TIME of its own sentence with a WHEN relation. */
  links: number;
  /** Of those, links whose gold expression dyad's times stage found (the dater's share). */
  found: number;
  /** Of the found: the dater chose the gold expression. */
  dyad: number;
  /** Of the found: the nearest usable expression is the gold one. */
  nearest: number;
  /** Found links whose sentence has two or more usable expressions, and the right picks among them. */
  choice: { links: number; dyad: number; nearest: number };
  misses: AnchorMiss[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreEventAnchors(docs: readonly TimeMlDoc[], engine: Engine = createEngine({ model: null })): AnchorResult {
  const lexicon = loadEventLexicon();
  const out: AnchorResult = { links: 0, found: 0, dyad: 0, nearest: 0, choice: { links: 0, dyad: 0, nearest: 0 }, misses: [] };
  for (const g of docs) {
    if (!g.dct || !/^\d{4}-\d{2}-\d{2}/.test(g.dct) || !g.events || !g.eventTimeLinks?.length) continue;
    const published = g.dct.slice(0, 10);
    const doc = engine.analyze({ id: g.id, text: g.text, published });
    const events = new Map(g.events.map((e) => [e.id, e]));
    const timexes = new Map(g.gold.filter((t) => t.tid).map((t) => [t.tid!, t]));
    const seen = new Set<string>();
    // one dating context per sentence, however many links it holds
    const contexts = new Map<number, ReturnType<typeof sentenceDating>>();
    for (const link of g.eventTimeLinks) {
      if (!WHEN_RELATIONS.has(link.relType)) continue;
      const ev = events.get(link.eventId);
      const tx = timexes.get(link.timexId);
      if (!ev || !tx || (tx.type !== 'DATE' && tx.type !== 'TIME')) continue;
      const key = `${ev.id}>${link.timexId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sIdx = doc.sentences.findIndex((s) => s.start <= ev.start && ev.start < s.end);
      if (sIdx < 0) continue;
      const sentence = doc.sentences[sIdx];
      if (tx.start < sentence.start || tx.end > sentence.end) continue;
      out.links++;
      const times = doc.times.filter((t) => t.sentence === sIdx);
      const usable = times.filter((t) => (t.type === 'DATE' || t.type === 'TIME') && calendarDate(t.value));
      if (!usable.some((t) => overlaps(t, tx))) continue;
      out.found++;
      const context = contexts.get(sIdx) ?? contexts.set(sIdx, sentenceDating(doc, sIdx, lexicon)).get(sIdx)!;
      const chosen = dateEvent(times, ev.start, ev.end, published, context).time;
      const near = nearestTime(usable, ev.start, ev.end);
      // Right: the gold expression, or another of the sentence with the same value ("Earlier Friday ... on Friday").
      const goldValue = usable.find((t) => overlaps(t, tx))!.value;
      const right = !!chosen && (overlaps(chosen, tx) || chosen.value === goldValue);
      const nearRight = !!near && (overlaps(near, tx) || near.value === goldValue);
      if (right) out.dyad++;
      if (nearRight) out.nearest++;
      if (usable.length > 1) {
        out.choice.links++;
        if (right) out.choice.dyad++;
        if (nearRight) out.choice.nearest++;
      }
      if (!right) {
        out.misses.push({
          doc: g.id,
          event: ev.text,
          gold: tx.text,
          chosen: chosen ? chosen.text : '(published date)',
          sentence: g.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' '),
        });
      }
    }
  }
  return out;
}

/** The naive reading: the usable expression closest to the event phrase, in characters. */
function nearestTime(times: readonly TimeExpr[], start: number, end: number): TimeExpr | null {
  let best: TimeExpr | null = null;
  let bestDist = Infinity;
  for (const t of times) {
    const dist = t.start >= end ? t.start - end : t.end <= start ? start - t.end : 0;
    if (dist < bestDist) {
      best = t;
      bestDist = dist;
    }
  }
  return best;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/eval/tempeval3');
  const r = scoreEventAnchors(loadTimeMl(dir));
  console.log(`event-time links (IS_INCLUDED / DURING / SIMULTANEOUS to a DATE or TIME of the event's sentence): ${r.links}`);
  console.log(`  expression found by the times stage: ${r.found} (${ratio(r.found, r.links).toFixed(3)})`);
  console.log(`  dater picks the gold expression: ${ratio(r.dyad, r.found).toFixed(3)}; nearest expression: ${ratio(r.nearest, r.found).toFixed(3)}`);
  console.log(`  sentences with 2+ expressions (${r.choice.links} links): dater ${ratio(r.choice.dyad, r.choice.links).toFixed(3)}; nearest ${ratio(r.choice.nearest, r.choice.links).toFixed(3)}`);
  if (args.includes('--errors')) for (const m of r.misses) console.log(`${m.event} | gold "${m.gold}" | chose "${m.chosen}" :: ${m.sentence} (${m.doc})`);
}
