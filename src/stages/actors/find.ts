// Finds actor mentions in a segmented Doc. Three passes:
//  1. chunk: walk the tokens once; at each token try to read one actor phrase
//       [modifiers] [qualifier: country / capital / organisation / group] [modifiers, sector nouns, titles]
//       [person name] [of|in|from + country] [, appositive]
//     with longest-match trie look-ups on lower-cased token keys.
//  2. resolve, in text order: country + sector, persons by dated roles, phrases without a country by an earlier
//     mention with the same noun ("the junta" -> "Niger's military junta") or by the article's focus country.
//  3. surnames of people introduced earlier ("Blinken" after "Antony J. Blinken").
// Spans never overlap: a phrase is consumed whole, so "United States Secretary Antony J. Blinken" is one person
// mention (the country qualifier and the title are inside its span) and "French troops" one FRAMIL mention.
import type { ActorMention, Doc, Token } from '../../core/types.js';
import {
  Case,
  countryName,
  GAZETTEER,
  NAME_FORMS,
  SECTOR_WORDS,
  slug,
  TITLES,
  type CountryEntry,
  type Entry,
  type NameForm,
  type Period,
  type Person,
  type Role,
  type SectorWord,
  type TitleEntry,
  type TrieNode,
} from './lexicon.js';
import { normKey } from './lexicon.js';

// Closed-class words and frequent verbs: they end a noun phrase and are never part of a name.
const FUNCTION = new Set(
  (
    'a an the and or but nor of in on at to from with without for by as against into onto over under after before ' +
    'during near about between among through across since until while when where who whom whose which what that ' +
    'this these those it its their his her hers they them he him she we us our i you your me my is are was were be ' +
    'been being has have had having will would could can may might should must shall do does did done not no also ' +
    'said says say saying told tell tells added according accused urged called asked warned announced ' +
    'meanwhile however yet so then if although though because both all some many most other others such more ' +
    'than still now already last next first once here there today yesterday tomorrow tonight ago earlier later ' +
    'very just only even too again instead including amid despite following within throughout upon per via ' +
    'whether either neither each every any few several much less least while whereas thus hence therefore moreover ' +
    'furthermore indeed firstly secondly thirdly finally overall ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
// Before a bare country name these make it a place ("in Niger", "northern Mali").
const PLACE_BEFORE = new Set(
  ('in inside within throughout across around near outside northern southern eastern western central north south ' +
    'east west northeast northwest southeast southwest north-east north-west south-east south-west northeastern ' +
    'northwestern southeastern southwestern north-eastern north-western south-eastern south-western').split(' '),
);
// Words a title-case heading leaves in lower case.
const TITLE_CASE_SMALL = new Set('a an the and or but nor of in on at to for by with from as vs via per'.split(' '));
const DEFINITE = new Set(['the', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'our']);
const PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'van', 'von', 'der', 'den', 'du', 'le', 'la', 'abu', 'ould', 'ag', 'dos', 'di', 'del', 'bint']);
const PARTICLE_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|abd|abdel|abdul|ben|ould)-\p{Lu}/u;
const DATELINE_NEXT = new Set(['(', '-', '--', '—', '–', ':']);
const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

/** Lower-case tokens that may start a phrase. */
const STARTERS = new Set<string>([...SECTOR_WORDS.keys(), ...(TITLES.next?.keys() ?? []), ...(GAZETTEER.next?.keys() ?? [])]);
/** First tokens that start some lexicon entry: a capitalised token among them is not an unknown name. */
const KNOWN_FIRST = new Set<string>([...FUNCTION, ...SECTOR_WORDS.keys(), ...(TITLES.next?.keys() ?? []), ...(GAZETTEER.next?.keys() ?? [])]);

// ---------------------------------------------------------------------------------------------------------
// Per-document context

interface Ctx {
  doc: Doc;
  toks: Token[];
  /** normKey of each token, possessive stripped. */
  keys: string[];
  /** 1 when the token carried a possessive ('s / s'). */
  poss: Uint8Array;
  sentOf: Int32Array;
  /** One past the last token of the token's sentence. */
  sentEnd: Int32Array;
  sentStart: Int32Array;
  /** Per sentence: -1 not computed, 0 normal, 1 title-case heading. */
  headline: Int8Array;
  date: string | null;
}

function makeCtx(doc: Doc): Ctx {
  const toks = doc.tokens;
  const n = toks.length;
  const keys = new Array<string>(n);
  const poss = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let k = normKey(toks[i].lower);
    const len = k.length;
    if (len > 2 && k.charCodeAt(len - 2) === 39 && k.charCodeAt(len - 1) === 115) {
      k = k.slice(0, -2);
      poss[i] = 1;
    } else if (len > 2 && k.charCodeAt(len - 1) === 39 && k.charCodeAt(len - 2) === 115) {
      k = k.slice(0, -1);
      poss[i] = 1;
    }
    keys[i] = k;
  }
  const sentOf = new Int32Array(n);
  const sentEnd = new Int32Array(n);
  const sentStart = new Int32Array(n);
  for (const s of doc.sentences) {
    for (let t = s.tokenStart; t < s.tokenEnd && t < n; t++) {
      sentOf[t] = s.index;
      sentEnd[t] = s.tokenEnd;
      sentStart[t] = s.tokenStart;
    }
  }
  const date = doc.published && /^\d{4}-\d{2}-\d{2}/.test(doc.published) ? doc.published.slice(0, 10) : null;
  return { doc, toks, keys, poss, sentOf, sentEnd, sentStart, headline: new Int8Array(doc.sentences.length).fill(-1), date };
}

function isHeadline(c: Ctx, i: number): boolean {
  const s = c.sentOf[i];
  if (c.headline[s] < 0) {
    let words = 0;
    let caps = 0;
    for (let t = c.sentStart[i]; t < c.sentEnd[i]; t++) {
      const tok = c.toks[t];
      if (!startsWithLetter(tok.text) || (TITLE_CASE_SMALL.has(c.keys[t]) && !tok.cap)) continue;
      words++;
      if (tok.cap) caps++;
    }
    c.headline[s] = words >= 3 && caps >= words * 0.8 ? 1 : 0;
  }
  return c.headline[s] === 1;
}

function startsWithLetter(s: string): boolean {
  const ch = s.charCodeAt(0);
  if ((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90)) return true;
  return ch > 127 && LETTER_START.test(s);
}
const LETTER_START = /^\p{L}/u;

