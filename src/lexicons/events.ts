// Loads the event lexicon (data/lexicons/events.tsv) into an index keyed by the surface forms of each
// pattern's first word. Parsing is pure; reading the file happens once, in loadEventLexicon.
import { readFileSync } from 'node:fs';
import { DyadError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';
import { isPloverType, PLOVER } from '../ontology/index.js';
import { inflect } from './inflect.js';

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
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (!line.trim() || line.startsWith('#')) return;
    const cols = line.split('\t').map((c) => c.trim());
    const [pattern, event, mode, context, reason] = cols;
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
  });
  return { entries, byFirst };
}

let cached: EventLexicon | null = null;

/** The lexicon shipped in data/lexicons/events.tsv, loaded once. */
export function loadEventLexicon(): EventLexicon {
  if (!cached) {
    cached = parseEventLexicon(readFileSync(dataPath('lexicons/events.tsv'), 'utf8'), 'data/lexicons/events.tsv');
  }
  return cached;
}

/** Implied events (data/lexicons/implied-events.tsv): actor noun -> the event its mention reports. */
export function parseImpliedEvents(text: string, file: string): Map<string, EventEntry> {
  const out = new Map<string, EventEntry>();
  text.split(/\r?\n/).forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (!line.trim() || line.startsWith('#')) return;
    const [noun, event, mode, reason] = line.split('\t').map((c) => c.trim());
    if (!noun || !event || !isPloverType(event)) throw new DyadError('DATA', `${at}: expected a noun and a PLOVER type`);
    if (mode && !PLOVER[event].modes.includes(mode)) throw new DyadError('DATA', `${at}: mode "${mode}" is not a mode of ${event}`);
    out.set(noun.toLowerCase(), { pattern: noun, event, mode: mode || null, context: null, reason: reason || noun, slots: [], at });
  });
  return out;
}

let impliedCache: Map<string, EventEntry> | null = null;

export function loadImpliedEvents(): Map<string, EventEntry> {
  impliedCache ??= parseImpliedEvents(readFileSync(dataPath('lexicons/implied-events.tsv'), 'utf8'), 'data/lexicons/implied-events.tsv');
  return impliedCache;
}

/** Weapon cues (data/lexicons/instruments.tsv): word -> ASSAULT mode and its rank (lower wins). */
export function parseInstruments(text: string, file: string): Map<string, { mode: string; rank: number }> {
  const out = new Map<string, { mode: string; rank: number }>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [word, mode, rank] = line.split('\t').map((c) => c.trim());
    if (!word || !PLOVER.ASSAULT.modes.includes(mode) || !(Number(rank) > 0)) {
      throw new DyadError('DATA', `${file}:${i + 1}: expected a word, an ASSAULT mode and a rank`);
    }
    out.set(word.toLowerCase(), { mode, rank: Number(rank) });
  });
  return out;
}

let instrumentsCache: Map<string, { mode: string; rank: number }> | null = null;

export function loadInstruments(): Map<string, { mode: string; rank: number }> {
  instrumentsCache ??= parseInstruments(readFileSync(dataPath('lexicons/instruments.tsv'), 'utf8'), 'data/lexicons/instruments.tsv');
  return instrumentsCache;
}
