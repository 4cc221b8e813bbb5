// Feature extraction for the entity tagger. Every feature is a 32-bit key made by mixing a template id with
// hashes of the token strings: no feature string is ever built, so extraction allocates almost nothing.
// Per-token hashes (word, lower case, shapes, affixes) are computed once per sentence and then combined.
import { GAZETTEER, NAME_FORMS, normKey, TITLES, type Entry, type TrieNode } from '../actors/lexicon.js';
import { getGazetteer, type Gazetteer } from '../places/gazetteer.js';

/** What the tagger needs of a token: the segmenter's Token fits, so does a CoNLL word. */
export interface NerToken {
  text: string;
  lower: string;
}

// ---- hashing ----

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Key of template `t` with one value. */
function key1(t: number, a: number): number {
  return fmix(Math.imul(t, 0x9e3779b1) ^ a) || 1; // 0 marks an empty slot in the weight table
}
/** Key of template `t` with two values (order matters). */
function key2(t: number, a: number, b: number): number {
  return fmix(fmix(Math.imul(t, 0x9e3779b1) ^ a) ^ Math.imul(b, 0x27d4eb2d)) || 1;
}

function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

// ---- templates ----
// Numbering is part of the model file's contract: append new templates, never renumber.
const enum T {
  Bias = 1,
  Lower,
  Text,
  Shape,
  ShortShape,
  Prefix1,
  Prefix2,
  Prefix3,
  Prefix4,
  Suffix1,
  Suffix2,
  Suffix3,
  Suffix4,
  LowerM1,
  LowerP1,
  LowerM2,
  LowerP2,
  ShortM1Cur,
  ShortCurP1,
  BigramM1,
  BigramP1,
  CapFirst,
  ModeCap,
  ModeLower,
  Gaz,
  GazM1,
  GazP1,
  Length,
  Possessive,
  ShortM2,
  ShortP2,
  Suffix3M1,
  Suffix3P1,
  CapM1Cur,
  CapCurP1,
  TextM1,
  TextP1,
  ModeShapeWindow,
  LowerM1Shape,
  LowerP1Shape,
}

// Sentence case mode: headlines in capitals or in lower case make capitalisation meaningless.
export const MODE_MIXED = 0;
export const MODE_UPPER = 1;
export const MODE_LOWER = 2;

// Capitalisation class of a token.
const CAP_NONE = 0; // no letters
const CAP_LOWER = 1;
const CAP_INIT = 2; // Xxxx
const CAP_ALL = 3; // XXXX (two letters or more)
const CAP_MIXED = 4; // McDonald, eBay
const CAP_ONE = 5; // a single capital letter

// Gazetteer bits (one per token).
const G_COUNTRY = 1 << 0;
const G_COUNTRY_ADJ = 1 << 1;
const G_CAPITAL = 1 << 2;
const G_ORG = 1 << 3;
const G_GROUP = 1 << 4;
const G_PLACE = 1 << 5; // actors' named locations, regions, blocks
const G_PERSON = 1 << 6;
const G_FIRST_NAME = 1 << 7;
const G_GEONAMES = 1 << 8;
const G_GEONAMES2 = 1 << 9; // part of a two-token GeoNames name
const G_TITLE_BEFORE = 1 << 10; // the previous tokens are a role title ("President", "Gen.")
const G_MULTI_BEGIN = 1 << 11; // first token of a multi-token lexicon match
const G_MULTI_INSIDE = 1 << 12; // later token of a multi-token lexicon match
const GAZ_BITS = 13;

// ---- per-token analysis ----

function capClass(s: string): number {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let u = false;
    let l = false;
    if (c >= 65 && c <= 90) u = true;
    else if (c >= 97 && c <= 122) l = true;
    else if (c >= 0xc0) {
      const ch = s[i];
      const lc = ch.toLowerCase();
      const uc = ch.toUpperCase();
      if (lc !== uc) {
        if (ch === uc) u = true;
        else l = true;
      }
    }
    if (u) {
      upper++;
      if (upper + lower === 1) firstUpper = true;
    } else if (l) lower++;
  }
  if (upper + lower === 0) return CAP_NONE;
  if (upper === 0) return CAP_LOWER;
  if (lower === 0) return upper === 1 ? CAP_ONE : CAP_ALL;
  if (firstUpper && upper === 1) return CAP_INIT;
  return CAP_MIXED;
}

