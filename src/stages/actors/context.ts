// The actor-context stage: runs after places and gives a country to sector-only actors ("gunmen", "protesters",
// "an unidentified armed group", "the mayor X") from where the text says things happen, which is how an
// analyst codes them: gunmen attacking a village near Gao are Malian gunmen (MLIUAF) unless the text says
// otherwise. The country is, in order:
//   1. the one country of the known towns and regions in the mention's own sentence (else of its known places);
//   2. the article's context country (weights in placeWeight and contextCountry); only when it leads (no tie).
// Mentions with a country, organisations (IGO:/NGO:/IMG:) and places are left alone. A country place ("near
// the Burkina Faso border") counts less than a town or region, and a name the gazetteer lacks least.
import type { ActorMention, Doc, Place, Stage } from '../../core/types.js';
import { countryName, GROUP_BASES } from './lexicon.js';

/**
 * How much a place says about where the article's events happen: a town or region the gazetteer knows most; a
 * country named as a place less ("near the Burkina Faso border"); a name the gazetteer lacks least (its country
 * is only a guess from the article's other countries).
 */
function placeWeight(p: Place): number {
  if (p.level === null) return 0.5;
  return p.level === 'country' ? 1 : 2;
}

const BORDER_BEFORE = /\bborders?\s+(?:with|of)\s+(?:the\s+)?$/i;
const BORDER_AFTER = /^(?:['’]s)?\s+borders?\b/i;

/** "near the border with Burkina Faso", "close to the Malian border": the named country is the other side. */
function acrossBorder(text: string, start: number, end: number): boolean {
  return BORDER_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || BORDER_AFTER.test(text.slice(end, end + 12));
}

/** The article's context country and why; null when no country leads. */
export function contextCountry(doc: Pick<Doc, 'actors' | 'places' | 'text'>): { iso: string; why: string } | null {
  const counts = new Map<string, number>();
  const add = (iso: string | null, w: number) => {
    if (iso && iso.length === 3) counts.set(iso, (counts.get(iso) ?? 0) + w);
  };
  for (const p of doc.places) if (!acrossBorder(doc.text, p.start, p.end)) add(p.country, placeWeight(p));
  for (const a of doc.actors) {
    if (a.kind === 'location' || acrossBorder(doc.text, a.start, a.end)) continue; // places are counted above
    // A bare adjective ("a French newspaper") or a named armed group (coded by its home country, wherever it
    // fights) says less about where things happen than a state actor.
    if (a.kind === 'country' || a.kind === 'group') add(a.country, a.sector && !a.entity.startsWith('group:') ? 1 : 0.5);
  }
  let top: [string, number] | null = null;
  let second: [string, number] | null = null;
  for (const e of counts) {
    if (!top || e[1] > top[1]) {
      second = top;
      top = e;
    } else if (!second || e[1] > second[1]) second = e;
  }
  if (!top || (second && second[1] >= top[1])) return null;
  return { iso: top[0], why: `the article's context country ${top[0]} (weight ${top[1]}${second ? `, next ${second[0]} ${second[1]}` : ''}; towns and regions count 2, countries and state actors 1, unknown places, adjectives and armed groups 0.5; a country across a border not at all)` };
}

function needsCountry(m: ActorMention): boolean {
  if (m.country || !m.sector || m.kind === 'location' || m.kind === 'organisation' || m.kind === 'country') return false;
  return !m.code.includes(':');
}

/** The one country of a sentence's known towns and regions, else of its known places of any level. */
function sentenceCountry(text: string, places: Place[]): { iso: string; names: string[] } | null {
  for (const sub of [true, false]) {
    const isos = new Set<string>();
    const names: string[] = [];
    for (const p of places) {
      if (!p.country || p.level === null || (sub && p.level === 'country') || acrossBorder(text, p.start, p.end)) continue;
      isos.add(p.country);
      names.push(p.text);
    }
    if (isos.size === 1) return { iso: [...isos][0], names };
    if (isos.size > 1) return null;
  }
  return null;
}

type Found = { iso: string; why: string } | null;

/** Finds, per sentence, where its events happen: its places' one country, else the article's context country. */
function sentenceCountries(doc: Pick<Doc, 'actors' | 'places' | 'text'>): (sentence: number) => Found {
  const bySentence = new Map<number, Place[]>();
  for (const p of doc.places) {
    let list = bySentence.get(p.sentence);
    if (!list) bySentence.set(p.sentence, (list = []));
    list.push(p);
  }
  const cache = new Map<number, Found>();
  let ctx: Found | undefined;
  return (sentence) => {
    let found = cache.get(sentence);
    if (found !== undefined) return found;
    const list = bySentence.get(sentence);
    const here = list ? sentenceCountry(doc.text, list) : null;
    if (here) found = { iso: here.iso, why: `the place named in its sentence (${here.names.join(', ')}), in ${here.iso}` };
    else found = ctx === undefined ? (ctx = contextCountry(doc)) : ctx;
    cache.set(sentence, found);
    return found;
  };
}

/** Where a sentence's events happen: its places' one country, else the article's context country; null if unknown. */
export function countryForSentence(doc: Pick<Doc, 'actors' | 'places' | 'text'>, sentence: number): Found {
  return sentenceCountries(doc)(sentence);
}

/** The countries a transnational armed group mention's group is based in (empty for any other mention). */
function basesOf(m: ActorMention): readonly string[] {
  return m.entity.startsWith('group:') ? (GROUP_BASES.get(m.entity.slice('group:'.length)) ?? []) : [];
}

export function fillActorCountries(doc: Doc): void {
  let countryOf: ((sentence: number) => Found) | null = null;
  for (const m of doc.actors) {
    const bases = basesOf(m);
    if (bases.length > 1) {
      // A transnational armed group acting in one of the countries it is based in takes that country ("JNIM
      // militants attacked a post near Djibo": BFAREB, not the MLIREB of its founding).
      countryOf ??= sentenceCountries(doc);
      const found = countryOf(m.sentence);
      if (!found || !m.sector || found.iso === m.country || !bases.includes(found.iso)) continue;
      m.country = found.iso;
      m.code = found.iso + m.sector;
      m.reason += `; acting in ${found.iso}, one of the countries it is based in (${found.why}), so ${m.code}`;
      continue;
    }
    if (!needsCountry(m)) continue;
    countryOf ??= sentenceCountries(doc);
    const found = countryOf(m.sentence);
    if (!found) continue;
    const { iso, why } = found;
    const sector = m.sector!;
    m.country = iso;
    m.code = iso + sector;
    if (m.entity.startsWith('sector:')) {
      m.entity = sector === 'GOV' ? `country:${iso}` : `country:${iso}:${sector}`;
      m.name = countryName(iso);
    }
    m.reason += m.reason.endsWith('no country stated') ? `, so ${iso} from ${why}` : `; no country stated, so ${iso} from ${why}`;
  }
}

/**
 * The actor an event implies when the text names none ("a cart was struck by an IED", "100 people demonstrated
 * in Sikasso"): an unnamed actor of the given sector (UAF for an attack, OPP for a protest) in the country where
 * the sentence's events happen, as an analyst codes "Unidentified Armed Group (Mali)". Its span is the event
 * phrase that implies it. For the events stage; the actors layer does not hold it.
 */
export function impliedActor(doc: Pick<Doc, 'actors' | 'places' | 'text'>, sentence: number, phrase: { start: number; end: number }, sector: string, what: string): ActorMention {
  const found = countryForSentence(doc, sentence);
  const iso = found?.iso ?? null;
  return {
    start: phrase.start,
    end: phrase.end,
    text: doc.text.slice(phrase.start, phrase.end),
    kind: 'group',
    name: iso ? countryName(iso) : `unnamed ${what}`,
    country: iso,
    sector,
    code: iso ? iso + sector : sector,
    entity: iso ? `country:${iso}:${sector}` : `sector:${sector}`,
    sentence,
    reason: `implied by "${doc.text.slice(phrase.start, phrase.end)}": no actor named, so an unnamed ${what} (${sector})${found ? `; ${iso} from ${found.why}` : '; no country known'}`,
  };
}

export const actorContextStage: Stage = {
  name: 'actor-context',
  process(doc: Doc) {
    fillActorCountries(doc);
  },
};
