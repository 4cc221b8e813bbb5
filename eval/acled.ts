// ACLED Sahel dev (../shared/eval/acled-sahel/dev.csv, the older ACLED export): each row's `notes` is a short
// report; it goes through engine.analyze and the events are compared with the row's gold columns.
//
// Choices, stated once:
// - Published date: event_date + 2 days (notes often omit the year; the report comes out after the event).
// - Events considered: those not negated and not hypothetical.
// - Predicted type: the report's ACLED reading (doc.acled.legacy_type, what `dyad annotate` gives as "acled").
//   Without one: the first event whose ACLED category is violent or a protest/riot (Battles, Explosions/Remote
//   violence, Violence against civilians, Protests, Riots), else the first event with any ACLED category, mapped
//   to the older types with acledLegacyType; no such event: 'Strategic development'. "The chosen event" below is
//   the first event of the predicted type, else the event that decided by the rule above, else the first event.
// - Fatalities: the deaths ACLED codes for the report's event (doc.acled.fatalities_coded: the report's toll,
//   spread over the days or events it covers; null as 0) against the gold count; also dyad's event
//   fatalities over the note, as a sum and as a max, for comparison. Exact, within ±1, and within ±10%
//   (|d| <= 0.1 * gold, so exact when gold is 0).
// - Event date: rows with day precision (time_precision 1) whose note states the event's day (eval/event-day.ts:
//   "On October 27", "27 Oct", "on Thursday"); the predicted date is the report's (doc.acled.date, what `dyad
//   annotate` gives), else the chosen event's; right when it equals event_date, or lies in the stated range for
//   one day of a multi-day event ("5-10 Jul").
// - Actor1 country: when actor1 is a state force ("Military Forces of France", "Police Forces of Chad (1990-)",
//   "Mutiny of ..."), that country; otherwise the row's iso3 (armed groups, protesters and civilians are coded
//   to the country they act in). Compared with the report's actor 1 (doc.acled.actor1: the doer of its event, else
//   the first armed actor it names), else the chosen event's source. Actor1 sector only where
//   ACLED's inter1 code is unambiguous: 1 state forces (COP for police, else MIL), 2 rebels (REB), 7 civilians
//   (CVL).
// - Location: the chosen event's location (else the first event location in the note): country against iso3,
//   admin1 by name (accents and case folded), within 50 km of the gold coordinates; over all rows. admin1 and
//   distance are "not available" while no event location carries them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { CodedEvent, ReportAcled } from '../src/core/types.js';
import type { Engine } from '../src/engine.js';
import { acledLegacyType } from '../src/ontology/index.js';
import { parseCsvRecords } from './csv.js';
import { eventDayMatches, statedEventDay } from './event-day.js';
import { Confusion, type ConfusionTable, nowNs, ratio, secondsSince } from './util.js';

export interface AcledRow {
  id: string;
  /** ISO date (YYYY-MM-DD) of event_date. */
  eventDate: string;
  /** 1 day, 2 week, 3 month. */
  timePrecision: number;
  eventType: string;
  actor1: string;
  inter1: number;
  iso3: string;
  admin1: string;
  lat: number | null;
  lon: number | null;
  notes: string;
  fatalities: number;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];