/** Shape hashes: full (Xxxxx -> "Xxxxx" capped at 4 repeats) and short (runs collapsed: "Xx"). */
function shapeHashes(s: string, out: Uint32Array, at: number): void {
  let full = FNV_OFFSET;
  let short = FNV_OFFSET;
  let prev = -1;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88; // X
    else if (c >= 97 && c <= 122) k = 120; // x
    else if (c >= 48 && c <= 57) k = 100; // d
    else if (c >= 0xc0) {
      const ch = s[i];
      k = ch.toLowerCase() !== ch ? 88 : ch.toUpperCase() !== ch ? 120 : 111; // o: other letter or symbol
    } else k = c; // punctuation stands for itself
    if (k === prev) run++;
    else run = 1;
    if (run <= 4) full = Math.imul(full ^ k, FNV_PRIME);
    if (k !== prev) short = Math.imul(short ^ k, FNV_PRIME);
    prev = k;
  }
  out[at] = full >>> 0;
  out[at + 1] = short >>> 0;
}

// ---- gazetteer bits ----

let geonames: Gazetteer | null | undefined;
function places(): Gazetteer | null {
  if (geonames === undefined) {
    try {
      geonames = getGazetteer();
    } catch {
      geonames = null;
    }
  }
  return geonames;
}

function entryBits(e: Entry): number {
  switch (e.type) {
    case 'country':
      return e.form === 'name' ? G_COUNTRY : e.form === 'capital' ? G_CAPITAL : G_COUNTRY_ADJ;
    case 'org':
      return G_ORG;
    case 'group':
      return G_GROUP;
    default:
      return G_PLACE;
  }
}

const NUMERIC = /^[\d.,:%$-]+$/;

/** A lexicon key of a token: normalised lower case without a closing possessive. */
function lexKey(lower: string): string {
  const n = lower.length;
  if (n > 2 && lower.charCodeAt(n - 2) === 39 && lower.charCodeAt(n - 1) === 115) lower = lower.slice(0, n - 2);
  else if (n > 2 && lower.charCodeAt(n - 2) === 0x2019 && lower.charCodeAt(n - 1) === 115) lower = lower.slice(0, n - 2);
  return normKey(lower);
}

function longestMatch<E>(root: TrieNode<E>, keys: string[], i: number, n: number): { end: number; entries: E[] } | null {
  let node: TrieNode<E> | undefined = root;
  let best: { end: number; entries: E[] } | null = null;
  for (let j = i; j < n && node; j++) {
    node = node.next?.get(keys[j]);
    if (node?.entries) best = { end: j + 1, entries: node.entries };
  }
  return best;
}

function gazetteerBits(keys: string[], texts: string[], caps: Uint8Array, mode: number, out: Uint16Array): void {
  const n = keys.length;
  out.fill(0, 0, n);
  const caseless = mode !== MODE_MIXED;
  const capOk = (i: number) => caseless || caps[i] >= CAP_INIT;
  for (let i = 0; i < n; i++) {
    if (!capOk(i) && caps[i] !== CAP_LOWER) continue;
    const m = longestMatch(GAZETTEER, keys, i, n);
    if (m) {
      let bits = 0;
      for (const e of m.entries) bits |= entryBits(e);
      for (let j = i; j < m.end; j++) out[j] |= bits | (m.end - i > 1 ? (j === i ? G_MULTI_BEGIN : G_MULTI_INSIDE) : 0);
    }
    const t = longestMatch(TITLES, keys, i, n);
    if (t && t.end < n) out[t.end] |= G_TITLE_BEFORE;
  }
  const geo = places();
  for (let i = 0; i < n; i++) {
    if (!capOk(i)) continue;
    const k = keys[i];
    const forms = NAME_FORMS.get(k);
    if (forms) {
      for (const f of forms) {
        const len = f.keys.length;
        if (len > i + 1) continue;
        let ok = true;
        for (let j = 0; j < len && ok; j++) ok = keys[i - len + 1 + j] === f.keys[j];
        if (ok) for (let j = i - len + 1; j <= i; j++) out[j] |= G_PERSON;
      }
    }
    if (FIRST_NAMES.has(k) && i + 1 < n && capOk(i + 1)) out[i] |= G_FIRST_NAME;
    if (geo && k.length > 1 && !NUMERIC.test(k)) {
      if (geo.has(texts[i])) out[i] |= G_GEONAMES;
      if (i + 1 < n && capOk(i + 1) && caps[i + 1] !== CAP_NONE && geo.has(texts[i] + ' ' + texts[i + 1])) {
        out[i] |= G_GEONAMES2;
        out[i + 1] |= G_GEONAMES2;
      }
    }
  }
}

