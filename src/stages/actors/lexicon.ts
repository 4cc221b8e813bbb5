// Everything the actor finder looks up, built once at module load from world-countries and data/actors/*.tsv:
// a trie of lower-cased token sequences (countries, capitals, organisations, armed groups, places, regions),
// a trie of role titles, the sector-noun map and the people index. Text is matched token by token against
// these, never with a regex per name.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { DyadError } from '../../core/errors.js';
import { tokenize } from '../segment/segment.js';
import { readTsv } from './tsv.js';

/** How a form's capitalisation must look in the text: Cap = first letter upper-case ("Chad", not "chad"),
 * Upper = all letters upper-case ("US", not the pronoun "us"). */
export const Case = { Any: 0, Cap: 1, Upper: 2 } as const;
export type Case = (typeof Case)[keyof typeof Case];

export type CountryForm = 'name' | 'adj' | 'plural' | 'capital';

interface EntryBase {
  caseRule: Case;
  /** Where the entry comes from, for reasons. */
  source: string;
}
export interface CountryEntry extends EntryBase {
  type: 'country';
  form: CountryForm;
  /** Candidates, default first; more than one only for ambiguous forms ("Congolese"). */
  iso3: string[];
  /** Also a personal name: not matched beside an unknown capitalised word. */
  person: boolean;
  /** The text of the form as listed ("Niamey"), for location names. */
  label: string;
}
export interface OrgEntry extends EntryBase {
  type: 'org';
  code: string;
  name: string;
  country: string | null;
  sector: string | null;
  entity: string;
}
export interface Period {
  code: string;
  from: string;
  to: string;
  note: string;
}
export interface GroupEntry extends EntryBase {
  type: 'group';
  id: string;
  name: string;
  periods: Period[];
}
export interface PlaceEntry extends EntryBase {
  type: 'location';
  name: string;
  country: string;
}
export interface BlockEntry extends EntryBase {
  type: 'block';
}
export interface RegionEntry extends EntryBase {
  type: 'region';
  code: string;
  name: string;
}
export type Entry = CountryEntry | OrgEntry | GroupEntry | PlaceEntry | BlockEntry | RegionEntry;

export interface TitleEntry {
  title: string;
  sector: string | null;
  weak: boolean;
  caseRule: Case;
  source: string;
}

export interface TrieNode<E> {
  next: Map<string, TrieNode<E>> | null;
  entries: E[] | null;
}

export interface SectorWord {
  word: string;
  sector: string | null;
  cls: 'head' | 'weak' | 'adj' | 'pre' | 'mod';
  solo: boolean;
  focus: boolean;
  /** Only an actor noun after a modifier or sector word ("armed men", "an unidentified group"), never alone ("two men"). */
  modded: boolean;
  reason: string;
  source: string;
}

export interface Role {
  code: string;
  country: string | null;
  sector: string | null;
  role: string;
  from: string;
  to: string;
  note: string;
  source: string;
}
export interface Person {
  id: string;
  name: string;
  bare: boolean;
  roles: Role[];
  /** First keys of every full form, to check a first name written before a known surname. */
  firstNames: Set<string>;
}
export interface NameForm {
  person: Person;
  keys: string[];
  /** A full name (or a one-word form like "IBK"): it introduces the person in the article. */
  full: boolean;
}

