// Loads the event lexicon (data/lexicons/events.tsv) into an index keyed by the surface forms of each
// pattern's first word. Parsing is pure; reading the file happens once, in loadEventLexicon.
import { DyadError } from '../core/errors.js';
import { isPloverType, PLOVER } from '../ontology/index.js';
import { inflect } from './inflect.js';
import { dataLines, loadDataFile } from './tsv.js';

export type Slot = { kind: 'word'; forms: Set<string>; optional: boolean } | { kind: 'gap'; max: number };

export interface EventEntry {
  pattern: string;
  /** PLOVER type, or NONE for a blocking entry. */
  event: string;
  mode: string | null;
  context: string | null;
  reason: string;
  slots: Slot[];
  /** Where it was defined, for explanations and error messages. */
  at: string;
}

export interface EventLexicon {
  entries: EventEntry[];
  /** Surface form of a first word -> entries starting with it. */
  byFirst: Map<string, EventEntry[]>;
}

function compileWord(word: string, at: string): Slot {
  const optional = word.endsWith('?');
  const body = optional ? word.slice(0, -1) : word;
  const forms = new Set<string>();
  for (const alt of body.split('|')) {
    if (!alt) throw new DyadError('DATA', `${at}: empty alternative in "${word}"`);
    if (alt.startsWith('=')) forms.add(alt.slice(1).toLowerCase());
    else for (const f of inflect(alt)) forms.add(f);
  }
  return { kind: 'word', forms, optional };
}

export function parseEventLexicon(text: string, file: string): EventLexicon {
  const entries: EventEntry[] = [];
  const byFirst = new Map<string, EventEntry[]>();
  for (const { cells, at } of dataLines(text, file)) {
    const [pattern, event, mode, context, reason] = cells;
    if (!pattern || !event) throw new DyadError('DATA', `${at}: expected pattern and event columns`);
    if (event !== 'NONE' && !isPloverType(event)) throw new DyadError('DATA', `${at}: unknown PLOVER type "${event}"`);
    if (mode && event !== 'NONE' && isPloverType(event) && !PLOVER[event].modes.includes(mode)) {
      throw new DyadError('DATA', `${at}: mode "${mode}" is not a mode of ${event}`);
    }
    const slots: Slot[] = pattern
      .split(/\s+/)
      .map((w) => (w === '..' ? { kind: 'gap', max: 4 } : compileWord(w, at)));
    const first = slots[0];
    if (first.kind !== 'word' || first.optional) throw new DyadError('DATA', `${at}: a pattern must start with a required word`);
    if (slots[slots.length - 1].kind === 'gap') throw new DyadError('DATA', `${at}: a pattern cannot end with ..`);
    const entry: EventEntry = {
      pattern,
      event,
      mode: mode || null,
      context: context || null,
      reason: reason || pattern,
      slots,
      at,
    };
    entries.push(entry);
    for (const f of first.forms) {
      const list = byFirst.get(f);
      if (list) list.push(entry);
      else byFirst.set(f, [entry]);
    }
  }
  return { entries, byFirst };
}

let cached: EventLexicon | null = null;

/** The lexicon shipped in data/lexicons/events.tsv, loaded once. */
export function loadEventLexicon(): EventLexicon {
  cached ??= loadDataFile('lexicons/events.tsv', parseEventLexicon);
  return cached;
}

/** Implied events (data/lexicons/implied-events.tsv): actor noun -> the event its mention reports. */
export function parseImpliedEvents(text: string, file: string): Map<string, EventEntry> {
  const out = new Map<string, EventEntry>();
  for (const { cells, at } of dataLines(text, file)) {
    const [noun, event, mode, reason] = cells;
    if (!noun || !event || !isPloverType(event)) throw new DyadError('DATA', `${at}: expected a noun and a PLOVER type`);
    if (mode && !PLOVER[event].modes.includes(mode)) throw new DyadError('DATA', `${at}: mode "${mode}" is not a mode of ${event}`);
    out.set(noun.toLowerCase(), { pattern: noun, event, mode: mode || null, context: null, reason: reason || noun, slots: [], at });
  }
  return out;
}

let impliedCache: Map<string, EventEntry> | null = null;

export function loadImpliedEvents(): Map<string, EventEntry> {
  impliedCache ??= loadDataFile('lexicons/implied-events.tsv', parseImpliedEvents);
  return impliedCache;
}

/** Weapon cues (data/lexicons/instruments.tsv): word -> ASSAULT mode and its rank (lower wins). */
export function parseInstruments(text: string, file: string): Map<string, { mode: string; rank: number }> {
  const out = new Map<string, { mode: string; rank: number }>();
  for (const { cells, at } of dataLines(text, file)) {
    const [word, mode, rank] = cells;
    if (!word || !PLOVER.ASSAULT.modes.includes(mode) || !(Number(rank) > 0)) {
      throw new DyadError('DATA', `${at}: expected a word, an ASSAULT mode and a rank`);
    }
    out.set(word.toLowerCase(), { mode, rank: Number(rank) });
  }
  return out;
}

let instrumentsCache: Map<string, { mode: string; rank: number }> | null = null;

export function loadInstruments(): Map<string, { mode: string; rank: number }> {
  instrumentsCache ??= loadDataFile('lexicons/instruments.tsv', parseInstruments);
  return instrumentsCache;
}
