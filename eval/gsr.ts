// PLOVER gold-standard records (../shared/eval/plover-gsr/dev.json), scored end to end: each record's sentence
// goes through engine.analyze, and the events that come out are compared with the gold event type and the
// gold source/target countries.
//
// Choices, stated once:
// - The file uses some older PLOVER names; they are read as the current types: DEMAND -> REQUEST,
//   DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT. CONCEDE and RETREAT stay separate (dyad codes both).
// - A gold actor's country is the first three letters of its code; IGO actors have no country and are not
//   scored for country. Three codes in the file are not ISO 3166 (ITL, JAP, VTN) and are read as ITA, JPN, VNM.
// - "Type found": some event in the sentence has the gold type. "Top event": the most confident event (first on
//   ties) has it. Countries are read from the first event of the gold type, else the top event; a record with
//   several gold sources (or targets) counts as right when dyad's country is any of them.
// - Extra events: every event beyond the one that matched the gold type (all events when none matched).
import { readFileSync } from 'node:fs';
import type { CodedEvent } from '../src/core/types.js';
import type { Engine } from '../src/engine.js';
import { Confusion, nowNs, ratio, secondsSince } from './util.js';

export interface GsrRecord {
  id: string;
  text: string;
  date: string | null;
  /** Gold type in current PLOVER names. */
  event: string;
  /** The type as written in the file. */
  rawEvent: string;
  /** Gold countries (ISO3) of the source and target actors; IGOs left out. */
  sourceCountries: string[];
  targetCountries: string[];
}

const LEGACY_TYPES: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

const CODE_FIXES: Record<string, string> = { ITL: 'ITA', JAP: 'JPN', VTN: 'VNM' };

function countries(actors: unknown): string[] {
  if (!Array.isArray(actors)) return [];
  const out: string[] = [];
  for (const a of actors) {
    const code = a && typeof a === 'object' ? (a as { code?: unknown }).code : null;
    if (typeof code !== 'string' || code.length < 3) continue;
    const prefix = code.slice(0, 3).toUpperCase();
    if (prefix === 'IGO' || prefix === 'NGO') continue;
    const iso = CODE_FIXES[prefix] ?? prefix;
    if (!out.includes(iso)) out.push(iso);
  }
  return out;
}

/** Parses dev.json, dropping the DOCUMENT record and anything without text. */
export function parseGsr(json: string): GsrRecord[] {
  const data = JSON.parse(json) as unknown;
  if (!Array.isArray(data)) throw new Error('PLOVER GSR: expected a JSON array of records');
  const out: GsrRecord[] = [];
  for (const r of data as Array<Record<string, unknown>>) {
    if (!r || r.event === 'DOCUMENT' || typeof r.text !== 'string' || typeof r.event !== 'string') continue;
    const raw = r.event.toUpperCase();
    out.push({
      id: String(r.id ?? out.length),
      text: r.text,
      date: typeof r.date === 'string' ? r.date : null,
      event: LEGACY_TYPES[raw] ?? raw,
      rawEvent: raw,
      sourceCountries: countries(r.source),
      targetCountries: countries(r.target),
    });
  }
  return out;
}

export function loadGsr(file: string): GsrRecord[] {
  return parseGsr(readFileSync(file, 'utf8'));
}

export interface GsrMistake {
  record: GsrRecord;
  predicted: string[];
  source: string | null;
  target: string | null;
}

export interface GsrResult {
  records: number;
  /** Share of records with at least one event. */
  coverage: number;
  /** Some event in the sentence has the gold type. */
  typeFound: number;
  /** The most confident event has the gold type. */
  typeTop: number;
  /** Source country right, over records with a gold source country (no event = wrong). */
  sourceCountry: { accuracy: number; n: number; givenTypeFound: number; nTypeFound: number };
  targetCountry: { accuracy: number; n: number; givenTypeFound: number; nTypeFound: number };
  events: number;
  extraEvents: number;
  /** Extra events per record. */
  extraRate: number;
  topConfusions: Array<{ gold: string; predicted: string; count: number }>;
  recordsPerSecond: number;
  mistakes: GsrMistake[];
}

export function topEvent(events: readonly CodedEvent[]): CodedEvent | null {
  let best: CodedEvent | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  return best;
}

export function scoreGsr(records: readonly GsrRecord[], engine: Pick<Engine, 'analyze'>): GsrResult {
  const confusion = new Confusion();
  const mistakes: GsrMistake[] = [];
  let covered = 0;
  let found = 0;
  let top = 0;
  let events = 0;
  let extra = 0;
  const src = { ok: 0, n: 0, okFound: 0, nFound: 0 };
  const tgt = { ok: 0, n: 0, okFound: 0, nFound: 0 };
  let seconds = 0;
  for (const rec of records) {
    const t0 = nowNs();
    const doc = engine.analyze({ id: rec.id, text: rec.text, published: rec.date });
    seconds += secondsSince(t0);
    const evs = doc.events;
    events += evs.length;
    if (evs.length) covered++;
    const match = evs.find((e) => e.event === rec.event) ?? null;
    const best = topEvent(evs);
    if (match) found++;
    if (best?.event === rec.event) top++;
    extra += evs.length - (match ? 1 : 0);
    confusion.add(rec.event, best?.event ?? null);
    const chosen = match ?? best;
    const tally = (gold: string[], country: string | null | undefined, t: typeof src) => {
      if (!gold.length) return;
      const ok = !!country && gold.includes(country);
      t.n++;
      if (ok) t.ok++;
      if (match) {
        t.nFound++;
        if (ok) t.okFound++;
      }
    };
    tally(rec.sourceCountries, chosen?.source?.country, src);
    tally(rec.targetCountries, chosen?.target?.country, tgt);
    const srcWrong = rec.sourceCountries.length > 0 && !rec.sourceCountries.includes(chosen?.source?.country ?? '');
    const tgtWrong = rec.targetCountries.length > 0 && !rec.targetCountries.includes(chosen?.target?.country ?? '');
    if (!match || srcWrong || tgtWrong) {
      mistakes.push({
        record: rec,
        predicted: evs.map((e) => `${e.event}(${e.source?.code ?? '-'}->${e.target?.code ?? '-'})`),
        source: chosen?.source?.country ?? null,
        target: chosen?.target?.country ?? null,
      });
    }
  }
  const n = records.length;
  const countryFigures = (t: typeof src) => ({
    accuracy: ratio(t.ok, t.n),
    n: t.n,
    givenTypeFound: ratio(t.okFound, t.nFound),
    nTypeFound: t.nFound,
  });
  return {
    records: n,
    coverage: ratio(covered, n),
    typeFound: ratio(found, n),
    typeTop: ratio(top, n),
    sourceCountry: countryFigures(src),
    targetCountry: countryFigures(tgt),
    events,
    extraEvents: extra,
    extraRate: n ? extra / n : 0,
    topConfusions: confusion.errors(10),
    recordsPerSecond: seconds > 0 ? n / seconds : 0,
    mistakes,
  };
}
