// Finding place names in a doc and resolving them with the gazetteer.
//
// Where names come from:
//  1. capitalised names after a locative cue: a preposition ("in Ber", "near Batouma", "between Gossi and
//     Hombori"), a place or facility noun with "of" ("the village of Gorongo", "the streets of Mopti", "the
//     University of Niamey"), a distance ("20 km north of Ménaka"), a visit verb ("visited Agadez"), and the
//     names listed after them ("in Gao, Kidal and Timbuktu");
//  2. a name before a region word ("the Tillaberi region", "Soum Province", "Douentza cercle");
//  3. a capitalised dateline at the start of the text ("GAO, Mali (Reuters) -");
//  4. a bare capitalised name the gazetteer knows as a capital, regional seat or city of 100,000 of the
//     article's countries ("the Timbuktu airport");
//  5. the actors stage's location mentions ("in Niger", "northern Mali", "Niger Delta").
// Which reading wins: the article's countries first (its actors, then the places that are sure: a country,
// a region, a name with one reading), then GeoNames population and feature (capital, regional seat). A reading
// abroad must be plausible (see plausible(): "Ber" in a Malian story is not the Greek town of that other name).
// A name the gazetteer does not know after a static cue is kept, placed at the known place or region named
// with it, as ACLED codes a village it cannot find at the precision of a nearby place.
import type { ActorMention, Doc, Place, Token } from '../../core/types.js';
import { dataLines, loadDataFile } from '../../lexicons/tsv.js';
import { tokenIndexAt } from '../segment/segment.js';
import { getGazetteer, type Gazetteer, type ResolvedPlace } from './gazetteer.js';

/** How a place was cued: what the events stage uses to tell the place of an event from other places. */
export type PlaceCue =
  | 'at' // a static locative: in, at, near, outside, around, inside, within, across, throughout
  | 'of' // a place noun with "of" or before a name: the village of X, the streets of X, the axis X-Y
  | 'from' // a movement source
  | 'to' // a movement goal: to, into, towards; visited X
  | 'between'
  | 'relative' // a place another is measured from: "20 km north of X", "south of X"
  | 'dateline'
  | 'region' // "X region"
  | 'mention'; // named without a cue

/** A place as the stage stores it: the core Place plus how it was found and why it resolved as it did. */
export interface PlaceMention extends Place {
  cue: PlaceCue;
  /** country, admin1 / admin2 (a region), place (a populated place); null when the gazetteer does not know it. */
  level: 'country' | 'admin1' | 'admin2' | 'place' | null;
  population: number | null;
  /**
   * How close the coordinates are: exact (the place itself), region or country (a point standing for it),
   * near (a name the gazetteer lacks, placed at a known place named with it), none (no coordinates).
   */
  precision: 'exact' | 'near' | 'region' | 'country' | 'none';
  reason: string;
}

const STATIC_PREP = new Set('in at near outside around inside within across throughout nearby off'.split(' '));
const GOAL_PREP = new Set('to into towards toward onto'.split(' '));
const VISIT_VERBS = new Set('visit visits visited visiting toured tour reached reach entered enter'.split(' '));
// Verbs whose object is often the place itself ("attacked Diffa", "shells fired on Kidal"): a known place only.
const TARGET_VERBS = new Set(
  ('attacked attack attacks attacking raided raid raiding stormed storming shelled shelling bombed bombing ' +
    'bombarded besieged besieging overran captured capturing seized seizing struck targeted targeting liberated ' +
    'liberating recaptured hit on patrolled patrolling patrol patrols controlled controlling capture captures ' +
    'recapture recapturing invaded invade invading overrun entering storm encircled surrounded surrounding ' +
    'over above through along').split(' '),
);
// Nouns that name a kind of place before "of" ("the village of X") and after a name ("X village").
const PLACE_NOUNS = new Set(
  ('village villages town towns city cities locality localities hamlet hamlets area areas region regions commune ' +
    'communes district districts department departments province provinces prefecture subprefecture ' +
    'sub-prefecture county municipality municipalities suburb suburbs outskirts vicinity neighbourhood ' +
    'neighborhood capital settlement settlements camp camps island islands state states cercle circle zone zones ' +
    'governorate oasis port border streets street centre center heart quarter axis road roads environs ' +
    'surroundings exit entrance edge periphery gates east west north south').split(' '),
);
// Facilities named after their place: "the University of Niamey", "the Ministry of Defence" (not a place,
// but the "of" is skipped only when a place follows).
const FACILITY_NOUNS = new Set('university hospital airport prison stadium market mosque church cathedral palace embassy school'.split(' '));
// Region words after a name: first-level ("X region") or second-level ("X cercle") divisions.
const REGION_AFTER = new Set('region province state governorate department prefecture oblast cercle circle district commune'.split(' '));
// "the axis Djibo-Aribinda", "the Gao-Gossi road": the hyphen joins two places, not one name.
const ROAD_WORDS = new Set(['axis', 'road', 'route', 'highway']);
// Place nouns after a name that make it a place ("the Diffa area", "the Hombori-Douentza road").
const PLACE_AFTER = new Set('area road route highway axis locality village town outskirts sector dept'.split(' '));
const ADMIN1_WORDS = new Set('region state governorate oblast'.split(' '));
const DIRECTIONS = new Set(
  ('north south east west northeast northwest southeast southwest north-east north-west south-east south-west ' +
    'northern southern eastern western central northeastern northwestern southeastern southwestern ' +
    'north-eastern north-western south-eastern south-western far upper lower greater').split(' '),
);
const DETERMINERS = new Set(
  'the a an its their this that these those his her remote rural restive border same nearby neighbouring neighboring small large main key strategic'.split(' '),
);
// "the north of X" is in X; "20 km north of X", "north of X" only near it.
const PLACE_NOUN_DIRECTION = new Set(['the', 'far']);
// People named by a place with "of": the place is a known one ("the imam of Sabare", "the mayor of Koro").
const ROLE_NOUNS = new Set('chief mayor imam governor prefect residents inhabitants villagers population'.split(' '));
// Nouns of a part, a stretch or a fight with "of" before a known place ("parts of Liberia", "the invasion of
// Lebanon", "the siege of Sarajevo"): a known place only, as with ROLE_NOUNS.
const PART_NOUNS = new Set(
  ('part parts much most rest half third quarter perimeter fringes countryside jungles jungle mountains hills ' +
    'farms territory territories invasion siege liberation capture fall battle battles bombardment shelling ' +
    'occupation control skies waters coast shores banks interior').split(' '),
);
const DISTANCE_TOKEN = /^\d+(?:km|kms|mi)$/;
const SIZE_WORDS = new Set('largest biggest second third main capital holy'.split(' '));
const DISTANCE_UNITS = new Set('km kms kilometres kilometers kilometre kilometer miles mile'.split(' '));
// Capitalised words that follow "in" but are not places.
const NOT_PLACES = new Set(
  ('january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec the a an this ' +
    'that his her their its our my your i we he she they it there here today god islam parliament congress ' +
    'court police army government ramadan christmas easter english french arabic spanish ' +
    'response addition order total part spite light view fact case favour favor mr mrs ms dr president ' +
    'minister general colonel captain university ministry hospital airport prison stadium market mosque church ' +
    'palace embassy school office council assembly senate house professor sheikh king queen prince princess ' +
    'senator governor judge mayor lord sir saint pope imam chief commander').split(' '),
);
// Names of peoples ("Fulani", "Dogons", "Tama"): never a place name, though the gazetteer may hold a namesake.
const PEOPLES: ReadonlySet<string> = new Set(
  loadDataFile('lexicons/places-not-names.tsv', dataLines).map((l) => l.cells[0].toLowerCase()),
);
function isPeople(lower: string): boolean {
  return PEOPLES.has(lower) || (lower.endsWith('s') && PEOPLES.has(lower.slice(0, -1)));
}
// What may follow a capitalised place name that opens a sentence ("Kidal subjected to mortar fire", "Baghdad
// was bombed", "Jaffna, the ..."): a verb, not a noun it would qualify ("Mobile phones", "Split decisions").
const AFTER_INITIAL_NAME = new Set(
  ('is was were are has had have will would could can may might remains remained came comes lies lay sits saw ' +
    'fell falls , : ; -- —').split(' '),
);
// Every word that may open a cue, with the cue it opens ('noun': a place noun, a cue only before a name;
// 'of': a cue only after a place noun or direction), so the scan costs one look-up per token.
const CUE_WORDS = new Map<string, PlaceCue | 'noun'>();
for (const w of PLACE_NOUNS) if (!DIRECTIONS.has(w)) CUE_WORDS.set(w, 'noun');
for (const w of TARGET_VERBS) CUE_WORDS.set(w, 'at');
for (const w of [...GOAL_PREP, ...VISIT_VERBS]) CUE_WORDS.set(w, 'to');
for (const w of STATIC_PREP) CUE_WORDS.set(w, 'at');
CUE_WORDS.set('from', 'from');
CUE_WORDS.set('between', 'between');
// "the road linking Douentza and Dala": the places a road joins, as with "between".
for (const w of ['linking', 'connecting', 'joining']) CUE_WORDS.set(w, 'between');
CUE_WORDS.set('of', 'of');