/** No lower-case letter, ignoring a possessive 's ("UN's"). */
function isUpperText(text: string): boolean {
  let end = text.length;
  if (end > 2 && (text.charCodeAt(end - 2) === 39 || text.charCodeAt(end - 2) === 8217) && text.charCodeAt(end - 1) === 115) end -= 2;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 97 && ch <= 122) return false;
    if (ch > 127 && text[i] !== text[i].toUpperCase()) return false;
  }
  return true;
}

function caseOk(c: Ctx, rule: Case, i: number, end: number): boolean {
  if (rule === Case.Any) return true;
  if (rule === Case.Cap) return c.toks[i].cap;
  for (let k = i; k < end; k++) if (!isUpperText(c.toks[k].text)) return false;
  return true;
}

/** A capitalised word the lexicons do not know: probably part of a proper name. */
function unknownCap(c: Ctx, j: number): boolean {
  if (j < 0 || j >= c.toks.length) return false;
  const t = c.toks[j];
  return t.cap && startsWithLetter(t.text) && !KNOWN_FIRST.has(c.keys[j]);
}

// ---------------------------------------------------------------------------------------------------------
// Look-ups

interface Hit<E> {
  start: number;
  end: number;
  entry: E;
  poss: boolean;
}

function longest<E extends { caseRule: Case }>(c: Ctx, root: TrieNode<E>, i: number, sEnd: number, accept?: (e: E, end: number) => boolean): Hit<E> | null {
  let node: TrieNode<E> | undefined = root;
  let best: Hit<E> | null = null;
  for (let j = i; j < sEnd; j++) {
    node = node.next?.get(c.keys[j]);
    if (!node) break;
    if (node.entries) {
      for (const e of node.entries) {
        if (caseOk(c, e.caseRule, i, j + 1) && (!accept || accept(e, j + 1))) {
          best = { start: i, end: j + 1, entry: e, poss: c.poss[j] === 1 };
          break;
        }
      }
    }
    if (c.poss[j]) break;
  }
  return best;
}

/** A gazetteer entry at i, with the ambiguity guards for country forms. */
function gazetteerAt(c: Ctx, i: number, sEnd: number): Hit<Entry> | null {
  return longest(c, GAZETTEER, i, sEnd, (e, end) => {
    // "the West African nation" is not "the West".
    if (e.type === 'region' && c.keys[i] === 'the') return c.toks[i + 1].cap && !(end < sEnd && c.toks[end].cap);
    if (e.type !== 'country') return true;
    const headline = isHeadline(c, i);
    // "Chad Smith", "Michael Jordan", "George Washington": a personal name, not the country.
    if (e.person) {
      if (unknownCap(c, end) && end < sEnd) return false;
      const prev = i - 1;
      if (prev >= c.sentStart[i] && unknownCap(c, prev) && !headline) return false;
      // "Atlanta, Georgia": a US state after its city.
      if (prev > c.sentStart[i] && c.keys[prev] === ',' && unknownCap(c, prev - 1)) return false;
    }
    // "American Airlines", "Qatar Airways": the country word starts a longer proper name.
    if (e.form !== 'plural' && !headline && end < sEnd && unknownCap(c, end) && !c.poss[end - 1]) return false;
    return true;
  });
}

function titleAt(c: Ctx, i: number, sEnd: number): Hit<TitleEntry> | null {
  return longest(c, TITLES, i, sEnd);
}

// ---------------------------------------------------------------------------------------------------------
// Chunks (pass 1)

interface Item {
  kind: 'M' | 'S' | 'T';
  start: number;
  end: number;
  key: string;
  sector: string | null;
  weak: boolean;
  word?: SectorWord;
  title?: TitleEntry;
}

interface NameRun {
  start: number;
  end: number;
  keys: string[];
  /** Gazetteer forms matching the end of the run (several when a surname is shared). */
  forms: NameForm[];
}

interface Chunk {
  kind: 'phrase' | 'place' | 'block';
  start: number;
  end: number;
  /** Character span when narrower than the tokens (one part of "US-Niger"). */
  chars?: [number, number];
  q: Hit<Entry> | null;
  items: Item[];
  head: Item | null;
  name: NameRun | null;
  post: Hit<Entry> | null;
  postPrep: string | null;
  appos: { q: Hit<Entry> | null; items: Item[]; head: Item | null } | null;
  /** The capital is followed by its country ("Tripoli, Libya") or a dateline. */
  dateline: boolean;
  compound: string | null;
}

function isInitial(c: Ctx, k: number): boolean {
  const t = c.toks[k].text;
  if (/^(?:[A-Z]\.){1,3}$/.test(t)) return true;
  return t.length === 1 && t >= 'A' && t <= 'Z' && c.toks[k + 1]?.text === '.' && c.toks[k + 1].start === c.toks[k].end;
}

function isNameWord(c: Ctx, k: number, sEnd: number): boolean {
  const t = c.toks[k];
  if (!t.cap) return t.text.indexOf('-') > 0 && PARTICLE_PREFIX.test(t.text);
  if (!startsWithLetter(t.text)) return false;
  // Acronyms (BP, CNN) are not personal names.
  if (t.text.length > 1 && isUpperText(t.text) && !isHeadline(c, k)) return false;
  const key = c.keys[k];
  if (FUNCTION.has(key) || SECTOR_WORDS.has(key) || TITLES.next?.has(key)) return false;
  if (GAZETTEER.next?.has(key) && gazetteerAt(c, k, sEnd)) return false;
  return true;
}

/** Could token k extend a name begun before it ("Mohamed Bazoum", "Rifaat al-Assad", "Osama bin Laden")? */
function mayContinueName(c: Ctx, k: number): boolean {
  const t = c.toks[k];
  if (!t) return false;
  return t.cap || PARTICLES.has(c.keys[k]) || (t.text.indexOf('-') > 0 && PARTICLE_PREFIX.test(t.text));
}

