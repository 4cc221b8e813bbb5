// Places scorer. Simulates the proposed wiring (segment -> actors -> times -> places -> events, with each event's
// location from eventPlace) by running the places stage on the engine's doc and picking each event's place here.
//
// ACLED Sahel dev (../shared/eval/acled-sahel/dev.csv): the note goes through engine.analyze (published =
// event_date + 2 days, as eval/acled.ts does), which runs the places stage. The event is the one eval/acled.ts chooses
// (predictAcled); its location is eventPlace(places, its sentence, its trigger). Notes with no event: the
// article's place (articlePlace); a note that names no place: the article's first country (countryHints), at
// its capital's point (ACLED's convention for a country-level event). Over all rows (no location = wrong):
//  - country: location country = row iso3;
//  - admin1: names compared folded (case, accents, spaces, hyphens); spelling variants between ACLED and GeoNames
//    count as equal (ADMIN1_SAME); `admin1` also maps regions created since the export's boundaries to their
//    parents (ADMIN1_SPLITS: Ménaka < Gao, Taoudénit < Tombouctou, Nouakchott's three parts), `admin1Strict` not;
//  - within50km: the location has coordinates within 50 km of the gold latitude/longitude.
// Also: `anyPlace*` the same when any place of the note counts (what the finder allows, apart from picking),
// and `gazetteer`: how many gold locations the gazetteer itself knows (resolvePlace(location, [iso3]) within 50 km).
//
// Event location (../shared/eval/event-location/labeled_text.jsonl.zip, Halterman): sentences, each with one
// VERB span (the event) and zero or more LOCATION spans (where that event happened). The sentence goes through
// segment + actors + places; the gold VERB is the trigger; the prediction is pickEventPlace(...) in the verb's
// sentence (no article fallback: the unit is one sentence). Location span P/R/F1, exact (trimmed spans equal)
// and overlapping; plus `detectRecall`, the share of gold spans overlapped by any found place.
//
// Usage: node dist-tools/eval/places.js [--examples N]
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { Doc } from '../src/core/types.js';
import { createEngine, emptyDoc, type Engine } from '../src/engine.js';
import { actorsStage } from '../src/stages/actors/index.js';
import { segmentStage } from '../src/stages/segment/segment.js';
import { articlePlace, countryHints, eventPlace, getGazetteer, pickEventPlace, placesStage, resolvePlace, type PlaceMention } from '../src/stages/places/index.js';
import { addDays, haversineKm, loadAcled, predictAcled, type AcledRow } from './acled.js';
import { parseCsvRecords } from './csv.js';
import { nowNs, prf, ratio, secondsSince, type Prf } from './util.js';

// ---------------------------------------------------------------------------------------------------------
// admin1 comparison

const foldName = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
/** ACLED spelling -> GeoNames spelling (folded), the same region. */
const ADMIN1_SAME: Record<string, string> = {
  tillabery: 'tillaberi',
  koulikouro: 'koulikoro',
  hautbassins: 'hautsbassins',
  villedendjamena: 'ndjamena',
  ouaddai: 'ouadai',
  barhelghazel: 'barhelgazel',
  hodhechchargui: 'hodhechchargi',
};
/** Regions created after the export's boundaries -> the region they were part of (folded). */
const ADMIN1_SPLITS: Record<string, string> = {
  menaka: 'gao',
  taoudenit: 'tombouctou',
  nouakchottwest: 'nouakchott',
  nouakchottnorth: 'nouakchott',
  nouakchottsouth: 'nouakchott',
};

export function sameAdmin1(gold: string, predicted: string | null, splits: boolean): boolean {
  if (!predicted) return false;
  const g = ADMIN1_SAME[foldName(gold)] ?? foldName(gold);
  let p = foldName(predicted);
  if (splits) p = ADMIN1_SPLITS[p] ?? p;
  return g === p;
}

// ---------------------------------------------------------------------------------------------------------
// ACLED

