// The places stage: every place mention resolved to country (ISO3), first-level region (admin1) and coordinates
// from a GeoNames gazetteer shipped in npm packages (see gazetteer.ts), offline. Runs after actors (it reads the
// location mentions and the article's countries) and before events, which take each event's place from
// doc.places with eventPlace().
import type { CodedEvent, Doc, Place, Stage } from '../../core/types.js';
import { DyadError } from '../../core/errors.js';
import { getGazetteer } from './gazetteer.js';
import { countryHints, findPlaces, resolveName, type PlaceCue, type PlaceMention } from './find.js';

export { countryHints, findPlaces, getGazetteer };
export type { PlaceCue, PlaceMention };

export const placesStage: Stage = {
  name: 'places',
  process(doc: Doc) {
    if (!doc.tokens.length && doc.text.trim()) {
      throw new DyadError('USAGE', 'the places stage needs tokens: run the segment stage first');
    }
    doc.places = findPlaces(doc, getGazetteer());
  },
};

export interface PlaceResolution {
  name: string;
  country: string;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
}

/**
 * A name resolved as a place: a country, else a populated place (the best reading for the hinted countries,
 * ISO3 most salient first, then population and seat), else a first-level region, else a near spelling in the
 * hinted countries. Null when unknown, or when only an implausible place abroad has that name (see find.ts).
 */
export function resolvePlace(name: string, countryHints: string[]): PlaceResolution | null {
  const gaz = getGazetteer();
  const r = resolveName(gaz, name, countryHints) ?? gaz.resolveFuzzy(name, countryHints);
  return r ? { name: r.name, country: r.country, admin1: r.admin1, lat: r.lat, lon: r.lon, population: r.population } : null;
}

// Preference among a sentence's places for the place of an event: where it happened ("in", "at", "near", a
// place noun with "of") before where something went or came from; a cued place before a bare mention.
const CUE_RANK: Record<PlaceCue, number> = { at: 0, of: 0, between: 0, region: 1, relative: 1.5, to: 2, dateline: 3, from: 3, mention: 4 };

/**
 * The place where an event happened: among the places of the trigger's sentence, the best-cued one (see
 * CUE_RANK); with equal cues a place inside a country before the country ("in Mali's Mopti region" -> Mopti),
 * then one after the trigger, then the nearest. Null when the sentence names no place.
 */
export function pickEventPlace(places: readonly Place[], sentence: number, triggerStart: number, triggerEnd: number): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestKey = Infinity;
  for (const p of places as readonly PlaceMention[]) {
    if (p.sentence !== sentence || (p.start < triggerEnd && triggerStart < p.end)) continue;
    const after = p.start >= triggerEnd;
    const dist = after ? p.start - triggerEnd : triggerStart - p.end;
    // Cue first; then a place inside a country before the country itself; then after the trigger before
    // before it; then the nearest; a finer level only breaks ties.
    const key = (CUE_RANK[p.cue] ?? 4) * 1e8 + (p.level === 'country' ? 5e7 : 0) + (after ? 0 : 1e6) + Math.min(dist, 999_999) + levelRank(p) * 100;
    if (key < bestKey) {
      bestKey = key;
      best = p;
    }
  }
  return best;
}

/**
 * The place an article is about, for an event whose sentence names none: the last place with a static cue
 * before `before` (the story stays where it was), else the dateline, else the first cued place.
 */
export function articlePlace(places: readonly Place[], before: number): PlaceMention | null {
  const all = places as readonly PlaceMention[];
  let last: PlaceMention | null = null;
  for (const p of all) if (p.end <= before && CUE_RANK[p.cue] <= 1) last = p;
  return last ?? all.find((p) => p.cue === 'dateline') ?? all.find((p) => CUE_RANK[p.cue] <= 1) ?? null;
}

/**
 * An event's location as CodedEvent carries it: pickEventPlace, else articlePlace, else (an article that names
 * no place) `fallbackCountry` as a country-level location, e.g. the event's source or the article's first
 * country from countryHints(doc.actors).
 */
export function eventPlace(
  places: readonly Place[],
  sentence: number,
  triggerStart: number,
  triggerEnd: number,
  fallbackCountry: string | null = null,
): CodedEvent['location'] {
  const p = pickEventPlace(places, sentence, triggerStart, triggerEnd) ?? articlePlace(places, triggerStart);
  if (p) return { name: p.name, country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon };
  const c = fallbackCountry ? getGazetteer().country(fallbackCountry) : null;
  return c ? { name: c.name, country: c.country, admin1: null, lat: c.lat, lon: c.lon } : null;
}

// A known populated place is finer than a region, a region than a country; a name the gazetteer lacks sits
// with the places (it is as fine), but after them when its point is only its context's.
function levelRank(p: PlaceMention): number {
  if (p.level === 'place') return 0;
  if (p.level === null) return p.precision === 'near' ? 0.5 : 1.5;
  return p.level === 'admin2' ? 0.8 : p.level === 'admin1' ? 1 : 2;
}