function nameRun(c: Ctx, j: number, sEnd: number): NameRun | null {
  let k = j;
  let last = -1;
  const keys: string[] = [];
  while (k < sEnd && k - j < 8) {
    if (isInitial(c, k)) {
      k++;
      if (k < sEnd && c.toks[k].text === '.' && c.toks[k].start === c.toks[k - 1].end) k++;
      continue;
    }
    if (isNameWord(c, k, sEnd)) {
      keys.push(c.keys[k]);
      last = k;
      k++;
      if (c.poss[k - 1]) break;
      continue;
    }
    if (last >= 0 && PARTICLES.has(c.keys[k]) && k + 1 < sEnd && isNameWord(c, k + 1, sEnd)) {
      keys.push(c.keys[k]);
      k++;
      continue;
    }
    break;
  }
  if (last < 0) return null;
  return { start: j, end: last + 1, keys, forms: matchName(keys) };
}

/** Gazetteer people whose form is the end of the run; a surname after an unknown first name is rejected
 * ("Moussa Traoré" is not Ibrahim Traoré). */
function matchName(keys: string[]): NameForm[] {
  const cands = NAME_FORMS.get(keys[keys.length - 1]);
  if (!cands) return [];
  let bestLen = 0;
  let best: NameForm[] = [];
  for (const f of cands) {
    const m = f.keys.length;
    if (m > keys.length || m < bestLen) continue;
    let ok = true;
    for (let x = 1; x <= m; x++) if (f.keys[m - x] !== keys[keys.length - x]) ok = false;
    if (!ok) continue;
    if (m > bestLen) {
      bestLen = m;
      best = [f];
    } else best.push(f);
  }
  if (best.length && keys.length > bestLen) {
    const first = keys[keys.length - bestLen - 1];
    best = best.filter((f) => f.full || f.person.firstNames.has(first));
  }
  return best;
}

function endsNounPhrase(c: Ctx, j: number, sEnd: number): boolean {
  if (j >= sEnd) return true;
  const t = c.toks[j];
  if (!/^\p{Ll}/u.test(t.text)) return true;
  const k = c.keys[j];
  return FUNCTION.has(k) || k.endsWith('ed');
}

function headOf(c: Ctx, items: Item[], sEnd: number): Item | null {
  for (let x = items.length - 1; x >= 0; x--) {
    const it = items[x];
    if (it.kind === 'M') continue;
    if (it.kind === 'S' && it.word!.cls === 'pre') continue;
    // "two men", "a group of": these nouns name an actor only after a modifier ("armed men", "jihadist group").
    if (it.kind === 'S' && it.word!.modded && x === 0) return null;
    // "military agreements": an adjective-like sector word before an unknown noun is not the head.
    if (it.kind === 'S' && it.word!.cls === 'adj' && x === items.length - 1 && !c.poss[it.end - 1] && !endsNounPhrase(c, it.end, sEnd)) continue;
    return it;
  }
  return null;
}

/** The sector of a descriptor: its head's, unless the head is generic and an earlier word is specific. */
function sectorOf(items: Item[], head: Item | null): { sector: string | null; by: Item | null } {
  if (!head) {
    // "Malian men": a noun that needs a modifier to name an armed actor gives no sector without one.
    for (let x = items.length - 1; x >= 0; x--) if (items[x].kind !== 'M' && items[x].sector && !items[x].word?.modded) return { sector: items[x].sector, by: items[x] };
    return { sector: null, by: null };
  }
  if (head.weak || !head.sector) {
    for (let x = items.indexOf(head) - 1; x >= 0; x--) {
      const e = items[x];
      if (e.kind === 'M' || !e.sector) continue;
      if (e.sector === 'GOV' && (head.sector === 'MIL' || head.sector === 'COP')) return { sector: head.sector, by: head };
      return { sector: e.sector, by: e };
    }
  }
  return { sector: head.sector, by: head };
}

/** Modifiers, sector nouns and titles from j. Stops after a possessive ("the junta's"). */
function readItems(c: Ctx, j: number, sEnd: number, items: Item[]): number {
  while (j < sEnd) {
    const t = titleAt(c, j, sEnd);
    if (t) {
      items.push({ kind: 'T', start: j, end: t.end, key: c.keys[t.end - 1], sector: t.entry.sector, weak: t.entry.weak, title: t.entry });
      j = t.end;
      if (t.poss) break;
      // The period of an abbreviated title ("Gen.").
      if (j < sEnd && c.toks[j].text === '.' && c.toks[j].start === c.toks[j - 1].end) {
        j++;
        items[items.length - 1].end = j;
      }
      continue;
    }
    const w = SECTOR_WORDS.get(c.keys[j]);
    if (w) {
      items.push({ kind: w.cls === 'mod' ? 'M' : 'S', start: j, end: j + 1, key: c.keys[j], sector: w.sector, weak: w.cls === 'weak', word: w });
      j++;
      if (c.poss[j - 1]) break;
      continue;
    }
    break;
  }
  return j;
}

function trimMods(items: Item[]): void {
  while (items.length && items[items.length - 1].kind === 'M') items.pop();
}

function afterItems(items: Item[], fallback: number): number {
  return items.length ? items[items.length - 1].end : fallback;
}

function hasHeadWord(items: Item[]): boolean {
  return items.some((it) => it.kind !== 'M');
}