// First names of the people lexicon (first key of each multi-word full form).
const FIRST_NAMES = new Set<string>();
for (const forms of NAME_FORMS.values()) for (const f of forms) if (f.full && f.keys.length > 1) FIRST_NAMES.add(f.keys[0]);

// ---- the extractor ----

/** Reusable buffers: one extractor per tagger, never shared between concurrent calls. */
export class FeatureExtractor {
  /** Keys of token i are keys[offsets[i] .. offsets[i+1]). */
  keys = new Uint32Array(4096);
  offsets = new Int32Array(257);
  private cap = 256;
  private hText = new Uint32Array(256);
  private hLower = new Uint32Array(256);
  private hShape = new Uint32Array(512); // full, short interleaved
  private hPre = new Uint32Array(1024);
  private hSuf = new Uint32Array(1024);
  private caps = new Uint8Array(256);
  private poss = new Uint8Array(256);
  private gaz = new Uint16Array(256);
  private lens = new Uint8Array(256);

  /** lean: a smaller template set (about 26 features a token instead of 34), faster, a little less accurate. */
  constructor(readonly lean = false) {}

  private grow(n: number): void {
    let cap = this.cap;
    while (cap < n) cap *= 2;
    this.cap = cap;
    this.offsets = new Int32Array(cap + 1);
    this.hText = new Uint32Array(cap);
    this.hLower = new Uint32Array(cap);
    this.hShape = new Uint32Array(cap * 2);
    this.hPre = new Uint32Array(cap * 4);
    this.hSuf = new Uint32Array(cap * 4);
    this.caps = new Uint8Array(cap);
    this.poss = new Uint8Array(cap);
    this.gaz = new Uint16Array(cap);
    this.lens = new Uint8Array(cap);
  }

  /** Extracts features of tokens[from, to); returns the number of tokens. */
  extract(tokens: readonly NerToken[], from = 0, to = tokens.length): number {
    const n = to - from;
    if (n > this.cap) this.grow(n);
    const { hText, hLower, hShape, hPre, hSuf, caps, poss, gaz, lens } = this;
    let upperTokens = 0;
    let letterTokens = 0;
    let anyUpper = false;
    const lexKeys: string[] = new Array(n);
    const texts: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const tok = tokens[from + i];
      let text = tok.text;
      let lower = tok.lower;
      // "Niger's" is one token for the segmenter, two in CoNLL: tag it by its stem.
      const L = lower.length;
      const c2 = L > 2 ? lower.charCodeAt(L - 2) : 0;
      if ((c2 === 39 || c2 === 0x2019) && lower.charCodeAt(L - 1) === 115) {
        poss[i] = 1;
        text = text.slice(0, L - 2);
        lower = lower.slice(0, L - 2);
      } else poss[i] = 0;
      texts[i] = text;
      lexKeys[i] = lexKey(lower);
      hText[i] = hashString(text);
      // Lower-case hash and prefixes in one pass.
      let h = FNV_OFFSET;
      for (let j = 0; j < lower.length; j++) {
        h = Math.imul(h ^ lower.charCodeAt(j), FNV_PRIME);
        if (j < 4) hPre[i * 4 + j] = h >>> 0;
      }
      hLower[i] = h >>> 0;
      for (let j = lower.length; j < 4; j++) hPre[i * 4 + j] = 0;
      h = FNV_OFFSET;
      for (let j = 0; j < 4; j++) {
        const p = lower.length - 1 - j;
        if (p >= 0) {
          h = Math.imul(h ^ lower.charCodeAt(p), FNV_PRIME);
          hSuf[i * 4 + j] = h >>> 0;
        } else hSuf[i * 4 + j] = 0;
      }
      shapeHashes(text, hShape, i * 2);
      const cc = capClass(text);
      caps[i] = cc;
      lens[i] = Math.min(text.length, 12);
      if (cc !== CAP_NONE) {
        if (text.length > 1 || cc === CAP_LOWER) letterTokens++;
        if (cc === CAP_ALL) upperTokens++;
        if (cc !== CAP_LOWER) anyUpper = true;
      }
    }
    const mode =
      letterTokens >= 3 && upperTokens >= letterTokens * 0.8 ? MODE_UPPER : letterTokens >= 3 && !anyUpper ? MODE_LOWER : MODE_MIXED;
    gazetteerBits(lexKeys, texts, caps, mode, gaz);