export interface PlacesAcledResult {
  rows: number;
  located: number;
  country: number;
  admin1: number;
  admin1Strict: number;
  within50km: number;
  anyPlaceAdmin1: number;
  anyPlaceWithin50km: number;
  gazetteer: { rowsWithin50km: number; uniqueLocations: number; uniqueKnown: number };
  seconds: number;
  mistakes: Array<{ id: string; gold: string; predicted: string; note: string }>;
}

export function scorePlacesAcled(rows: readonly AcledRow[], engine: Pick<Engine, 'analyze'>): PlacesAcledResult {
  let locatedN = 0;
  let countryOk = 0;
  let admin1Ok = 0;
  let admin1Strict = 0;
  let near = 0;
  let anyAdmin1 = 0;
  let anyNear = 0;
  let placesSeconds = 0;
  const mistakes: PlacesAcledResult['mistakes'] = [];
  for (const row of rows) {
    // The engine runs the places stage (before actor context, which reads its places): its doc.places is used
    // as is; running the stage again here would see actors whose countries came from those very places.
    const t0 = nowNs();
    const doc = engine.analyze({ id: row.id, text: row.notes, published: addDays(row.eventDate, 2) });
    placesSeconds += secondsSince(t0);
    const places = doc.places as PlaceMention[];
    const ev = predictAcled(doc.events).chosen;
    let loc: PlaceMention | null = null;
    if (ev) {
      const at = ev.trigger ?? ev.evidence;
      const sentence = doc.sentences.findIndex((s) => s.start <= at.start && at.start < s.end);
      loc = pickEventPlace(places, sentence, at.start, at.end) ?? articlePlace(places, at.start);
    } else loc = articlePlace(places, doc.text.length);
    // A note that names no place: the article's first country, at its capital's point.
    const fallback = countryHints(doc.actors)[0] ?? null;
    const located = loc ?? (fallback ? eventPlace([], -1, 0, 0, fallback) : null);
    const km = located && located.lat !== null && located.lon !== null && row.lat !== null && row.lon !== null ? haversineKm(located.lat, located.lon, row.lat, row.lon) : Infinity;
    if (located) locatedN++;
    if (located?.country === row.iso3) countryOk++;
    const a1 = sameAdmin1(row.admin1, located?.admin1 ?? null, true);
    if (a1) admin1Ok++;
    if (sameAdmin1(row.admin1, located?.admin1 ?? null, false)) admin1Strict++;
    if (km <= 50) near++;
    if (places.some((p) => sameAdmin1(row.admin1, p.admin1, true))) anyAdmin1++;
    if (row.lat !== null && row.lon !== null && places.some((p) => p.lat !== null && p.lon !== null && haversineKm(p.lat, p.lon!, row.lat!, row.lon!) <= 50)) anyNear++;
    if (!a1 || km > 50) {
      mistakes.push({
        id: row.id,
        gold: `${row.admin1} (${row.lat}, ${row.lon})`,
        predicted: located ? `${loc?.text ?? '(country)'} -> ${located.name}, ${located.admin1 ?? '-'}, ${located.country ?? '-'}${Number.isFinite(km) ? `, ${Math.round(km)} km` : ''}` : '-',
        note: row.notes,
      });
    }
  }
  // The gazetteer's own coverage of the gold locations.
  const raw = rows as ReadonlyArray<AcledRow & { location?: string }>;
  let gazNear = 0;
  const unique = new Map<string, boolean>();
  for (const row of raw) {
    const name = row.location ?? '';
    const r = name ? resolvePlace(name, [row.iso3]) : null;
    const ok = !!r && r.country === row.iso3 && row.lat !== null && row.lon !== null && r.lat !== null && r.lon !== null && haversineKm(r.lat, r.lon, row.lat, row.lon) <= 50;
    if (ok) gazNear++;
    unique.set(`${row.iso3}|${foldName(name)}`, ok || (unique.get(`${row.iso3}|${foldName(name)}`) ?? false));
  }
  const n = rows.length;
  return {
    rows: n,
    located: ratio(locatedN, n),
    country: ratio(countryOk, n),
    admin1: ratio(admin1Ok, n),
    admin1Strict: ratio(admin1Strict, n),
    within50km: ratio(near, n),
    anyPlaceAdmin1: ratio(anyAdmin1, n),
    anyPlaceWithin50km: ratio(anyNear, n),
    gazetteer: { rowsWithin50km: ratio(gazNear, n), uniqueLocations: unique.size, uniqueKnown: [...unique.values()].filter(Boolean).length },
    seconds: placesSeconds,
    mistakes,
  };
}