function parseChunk(c: Ctx, i: number): Chunk | null {
  const sEnd = c.sentEnd[i];
  const items: Item[] = [];
  let q: Hit<Entry> | null = null;
  let j = i;
  // Modifiers may come before the qualifier ("the former Nigerien president").
  while (j < sEnd) {
    const g = GAZETTEER.next?.has(c.keys[j]) ? gazetteerAt(c, j, sEnd) : null;
    if (g) {
      if (g.entry.type === 'block' || g.entry.type === 'location') {
        if (j > i) break;
        return { kind: g.entry.type === 'block' ? 'block' : 'place', start: i, end: g.end, q: g, items, head: null, name: null, post: null, postPrep: null, appos: null, dateline: false, compound: null };
      }
      q = g;
      j = g.end;
      // A possessive written as its own token ("Niger 's" in pre-tokenised text).
      if (!q.poss && j < sEnd && (c.keys[j] === "'s" || c.keys[j] === "'")) {
        if (c.keys[j] === "'" && c.keys[j + 1] === 's' && c.toks[j + 1].start === c.toks[j].end) j++;
        q = { ...q, end: j + 1, poss: true };
        j++;
      }
      break;
    }
    const w = SECTOR_WORDS.get(c.keys[j]);
    if (w && w.cls === 'mod') {
      items.push({ kind: 'M', start: j, end: j + 1, key: c.keys[j], sector: null, weak: false, word: w });
      j++;
      continue;
    }
    break;
  }
  if (!q) {
    // No qualifier: the modifiers read so far start a descriptor ("mutinous soldiers").
    j = readItems(c, j, sEnd, items);
  } else {
    const e = q.entry;
    const takesNouns = !(e.type === 'country' && e.form === 'plural') && e.type !== 'region';
    if (takesNouns) j = readItems(c, j, sEnd, items);
  }
  trimMods(items);
  let end = afterItems(items, q ? q.end : i);
  if (!q && !items.length) {
    // A bare name: only a known person (gazetteer) makes it an actor here.
    if (!isNameWord(c, i, sEnd)) return null;
    const run = nameRun(c, i, sEnd);
    if (!run || !run.forms.length) return null;
    return finishPerson(c, { kind: 'phrase', start: run.start, end: run.end, q: null, items, head: null, name: run, post: null, postPrep: null, appos: null, dateline: false, compound: null }, sEnd);
  }
  const last = items[items.length - 1];
  // A name after a title ("President Mohamed Bazoum"), or a known person after a country ("Niger's Bazoum").
  if (end < sEnd && (last?.kind === 'T' || (q && !items.length && q.entry.type === 'country' && (q.poss || q.entry.form === 'adj')))) {
    const lastIsTitle = last?.kind === 'T' && !c.poss[last.end - 1];
    let run = isNameWord(c, end, sEnd) ? nameRun(c, end, sEnd) : null;
    // "chief Brexit negotiator": a capitalised word before another role noun modifies it; it is not a name.
    if (run && !run.forms.length && run.end < sEnd && /^\p{Ll}/u.test(c.toks[run.end].text) && (SECTOR_WORDS.has(c.keys[run.end]) || TITLES.next?.has(c.keys[run.end]))) run = null;
    if (run && (lastIsTitle || run.forms.length)) {
      return finishPerson(c, { kind: 'phrase', start: q ? q.start : items[0].start, end: run.end, q, items, head: last ?? null, name: run, post: null, postPrep: null, appos: null, dateline: false, compound: null }, sEnd);
    }
  }
  const head = headOf(c, items, sEnd);
  if (!q && !head) return null;
  if (q && items.length && !hasHeadWord(items)) {
    items.length = 0;
    end = q.end;
  }
  const chunk: Chunk = { kind: 'phrase', start: q ? q.start : items[0].start, end, q, items, head, name: null, post: null, postPrep: null, appos: null, dateline: false, compound: null };
  // "soldiers in Niger", "the government of Niger", "President of Niger".
  if (!q && head) {
    const post = postQualifier(c, end, sEnd, head.kind === 'T' ? ['of'] : ['of', 'in', 'from']);
    if (post) {
      chunk.post = post.hit;
      chunk.postPrep = post.prep;
      chunk.end = post.hit.end;
    }
  }
  // "Tripoli, Libya (CNN)": a capital followed by its country, or a dateline, is a place.
  if (q && q.entry.type === 'country' && q.entry.form === 'capital' && !items.length) {
    const e = q.entry;
    if (c.keys[end] === ',' && end + 1 < sEnd) {
      const g = gazetteerAt(c, end + 1, sEnd);
      if (g && g.entry.type === 'country' && g.entry.form === 'name' && g.entry.iso3.includes(e.iso3[0])) {
        chunk.end = g.end;
        chunk.dateline = true;
      } else if (i === c.sentStart[i] && (MONTHS.has(c.keys[end + 1]) || /^\d/.test(c.keys[end + 1]))) chunk.dateline = true;
    } else if (i === c.sentStart[i] && DATELINE_NEXT.has(c.keys[end])) chunk.dateline = true;
  }
  return chunk;
}

function postQualifier(c: Ctx, j: number, sEnd: number, preps: string[]): { hit: Hit<Entry>; prep: string } | null {
  if (j >= sEnd || !preps.includes(c.keys[j])) return null;
  let k = j + 1;
  if (c.keys[k] === 'the') k++;
  if (k >= sEnd) return null;
  const g = gazetteerAt(c, k, sEnd);
  if (!g) return null;
  const e = g.entry;
  if (e.type === 'country' && e.form === 'name') return { hit: g, prep: c.keys[j] };
  if ((e.type === 'org' || e.type === 'group') && c.keys[j] === 'of') return { hit: g, prep: c.keys[j] };
  return null;
}

function finishPerson(c: Ctx, chunk: Chunk, sEnd: number): Chunk {
  let j = chunk.end;
  if (!chunk.q) {
    const post = postQualifier(c, j, sEnd, ['of']);
    if (post) {
      chunk.post = post.hit;
      chunk.postPrep = 'of';
      j = chunk.end = post.hit.end;
    }
  }
  // Appositive: "Gen. Abdourahamane Tiani, the junta leader" / "Bazoum, Niger's president".
  if (c.keys[j] === ',' && j + 1 < sEnd) {
    let k = j + 1;
    const det = c.keys[k] === 'the' || c.keys[k] === 'a' || c.keys[k] === 'an';
    if (det) k++;
    let aq: Hit<Entry> | null = null;
    const g = k < sEnd ? gazetteerAt(c, k, sEnd) : null;
    if (g && (g.entry.type === 'country' || g.entry.type === 'org' || g.entry.type === 'group') && (det || g.poss)) {
      aq = g;
      k = g.end;
    }
    if (det || aq) {
      const items: Item[] = [];
      const after = readItems(c, k, sEnd, items);
      trimMods(items);
      const head = headOf(c, items, sEnd);
      if (head && (head.kind === 'T' || head.weak)) {
        chunk.appos = { q: aq, items, head };
        chunk.end = afterItems(items, after);
      }
    }
  }
  return chunk;
}

/** "US-Niger cooperation": every part of a hyphenated token that is a country ("pro-"/"anti-" allowed). */
function compoundParts(c: Ctx, i: number): Chunk[] | null {
  const tok = c.toks[i];
  const parts = tok.text.split('-');
  if (parts.length < 2) return null;
  const out: Chunk[] = [];
  let offset = tok.start;
  for (const part of parts) {
    const from = offset;
    offset += part.length + 1;
    const key = normKey(part.toLowerCase());
    if (key === 'pro' || key === 'anti' || key === 'led') continue;
    const node = GAZETTEER.next?.get(key);
    const e = node?.entries?.find((x): x is CountryEntry => x.type === 'country' && x.form !== 'plural');
    if (!e) return null;
    const upperOk = e.caseRule !== Case.Upper || part === part.toUpperCase();
    const capOk = e.caseRule !== Case.Cap || /^\p{Lu}/u.test(part);
    if (!upperOk || !capOk) return null;
    out.push({
      kind: 'phrase',
      start: i,
      end: i + 1,
      chars: [from, from + part.length],
      q: { start: i, end: i + 1, entry: e, poss: false },
      items: [],
      head: null,
      name: null,
      post: null,
      postPrep: null,
      appos: null,
      dateline: false,
      compound: tok.text,
    });
  }
  return out.length ? out : null;
}