export interface CountryInfo {
  iso3: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------------------
// Keys

const MARKS = /\p{M}+/gu;

/** The lookup key of a lower-cased token: periods of abbreviations dropped ("u.s." -> "us"), curly
 * apostrophes straightened, diacritics removed ("côte" -> "cote"). */
export function normKey(lower: string): string {
  // Fast path: plain ASCII without periods is its own key (most tokens).
  let dots = false;
  let wide = false;
  for (let i = 0; i < lower.length; i++) {
    const ch = lower.charCodeAt(i);
    if (ch === 46) dots = true;
    else if (ch > 127) wide = true;
  }
  let k = lower;
  if (dots && k.length > 1) {
    const s = k.replace(/\./g, '');
    if (s) k = s;
  }
  if (wide) k = k.replace(/’/g, "'").normalize('NFD').replace(MARKS, '');
  return k;
}

export function keysOf(form: string): string[] {
  return tokenize(form).map((t) => normKey(t.lower));
}

function caseOf(form: string): Case {
  if (form.startsWith('^')) return Case.Cap;
  const letters = form.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return Case.Upper;
  return Case.Any;
}

function insert<E>(root: TrieNode<E>, keys: string[], entry: E): void {
  let node = root;
  for (const k of keys) {
    if (!node.next) node.next = new Map();
    let child = node.next.get(k);
    if (!child) {
      child = { next: null, entries: null };
      node.next.set(k, child);
    }
    node = child;
  }
  (node.entries ??= []).push(entry);
}

export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Countries: world-countries plus data/actors/countries-extra.tsv

const require = createRequire(import.meta.url);
const WORLD = require('world-countries/countries.json') as Country[];

// world-countries uses UNK for Kosovo, which reads as CAMEO's "unknown" sector; XKX is the usual user code.
const iso3Of = (c: Country) => (c.cca3 === 'UNK' ? 'XKX' : c.cca3);
// States without UN membership whose capitals still stand for a government.
const CAPITAL_ALSO = new Set(['PSE', 'TWN', 'XKX']);
const FORM_RANK: Record<CountryForm, number> = { name: 4, capital: 3, adj: 2, plural: 1 };

export const COUNTRIES = new Map<string, CountryInfo>();
const independent = new Set<string>();

interface FormDraft {
  form: CountryForm;
  iso3: string[];
  caseRule: Case;
  person: boolean;
  label: string;
  source: string;
  fromExtras: boolean;
}

// An altSpelling worth matching: not an ISO code, not an inverted or bracketed form, Latin script only.
function usableAlt(s: string): boolean {
  return s.length > 2 && !/[,()]/.test(s) && !/[^\p{Script=Latin}\p{M}\s'’.\-]/u.test(s);
}

function pluralOf(adj: string): string | null {
  if (/(?:ese|ss|ish|ench|utch|y|i-kiribati)$/i.test(adj)) return null;
  return adj + 's';
}

function buildCountryForms(): { forms: Map<string, FormDraft>; others: Array<{ keys: string[]; entry: Entry }> } {
  const forms = new Map<string, FormDraft>();
  const addWorld = (text: string, form: CountryForm, iso3: string) => {
    const keys = keysOf(text);
    if (!keys.length) return;
    const key = keys.join(' ');
    const had = forms.get(key);
    if (!had || FORM_RANK[form] > FORM_RANK[had.form]) {
      forms.set(key, { form, iso3: [iso3], caseRule: caseOf(text), person: false, label: text, source: 'world-countries', fromExtras: false });
    } else if (had.form === form && !had.iso3.includes(iso3)) {
      had.iso3.push(iso3);
    }
  };
  for (const c of WORLD) {
    const iso3 = iso3Of(c);
    COUNTRIES.set(iso3, { iso3, name: c.name.common });
    if (c.independent || CAPITAL_ALSO.has(iso3)) independent.add(iso3);
  }
  for (const c of WORLD) {
    const iso3 = iso3Of(c);
    addWorld(c.name.common, 'name', iso3);
    if (!c.name.official.includes(',')) addWorld(c.name.official, 'name', iso3);
    for (const alt of c.altSpellings) if (usableAlt(alt)) addWorld(alt, 'name', iso3);
    const eng = c.demonyms?.eng;
    if (eng) {
      for (const d of new Set([eng.m, eng.f])) {
        for (const adj of d.split(/,\s*|\s+or\s+/)) {
          if (!adj) continue;
          addWorld(adj, 'adj', iso3);
          const pl = pluralOf(adj);
          if (pl) addWorld(pl, 'plural', iso3);
        }
      }
    }
    if (independent.has(iso3)) for (const cap of c.capital) addWorld(cap, 'capital', iso3);
  }

  const others: Array<{ keys: string[]; entry: Entry }> = [];
  const seenExtra = new Set<string>();
  for (const row of readTsv('countries-extra.tsv', ['form', 'type', 'target', 'flags', 'note'], ['form', 'type', 'target'])) {
    const text = row.get('form');
    const type = row.get('type');
    const target = row.get('target');
    const flags = new Set(row.get('flags').split(',').map((f) => f.trim()).filter(Boolean));
    for (const f of flags) if (!['cap', 'person', 'upper'].includes(f)) throw new DyadError('DATA', `${row.at}: unknown flag "${f}"`);
    const keys = keysOf(text);
    const key = keys.join(' ');
    const targets = target === '-' ? [] : target.split('|');
    if (type !== 'region' && type !== 'block') {
      for (const t of targets) if (!COUNTRIES.has(t)) throw new DyadError('DATA', `${row.at}: unknown ISO3 "${t}"`);
    }
    const caseRule = flags.has('upper') ? Case.Upper : flags.has('cap') ? Case.Cap : caseOf(text);
    switch (type) {
      case 'name':
      case 'adj':
      case 'plural':
      case 'capital': {
        if (!targets.length) throw new DyadError('DATA', `${row.at}: ${type} needs an ISO3 target`);
        const draft: FormDraft = { form: type, iso3: targets, caseRule, person: flags.has('person'), label: text, source: row.at, fromExtras: true };
        // Several extra rows for one form (rare) merge; the first replaces what world-countries gave.
        const had = forms.get(key);
        if (had && had.fromExtras && seenExtra.has(key)) {
          if (FORM_RANK[type] > FORM_RANK[had.form]) forms.set(key, draft);
        } else forms.set(key, draft);
        seenExtra.add(key);
        break;
      }
      case 'exclude':
        forms.delete(key);
        break;
      case 'nocapital': {
        const had = forms.get(key);
        if (had && had.form === 'capital') forms.delete(key);
        break;
      }
      case 'location':
        if (targets.length !== 1) throw new DyadError('DATA', `${row.at}: a location needs one ISO3 target`);
        // A place listed here wins over a world-countries form with the same words ("Washington D.C.").
        forms.delete(key);
        others.push({ keys, entry: { type: 'location', name: text, country: targets[0], caseRule, source: row.at } });
        break;
      case 'block':
        forms.delete(key);
        others.push({ keys, entry: { type: 'block', caseRule, source: row.at } });
        break;
      case 'region':
        if (!/^[A-Z]{3}$/.test(target)) throw new DyadError('DATA', `${row.at}: a region needs a three-letter code`);
        others.push({ keys, entry: { type: 'region', code: target, name: text.replace(/^the /, ''), caseRule, source: row.at } });
        break;
      default:
        throw new DyadError('DATA', `${row.at}: unknown type "${type}"`);
    }
  }
  // Territories never shadow a state for a shared form ("French" is France, not the French Southern Lands).
  for (const d of forms.values()) {
    if (d.fromExtras) continue;
    const states = d.iso3.filter((c) => independent.has(c));
    if (states.length) d.iso3 = states;
  }
  return { forms, others };
}

// ---------------------------------------------------------------------------------------------------------
// Organisations, armed groups

function codeParts(code: string, at: string): { country: string | null; sector: string | null } {
  const igo = /^(IGO|NGO|IMG):[A-Z0-9-]+$/.exec(code);
  if (igo) return { country: null, sector: igo[1] === 'IMG' ? 'REB' : igo[1] };
  const m = /^([A-Z]{3})([A-Z]{3})$/.exec(code);
  if (!m || !COUNTRIES.has(m[1])) throw new DyadError('DATA', `${at}: bad code "${code}" (expected e.g. NERGOV or IGO:ECOWAS)`);
  return { country: m[1], sector: m[2] };
}

function splitAliases(s: string): string[] {
  return s
    .split('|')
    .map((a) => a.trim())
    .filter(Boolean);
}

function aliasKeys(alias: string): { keys: string[]; caseRule: Case } {
  const caseRule = caseOf(alias);
  return { keys: keysOf(alias.replace(/^\^/, '')), caseRule };
}

// ---------------------------------------------------------------------------------------------------------
// Build everything

export const GAZETTEER: TrieNode<Entry> = { next: null, entries: null };
export const TITLES: TrieNode<TitleEntry> = { next: null, entries: null };
export const SECTOR_WORDS = new Map<string, SectorWord>();
export const PEOPLE = new Map<string, Person>();
/** Last key of a name form -> forms ending with it. */
export const NAME_FORMS = new Map<string, NameForm[]>();
/** lookupCountry's map: every country form (names, adjectives, capitals) -> country. */
export const COUNTRY_BY_KEY = new Map<string, string>();
/** Armed group id -> the countries a transnational group is based in (armed-groups.tsv `bases`): acting in one, it
 * is coded to it. Empty: its code's country only. */
export const GROUP_BASES = new Map<string, string[]>();

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function build(): void {
  const { forms, others } = buildCountryForms();
  for (const [key, d] of forms) {
    const keys = key.split(' ');
    insert(GAZETTEER, keys, {
      type: 'country',
      form: d.form,
      iso3: d.iso3,
      caseRule: d.caseRule,
      person: d.person,
      label: d.label,
      source: d.source,
    } satisfies CountryEntry);
    COUNTRY_BY_KEY.set(key, d.iso3[0]);
  }
  for (const o of others) insert(GAZETTEER, o.keys, o.entry);

  for (const row of readTsv('organisations.tsv', ['code', 'name', 'aliases', 'note'], ['code', 'name'])) {
    const code = row.get('code');
    const name = row.get('name');
    const { country, sector } = codeParts(code, row.at);
    const entity = code.startsWith('IGO:') ? `igo:${code.slice(4)}` : code.startsWith('NGO:') ? `ngo:${code.slice(4)}` : `org:${slug(name)}`;
    for (const alias of [name, ...splitAliases(row.get('aliases'))]) {
      const { keys, caseRule } = aliasKeys(alias);
      insert(GAZETTEER, keys, { type: 'org', code, name, country, sector, entity, caseRule, source: row.at } satisfies OrgEntry);
    }
  }

  const groups = new Map<string, GroupEntry>();
  for (const row of readTsv('armed-groups.tsv', ['id', 'name', 'aliases', 'code', 'from', 'to', 'note', 'bases'], ['id', 'name', 'code'])) {
    const id = row.get('id');
    const code = row.get('code');
    codeParts(code, row.at);
    const from = row.get('from');
    const to = row.get('to');
    for (const d of [from, to]) if (d && !DATE.test(d)) throw new DyadError('DATA', `${row.at}: bad date "${d}"`);
    const bases = row.get('bases') ? row.get('bases').split('|').map((b) => b.trim()) : [];
    for (const b of bases) if (!/^[A-Z]{3}$/.test(b)) throw new DyadError('DATA', `${row.at}: bad base country "${b}"`);
    let g = groups.get(id);
    if (!g) {
      g = { type: 'group', id, name: row.get('name'), periods: [], caseRule: Case.Any, source: row.at };
      GROUP_BASES.set(id, bases);
      groups.set(id, g);
      const aliases = new Set([row.get('name'), ...splitAliases(row.get('aliases'))]);
      for (const alias of aliases) {
        const { keys, caseRule } = aliasKeys(alias);
        // Copies share the periods array, so later rows of the group reach every alias.
        insert(GAZETTEER, keys, { ...g, caseRule });
      }
    }
    g.periods.push({ code, from, to, note: row.get('note') });
  }

  for (const row of readTsv('roles.tsv', ['title', 'sector', 'flags', 'reason'], ['title', 'sector'])) {
    const title = row.get('title');
    const sector = row.get('sector') === '-' ? null : row.get('sector');
    const flags = new Set(row.get('flags').split(',').map((f) => f.trim()).filter(Boolean));
    for (const f of flags) if (f !== 'cap' && f !== 'weak') throw new DyadError('DATA', `${row.at}: unknown flag "${f}"`);
    insert(TITLES, keysOf(title), { title, sector, weak: flags.has('weak'), caseRule: flags.has('cap') ? Case.Cap : Case.Any, source: row.at });
  }

  for (const row of readTsv('sector-nouns.tsv', ['word', 'sector', 'class', 'flags', 'reason'], ['word', 'sector', 'class'])) {
    const word = row.get('word');
    const cls = row.get('class');
    if (!['head', 'weak', 'adj', 'pre', 'mod'].includes(cls)) throw new DyadError('DATA', `${row.at}: unknown class "${cls}"`);
    const flags = new Set(row.get('flags').split(',').map((f) => f.trim()).filter(Boolean));
    for (const f of flags) if (f !== 'solo' && f !== 'focus' && f !== 'modded') throw new DyadError('DATA', `${row.at}: unknown flag "${f}"`);
    const keys = keysOf(word);
    if (keys.length !== 1) throw new DyadError('DATA', `${row.at}: a sector word must be one token, got "${word}"`);
    SECTOR_WORDS.set(keys[0], {
      word,
      sector: row.get('sector') === '-' ? null : row.get('sector'),
      cls: cls as SectorWord['cls'],
      solo: flags.has('solo'),
      focus: flags.has('focus'),
      modded: flags.has('modded'),
      reason: row.get('reason'),
      source: row.at,
    });
  }

  const nameKeys = (form: string) => keysOf(form).filter((k) => k !== '.' && !/^\p{L}$/u.test(k));
  const addForm = (person: Person, form: string, full: boolean) => {
    const keys = nameKeys(form);
    if (!keys.length) return;
    const last = keys[keys.length - 1];
    const list = NAME_FORMS.get(last) ?? [];
    if (!list.some((f) => f.person === person && f.keys.join(' ') === keys.join(' '))) list.push({ person, keys, full });
    NAME_FORMS.set(last, list);
    if (full && keys.length > 1) person.firstNames.add(keys[0]);
  };
  for (const row of readTsv('people.tsv', ['id', 'name', 'forms', 'surnames', 'bare', 'code', 'role', 'from', 'to', 'note'], ['id', 'code', 'role'])) {
    const id = row.get('id');
    const code = row.get('code');
    const { country, sector } = codeParts(code, row.at);
    const from = row.get('from');
    const to = row.get('to');
    for (const d of [from, to]) if (d && !DATE.test(d)) throw new DyadError('DATA', `${row.at}: bad date "${d}"`);
    if (from && to && from >= to) throw new DyadError('DATA', `${row.at}: from ${from} is not before to ${to}`);
    let person = PEOPLE.get(id);
    if (!person) {
      const name = row.get('name');
      if (!name) throw new DyadError('DATA', `${row.at}: first row of "${id}" needs a name`);
      const bare = row.get('bare');
      if (bare !== 'y' && bare !== 'n') throw new DyadError('DATA', `${row.at}: bare must be y or n`);
      person = { id, name, bare: bare === 'y', roles: [], firstNames: new Set() };
      PEOPLE.set(id, person);
      for (const f of [name, ...splitAliases(row.get('forms'))]) addForm(person, f, true);
      for (const s of splitAliases(row.get('surnames'))) addForm(person, s, false);
    }
    person.roles.push({ code, country, sector, role: row.get('role'), from, to, note: row.get('note'), source: row.at });
  }
}

build();

/** The gazetteer entries whose key sequence is exactly `keys` (for lookupCountry and tests). */
export function entriesFor(keys: string[]): Entry[] {
  let node: TrieNode<Entry> | undefined = GAZETTEER;
  for (const k of keys) {
    node = node.next?.get(k);
    if (!node) return [];
  }
  return node.entries ?? [];
}

export function countryName(iso3: string): string {
  return COUNTRIES.get(iso3)?.name ?? iso3;
}