/** ACLED rows with the gold `location` column kept (loadAcled drops it), for the gazetteer coverage figure. */
export function loadAcledWithLocation(file: string): Array<AcledRow & { location: string }> {
  const rows = loadAcled(file);
  const records = parseCsvRecords(readFileSync(file, 'utf8'));
  return rows.map((r, i) => ({ ...r, location: records[i]?.location ?? '' }));
}

// ---------------------------------------------------------------------------------------------------------
// Event location

interface Tok {
  start: number;
  end: number;
}
interface LabeledSpan {
  token_start: number;
  token_end: number;
  label: string;
}
export interface EventLocationItem {
  text: string;
  verb: { start: number; end: number };
  locations: Array<{ start: number; end: number }>;
}

/** Reads one member of a zip file (stored or deflated) without a zip library. */
export function readZipMember(file: string, suffix: string): string {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip file`);
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (!name.endsWith(suffix) || name.startsWith('__MACOSX')) continue;
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + compressed);
    return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
  }
  throw new Error(`${file}: no member ending in ${suffix}`);
}

export function loadEventLocation(file: string): EventLocationItem[] {
  const raw = JSON.parse(readZipMember(file, 'labeled_text.jsonl')) as Array<{ text: string; tokens: Tok[]; spans?: LabeledSpan[] }>;
  const out: EventLocationItem[] = [];
  for (const r of raw) {
    const span = (s: LabeledSpan) => {
      const a = r.tokens[s.token_start];
      const b = r.tokens[s.token_end];
      if (!a || !b) return null;
      // Trim: some gold spans carry trailing spaces.
      let start = a.start;
      let end = b.end;
      while (end > start && /\s/.test(r.text[end - 1])) end--;
      while (start < end && /\s/.test(r.text[start])) start++;
      return end > start ? { start, end } : null;
    };
    const verb = (r.spans ?? []).find((s) => s.label === 'VERB');
    const v = verb ? span(verb) : null;
    if (!v) continue;
    const locations = (r.spans ?? []).filter((s) => s.label === 'LOCATION').map(span).filter((x): x is { start: number; end: number } => x !== null);
    out.push({ text: r.text, verb: v, locations });
  }
  return out;
}

export interface EventLocationResult {
  sentences: number;
  withGold: number;
  exact: Prf;
  overlap: Prf;
  detectRecall: number;
  charsPerSecond: number;
  mistakes: Array<{ text: string; gold: string[]; predicted: string }>;
}

export function scoreEventLocation(items: readonly EventLocationItem[]): EventLocationResult {
  let predicted = 0;
  let gold = 0;
  let tpExact = 0;
  let tpOverlap = 0;
  let goldOverlapR = 0;
  let detected = 0;
  let withGold = 0;
  let chars = 0;
  let seconds = 0;
  const mistakes: EventLocationResult['mistakes'] = [];
  for (const it of items) {
    const doc: Doc = emptyDoc({ text: it.text });
    segmentStage.process(doc);
    actorsStage.process(doc);
    const t0 = nowNs();
    placesStage.process(doc);
    seconds += secondsSince(t0);
    chars += it.text.length;
    const sentence = doc.sentences.findIndex((s) => s.start <= it.verb.start && it.verb.start < s.end);
    const p = pickEventPlace(doc.places, sentence, it.verb.start, it.verb.end);
    gold += it.locations.length;
    if (it.locations.length) withGold++;
    if (p) predicted++;
    const exact = !!p && it.locations.some((g) => g.start === p.start && g.end === p.end);
    const overlap = !!p && it.locations.some((g) => g.start < p.end && p.start < g.end);
    if (exact) tpExact++;
    if (overlap) {
      tpOverlap++;
      goldOverlapR++;
    }
    for (const g of it.locations) if (doc.places.some((q) => q.start < g.end && g.start < q.end)) detected++;
    if (!exact && (p || it.locations.length)) {
      mistakes.push({ text: it.text, gold: it.locations.map((g) => it.text.slice(g.start, g.end)), predicted: p ? `${p.text} (${p.cue})` : '-' });
    }
  }
  // One prediction per sentence: a true positive matches one gold span (the recall side counts it once).
  return {
    sentences: items.length,
    withGold,
    exact: prf(tpExact, predicted, gold),
    overlap: { ...prf(tpOverlap, predicted, gold), r: ratio(goldOverlapR, gold) },
    detectRecall: ratio(detected, gold),
    charsPerSecond: seconds > 0 ? chars / seconds : 0,
    mistakes,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Command line

const isMain = process.argv[1] && /eval[/\\]places\.js$/.test(process.argv[1]);
if (isMain) {
  const evalDir = resolve(process.env.DYAD_EVAL_DIR ?? join(process.cwd(), '..', 'shared', 'eval'));
  const examplesAt = process.argv.indexOf('--examples');
  const examples = examplesAt > 0 ? Number(process.argv[examplesAt + 1]) || 0 : 0;
  const t0 = nowNs();
  getGazetteer();
  console.log(`gazetteer loaded in ${secondsSince(t0).toFixed(2)} s`);
  const f3 = (x: number) => x.toFixed(3);

  const acledFile = join(evalDir, 'acled-sahel', 'dev.csv');
  if (existsSync(acledFile)) {
    const r = scorePlacesAcled(loadAcledWithLocation(acledFile), createEngine());
    console.log(`\nACLED Sahel dev: ${r.rows} rows`);
    console.log(`  located ${f3(r.located)}  country ${f3(r.country)}  admin1 ${f3(r.admin1)} (strict ${f3(r.admin1Strict)})  within 50 km ${f3(r.within50km)}`);
    console.log(`  any place of the note: admin1 ${f3(r.anyPlaceAdmin1)}  within 50 km ${f3(r.anyPlaceWithin50km)}`);
    console.log(`  gazetteer knows the gold location (within 50 km): ${f3(r.gazetteer.rowsWithin50km)} of rows; ${r.gazetteer.uniqueKnown} of ${r.gazetteer.uniqueLocations} distinct locations`);
    console.log(`  whole engine: ${r.seconds.toFixed(2)} s`);
    for (const m of r.mistakes.slice(0, examples)) console.log(`  - gold ${m.gold} | got ${m.predicted} | ${m.note.slice(0, 160)}`);
  } else console.log(`skipped: ${acledFile} not found`);

  const elFile = join(evalDir, 'event-location', 'labeled_text.jsonl.zip');
  if (existsSync(elFile)) {
    const r = scoreEventLocation(loadEventLocation(elFile));
    console.log(`\nEvent location: ${r.sentences} sentences, ${r.withGold} with a gold location`);
    console.log(`  exact span   P ${f3(r.exact.p)} R ${f3(r.exact.r)} F1 ${f3(r.exact.f1)}`);
    console.log(`  overlap span P ${f3(r.overlap.p)} R ${f3(r.overlap.r)} F1 ${f3(r.overlap.f1)}`);
    console.log(`  gold spans overlapped by some place: ${f3(r.detectRecall)}`);
    console.log(`  places stage: ${(r.charsPerSecond / 1e6).toFixed(2)} MB/s`);
    for (const m of r.mistakes.slice(0, examples)) console.log(`  - gold [${m.gold.join(' | ')}] got ${m.predicted} | ${m.text.slice(0, 160)}`);
  } else console.log(`skipped: ${elFile} not found`);
}