// ---------------------------------------------------------------------------------------------------------
// Resolution (pass 2)

interface Resolved {
  m: ActorMention;
  tokStart: number;
  tokEnd: number;
  /** Head noun key for "the junta" -> earlier junta look-ups. */
  headKey: string | null;
  /** A country word without a noun, which can share the noun of the next one ("U.S. and Russian negotiators"). */
  shares: boolean;
  /** The sector came from a noun in the phrase. */
  noun: boolean;
}

interface Registered {
  m: ActorMention;
  fullKeys: string[];
}

function codeOf(country: string | null, sector: string | null): string {
  if (country) return country + (sector ?? '');
  return sector ?? 'UNK';
}

function countryEntity(country: string, sector: string | null): string {
  return sector && sector !== 'GOV' ? `country:${country}:${sector}` : `country:${country}`;
}

function periodFor(periods: Period[], date: string | null): { p: Period; why: string } {
  if (periods.length === 1) return { p: periods[0], why: '' };
  if (!date) {
    const p = periods[periods.length - 1];
    return { p, why: ' (no article date: latest listed code)' };
  }
  for (const p of periods) if ((!p.from || p.from <= date) && (!p.to || date < p.to)) return { p, why: ` (${p.from || '…'}..${p.to || '…'} contains ${date})` };
  const p = periods[periods.length - 1];
  return { p, why: ` (no period contains ${date}: latest listed code)` };
}

/** The role in force on the article's date; otherwise the nearest one, and the reason says so. */
function pickRole(person: Person, date: string | null): { role: Role; why: string } {
  const roles = person.roles;
  const span = (r: Role) => `${r.from || '…'}..${r.to || 'now'}`;
  if (!date) {
    const r = roles.reduce((a, b) => ((b.from || '') >= (a.from || '') ? b : a));
    return { role: r, why: `${r.role} ${span(r)}; the article has no date, so the latest role is used` };
  }
  const inRange = roles.filter((r) => (!r.from || r.from <= date) && (!r.to || date < r.to));
  if (inRange.length) {
    const r = inRange.reduce((a, b) => ((b.from || '') >= (a.from || '') ? b : a));
    return { role: r, why: `${r.role} ${span(r)} contains the article date ${date}` };
  }
  const before = roles.filter((r) => r.to && r.to <= date);
  if (before.length) {
    const r = before.reduce((a, b) => (b.to >= a.to ? b : a));
    return { role: r, why: `former ${r.role} (${span(r)}, ended before the article date ${date}); kept as ${r.code}${r.note ? `: ${r.note}` : ''}` };
  }
  const r = roles.reduce((a, b) => ((b.from || '') < (a.from || '') ? b : a));
  return { role: r, why: `${r.role} from ${r.from}, after the article date ${date}; coded by that role` };
}

function choosePerson(c: Ctx, forms: NameForm[], introduced: Set<string>, titleText: string | null): { person: Person; note: string } {
  const people = [...new Set(forms.map((f) => f.person))];
  if (people.length === 1) return { person: people[0], note: '' };
  const intro = people.filter((p) => introduced.has(p.id));
  if (intro.length === 1) return { person: intro[0], note: ' (shared surname: the one named in full in this article)' };
  const pool = intro.length ? intro : people;
  if (c.date) {
    const date = c.date;
    let active = pool.filter((p) => p.roles.some((r) => (!r.from || r.from <= date) && (!r.to || date < r.to)));
    if (active.length > 1 && titleText) {
      const t = titleText.toLowerCase();
      const byTitle = active.filter((p) => p.roles.some((r) => r.role.toLowerCase().includes(t)));
      if (byTitle.length) active = byTitle;
    }
    if (active.length >= 1) return { person: active[0], note: active.length === 1 ? ' (shared surname: the one in office on the article date)' : ' (shared surname: first listed of those in office)' };
  }
  return { person: pool[0], note: ' (shared surname: first listed)' };
}