// Regions larger than a country and former states: places, but no country, region or point of their own.
const WORLD_REGIONS = new Set(
  ('europe|asia|africa|the americas|middle east|north africa|west africa|east africa|central africa|southern africa|' +
    'sub-saharan africa|sahel|maghreb|horn of africa|latin america|south america|north america|central america|' +
    'caribbean|balkans|caucasus|central asia|south asia|southeast asia|east asia|far east|gulf|persian gulf|' +
    'arabian peninsula|levant|scandinavia|pacific|atlantic|mediterranean|sahara|arctic|antarctica|' +
    'western europe|eastern europe|lake chad basin|soviet union|ussr|yugoslavia|kurdistan').split('|'),
);
// Nouns after a name that make it an event, a meeting or an institution, not a place ("the Mideast war").
const EVENT_NOUNS = new Set('war wars conflict crisis talks summit process conference accord accords agreement games olympics cup convention campaign revolution uprising carnival festival marathon'.split(' '));
// Lower-case words allowed inside a multi-word name ("Hassi el Ghalla").
const NAME_PARTICLES = new Set('de du des la le el al ag ould ben bin sur'.split(' '));
const PARTICLE_PREFIX = /^(?:el|al|ad|an|ar|as|ash|at|az|ed|es|ez|ibn|bin|ben|abu|ould)-\p{L}/u;
const MAX_NAME_TOKENS = 4;
/** A place abroad, not a seat nor in a neighbouring country, needs this many people. */
const ABROAD_MIN_POPULATION = 50_000;

/** The article's countries from its actors, most salient first: places weigh more than actors, then first mention. */
export function countryHints(actors: readonly ActorMention[]): string[] {
  const weight = new Map<string, number>();
  const first = new Map<string, number>();
  for (const a of actors) {
    if (!a.country) continue;
    weight.set(a.country, (weight.get(a.country) ?? 0) + (a.kind === 'location' ? 3 : 1));
    if (!first.has(a.country)) first.set(a.country, a.start);
  }
  return [...weight.keys()].sort((x, y) => weight.get(y)! - weight.get(x)! || first.get(x)! - first.get(y)!).slice(0, 6);
}

/**
 * Resolves a name: a country, else a populated place (one matched by an alternate name abroad only when
 * large), else a first-level region; with `regionWord`, a region or district first.
 */