    // Upper bound on features per token, to size the key buffer once.
    const maxPer = 48 + 3 * GAZ_BITS;
    if (this.keys.length < n * maxPer) this.keys = new Uint32Array(n * maxPer * 2);
    const keys = this.keys;
    const offsets = this.offsets;
    const BOS = 0x5bd1e995;
    const EOS = 0x1b873593;
    let k = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = k;
      const lowM1 = i > 0 ? hLower[i - 1] : BOS;
      const lowM2 = i > 1 ? hLower[i - 2] : BOS;
      const lowP1 = i + 1 < n ? hLower[i + 1] : EOS;
      const lowP2 = i + 2 < n ? hLower[i + 2] : EOS;
      const shortCur = hShape[i * 2 + 1];
      const shortM1 = i > 0 ? hShape[i * 2 - 1] : BOS;
      const shortP1 = i + 1 < n ? hShape[i * 2 + 3] : EOS;
      const cap = caps[i];
      const capM1 = i > 0 ? caps[i - 1] : 9;
      const capP1 = i + 1 < n ? caps[i + 1] : 9;
      keys[k++] = key1(T.Bias, 0);
      keys[k++] = key1(T.Lower, hLower[i]);
      keys[k++] = key1(T.Text, hText[i]);
      const lean = this.lean;
      if (!lean) keys[k++] = key1(T.Shape, hShape[i * 2]);
      keys[k++] = key1(T.ShortShape, shortCur);
      for (let j = 0; j < 4; j++) {
        if (hPre[i * 4 + j]) keys[k++] = key1(T.Prefix1 + j, hPre[i * 4 + j]);
        if (hSuf[i * 4 + j]) keys[k++] = key1(T.Suffix1 + j, hSuf[i * 4 + j]);
      }
      keys[k++] = key1(T.LowerM1, lowM1);
      keys[k++] = key1(T.LowerP1, lowP1);
      keys[k++] = key1(T.LowerM2, lowM2);
      keys[k++] = key1(T.LowerP2, lowP2);
      keys[k++] = key2(T.ShortM1Cur, shortM1, shortCur);
      keys[k++] = key2(T.ShortCurP1, shortCur, shortP1);
      if (!lean) {
        keys[k++] = key2(T.ShortM2, i > 1 ? hShape[i * 2 - 3] : BOS, shortCur);
        keys[k++] = key2(T.ShortP2, shortCur, i + 2 < n ? hShape[i * 2 + 5] : EOS);
        keys[k++] = key1(T.Suffix3M1, i > 0 ? hSuf[(i - 1) * 4 + 2] : BOS);
        keys[k++] = key1(T.Suffix3P1, i + 1 < n ? hSuf[(i + 1) * 4 + 2] : EOS);
      }
      keys[k++] = key2(T.BigramM1, lowM1, hLower[i]);
      keys[k++] = key2(T.BigramP1, hLower[i], lowP1);
      keys[k++] = key2(T.CapFirst, cap, i === 0 ? 1 : 0);
      keys[k++] = key2(T.CapM1Cur, capM1, cap);
      keys[k++] = key2(T.CapCurP1, cap, capP1);
      keys[k++] = key2(T.ModeCap, mode, cap);
      if (mode !== MODE_MIXED) keys[k++] = key2(T.ModeLower, mode, hLower[i]);
      keys[k++] = key2(T.ModeShapeWindow, mode * 100 + capM1 * 10 + capP1, cap);
      if (!lean) {
        if (i > 0) keys[k++] = key1(T.TextM1, hText[i - 1]);
        if (i + 1 < n) keys[k++] = key1(T.TextP1, hText[i + 1]);
        keys[k++] = key2(T.Length, lens[i], cap);
      }
      keys[k++] = key2(T.LowerM1Shape, lowM1, shortCur);
      keys[k++] = key2(T.LowerP1Shape, shortCur, lowP1);
      if (poss[i]) keys[k++] = key1(T.Possessive, 1);
      const g = gaz[i];
      if (g) {
        for (let b = 0; b < GAZ_BITS; b++) {
          if (g & (1 << b)) keys[k++] = key2(T.Gaz, b, mode === MODE_MIXED ? cap : 7);
        }
      }
      const gm = i > 0 ? gaz[i - 1] : 0;
      if (gm) for (let b = 0; b < GAZ_BITS; b++) if (gm & (1 << b)) keys[k++] = key1(T.GazM1, b);
      const gp = i + 1 < n ? gaz[i + 1] : 0;
      if (gp) for (let b = 0; b < GAZ_BITS; b++) if (gp & (1 << b)) keys[k++] = key1(T.GazP1, b);
    }
    offsets[n] = k;
    return n;
  }
}
