// Meaning of an EventFilter, independent of any SQL dialect, so every Store reads filters the same way.
import { DyadError } from '../core/errors.js';
import type { EventFilter } from './store.js';

/** The calendar span a partial date covers, as YYYY-MM-DD strings; null when the date is not YYYY[-MM[-DD]]. */
export function dateSpan(date: string | null | undefined): { start: string; end: string } | null {
  if (!date) return null;
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = m[1];
  if (m[2] === undefined) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(Number(year), month);
  if (m[3] === undefined) return { start: `${year}-${m[2]}-01`, end: `${year}-${m[2]}-${String(last)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  const d = `${year}-${m[2]}-${m[3]}`;
  return { start: d, end: d };
}

// A datetime (2024-03-28T10:00Z) counts as its day.
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** since/until as a span; a malformed value is the user's mistake, said in one line. */
export function filterDateSpan(name: 'since' | 'until', value: string): { start: string; end: string } {
  const span = dateSpan(value.trim());
  if (!span) throw new DyadError('USAGE', `--${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  return span;
}

export type ActorQuery =
  /**
   * Code prefix (NER, NERGOV, IGO:ECOWAS); `igo` the IGO:<query> prefix. Codes start with the actor's ISO3
   * country, so the prefix NER also finds every actor whose country is Niger.
   */
  | { kind: 'code'; prefix: string; igo: string | null }
  /** An entity id, matched exactly. */
  | { kind: 'entity'; entity: string }
  /** Case- and accent-insensitive substring of the canonical name; `needle` is already folded. */
  | { kind: 'name'; needle: string };

const CODE_RE = /^[A-Z][A-Z0-9]*(?::[A-Z0-9][A-Z0-9_-]*)?:?$/;
const ENTITY_RE = /^[a-z][a-z0-9_-]*:\S+$/;

export function parseActorQuery(raw: string): ActorQuery {
  const q = raw.trim();
  if (!q) throw new DyadError('USAGE', 'an actor filter must not be empty');
  if (CODE_RE.test(q) && q.length >= 2) {
    return { kind: 'code', prefix: q, igo: q.includes(':') ? null : `IGO:${q}` };
  }
  if (ENTITY_RE.test(q)) return { kind: 'entity', entity: q };
  return { kind: 'name', needle: foldName(q) };
}

/** Lower-case without diacritics, so "cote d'ivoire" finds "Côte d'Ivoire". */
export function foldName(s: string): string {
  const lower = s.toLowerCase();
  // Fast path: plain ASCII needs no normalisation.
  return NON_ASCII_RE.test(lower) ? lower.normalize('NFD').replace(COMBINING_RE, '') : lower;
}
const NON_ASCII_RE = /[^\x00-\x7f]/;
const COMBINING_RE = /\p{M}/gu;

export type TypeQuery = { kind: 'event'; event: string } | { kind: 'cameo'; prefix: string };

/** "ASSAULT", "assault,coerce", "18", "190" */
export function parseTypeQuery(raw: string): TypeQuery[] {
  const parts = raw.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) throw new DyadError('USAGE', 'an event type filter must not be empty');
  return parts.map((p) => (/^\d+$/.test(p) ? { kind: 'cameo', prefix: p } : { kind: 'event', event: p.toUpperCase() }));
}

/** limit/offset must be whole numbers >= 0. */
export function checkPaging(filter: EventFilter): { limit: number | null; offset: number } {
  const { limit, offset } = filter;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new DyadError('USAGE', `limit must be a whole number >= 0, got ${String(limit)}`);
  }
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) {
    throw new DyadError('USAGE', `offset must be a whole number >= 0, got ${String(offset)}`);
  }
  return { limit: limit ?? null, offset: offset ?? 0 };
}

/** Upper bound for "starts with prefix" as a range on text: prefix <= x < prefix + U+FFFF. */
export function prefixEnd(prefix: string): string {
  return prefix + '\uffff';
}
