// Relation use cases: the states in force on a day (with what was known by a day), a dyad's timeline of events,
// state changes and a monthly cooperation-conflict index, its key days, and the sharpest shifts across dyads.
import { DyadError } from '../core/errors.js';
import type { Store, StoredEvent } from '../store/index.js';
import { buildRelations, dateStart, inForce } from '../stages/relations/build.js';
import type { RelationKind, RelationState, StoredRelationClaim } from '../stages/relations/types.js';

export interface RelationQueryOptions {
  /** Only what the stories published on or before this day said (record time): "what did we know then". */
  knownAt?: string;
  kind?: RelationKind;
}

const PARTY_RE = /^(?:[A-Z]{3}|IGO:[A-Z0-9-]+)$/;

/** Parties are ISO3 (NER) or organisation codes (IGO:ECOWAS); lower case is accepted and folded. */
export function checkParty(name: string, value: string): string {
  const v = value.trim().toUpperCase();
  if (!PARTY_RE.test(v)) {
    throw new DyadError('USAGE', `${name} must be a country's ISO3 code (NER) or an organisation code (IGO:ECOWAS), got "${value}"`);
  }
  return v;
}

function checkDay(name: string, value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) || !dateStart(value)) {
    throw new DyadError('USAGE', `${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** The claims on a party (or a pair), cut to those published by `knownAt` when given. */
export function claimsOf(store: Store, a: string, b: string | undefined, opts: RelationQueryOptions = {}): StoredRelationClaim[] {
  const claims = store.relationClaims({ a: checkParty('A', a), b: b === undefined ? undefined : checkParty('B', b), kind: opts.kind });
  if (opts.knownAt === undefined) return claims;
  const known = dateStart(checkDay('--known-at', opts.knownAt))!;
  // A story with no published date cannot be placed in record time: it is left out of a "known at" view.
  return claims.filter((c) => {
    const p = dateStart(c.published);
    return p !== null && p <= known;
  });
}

/** Every state (interval) of a party or pair, in valid-time order. */
export function relationHistory(store: Store, a: string, b?: string, opts: RelationQueryOptions = {}): RelationState[] {
  return buildRelations(claimsOf(store, a, b, opts));
}

/** The states in force on `asOf` (YYYY, YYYY-MM or YYYY-MM-DD; read as its first day). */
export function relationsAsOf(store: Store, a: string, b: string | undefined, asOf: string, opts: RelationQueryOptions = {}): RelationState[] {
  const day = checkDay('--as-of', asOf);
  return relationHistory(store, a, b, opts).filter((s) => inForce(s, day));
}

export interface TimelineEntry {
  date: string | null;
  type: 'event' | 'opened' | 'closed';
  /** The event's PLOVER type, or the relation's kind (and subtype) for a state change. */
  what: string;
  source: string | null;
  target: string | null;
  goldstein: number | null;
  quad: number | null;
  evidence: string;
  article_id: string | null;
  id: string;
}

export interface MonthIndex {
  month: string;
  events: number;
  /** Sum of Goldstein scores: above zero leans cooperative, below zero conflictual. */
  goldstein: number;
  /** Events per quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: { 1: number; 2: number; 3: number; 4: number };
}

export interface Timeline {
  a: string;
  b: string | null;
  entries: TimelineEntry[];
  months: MonthIndex[];
  states: RelationState[];
}

function party(m: StoredEvent['source']): string | null {
  if (!m) return null;
  return m.country ?? (m.code.startsWith('IGO:') ? m.code : null);
}

function sideOf(m: StoredEvent['source']): string | null {
  return m ? m.code : null;
}

/**
 * The events of a party (or between a pair, either direction) in date order, with the relation states they
 * opened and closed, and a monthly index. Asserted, dated events only; undated ones cannot be placed.
 */
export function timeline(store: Store, a: string, b?: string, opts: RelationQueryOptions = {}): Timeline {
  const A = checkParty('A', a);
  const B = b === undefined ? undefined : checkParty('B', b);
  const events = store.events({ actor: A }).filter((e) => {
    if (!e.date) return false;
    const s = party(e.source);
    const t = party(e.target);
    if (B === undefined) return s === A || t === A;
    return (s === A && t === B) || (s === B && t === A);
  });
  const entries: TimelineEntry[] = events.map((e) => ({
    date: e.date,
    type: 'event',
    what: e.mode ? `${e.event}/${e.mode}` : e.event,
    source: sideOf(e.source),
    target: sideOf(e.target),
    goldstein: e.goldstein,
    quad: e.quad,
    evidence: e.evidence.text,
    article_id: e.article_id,
    id: e.id,
  }));
  const states = relationHistory(store, A, B, opts);
  for (const s of states) {
    const what = s.subtype ? `${s.kind}/${s.subtype}` : s.kind;
    const opening = s.evidence.find((x) => x.action !== 'closes');
    const closing = s.evidence.find((x) => x.action === 'closes');
    if (s.valid_from !== null && opening) {
      entries.push({ date: s.valid_from, type: 'opened', what, source: s.a, target: s.b, goldstein: null, quad: null, evidence: opening.text, article_id: opening.article_id, id: opening.claim_id });
    }
    if (s.valid_to !== null && closing) {
      entries.push({ date: s.valid_to, type: 'closed', what, source: s.a, target: s.b, goldstein: null, quad: null, evidence: closing.text, article_id: closing.article_id, id: closing.claim_id });
    }
  }
  entries.sort((x, y) => {
    const dx = dateStart(x.date) ?? '~';
    const dy = dateStart(y.date) ?? '~';
    if (dx !== dy) return dx < dy ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  const byMonth = new Map<string, MonthIndex>();
  for (const e of events) {
    // Year-only dates cannot be placed in a month; they stay in the entries, out of the index.
    if (e.date_precision !== 'day' && e.date_precision !== 'month') continue;
    const month = e.date!.slice(0, 7);
    let m = byMonth.get(month);
    if (!m) byMonth.set(month, (m = { month, events: 0, goldstein: 0, quad: { 1: 0, 2: 0, 3: 0, 4: 0 } }));
    m.events++;
    m.goldstein = Math.round((m.goldstein + e.goldstein) * 10) / 10;
    if (e.quad >= 1 && e.quad <= 4) m.quad[e.quad as 1 | 2 | 3 | 4]++;
  }
  const months = [...byMonth.values()].sort((x, y) => (x.month < y.month ? -1 : 1));
  return { a: A, b: B ?? null, entries, months, states };
}

/** Key days closer than this to a higher-scored one are left out (the same episode). */
const KEY_GAP_DAYS = 2;

export interface KeyDate {
  date: string;
  score: number;
  /** Distinct articles with an event on that day. */
  articles: number;
  events: number;
  /** Sum of |Goldstein| of the day's events: how intense the day was, cooperative or conflictual. */
  intensity: number;
  state_changes: string[];
  /** The most intense event's sentence, or the state change's. */
  evidence: string;
}

/**
 * The N days that matter most in a timeline, as a journalist's timeline picks them: days many independent
 * stories report, intense days, and days a relation began or ended. Only day-precise dates can be picked.
 * Score = distinct articles + intensity / 10 + 2 per state change; days within two days of a better pick are
 * skipped; returned in date order.
 */
export function keyDates(t: Timeline, n: number): KeyDate[] {
  if (!Number.isInteger(n) || n < 1) throw new DyadError('USAGE', `--key must be a whole number >= 1, got ${String(n)}`);
  const days = new Map<string, { articles: Set<string>; events: number; intensity: number; changes: string[]; best: { g: number; text: string } | null }>();
  for (const e of t.entries) {
    if (!e.date || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) continue;
    let d = days.get(e.date);
    if (!d) days.set(e.date, (d = { articles: new Set(), events: 0, intensity: 0, changes: [], best: null }));
    if (e.type === 'event') {
      d.events++;
      if (e.article_id) d.articles.add(e.article_id);
      const g = Math.abs(e.goldstein ?? 0);
      d.intensity += g;
      if (!d.best || g > d.best.g) d.best = { g, text: e.evidence };
    } else {
      d.changes.push(`${e.type} ${e.what} ${e.source}-${e.target}`);
      if (!d.best) d.best = { g: 0, text: e.evidence };
    }
  }
  const scored = [...days.entries()].map(([date, d]) => ({
    date,
    score: Math.round((d.articles.size + d.intensity / 10 + 2 * d.changes.length) * 100) / 100,
    articles: d.articles.size,
    events: d.events,
    intensity: Math.round(d.intensity * 10) / 10,
    state_changes: d.changes,
    evidence: d.best?.text ?? '',
  }));
  scored.sort((x, y) => y.score - x.score || (x.date < y.date ? -1 : 1));
  // A timeline spreads over the story: a day within KEY_GAP_DAYS of a better one already picked is left out.
  const picked: typeof scored = [];
  const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  for (const k of scored) {
    if (picked.length >= n) break;
    if (picked.some((p) => Math.abs(dayNumber(p.date) - dayNumber(k.date)) <= KEY_GAP_DAYS)) continue;
    picked.push(k);
  }
  return picked.sort((x, y) => (x.date < y.date ? -1 : 1));
}

export interface Shift {
  /** YYYY-MM for a change in the index; the state change's own date otherwise. */
  date: string;
  a: string;
  b: string;
  type: 'index' | 'state';
  /** For the index: the month's Goldstein sum minus the previous month's (0 when the pair was quiet). */
  change: number | null;
  what: string;
  /** How sharp the shift is, comparable across pairs and types: |index change|, or 20 + 5 per report for a state. */
  magnitude: number;
  evidence: string;
}

export interface ShiftOptions {
  actor?: string;
  since?: string;
  limit?: number;
}

// Relation changes an analyst is alerted to: standing arrangements ending, sanctions and hostilities starting.
const ALERT_CLOSES = new Set(['agreement', 'diplomatic', 'membership', 'presence', 'aid']);
const ALERT_OPENS = new Set(['sanctions', 'conflict']);
/** A month needs this many events of the pair before its index change counts (one story is not a shift). */
const MIN_MONTH_EVENTS = 3;

/**
 * The sharpest changes across dyads: month-over-month jumps in the Goldstein index of a pair, and relation state
 * changes (an agreement terminated, relations broken, sanctions imposed), ranked by magnitude.
 */
export function shifts(store: Store, opts: ShiftOptions = {}): Shift[] {
  const actor = opts.actor === undefined ? undefined : checkParty('--actor', opts.actor);
  const since = opts.since === undefined ? undefined : dateStart(checkDay('--since', opts.since))!;
  const limit = opts.limit ?? 20;
  const out: Shift[] = [];

  const months = new Map<string, Map<string, { sum: number; n: number; best: { g: number; text: string } }>>();
  for (const e of store.events({ actor, since })) {
    if (!e.date || (e.date_precision !== 'day' && e.date_precision !== 'month')) continue;
    const s = party(e.source);
    const t = party(e.target);
    if (!s || !t || s === t) continue;
    const key = s < t ? `${s} ${t}` : `${t} ${s}`;
    let byMonth = months.get(key);
    if (!byMonth) months.set(key, (byMonth = new Map()));
    const m = e.date.slice(0, 7);
    let cell = byMonth.get(m);
    if (!cell) byMonth.set(m, (cell = { sum: 0, n: 0, best: { g: -1, text: '' } }));
    cell.sum += e.goldstein;
    cell.n++;
    if (Math.abs(e.goldstein) > cell.best.g) cell.best = { g: Math.abs(e.goldstein), text: e.evidence.text };
  }
  const prevMonth = (m: string): string => {
    const [y, mo] = m.split('-').map(Number);
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  };
  for (const [key, byMonth] of months) {
    const [a, b] = key.split(' ');
    for (const [m, cell] of byMonth) {
      if (cell.n < MIN_MONTH_EVENTS) continue;
      const before = byMonth.get(prevMonth(m))?.sum ?? 0;
      const change = Math.round((cell.sum - before) * 10) / 10;
      if (change === 0) continue;
      out.push({ date: m, a, b, type: 'index', change, what: `index ${Math.round(before * 10) / 10} -> ${Math.round(cell.sum * 10) / 10} (${cell.n} events)`, magnitude: Math.abs(change), evidence: cell.best.text });
    }
  }

  const claims = store.relationClaims(actor === undefined ? {} : { a: actor });
  for (const s of buildRelations(claims)) {
    const what = s.subtype ? `${s.kind}/${s.subtype}` : s.kind;
    const weight = 20 + 5 * s.reports;
    if (ALERT_CLOSES.has(s.kind) && s.valid_to !== null && (!since || dateStart(s.valid_to)! >= since)) {
      const ev = s.evidence.find((x) => x.action === 'closes');
      out.push({ date: s.valid_to, a: s.a, b: s.b, type: 'state', change: null, what: `${what} ended`, magnitude: weight, evidence: ev?.text ?? '' });
    }
    if (ALERT_OPENS.has(s.kind) && s.valid_from !== null && (!since || dateStart(s.valid_from)! >= since)) {
      out.push({ date: s.valid_from, a: s.a, b: s.b, type: 'state', change: null, what: `${what} began`, magnitude: weight, evidence: s.evidence[0]?.text ?? '' });
    }
  }
  out.sort((x, y) => y.magnitude - x.magnitude || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || (`${x.a}${x.b}` < `${y.a}${y.b}` ? -1 : 1));
  return out.slice(0, limit);
}