export function findActors(doc: Doc): ActorMention[] {
  const c = makeCtx(doc);
  const n = c.toks.length;

  // Pass 1: chunks.
  const chunks: Chunk[] = [];
  for (let i = 0; i < n; ) {
    // Most tokens start nothing: skip them without building a chunk.
    const k = c.keys[i];
    if (!STARTERS.has(k) && k.indexOf('-') < 0 && (!c.toks[i].cap || (!NAME_FORMS.has(k) && !mayContinueName(c, i + 1)))) {
      i++;
      continue;
    }
    const ch = parseChunk(c, i);
    if (ch) {
      chunks.push(ch);
      i = Math.max(ch.end, i + 1);
      continue;
    }
    if (c.keys[i].includes('-')) {
      const parts = compoundParts(c, i);
      if (parts) chunks.push(...parts);
    } else if (c.toks[i].cap && !KNOWN_FIRST.has(c.keys[i])) {
      // Skip the rest of an unknown capitalised name so its inner words are not read again.
      const run = nameRun(c, i, c.sentEnd[i]);
      if (run) {
        i = run.end;
        continue;
      }
    }
    i++;
  }

  // Country counts decide ambiguous forms and the article's focus country.
  const counts = new Map<string, number>();
  const count = (h: Hit<Entry> | null) => {
    if (h && h.entry.type === 'country' && h.entry.iso3.length === 1) counts.set(h.entry.iso3[0], (counts.get(h.entry.iso3[0]) ?? 0) + 1);
  };
  const introduced = new Set<string>();
  for (const ch of chunks) {
    count(ch.q);
    count(ch.post);
    if (ch.name?.forms.length && (ch.items.some((it) => it.kind === 'T') || ch.name.forms.some((f) => f.full))) {
      for (const f of ch.name.forms) introduced.add(f.person.id);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = [ranked[0], ranked[1]];
  const focus = top && top[1] >= 2 && (!second || top[1] >= 1.5 * second[1]) ? top[0] : null;
  const focusWhy = focus ? `the article's focus country ${focus} (${top[1]} mentions${second ? `, next ${second[0]} ${second[1]}` : ''})` : '';

  const pickIso = (e: CountryEntry): { iso: string; note: string } => {
    if (e.iso3.length === 1) return { iso: e.iso3[0], note: '' };
    let best = e.iso3[0];
    for (const x of e.iso3) if ((counts.get(x) ?? 0) > (counts.get(best) ?? 0)) best = x;
    return { iso: best, note: ` ("${e.label}" is shared by ${e.iso3.join(', ')}; ${best === e.iso3[0] ? 'default' : 'the one named elsewhere in the article'})` };
  };

  // Pass 2: resolve in text order.
  const out: Resolved[] = [];
  const registry = new Map<string, Registered>();
  const fullByLast = new Map<string, string[][]>();
  for (const ch of chunks) {
    if (ch.name && !ch.name.forms.length && ch.name.keys.length > 1) {
      const last = ch.name.keys[ch.name.keys.length - 1];
      fullByLast.set(last, [...(fullByLast.get(last) ?? []), ch.name.keys]);
    }
  }

  const text = doc.text;
  const make = (ch: Chunk, f: Omit<ActorMention, 'start' | 'end' | 'text' | 'sentence'>, from = ch.start, to = ch.end): ActorMention => {
    const start = ch.chars ? ch.chars[0] : c.toks[from].start;
    const end = ch.chars ? ch.chars[1] : c.toks[to - 1].end;
    return { start, end, text: text.slice(start, end), ...f, sentence: c.sentOf[from] };
  };
  const push = (ch: Chunk, m: ActorMention, headKey: string | null, shares = false) =>
    out.push({ m, tokStart: ch.start, tokEnd: ch.end, headKey, shares, noun: ch.items.length > 0 && m.sector !== null });
  const prevKey = (ch: Chunk) => {
    let k = ch.start - 1;
    if (k >= c.sentStart[ch.start] && c.keys[k] === 'the') k--;
    return k >= c.sentStart[ch.start] ? c.keys[k] : null;
  };
  const antecedent = (key: string): Resolved | null => {
    for (let x = out.length - 1; x >= 0; x--) if (out[x].headKey === key && out[x].m.country) return out[x];
    return null;
  };
  const titleText = (items: Item[]): string | null => {
    const lastT = items.map((it) => it.kind).lastIndexOf('T');
    if (lastT < 0) return null;
    // The role reads from the first descriptor word to the last title ("Foreign Minister", "junta leader").
    return text.slice(c.toks[items[0].start].start, c.toks[items[lastT].end - 1].end).replace(/\.$/, '');
  };

  for (const ch of chunks) {
    if (ch.kind === 'block') continue;
    if (ch.kind === 'place') {
      const e = ch.q!.entry as Extract<Entry, { type: 'location' }>;
      push(ch, make(ch, { kind: 'location', name: e.name, country: e.country, sector: null, code: e.country, entity: `place:${slug(e.name)}`, reason: `place "${e.name}" in ${e.country} (${e.source}): not an actor` }), null);
      continue;
    }
    if (ch.name) {
      resolvePerson(ch);
      continue;
    }
    if (ch.q) {
      resolveQualified(ch);
      continue;
    }
    resolveGroup(ch);
  }

  function resolveQualified(ch: Chunk): void {
    const q = ch.q!;
    const e = q.entry;
    const { sector: itemSector, by } = sectorOf(ch.items, ch.head);
    const role = titleText(ch.items);
    const headKey = ch.head ? ch.head.key : null;
    const nounWhy = by ? `; "${by.kind === 'T' ? by.title!.title : by.word!.word}" gives ${by.sector} (${by.kind === 'T' ? by.title!.source : by.word!.source})` : '';
    switch (e.type) {
      case 'country': {
        const { iso, note } = pickIso(e);
        const name = countryName(iso);
        const formText = ch.chars ? text.slice(ch.chars[0], ch.chars[1]) : text.slice(c.toks[q.start].start, c.toks[q.end - 1].end);
        const formWhy = `${e.form} "${formText}" of ${iso} (${e.source})${note}`;
        if (ch.compound) {
          const sector = e.form === 'adj' ? null : 'GOV';
          push(ch, make(ch, { kind: 'country', name, country: iso, sector, code: codeOf(iso, sector), entity: countryEntity(iso, sector), reason: `${formWhy} in the compound "${ch.compound}"${sector ? '; a country as actor stands for its government' : ''}` }), null, e.form === 'adj');
          return;
        }
        if (itemSector || ch.items.length) {
          const sector = itemSector;
          push(ch, make(ch, { kind: 'country', name, country: iso, sector, code: codeOf(iso, sector), ...(role ? { role } : {}), entity: countryEntity(iso, sector), reason: `${formWhy}${nounWhy}` }), headKey);
          return;
        }
        if (e.form === 'plural') {
          push(ch, make(ch, { kind: 'country', name, country: iso, sector: 'CVL', code: codeOf(iso, 'CVL'), entity: countryEntity(iso, 'CVL'), reason: `${formWhy}: nationals of ${iso}, coded as its civilians` }), null);
          return;
        }
        if (e.form === 'adj') {
          push(ch, make(ch, { kind: 'country', name, country: iso, sector: null, code: iso, entity: countryEntity(iso, null), reason: `${formWhy}; no actor noun follows, so only the country is known` }), null, true);
          return;
        }
        const pk = prevKey(ch);
        const capitalText = e.form === 'capital' ? c.toks[q.start].text : '';
        const place =
          ch.dateline ||
          (!q.poss && pk !== null && PLACE_BEFORE.has(pk)) ||
          (e.form === 'capital' &&
            (pk === 'capital' || pk === 'city' || pk === 'of' || c.keys[ch.end] === 'capital' ||
              // "Cairo's Tahrir Square"; "LONDON" in capitals is a dateline or a heading.
              (q.poss && unknownCap(c, ch.end)) || (capitalText.length > 3 && isUpperText(capitalText))));
        if (place) {
          const why = ch.dateline ? 'a dateline place' : pk && PLACE_BEFORE.has(pk) ? `after "${pk}": a place` : 'the city as a place';
          const pname = e.form === 'capital' ? e.label.replace(/\s*D\.?C\.?$/, '') : name;
          push(ch, make(ch, { kind: 'location', name: pname, country: iso, sector: null, code: iso, entity: e.form === 'capital' ? `place:${slug(pname)}` : countryEntity(iso, null), reason: `${formWhy}; ${why}, not an actor` }), null);
          return;
        }
        const why = e.form === 'capital' ? `the capital stands for the government of ${name}` : 'a country named as actor stands for its government';
        push(ch, make(ch, { kind: 'country', name, country: iso, sector: 'GOV', code: codeOf(iso, 'GOV'), entity: countryEntity(iso, 'GOV'), reason: `${formWhy}; ${why}` }), null, e.form === 'name' && !q.poss);
        return;
      }
      case 'org': {
        push(ch, make(ch, { kind: 'organisation', name: e.name, country: e.country, sector: e.sector, code: e.code, ...(role ? { role } : {}), entity: e.entity, reason: `organisation ${e.name} (${e.source})${role ? `; role "${role}"` : ''}` }), headKey);
        return;
      }
      case 'group': {
        const { p, why } = periodFor(e.periods, c.date);
        const country = p.code.startsWith('IMG:') ? null : p.code.slice(0, 3);
        const sector = p.code.startsWith('IMG:') ? 'REB' : p.code.slice(3);
        push(ch, make(ch, { kind: 'group', name: e.name, country, sector, code: p.code, ...(role ? { role } : {}), entity: `group:${e.id}`, reason: `armed group ${e.name}: ${p.code}${why}${p.note ? `; ${p.note}` : ''} (${e.source})` }), headKey);
        return;
      }
      case 'region': {
        push(ch, make(ch, { kind: 'group', name: e.name, country: null, sector: null, code: e.code, entity: `region:${e.code}`, reason: `group of states "${e.name}" (${e.source}): CAMEO region ${e.code}` }), null);
        return;
      }
      default:
        return;
    }
  }

  function resolveGroup(ch: Chunk): void {
    const head = ch.head!;
    const { sector, by } = sectorOf(ch.items, head);
    const headKey = head.key;
    const phrase = text.slice(c.toks[ch.items[0].start].start, c.toks[ch.items[ch.items.length - 1].end - 1].end);
    const role = head.kind === 'T' ? titleText(ch.items) : null;
    const nounWhy = by ? `"${by.kind === 'T' ? by.title!.title : by.word!.word}" gives ${by.sector} (${by.kind === 'T' ? by.title!.source : by.word!.source})` : 'no sector';
    const before = ch.start > c.sentStart[ch.start] ? c.keys[ch.start - 1] : null;
    const definite = before !== null && DEFINITE.has(before);
    if (ch.post) {
      const pe = ch.post.entry;
      if (pe.type === 'country') {
        const { iso, note } = pickIso(pe);
        push(ch, make(ch, { kind: 'group', name: countryName(iso), country: iso, sector, code: codeOf(iso, sector), ...(role ? { role } : {}), entity: countryEntity(iso, sector), reason: `"${phrase} ${ch.postPrep} ${text.slice(c.toks[ch.post.start].start, c.toks[ch.post.end - 1].end)}": ${nounWhy}; country ${iso} (${pe.source})${note}` }), headKey);
        return;
      }
      if (pe.type === 'org') {
        push(ch, make(ch, { kind: 'organisation', name: pe.name, country: pe.country, sector: pe.sector, code: pe.code, ...(role ? { role } : {}), entity: pe.entity, reason: `"${phrase}" of ${pe.name} (${pe.source})` }), headKey);
        return;
      }
      if (pe.type === 'group') {
        const { p, why } = periodFor(pe.periods, c.date);
        push(ch, make(ch, { kind: 'group', name: pe.name, country: p.code.startsWith('IMG:') ? null : p.code.slice(0, 3), sector: p.code.startsWith('IMG:') ? 'REB' : p.code.slice(3), code: p.code, ...(role ? { role } : {}), entity: `group:${pe.id}`, reason: `"${phrase}" of ${pe.name}: ${p.code}${why} (${pe.source})` }), headKey);
        return;
      }
    }
    // "the president" after "President Mohamed Bazoum": the same person.
    if (head.kind === 'T' && definite && !head.weak) {
      for (let x = out.length - 1; x >= 0; x--) {
        const m = out[x].m;
        if (m.kind === 'person' && m.role && m.role.toLowerCase().includes(head.title!.title)) {
          push(ch, make(ch, { ...pickPersonFields(m), reason: `"the ${phrase}" refers back to ${m.name} (sentence ${m.sentence})` }), headKey);
          return;
        }
      }
    }
    const ante = antecedent(headKey);
    if (ante && (definite || head.word?.solo || head.kind === 'T')) {
      const iso = ante.m.country!;
      push(ch, make(ch, { kind: 'group', name: countryName(iso), country: iso, sector, code: codeOf(iso, sector), ...(role ? { role } : {}), entity: countryEntity(iso, sector), reason: `"${phrase}" refers back to "${ante.m.text}" (sentence ${ante.m.sentence}): ${iso}; ${nounWhy}` }), headKey);
      return;
    }
    const focusable = ch.items.some((it) => it.word?.focus);
    // Only "the X": "these forces" and "its army" point at something named before, not at the focus country.
    if (focus && before === 'the' && focusable && sector) {
      push(ch, make(ch, { kind: 'group', name: countryName(focus), country: focus, sector, code: codeOf(focus, sector), ...(role ? { role } : {}), entity: countryEntity(focus, sector), reason: `"${phrase}" of ${focusWhy}; ${nounWhy}` }), headKey);
      return;
    }
    // "the coup leader" with no clear focus country: a sector actor whose country the context stage may find.
    if ((head.word?.solo || (before === 'the' && focusable)) && sector) {
      push(ch, make(ch, { kind: 'group', name: phrase.toLowerCase(), country: null, sector, code: sector, entity: `sector:${sector}`, ...(role ? { role } : {}), reason: `"${phrase}": ${nounWhy}; no country stated` }), headKey);
    }
  }

  function pickPersonFields(m: ActorMention): Omit<ActorMention, 'start' | 'end' | 'text' | 'sentence' | 'reason'> {
    return { kind: 'person', name: m.name, country: m.country, sector: m.sector, code: m.code, ...(m.role ? { role: m.role } : {}), entity: m.entity };
  }

  function resolvePerson(ch: Chunk): void {
    const run = ch.name!;
    const title = titleText(ch.items);
    const titled = ch.items.some((it) => it.kind === 'T');
    if (run.forms.length) {
      const full = run.forms.some((f) => f.full);
      const { person, note } = choosePerson(c, run.forms, introduced, title);
      // A surname alone is not trusted for an article written before the person's first listed role
      // ("Carney" in 2011 is not the prime minister of 2025).
      const early = !!c.date && person.roles.every((r) => !!r.from && c.date! < r.from);
      if (full || titled || (person.bare && !early) || introduced.has(person.id)) {
        const { role, why } = pickRole(person, c.date);
        const how = full ? 'full name' : titled ? 'title and surname' : person.bare ? 'surname' : 'surname of a person named in full in this article';
        const m = make(ch, {
          kind: 'person',
          name: person.name,
          country: role.country,
          sector: role.sector,
          code: role.code,
          role: title ?? role.role,
          entity: `person:${person.id}`,
          reason: `${person.name} by ${how}${note}: ${why} (${role.source})${title ? `; title "${title}" in the text` : ''}`,
        });
        push(ch, m, null);
        return;
      }
    }
    if (!titled) return;
    // A person the seed list does not know: sector from the title, country from the text or the context.
    const { sector: s1, by } = sectorOf(ch.items, ch.head);
    let sector = s1;
    let country: string | null = null;
    let code: string | null = null;
    const why: string[] = [];
    if (by) why.push(`"${by.kind === 'T' ? by.title!.title : by.word!.word}" gives ${by.sector ?? 'no sector'} (${by.kind === 'T' ? by.title!.source : by.word!.source})`);
    const qual = ch.q ?? ch.post ?? ch.appos?.q ?? null;
    if (!sector && ch.appos) {
      const a = sectorOf(ch.appos.items, ch.appos.head);
      if (a.sector) {
        sector = a.sector;
        why.push(`appositive "${a.by!.kind === 'T' ? a.by!.title!.title : a.by!.word!.word}" gives ${a.sector}`);
      }
    } else if (ch.appos) {
      const a = sectorOf(ch.appos.items, ch.appos.head);
      if (a.sector && a.sector !== 'GOV' && sector === 'GOV') {
        sector = a.sector;
        why.push(`appositive "${a.by!.kind === 'T' ? a.by!.title!.title : a.by!.word!.word}" gives ${a.sector}`);
      }
    }
    if (qual) {
      const e = qual.entry;
      if (e.type === 'country') {
        const { iso, note } = pickIso(e);
        country = iso;
        why.push(`country ${iso} from "${text.slice(c.toks[qual.start].start, c.toks[qual.end - 1].end)}"${note}`);
      } else if (e.type === 'org') {
        code = e.code;
        country = e.country;
        sector = e.sector;
        why.push(`of ${e.name}`);
      } else if (e.type === 'group') {
        const { p } = periodFor(e.periods, c.date);
        code = p.code;
        country = p.code.startsWith('IMG:') ? null : p.code.slice(0, 3);
        sector = p.code.startsWith('IMG:') ? 'REB' : p.code.slice(3);
        why.push(`of ${e.name}`);
      }
    } else if (sector && focus) {
      country = focus;
      why.push(`no country stated: taken from ${focusWhy}`);
    } else {
      why.push('no country stated');
    }
    const keys = run.keys;
    const last = keys[keys.length - 1];
    let entityKeys = keys;
    if (keys.length === 1) {
      const fulls = fullByLast.get(last);
      if (fulls && new Set(fulls.map((f) => f.join(' '))).size === 1) entityKeys = fulls[0];
    }
    const reg = registry.get(last);
    const nameText = text.slice(c.toks[run.start].start, c.toks[run.end - 1].end);
    if (reg && (keys.length === 1 || reg.fullKeys.join(' ') === keys.join(' '))) {
      const m = make(ch, { ...pickPersonFields(reg.m), ...(title ? { role: title } : {}), reason: `"${nameText}" is ${reg.m.name} named earlier (sentence ${reg.m.sentence})` });
      push(ch, m, null);
      return;
    }
    const m = make(ch, {
      kind: 'person',
      name: nameText,
      country,
      sector,
      code: code ?? codeOf(country, sector),
      ...(title ? { role: title } : {}),
      entity: `person:${slug(entityKeys.join(' '))}`,
      reason: `person after the title "${title}": ${why.join('; ')}`,
    });
    registry.set(last, { m, fullKeys: keys });
    push(ch, m, null);
  }

  // "U.S. and Russian negotiators": a bare adjective shares the noun of the adjective after "and".
  for (let x = 0; x + 1 < out.length; x++) {
    const a = out[x];
    const b = out[x + 1];
    if (a.shares && b.noun && b.m.kind === 'country' && c.keys[a.tokEnd] === 'and' && b.tokStart === a.tokEnd + 1) {
      const iso = a.m.country!;
      a.m.sector = b.m.sector;
      a.m.code = codeOf(iso, b.m.sector);
      a.m.entity = countryEntity(iso, b.m.sector);
      a.m.reason += `; shares the noun of "${b.m.text}" (${b.m.sector})`;
    }
  }

  // Pass 3: surnames of people named earlier by title ("Ibrahim said" after "spokesman Musa Ibrahim").
  if (registry.size) {
    const covered = new Uint8Array(n);
    for (const r of out) for (let t = r.tokStart; t < r.tokEnd; t++) covered[t] = 1;
    for (const ch of chunks) for (let t = ch.start; t < ch.end; t++) covered[t] = 1;
    for (let i = 0; i < n; i++) {
      if (covered[i] || !c.toks[i].cap) continue;
      const reg = registry.get(c.keys[i]);
      if (!reg) continue;
      // "Linda Powell" is not the Powell named before.
      if (unknownCap(c, i + 1) || (i > c.sentStart[i] && unknownCap(c, i - 1))) continue;
      const start = c.toks[i].start;
      const end = c.toks[i].end;
      out.push({
        m: { start, end, text: text.slice(start, end), ...pickPersonFields(reg.m), sentence: c.sentOf[i], reason: `surname of ${reg.m.name} named earlier (sentence ${reg.m.sentence})` },
        tokStart: i,
        tokEnd: i + 1,
        headKey: null,
        shares: false,
        noun: false,
      });
    }
  }

  return out.map((r) => r.m).sort((a, b) => a.start - b.start);
}