/** "27 October 2018" -> "2018-10-27"; null when it does not parse. */
export function parseAcledDate(s: string): string | null {
  const m = /^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$/.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function parseAcled(csv: string): AcledRow[] {
  return parseCsvRecords(csv).map((r, k) => {
    const date = parseAcledDate(r.event_date ?? '');
    if (!date) throw new Error(`ACLED: record ${k + 1} has an unreadable event_date "${r.event_date}"`);
    const lat = Number.parseFloat(r.latitude);
    const lon = Number.parseFloat(r.longitude);
    return {
      id: r.event_id_cnty || r.data_id || String(k + 1),
      eventDate: date,
      timePrecision: Number(r.time_precision) || 0,
      eventType: r.event_type,
      actor1: r.actor1,
      inter1: Number(r.inter1) || 0,
      iso3: r.iso3,
      admin1: r.admin1,
      lat: Number.isFinite(lat) ? lat : null,
      lon: Number.isFinite(lon) ? lon : null,
      notes: r.notes,
      fatalities: Number(r.fatalities) || 0,
    };
  });
}

export function loadAcled(file: string): AcledRow[] {
  return parseAcled(readFileSync(file, 'utf8'));
}

// Country name -> ISO3, from world-countries' common and official names. Loaded with require: the package is
// CommonJS, and its typings describe an ES default export that NodeNext does not see.
const countries = createRequire(import.meta.url)('world-countries') as Country[];
const COUNTRY_BY_NAME = new Map<string, string>();
for (const c of countries) {
  COUNTRY_BY_NAME.set(c.name.common.toLowerCase(), c.cca3);
  COUNTRY_BY_NAME.set(c.name.official.toLowerCase(), c.cca3);
}

const STATE_FORCE = /^(?:Mutiny of )?(?:Military|Police) Forces of ([^(]+?)\s*(?:\(|$)/;

/** The gold country of actor1 (see the header for the rule). */
export function actor1Country(row: Pick<AcledRow, 'actor1' | 'iso3'>): string {
  const m = STATE_FORCE.exec(row.actor1);
  return (m && COUNTRY_BY_NAME.get(m[1].toLowerCase())) || row.iso3;
}

/** The gold sector of actor1 where ACLED's inter1 makes it plain, else null (not scored). */
export function actor1Sector(row: Pick<AcledRow, 'actor1' | 'inter1'>): string | null {
  if (row.inter1 === 1) return /^(?:Mutiny of )?Police Forces/.test(row.actor1) ? 'COP' : 'MIL';
  if (row.inter1 === 2) return 'REB';
  if (row.inter1 === 7) return 'CVL';
  return null;
}

const VIOLENT_OR_PROTEST = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots']);
const MONTH_WORD = `(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?`;
const NAMED_DAY = new RegExp(
  `\\b(?:${MONTH_WORD}\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}(?!\\w)|` +
    `(?:on|last|this)\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b)`,
  'i',
);

/** Does the note name a day ("On October 27", "On Oct 25", "27 October", "on Thursday")? */
export function namesADay(text: string): boolean {
  return NAMED_DAY.test(text);
}

export interface AcledPrediction {
  type: string;
  chosen: CodedEvent | null;
  fatalitiesSum: number;
  fatalitiesMax: number;
  /** The report's deaths (doc.acled), 0 without a reading. */
  fatalitiesReport: number;
  /** The report's date (doc.acled.date), else the chosen event's. */
  date: string | null;
  /** The report's actor 1 (doc.acled.actor1), else the chosen event's source. */
  actor1: CodedEvent['source'];
}

/** The legacy ACLED type and the chosen event, from a note's report-level reading and events (rule in the header). */
export function predictAcled(events: readonly CodedEvent[], report: ReportAcled | null = null): AcledPrediction {
  const real = events.filter((e) => !e.negated && !e.hypothetical);
  const violent = real.find((e) => e.acled && VIOLENT_OR_PROTEST.has(e.acled.event_type));
  const byEvents = violent ?? real.find((e) => e.acled);
  const legacy = (e: CodedEvent) => (e.acled ? acledLegacyType(e.acled.event_type, e.acled.sub_event_type) : null);
  const type = report
    ? report.legacy_type
    : byEvents?.acled
      ? acledLegacyType(byEvents.acled.event_type, byEvents.acled.sub_event_type)
      : 'Strategic development';
  const categorised = (report && real.find((e) => legacy(e) === type)) || byEvents;
  let sum = 0;
  let max = 0;
  for (const e of real) {
    const f = e.fatalities ?? 0;
    sum += f;
    if (f > max) max = f;
  }
  const chosen = categorised ?? real[0] ?? null;
  const date = report?.date ?? chosen?.date ?? null;
  const actor1 = report?.actor1 ?? chosen?.source ?? null;
  return { type, chosen, fatalitiesSum: sum, fatalitiesMax: max, fatalitiesReport: report?.fatalities_coded ?? report?.fatalities ?? 0, date, actor1 };
}

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

export interface FatalityFigures {
  exact: number;
  within1: number;
  within10pct: number;
}

export interface AcledMistake {
  row: AcledRow;
  kind: 'type' | 'fatalities' | 'date' | 'actor1';
  gold: string;
  predicted: string;
}

export interface AcledResult {
  rows: number;
  /** Share of notes with at least one (non-negated, non-hypothetical) event. */
  coverage: number;
  eventType: number;
  /** Share of rows whose gold fatalities are 0: what always answering 0 scores. */
  zeroFatalityShare: number;
  /** The report's deaths (doc.acled.fatalities): dyad's answer. */
  fatalitiesReport: FatalityFigures;
  fatalitiesSum: FatalityFigures;
  fatalitiesMax: FatalityFigures;
  /** Exact (report) over rows with gold fatalities > 0. */
  fatalitiesExactWhenKilled: { exact: number; n: number };
  /** `given*`: the same over rows where dyad dated the report / gave actor 1 a country, to separate misses from errors. */
  eventDate: { exact: number; n: number; givenDated: number; nDated: number };
  actor1Country: { accuracy: number; n: number; givenSource: number; nSource: number };
  actor1Sector: { accuracy: number; n: number };
  /**
   * Event location against the row (over all rows; a note without a located event counts as wrong). admin1 and
   * within50km are null ("not available") while no event location carries an admin1 / coordinates.
   */
  location: {
    located: number;
    country: number;
    countryGivenLocated: number;
    admin1: number | null;
    within50km: number | null;
    withAdmin1: number;
    withCoordinates: number;
  };
  confusion: ConfusionTable;
  topConfusions: Array<{ gold: string; predicted: string; count: number }>;
  notesPerSecond: number;
  mistakes: AcledMistake[];
}

function fatalityFigures(pairs: Array<[number, number]>): FatalityFigures {
  let exact = 0;
  let w1 = 0;
  let w10 = 0;
  for (const [p, g] of pairs) {
    const d = Math.abs(p - g);
    if (d === 0) exact++;
    if (d <= 1) w1++;
    if (d <= 0.1 * g) w10++;
  }
  const n = pairs.length;
  return { exact: ratio(exact, n), within1: ratio(w1, n), within10pct: ratio(w10, n) };
}

export const LEGACY_TYPES = [
  'Battle-No change of territory', 'Battle-Non-state actor overtakes territory', 'Battle-Government regains territory',
  'Remote violence', 'Violence against civilians', 'Riots/Protests', 'Strategic development',
  'Non-violent transfer of territory', 'Headquarters or base established',
];

export function scoreAcled(rows: readonly AcledRow[], engine: Pick<Engine, 'analyze'>): AcledResult {
  // Warm-up on a few notes, then time analyze() alone over every note.
  for (const r of rows.slice(0, 50)) engine.analyze({ text: r.notes, published: addDays(r.eventDate, 2) });
  const t0 = nowNs();
  const docs = rows.map((r) => engine.analyze({ id: r.id, text: r.notes, published: addDays(r.eventDate, 2) }));
  const seconds = secondsSince(t0);

  const confusion = new Confusion();
  const mistakes: AcledMistake[] = [];
  let covered = 0;
  let typeOk = 0;
  const reportPairs: Array<[number, number]> = [];
  const sumPairs: Array<[number, number]> = [];
  const maxPairs: Array<[number, number]> = [];
  let killed = 0;
  let killedExact = 0;
  let zero = 0;
  const date = { ok: 0, n: 0, nDated: 0 };
  const country = { ok: 0, n: 0, nSource: 0 };
  const sector = { ok: 0, n: 0 };
  let located = 0;
  let countryOk = 0;
  let withAdmin1 = 0;
  let admin1Ok = 0;
  let withCoords = 0;
  let near = 0;

  rows.forEach((row, i) => {
    const events = docs[i].events;
    const pred = predictAcled(events, docs[i].acled ?? null);
    if (events.some((e) => !e.negated && !e.hypothetical)) covered++;
    confusion.add(row.eventType, pred.type);
    if (pred.type === row.eventType) typeOk++;
    else mistakes.push({ row, kind: 'type', gold: row.eventType, predicted: pred.type });

    reportPairs.push([pred.fatalitiesReport, row.fatalities]);
    sumPairs.push([pred.fatalitiesSum, row.fatalities]);
    maxPairs.push([pred.fatalitiesMax, row.fatalities]);
    if (row.fatalities === 0) zero++;
    else {
      killed++;
      if (pred.fatalitiesReport === row.fatalities) killedExact++;
    }
    if (pred.fatalitiesReport !== row.fatalities) {
      mistakes.push({ row, kind: 'fatalities', gold: String(row.fatalities), predicted: String(pred.fatalitiesReport) });
    }

    const ev = pred.chosen;
    const stated = row.timePrecision === 1 ? statedEventDay(row.notes, row.eventDate) : null;
    if (stated) {
      date.n++;
      if (pred.date) date.nDated++;
      if (eventDayMatches(pred.date, row.eventDate, stated)) date.ok++;
      else mistakes.push({ row, kind: 'date', gold: row.eventDate, predicted: pred.date ?? '-' });
    }

    const goldCountry = actor1Country(row);
    country.n++;
    const a1 = pred.actor1;
    if (a1?.country) country.nSource++;
    if (a1?.country === goldCountry) country.ok++;
    else mistakes.push({ row, kind: 'actor1', gold: goldCountry, predicted: a1?.country ?? '-' });
    const goldSector = actor1Sector(row);
    if (goldSector) {
      sector.n++;
      if (a1?.sector === goldSector) sector.ok++;
    }

    // The chosen event's location, else the first event location in the note.
    const loc = ev?.location ?? events.find((e) => e.location)?.location ?? null;
    if (loc) {
      located++;
      if (loc.country === row.iso3) countryOk++;
      if (loc.admin1) withAdmin1++;
      if (loc.admin1 && fold(loc.admin1) === fold(row.admin1)) admin1Ok++;
      if (loc.lat !== null && loc.lon !== null && row.lat !== null && row.lon !== null) {
        withCoords++;
        if (haversineKm(loc.lat, loc.lon, row.lat, row.lon) <= 50) near++;
      }
    }
  });

  const n = rows.length;
  return {
    rows: n,
    coverage: ratio(covered, n),
    eventType: ratio(typeOk, n),
    zeroFatalityShare: ratio(zero, n),
    fatalitiesReport: fatalityFigures(reportPairs),
    fatalitiesSum: fatalityFigures(sumPairs),
    fatalitiesMax: fatalityFigures(maxPairs),
    fatalitiesExactWhenKilled: { exact: ratio(killedExact, killed), n: killed },
    eventDate: { exact: ratio(date.ok, date.n), n: date.n, givenDated: ratio(date.ok, date.nDated), nDated: date.nDated },
    actor1Country: {
      accuracy: ratio(country.ok, country.n),
      n: country.n,
      givenSource: ratio(country.ok, country.nSource),
      nSource: country.nSource,
    },
    actor1Sector: { accuracy: ratio(sector.ok, sector.n), n: sector.n },
    location: {
      located,
      country: ratio(countryOk, n),
      countryGivenLocated: ratio(countryOk, located),
      admin1: withAdmin1 ? ratio(admin1Ok, n) : null,
      within50km: withCoords ? ratio(near, n) : null,
      withAdmin1,
      withCoordinates: withCoords,
    },
    confusion: confusion.table(LEGACY_TYPES),
    topConfusions: confusion.errors(10),
    notesPerSecond: seconds > 0 ? n / seconds : 0,
    mistakes,
  };
}

/** Evenly spaced items of a list (so examples are not all from the top of the file). */
function spread<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  return Array.from({ length: k }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / k)]);
}

/**
 * About `n` representative errors, each from a different note: ~60% from the most frequent type confusions
 * (one per confusion cell), the rest split over fatality, date and actor1 misses.
 */
export function typicalErrors(result: Pick<AcledResult, 'mistakes' | 'topConfusions'>, n: number): AcledMistake[] {
  const used = new Set<string>();
  const out: AcledMistake[] = [];
  const take = (m: AcledMistake | undefined) => {
    if (!m || used.has(m.row.id)) return;
    used.add(m.row.id);
    out.push(m);
  };
  const typeQuota = Math.ceil(n * 0.6);
  for (const c of result.topConfusions) {
    if (out.length >= typeQuota) break;
    const cell = result.mistakes.filter((x) => x.kind === 'type' && x.gold === c.gold && x.predicted === c.predicted);
    take(spread(cell.filter((x) => !used.has(x.row.id)), 1)[0]);
  }
  const kinds = ['fatalities', 'date', 'actor1'] as const;
  kinds.forEach((kind, i) => {
    const quota = Math.ceil((n - out.length) / (kinds.length - i));
    for (const m of spread(result.mistakes.filter((x) => x.kind === kind && !used.has(x.row.id)), quota)) take(m);
  });
  return out.slice(0, n);
}