export function resolveName(gaz: Gazetteer, name: string, hints: readonly string[], regionWord: string | null = null): ResolvedPlace | null {
  const clean = name.replace(/['’]s$/, '').trim();
  if (!clean) return null;
  if (regionWord) {
    const first = ADMIN1_WORDS.has(regionWord) ? gaz.resolveRegion(clean, hints) ?? gaz.resolveDistrict(clean, hints) : gaz.resolveDistrict(clean, hints) ?? gaz.resolveRegion(clean, hints);
    if (first) return first;
    // "Tillabery Region": a region word makes a near spelling of a region name safe.
    const near = ADMIN1_WORDS.has(regionWord) ? gaz.resolveRegion(clean, hints, true) : null;
    if (near) return near;
  }
  const country = gaz.resolveCountry(clean);
  if (country) return country;
  const best = gaz.resolve(clean, hints);
  // A first-level region outranks a small namesake that is no seat ("Texas" is not a Mexican hamlet).
  if (best && !best.seat && (best.population ?? 0) < 100_000 && !(hints.length && hints.includes(best.country) && !best.byAlternate)) {
    const region = gaz.resolveRegion(clean, hints);
    if (region && (!hints.length || hints.includes(region.country) || !hints.includes(best.country))) return region;
  }
  // "Bam" in a Burkinabe story: the province of the article's country, not the Iranian city of that name.
  if (best && hints.length && !hints.includes(best.country)) {
    const home = gaz.resolveDistrict(clean, hints.slice(0, 2)) ?? gaz.resolveRegion(clean, hints.slice(0, 2));
    if (home && hints.includes(home.country)) return home;
  }
  if (best) {
    if (plausible(gaz, best, hints)) return best;
    // The best reading is implausible (an alternate name abroad): the best plausible one, if any.
    const next = gaz.candidates(clean, hints).find((c) => plausible(gaz, c, hints));
    if (next) return next;
  }
  return gaz.resolveRegion(clean, hints);
}

/**
 * A reading is plausible when it is in one of the article's countries, or when the article has none; abroad,
 * a place named by its own name must be a seat, a town of 50,000, or in a country bordering the article's
 * main ones (Sahel villages share names with hamlets the world over); a place matched by an alternate name
 * only must be a city of a million (or of 100,000 in an article with no countries).
 */
function plausible(gaz: Gazetteer, p: ResolvedPlace, hints: readonly string[]): boolean {
  if (hints.includes(p.country)) return true;
  if (p.byAlternate) return (p.population ?? 0) >= (hints.length ? 1_000_000 : 100_000);
  if (!hints.length || p.seat || (p.population ?? 0) >= ABROAD_MIN_POPULATION) return true;
  return hints.slice(0, 2).some((h) => gaz.neighbours(h).includes(p.country));
}

interface Found {
  /** Token range of the name (a region word after it included). */
  first: number;
  last: number;
  cue: PlaceCue;
  cueWord: string;
  sentence: number;
  /** "the capital of Chad": a country here stands for its capital. */
  capital?: boolean;
  /** "the Chadian capital": no name, the capital of this country (first = last = the word "capital"). */
  capitalOf?: string;
  /** For a name before a region word: the preposition before it ("in the X district"). */
  prep?: string;
}

/** Places of a doc, in text order. */
export function findPlaces(doc: Doc, gaz: Gazetteer = getGazetteer()): PlaceMention[] {
  const { tokens, text } = doc;
  if (!tokens.length) return [];
  const actorHints = countryHints(doc.actors);
  const blocked = blocker(doc);
  const found = collect(doc, blocked, gaz);

  // Pass 1 with the actors' countries; the countries of the places that are sure join them for pass 2.
  const sureWeight = new WeakMap<PlaceMention, number>();
  const first = resolveAll(found, actorHints);
  const sure = new Map<string, number>();
  for (const p of first) {
    const w = sureWeight.get(p) ?? 0;
    if (w && p.country && !actorHints.includes(p.country)) sure.set(p.country, (sure.get(p.country) ?? 0) + w);
  }
  const sureHints = [...actorHints, ...[...sure.keys()].sort((a, b) => sure.get(b)! - sure.get(a)!)];
  // Countries where several of the doc's names have a place ("Koro ... Sevare", "between Lere and Dianke"):
  // after the sure ones, a country shared by two or more names is the likelier reading of each.
  const voted = sharedCountries(doc, found, gaz).filter((c) => !sureHints.includes(c));
  const hints = [...sureHints, ...voted];
  const out = sure.size || voted.length ? resolveAll(found, hints) : first;

  const overlaps = (s: number, e: number) => out.some((p) => p.start < e && s < p.end);
  // The actors stage's location mentions not already found.
  for (const a of doc.actors) {
    if (a.kind !== 'location' || overlaps(a.start, a.end)) continue;
    const prev = prevWord(tokens, a.start);
    const cue: PlaceCue = prev && STATIC_PREP.has(prev) ? 'at' : prev && GOAL_PREP.has(prev) ? 'to' : prev === 'from' ? 'from' : a.reason.includes('dateline') ? 'dateline' : 'mention';
    const countryLevel = a.entity.startsWith('country:');
    const r = countryLevel ? gaz.resolveCountry(a.name) : resolveName(gaz, a.name, a.country ? [a.country, ...hints] : hints);
    const usable = r && (!a.country || r.country === a.country) ? r : null;
    out.push({
      start: a.start,
      end: a.end,
      text: a.text,
      name: usable?.name ?? a.name,
      country: usable?.country ?? a.country,
      admin1: usable?.admin1 ?? null,
      lat: usable?.lat ?? null,
      lon: usable?.lon ?? null,
      sentence: a.sentence,
      cue,
      level: usable?.level ?? (countryLevel ? 'country' : null),
      population: usable?.population ?? null,
      precision: precisionOf(usable),
      reason: `actors-stage location "${a.text}"; ${usable ? usable.why : 'not in the gazetteer'}`,
    });
  }

  // Countries the actors stage read as actors ("killed 14 people in Iraq", "shot down over Lebanon"): the
  // country is also a place named there.
  for (const a of doc.actors) {
    if (a.kind !== 'country') continue;
    const named = countryNamed(doc, a, gaz);
    if (!named || overlaps(named.start, named.end)) continue;
    // Only after a static cue ("in Iraq", "over Lebanon"): a country named as a goal, a source or the subject
    // is seldom where the event happened.
    const prev = prevWord(tokens, named.start);
    if (!prev || !(STATIC_PREP.has(prev) || TARGET_VERBS.has(prev))) continue;
    out.push(placeMention(named.place, text, named.start, named.end, a.sentence, 'at', `actors-stage country "${a.text}" named as a place; ${named.place.why}`));
  }

  containWithin(out, text, gaz);
  // "in Mogadishu's Yaqshid district", "Yala's Betong district": the place before the possessive is where the
  // named one lies, a context for it (the inner one, even unknown, is the finer place).
  for (const p of out) {
    if (!POSSESSIVE.test(text.slice(p.end, p.end + 2)) || p.cue === 'mention') continue;
    const innerFound = found.some((f) => f.sentence === p.sentence && tokens[f.first].start > p.end && tokens[f.first].start - p.end < 30);
    if (innerFound) p.cue = 'region';
  }

  // Names the gazetteer does not know after a static cue ("near Batouma", "the village of Gorongo").
  for (const f of found) {
    const cueOk = f.cue === 'at' || f.cue === 'of' || f.cue === 'between' || (f.cue === 'region' && !!f.prep);
    const cueLower = f.cueWord.toLowerCase();
    if (!cueOk || f.cueWord === '(' || TARGET_VERBS.has(cueLower) || ROLE_NOUNS.has(cueLower) || PART_NOUNS.has(cueLower)) continue;
    const start = tokens[f.first].start;
    const end = tokens[f.cue === 'region' ? f.last - 1 : f.last].end;
    if (overlaps(start, end) || !plausibleUnknown(tokens, f)) continue;
    let ctx: PlaceMention | null = null;
    let ctxDist = Infinity;
    for (const p of out) {
      if (p.sentence !== f.sentence || p.level === 'country' || p.lat === null || p.level === null) continue;
      const d = p.start >= end ? p.start - end : (start - p.end) * 2; // a place after it is likelier its context
      if (d < ctxDist) {
        ctxDist = d;
        ctx = p;
      }
    }
    const sentenceCountry = out.find((p) => p.sentence === f.sentence && p.level === 'country')?.country ?? null;
    const country = ctx?.country ?? sentenceCountry ?? hints[0] ?? null;
    // With no place beside it, the article's one region, when it names places of a single region of that
    // country: the region, not a point.
    const docRegion = ctx || !country ? null : onlyRegion(out, country);
    const surface = text.slice(start, end).replace(/['’]s$/, '');
    out.push({
      start,
      end: start + surface.length,
      text: surface,
      name: surface,
      country,
      admin1: ctx?.admin1 ?? docRegion,
      lat: ctx?.lat ?? null,
      lon: ctx?.lon ?? null,
      sentence: f.sentence,
      cue: f.prep ? 'at' : f.cue,
      level: null,
      population: null,
      precision: ctx ? 'near' : 'none',
      reason:
        `after "${f.prep ?? f.cueWord}"; not in the gazetteer` +
        (ctx
          ? `; placed at ${ctx.name}, named with it`
          : country
            ? `; in ${country}, ${sentenceCountry ? 'named with it' : "the article's country"}${docRegion ? `, region ${docRegion} (the article's only one)` : ''}`
            : ''),
    });
  }
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  demoteContainers(out, text);
  return out;

  function resolveAll(list: readonly Found[], hs: readonly string[]): PlaceMention[] {
    const res: PlaceMention[] = [];
    for (const f of list) {
      const start = tokens[f.first].start;
      if (res.some((p) => p.start < tokens[f.last].end && start < p.end)) continue;
      const r = resolveFound(f, hs);
      if (r && !res.some((p) => p.start < r.end && r.start < p.end)) res.push(r);
    }
    return res;
  }

  // The longest leading part of the name that resolves ("Gao Kidal" -> Gao).
  function resolveFound(f: Found, hs: readonly string[]): PlaceMention | null {
    if (f.capitalOf) {
      const c = gaz.capitalOf(f.capitalOf);
      return c ? mention(f, tokens[f.first].start, tokens[f.last].end, c) : null;
    }
    if (f.cue !== 'region' && f.cue !== 'mention') {
      const lastTok = f.last + 1 < tokens.length && REGION_AFTER.has(tokens[f.last + 1].lower) ? -1 : f.last;
      if (lastTok >= 0 && WORLD_REGIONS.has(text.slice(tokens[f.first].start, tokens[lastTok].end).toLowerCase().replace(/\s+/g, ' '))) {
        const start = tokens[f.first].start;
        const end = tokens[lastTok].end;
        return {
          start,
          end,
          text: text.slice(start, end),
          name: text.slice(start, end),
          country: null,
          admin1: null,
          lat: null,
          lon: null,
          sentence: f.sentence,
          cue: f.cue,
          level: null,
          population: null,
          precision: 'none',
          reason: `after "${f.cueWord}"; a region larger than a country`,
        };
      }
    }
    const whole = resolveSpan(f, hs);
    // After a role noun ("the governor of the Central Bank"), only the whole name as a place.
    if (ROLE_NOUNS.has(f.cueWord.toLowerCase())) return whole && whole.end === tokens[f.last].end ? whole : null;
    // "Northern Israel", "Western Lakes State": without the direction when the whole does not resolve.
    if (whole || f.first >= f.last || !DIRECTIONS.has(tokens[f.first].lower)) return whole;
    return resolveSpan({ ...f, first: f.first + 1 }, hs);
  }

  function resolveSpan(f: Found, hs: readonly string[]): PlaceMention | null {
    for (let last = f.last; last >= f.first; last--) {
      // A region word closing the found span (cue 'region') or right after a cued name ("in the Mopti region").
      // ("in the Tillabery Region": the name found takes in "Region"; without it, "Region" is the region word.)
      const after = last === f.last ? (f.cue === 'region' ? tokens[last].lower : last + 1 < tokens.length ? tokens[last + 1].lower : '') : tokens[last + 1].lower;
      const regionWord = REGION_AFTER.has(after) ? after : null;
      const nameLast = f.cue === 'region' && last === f.last ? last - 1 : last;
      if (nameLast < f.first) continue;
      const start = tokens[f.first].start;
      const surface = text.slice(start, tokens[nameLast].end).replace(/['’]s$/, '');
      const name = isUpperWord(tokens[f.first]) ? titleCase(surface) : surface;
      let r = resolveName(gaz, name, hs, regionWord);
      let surfaceEnd = start + surface.length;
      // "the axis Djibo-Aribinda", "Agadez-Arlit": a road between two places, coded at the first known one.
      const roadAfter = nameLast + 1 < tokens.length && ROAD_WORDS.has(tokens[nameLast + 1].lower);
      if (!r && f.first === nameLast && surface.includes('-') && (ROAD_WORDS.has(f.cueWord.toLowerCase()) || roadAfter)) {
        let at = 0;
        for (const part of surface.split('-')) {
          if (part.length > 2 && /^\p{Lu}/u.test(part)) {
            r = resolveName(gaz, part, hs);
            if (r) {
              surfaceEnd = start + at + part.length;
              return mention(f, start + at, surfaceEnd, r);
            }
          }
          at += part.length + 1;
        }
      }
      // A misspelt one-word name ("Ouagadaougou", "Bob-Dioulasso"): tried once, after a static cue.
      if (!r && last === f.last && f.first === nameLast && (f.cue === 'at' || f.cue === 'of' || f.cue === 'between' || f.cue === 'relative') && !TARGET_VERBS.has(f.cueWord.toLowerCase())) {
        r = gaz.resolveFuzzy(name, hs.slice(0, 2));
      }
      if (!r) continue;
      // Part of a longer unknown name ("Tal" of "Tal Kroum", "San" of "San pablo") only when it is a
      // country, a region or a large town of the article's countries.
      if (last < f.last && f.cue !== 'region' && !strongPrefix(r, hs)) break;
      if (f.capital && r.level === 'country') r = gaz.capitalOf(r.country) ?? r;
      if (f.cue === 'mention' && !bareOk(r, hs)) continue;
      // The span is the name; "region" in "the Mopti region" is not part of it.
      return mention(f, start, surfaceEnd, r);
    }
    return null;
  }

  function mention(f: Found, start: number, end: number, r: ResolvedPlace): PlaceMention {
    const how = f.cue === 'dateline' ? 'dateline' : f.cue === 'mention' ? 'named' : f.cue === 'region' ? `before "${f.cueWord}"` : `after "${f.cueWord}"`;
    const m = placeMention(r, text, start, end, f.sentence, f.prep ? 'at' : f.cue, `${how}; ${r.why}`);
    // How surely it tells the article's country: a country or region by name, or a name with one reading.
    const sureness = r.level === 'country' ? 3 : r.level === 'admin1' || r.level === 'admin2' ? 2 : r.readings === 1 && !r.byAlternate && !r.why.includes('spelt') ? 1 : 0;
    if (sureness) sureWeight.set(m, sureness);
    return m;
  }
}

// What may stand between a place and the region or country it lies in: "Lere, Tombouctou Region", "Kobe in
// southern Chad", "Gossi (Gourma-Rharous)", "Tene in the Segou region", "Tomona, commune of Diafarabe".
const CONTAINER_GAP = new RegExp(
  '^[\\s,(]*(?:(?:in|of)\\s+)?(?:the\\s+)?(?:(?:' + [...DIRECTIONS].join('|') + ')\\s+)?' +
    '(?:(?:commune|cercle|circle|district|province|department|region|prefecture)\\s+of\\s+(?:the\\s+)?)?$',
  'i',
);

// What stands between a place and a larger one named as where it lies: "Sousan in northern Aleppo", "Tahrawa,
// a village near Mosul", "Qalamoun, Rural Damascus", "the Arawa area of Gombe", "Baqaa camp on the outskirts of
// Amman".
const INNER_GAP = new RegExp(
  '^\\s*(?:(?:camp|district|area|village|town|neighbou?rhood|quarter|suburb|region|province|county|sector|locality|junction|field)\\s+)?' +
    '(?:,\\s*|\\(\\s*)?(?:(?:a|an|the)\\s+(?:(?:small|remote|rural|border|key|strategic)\\s+)?(?:village|town|city|district|suburb|neighbou?rhood|area|camp|locality)\\s+)?' +
    '(?:(?:in|of|near|outside|on\\s+the\\s+outskirts\\s+of)\\s+)?(?:the\\s+)?(?:(?:' + [...DIRECTIONS].join('|') + '|rural|central)\\s+)?$',
  'i',
);

const LIST_NEXT = /^\s*(?:,|and\b|or\b|&)/;

/**
 * A place named as where an earlier one lies ("the village of Sousan in northern Aleppo", "Tahrawa, a village
 * near Mosul") is its context, not the event's place: its cue becomes 'region', ranked after the inner one.
 */
function demoteContainers(out: PlaceMention[], text: string): void {
  for (let i = 0; i < out.length; i++) {
    const p = out[i];
    if (!p.country || p.level === 'country' || p.level === 'admin1' || (p.cue !== 'at' && p.cue !== 'of' && p.cue !== 'between' && p.cue !== 'region')) continue;
    for (let j = i + 1; j < out.length; j++) {
      const q = out[j];
      if (q.sentence !== p.sentence || q.start - p.end > 60) break;
      if (q.start < p.end) continue;
      if (q.cue !== 'at' && q.cue !== 'of' && q.cue !== 'between') break;
      const gap = text.slice(p.end, q.start);
      // "in Farchana, Iriba, Biltine and Guereda": a list, each a place of its own.
      const listed = gap.trimStart().startsWith(',') && LIST_NEXT.test(text.slice(q.end, q.end + 6));
      if (!listed && INNER_GAP.test(gap)) q.cue = 'region';
      break;
    }
  }
}

const POSSESSIVE_GAP = new RegExp("^['’]s\\s+(?:(?:the|" + [...DIRECTIONS].join('|') + ')\\s+)*$', 'i');

/**
 * A populated place followed by the region or country it lies in ("Lere, Tombouctou Region") takes its reading
 * there: the best one in that region (else country); with none there, the name is kept as a place the
 * gazetteer lacks, placed at the region ("Tomona, Mopti Region"), or in the country with no point.
 */
function containWithin(out: PlaceMention[], text: string, gaz: Gazetteer): void {
  for (let i = 0; i < out.length; i++) {
    const p = out[i];
    if (p.level !== 'place' && p.level !== 'admin2') continue;
    let q: PlaceMention | null = null;
    for (const c of out) {
      if (c.sentence !== p.sentence || c === p) continue;
      // "Yala's Betong district": a possessive place before it, a town too.
      if (c.end <= p.start && p.start - c.end < 30 && c.level !== null && POSSESSIVE_GAP.test(text.slice(c.end, p.start))) {
        q = c;
        break;
      }
      if (c.start < p.end || c.start - p.end > 40) continue;
      if (c.level !== 'admin1' && c.level !== 'admin2' && c.level !== 'country') continue;
      if (!CONTAINER_GAP.test(text.slice(p.end, c.start))) continue;
      if (!q || c.start < q.start) q = c;
    }
    if (!q || !q.country) continue;
    const regionOk = q.level === 'country' || !q.admin1 || p.admin1 === q.admin1 || (p.level === 'admin2' && p.country === q.country);
    if (p.country === q.country && regionOk) continue;
    const inside = gaz
      .candidates(p.text, [q.country])
      .find((c) => c.country === q!.country && (q!.level === 'country' || !q!.admin1 || c.admin1 === q!.admin1));
    if (inside) {
      out[i] = {
        ...p,
        name: inside.name,
        country: inside.country,
        admin1: inside.admin1,
        lat: inside.lat,
        lon: inside.lon,
        level: inside.level,
        population: inside.population,
        precision: precisionOf(inside),
        reason: `${p.reason.split(';')[0]}; ${inside.why}; the reading inside ${q.name}, named with it`,
      };
      continue;
    }
    if (p.level === 'admin2') continue;
    const atRegion = q.level !== 'country';
    out[i] = {
      ...p,
      name: p.text,
      country: q.country,
      admin1: q.admin1,
      lat: atRegion ? q.lat : null,
      lon: atRegion ? q.lon : null,
      level: null,
      population: null,
      precision: atRegion && q.lat !== null ? 'near' : 'none',
      reason: `${p.reason.split(';')[0]}; no place of that name in ${q.name}, named with it as where it lies${atRegion ? `; placed at ${q.name}` : ''}`,
    };
  }
}

/** The one first-level region of `country` that the doc's known places lie in, or null (none, or several). */
function onlyRegion(out: readonly PlaceMention[], country: string): string | null {
  let region: string | null = null;
  for (const p of out) {
    if (p.country !== country || p.level === 'country' || p.level === null || !p.admin1) continue;
    if (region && region !== p.admin1) return null;
    region = p.admin1;
  }
  return region;
}

/** Countries in which two or more distinct names of the doc have a place, most names first (at most three). */
function sharedCountries(doc: Doc, found: readonly Found[], gaz: Gazetteer): string[] {
  const { tokens, text } = doc;
  const seen = new Set<string>();
  const count = new Map<string, number>();
  for (const f of found) {
    if (f.capitalOf) continue;
    const last = f.cue === 'region' ? f.last - 1 : f.last;
    if (last < f.first) continue;
    const name = text.slice(tokens[f.first].start, tokens[last].end).replace(/['’]s$/, '');
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const cs = gaz.resolveCountry(name) ? [] : gaz.countriesOf(name);
    // A name found in a score of countries says little.
    if (cs.length > 12) continue;
    for (const c of cs) count.set(c, (count.get(c) ?? 0) + 1);
  }
  return [...count.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([c]) => c);
}

/**
 * The country an actor mention names by its name ("Iraq", "Lebanon's", "Japan's top police official",
 * "Kosovo"), with the span of the name; null for an adjective ("Malian soldiers") or a bare demonym.
 */
function countryNamed(doc: Doc, a: ActorMention, gaz: Gazetteer): { start: number; end: number; place: ResolvedPlace } | null {
  const { tokens, text } = doc;
  const lo = tokenIndexAt(tokens, a.start);
  if (lo >= tokens.length || tokens[lo].start !== a.start || !tokens[lo].cap) return null;
  for (let last = Math.min(lo + 3, tokens.length - 1); last >= lo; last--) {
    if (tokens[last].end > a.end) continue;
    const whole = tokens[last].end === a.end || (tokens[last + 1]?.text === "'" && tokens[last + 1].end + 1 >= a.end);
    const poss = POSSESSIVE.test(tokens[last].text);
    if (!whole && !poss) continue;
    const surface = text.slice(a.start, tokens[last].end).replace(POSSESSIVE, '');
    const c = gaz.resolveCountry(surface);
    if (c) return { start: a.start, end: a.start + surface.length, place: c };
  }
  return null;
}

/** Tokens covered by a non-location actor mention (a person, an organisation) cannot start or extend a name. */
function blocker(doc: Doc): (k: number) => boolean {
  const { tokens, actors } = doc;
  const cover = new Uint8Array(tokens.length);
  let t = 0;
  for (const a of actors) {
    while (t > 0 && tokens[t - 1].end > a.start) t--;
    while (t < tokens.length && tokens[t].end <= a.start) t++;
    if (a.kind === 'location') continue;
    // A bare country or capital name used as an actor ("sent troops to Niamey") is still a place after a cue.
    const bareName = a.kind === 'country' && a.sector === 'GOV' && !a.text.includes(' ');
    if (bareName) continue;
    // "people in Iraq", "Kurdish activists in Germany": what follows a preposition inside the mention is a place.
    for (let k = t; k < tokens.length && tokens[k].start < a.end; k++) {
      if (k > t && (STATIC_PREP.has(tokens[k].lower) || tokens[k].lower === 'from')) break;
      cover[k] = 1;
    }
  }
  return (k) => cover[k] === 1;
}

/** Every candidate name of the doc, cued ones first. */
function collect(doc: Doc, blocked: (k: number) => boolean, gaz: Gazetteer): Found[] {
  const { tokens } = doc;
  const actorAt = new Int32Array(tokens.length).fill(-1);
  {
    let t = 0;
    doc.actors.forEach((a, ai) => {
      while (t > 0 && tokens[t - 1].end > a.start) t--;
      while (t < tokens.length && tokens[t].end <= a.start) t++;
      for (let k = t; k < tokens.length && tokens[k].start < a.end; k++) actorAt[k] = ai;
    });
  }
  const cued: Found[] = [];
  const regions: Found[] = [];
  const bare: Found[] = [];
  const inCued = new Uint8Array(tokens.length);
  for (const sent of doc.sentences) {
    const from = sent.tokenStart;
    const to = sent.tokenEnd;
    for (let i = from; i < to; i++) {
      const w = tokens[i].lower;
      const kind = CUE_WORDS.get(w);
      if (kind === undefined) continue;
      let cue: PlaceCue | null = null;
      if (kind === 'of') {
        if (i > from && DIRECTIONS.has(tokens[i - 1].lower) && !PLACE_NOUN_DIRECTION.has(tokens[i - 2]?.lower ?? '')) cue = 'relative';
        // "the Tenenkou area of Mopti": Mopti is where the named area lies, a context for it.
        else if (i > from + 1 && PLACE_NOUNS.has(tokens[i - 1].lower) && tokens[i - 2].cap && !ADJECTIVE_END.test(tokens[i - 2].lower) && actorAt[i - 2] < 0 && !tokens[i - 3]?.cap) cue = 'relative';
        else if (i > from && (PLACE_NOUNS.has(tokens[i - 1].lower) || DIRECTIONS.has(tokens[i - 1].lower))) cue = 'of';
        // "the imam of Sabare", "the mayor of Koro": a known place only (see ROLE_NOUNS).
        else if (i > from && (ROLE_NOUNS.has(tokens[i - 1].lower) || PART_NOUNS.has(tokens[i - 1].lower))) cue = 'of';
      } else if (kind === 'from' && i > from && (DISTANCE_UNITS.has(tokens[i - 1].lower) || DISTANCE_TOKEN.test(tokens[i - 1].lower))) {
        cue = 'relative'; // "12 km from Kouakourou": near it
      } else if (kind === 'noun') {
        // "the village Kambo", "the axis Djibo-Aribinda": a place noun straight before a name.
        if (!tokens[i].cap && i + 1 < to && tokens[i + 1].cap) cue = 'of';
      } else cue = kind;
      if (!cue) continue;
      let capital = w === 'of' && tokens[i - 1].lower === 'capital';
      // The cue word a name is kept by: the place noun passed on the way ("attacked the village of X").
      let cueWord = w === 'of' && (ROLE_NOUNS.has(tokens[i - 1].lower) || PART_NOUNS.has(tokens[i - 1].lower)) ? tokens[i - 1].text : tokens[i].text;
      // Skip determiners, directions, distances and a place noun with "of": "in the northern town of Gao",
      // "20 km north of Ménaka", "the streets of Mopti", "the Malian town of Boni".
      let j = i + 1;
      for (let guard = 0; j < to && guard < 7; guard++) {
        const lw = tokens[j].lower;
        // A capitalised direction starts a name ("South Kivu", "West Kalimantan"), a lower-case one does not.
        if (DETERMINERS.has(lw) || (DIRECTIONS.has(lw) && !tokens[j].cap) || DISTANCE_UNITS.has(lw) || isDigit(lw.charCodeAt(0))) j++;
        else if ((PLACE_NOUNS.has(lw) || FACILITY_NOUNS.has(lw)) && j + 1 < to && tokens[j + 1].lower === 'of') {
          capital = lw === 'capital';
          cueWord = tokens[j].text;
          j += 2;
          if (cue === 'at' || cue === 'between') cue = 'of';
        } else if (tokens[j].cap && j + 1 < to && PLACE_NOUNS.has(tokens[j + 1].lower) && j + 2 < to && tokens[j + 2].lower === 'of' && (ADJECTIVE_END.test(lw) || actorAt[j] >= 0 || !gaz.has(tokens[j].text))) {
          j++; // "the Malian town of", "the Burkinabe province of"; not "in Niono district of Segou"
        } else break;
      }
      // A list of names: "in Gao, Kidal and Timbuktu"; "between Gossi and Hombori".
      for (let n = 0; n < 6 && j < to; n++) {
        const last = nameAt(tokens, j, to, blocked);
        if (last < 0) break;
        // "in the Mopti region": the region word joins the name.
        const end = last + 1 < to && REGION_AFTER.has(tokens[last + 1].lower) ? last + 1 : last;
        cued.push({ first: j, last, cue, cueWord, sentence: sent.index, ...(capital ? { capital } : {}) });
        for (let x = j; x <= end; x++) inCued[x] = 1;
        let k = end + 1;
        if (POSSESSIVE.test(tokens[last].text) && k < to) {
          // "in Iraq's northern Nineveh province": the place inside, with the same cue.
          while (k < to && (DIRECTIONS.has(tokens[k].lower) || DETERMINERS.has(tokens[k].lower) || SIZE_WORDS.has(tokens[k].lower))) k++;
          if (k < to && PLACE_NOUNS.has(tokens[k].lower) && k + 1 < to && tokens[k + 1].cap) k++;
          j = k;
          continue;
        }
        if (k < to && (tokens[k].lower === ',' || tokens[k].lower === 'and' || tokens[k].lower === 'or' || tokens[k].lower === '&')) {
          k++;
          if (k < to && (tokens[k].lower === 'and' || tokens[k].lower === 'or')) k++;
          j = k;
        } else if (k < to && tokens[k].text === '-' && cue === 'of') {
          j = k + 1; // "the axis Djibo - Aribinda"
        } else if (k + 1 < to && tokens[k].text === '(' && tokens[k + 1].cap) {
          // "Niafo (Arbinda)", "Boni (Douentza, Mopti)": the places it lies in, a context for an unknown village.
          cue = 'of';
          cueWord = '(';
          j = k + 1;
        } else break;
      }
    }
    // "the Chadian capital", "Mali's capital": a country adjective or possessive before "capital".
    for (let i = from + 1; i < to; i++) {
      if (tokens[i].lower !== 'capital' || inCued[i] || (i + 1 < to && (tokens[i + 1].cap || tokens[i + 1].lower === 'of'))) continue;
      const a = actorAt[i - 1] >= 0 ? doc.actors[actorAt[i - 1]] : null;
      if (!a || !a.country || (a.kind !== 'country' && a.kind !== 'location') || a.end > tokens[i].start) continue;
      let p = i - 1;
      while (p > from && actorAt[p - 1] === actorAt[i - 1]) p--;
      const prev = p > from ? tokens[tokens[p - 1].lower === 'the' && p - 1 > from ? p - 2 : p - 1].lower : '';
      const cue: PlaceCue = STATIC_PREP.has(prev) ? 'at' : GOAL_PREP.has(prev) ? 'to' : prev === 'from' ? 'from' : 'mention';
      cued.push({ first: p, last: i, cue, cueWord: prev, sentence: sent.index, capitalOf: a.country });
      for (let x = p; x <= i; x++) inCued[x] = 1;
    }
    // "Tillaberi region", "Soum Province", "Douentza cercle": a name before a region word; "the Diffa area",
    // "the Gao-Gossi road", "Balole locality": a name before a place noun.
    for (let i = from + 1; i < to; i++) {
      if (!tokens[i - 1].cap || !(REGION_AFTER.has(tokens[i].lower) || PLACE_AFTER.has(tokens[i].lower)) || blocked(i - 1) || inCued[i - 1]) continue;
      // "the Kurdish district of X": X is the place; but in "the Tenenkou area of Mopti" the place is Tenenkou,
      // inside Mopti (a name, not an adjective nor an actor).
      const ofAfter = i + 1 < to && tokens[i + 1].lower === 'of';
      if (ofAfter && (ADJECTIVE_END.test(tokens[i - 1].lower) || actorAt[i - 1] >= 0 || tokens[i - 2]?.cap)) continue;
      let s = i - 1;
      while (s > from && i - s < MAX_NAME_TOKENS && tokens[s - 1].cap && !blocked(s - 1) && !NOT_PLACES.has(tokens[s - 1].lower)) s--;
      if (NOT_PLACES.has(tokens[s].lower) || (s === i - 1 && isPeople(tokens[s].lower.replace(POSSESSIVE, "")))) continue;
      // "in the Zafaraniyah district", "in Tel Afar District": the preposition is the cue.
      let p = s - 1;
      while (p >= from && (tokens[p].lower === 'the' || DIRECTIONS.has(tokens[p].lower))) p--;
      const prep = p >= from && STATIC_PREP.has(tokens[p].lower) ? tokens[p].text : null;
      regions.push({ first: s, last: i, cue: 'region', cueWord: tokens[i].text, sentence: sent.index, ...(prep ? { prep } : {}) });
    }
    // Bare names: a capitalised run the gazetteer has (checked again on resolution: a town of the article's
    // countries, not a small namesake).
    for (let i = from; i < to; i++) {
      // Not an all-capitals label ("COOPER:").
      if (inCued[i] || !tokens[i].cap || blocked(i) || NOT_PLACES.has(tokens[i].lower) || isUpperWord(tokens[i])) continue;
      const last = nameAt(tokens, i, to, blocked);
      if (last < 0) continue;
      // A sentence's first word only before a verb or a pause ("Kidal subjected to mortar fire", "Gao's
      // mayor"), not before a noun it qualifies ("Mobile phones").
      if (i === from && !initialNameOk(tokens, last, to)) {
        i = last;
        continue;
      }
      for (let e = last; e >= i; e--) {
        if (gaz.has(doc.text.slice(tokens[i].start, tokens[e].end))) {
          bare.push({ first: i, last: e, cue: 'mention', cueWord: '', sentence: sent.index });
          break;
        }
      }
      i = last;
    }
  }
  // Dateline: "GAO, Mali (Reuters) -" or "MENAKA -".
  const dateline: Found[] = [];
  let k = 0;
  while (k < tokens.length && k < 4 && isUpperWord(tokens[k])) k++;
  if (k > 0 && k < tokens.length && /^[,(—–-]/.test(tokens[k].text)) dateline.push({ first: 0, last: k - 1, cue: 'dateline', cueWord: '', sentence: 0 });
  return [...dateline, ...cued, ...regions, ...bare];
}

/**
 * A bare name counts as a place when it is a capital, a regional seat or a city of 100,000 of the article's
 * countries (or of anywhere, in an article with none): smaller towns share their names with people and
 * common words ("Anderson", "Green", "Media").
 */
function bareOk(r: ResolvedPlace, hints: readonly string[]): boolean {
  if (r.level !== 'place' || r.byAlternate || r.why.includes('spelt')) return false;
  if (hints.length && !hints.includes(r.country)) return false;
  return r.majorSeat || (r.population ?? 0) >= 100_000;
}

function strongPrefix(r: ResolvedPlace, hints: readonly string[]): boolean {
  if (r.level === 'country' || r.level === 'admin1') return true;
  return r.level === 'place' && !r.byAlternate && (r.majorSeat || (r.population ?? 0) >= 100_000) && (!hints.length || hints.includes(r.country));
}

/** The place mention of text[start, end) resolved to `r`. */
function placeMention(r: ResolvedPlace, text: string, start: number, end: number, sentence: number, cue: PlaceCue, reason: string): PlaceMention {
  return {
    start,
    end,
    text: text.slice(start, end),
    name: r.name,
    country: r.country,
    admin1: r.admin1,
    lat: r.lat,
    lon: r.lon,
    sentence,
    cue,
    level: r.level,
    population: r.population,
    precision: precisionOf(r),
    reason,
  };
}

function precisionOf(r: ResolvedPlace | null): PlaceMention['precision'] {
  if (!r || r.lat === null) return 'none';
  return r.level === 'place' ? 'exact' : r.level === 'country' ? 'country' : 'region';
}

/** An unknown name worth keeping: not an acronym ("MOC camp"), at least three letters. */
function plausibleUnknown(tokens: Token[], f: Found): boolean {
  const t = tokens[f.first];
  if (f.first === f.last && t.text.length <= 5 && t.text === t.text.toUpperCase()) return false;
  // "in Islamic ...", "the Kurdish district of": an adjective, not a name.
  if ((f.first === f.last || f.cue === 'region') && ADJECTIVE_END.test(t.lower)) return false;
  return t.text.length >= 3;
}
const ADJECTIVE_END = /(?:ic|ian|ese|ish|ist|ern)$/;


/** The last token of a capitalised name starting at token j (up to four tokens, particles inside), or -1. */
function nameAt(tokens: Token[], j: number, to: number, blocked: (k: number) => boolean): number {
  const t = tokens[j];
  if (!t.cap || blocked(j) || NOT_PLACES.has(bare(t.lower))) return -1;
  // "Fulani", "Dogons": a people, not a place; "Kel Tamasheq" too.
  if ((isPeople(bare(t.lower)) && !tokens[j + 1]?.cap) || (j + 1 < to && PEOPLES.has(`${t.lower} ${bare(tokens[j + 1].lower)}`))) return -1;
  let last = j;
  let n = 1;
  for (let k = j + 1; k < to && n < MAX_NAME_TOKENS; ) {
    // "China's Henan Province": a possessive closes the name; what follows is a place inside it.
    if (POSSESSIVE.test(tokens[last].text)) break;
    const tk = tokens[k];
    if (tk.cap && !NOT_PLACES.has(bare(tk.lower)) && !blocked(k)) {
      last = k;
      n++;
      k++;
    } else if (PARTICLE_PREFIX.test(tk.lower) && !blocked(k)) {
      // "Sharm el-Sheikh", "Ras al-Ain"
      last = k;
      n++;
      k++;
    } else if (NAME_PARTICLES.has(tk.lower) && k + 1 < to && tokens[k + 1].cap && !blocked(k + 1)) k++;
    else break;
  }
  // "the 1967 Mideast war", "the Six-Day War": an event named after a place, not the place.
  if (last + 1 < to && EVENT_NOUNS.has(tokens[last + 1].lower)) return -1;
  return last;
}

const POSSESSIVE = /['’]s$/;
const PAST_VERB = /^[a-z]{3,}ed$/;

function initialNameOk(tokens: Token[], last: number, to: number): boolean {
  if (POSSESSIVE.test(tokens[last].text)) return true;
  const next = tokens[last + 1];
  if (!next || last + 1 >= to) return false;
  return AFTER_INITIAL_NAME.has(next.lower) || (!next.cap && PAST_VERB.test(next.lower));
}
function bare(lower: string): string {
  return lower.endsWith("'s") || lower.endsWith('’s') ? lower.slice(0, -2) : lower;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpperWord(t: Token): boolean {
  return t.text.length > 1 && /^\p{Lu}[\p{Lu}'’-]*$/u.test(t.text);
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The word before offset pos, looking past "the" and a direction ("in the north of", "in northern"). */
function prevWord(tokens: Token[], pos: number): string | null {
  let lo = 0;
  let hi = tokens.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (idx > 0 && (tokens[idx].lower === 'the' || DIRECTIONS.has(tokens[idx].lower))) idx--;
  return idx >= 0 ? tokens[idx].lower : null;
}
