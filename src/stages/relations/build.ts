// Relation states from claims: one timeline per (kind, a, b, subtype), walked in valid-time order. The result
// depends only on the set of claims, never on the order they were stored in.
import type { DatePrecision } from '../../core/types.js';
import { TRANSIENT_HORIZON_DAYS, TRANSIENT_KINDS, type ClaimAction, type RelationClaim, type RelationState, type StoredRelationClaim } from './types.js';

/** First day a (partial) date covers: 1960 -> 1960-01-01, 2023-11 -> 2023-11-01. */
export function dateStart(date: string | null): string | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const ACTION_ORDER: Record<ClaimAction, number> = { opens: 0, asserts: 1, closes: 2 };

/** Valid date, then article, then offset in the article, then action and id: a total order. */
export function claimOrder(x: RelationClaim, y: RelationClaim): number {
  const dx = dateStart(x.date) ?? '~';
  const dy = dateStart(y.date) ?? '~';
  if (dx !== dy) return dx < dy ? -1 : 1;
  if (x.article_id !== y.article_id) return x.article_id < y.article_id ? -1 : 1;
  if (x.evidence.start !== y.evidence.start) return x.evidence.start - y.evidence.start;
  if (x.action !== y.action) return ACTION_ORDER[x.action] - ACTION_ORDER[y.action];
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

function recordTime(c: RelationClaim): string | null {
  const s = c as Partial<StoredRelationClaim>;
  return s.published ?? s.added_at ?? null;
}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function evidenceOf(c: RelationClaim): RelationState['evidence'][number] {
  return { ...c.evidence, article_id: c.article_id, claim_id: c.id, action: c.action, date: c.date };
}

/**
 * Merges claims into intervals per (kind, a, b, subtype): an open or an assertion starts an interval when none is
 * in force and strengthens the one in force otherwise (a repeated report adds evidence, never a duplicate); a
 * close ends the interval in force; with none in force it confirms the last end already known, or, when the
 * relation has no interval yet, records one whose start is unknown. Claims without a
 * date cannot be placed and are left out. Attributes are the latest reported values (personnel as of a date).
 */
export function buildRelations(claims: readonly RelationClaim[]): RelationState[] {
  const groups = new Map<string, RelationClaim[]>();
  for (const c of claims) {
    if (!dateStart(c.date)) continue;
    const key = `${c.kind}\u0000${c.a}\u0000${c.b}\u0000${c.subtype ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const states: RelationState[] = [];
  for (const group of groups.values()) {
    group.sort(claimOrder);
    let current: RelationState | null = null;
    let last: RelationState | null = null;
    // The valid date of the latest value each attribute took, so an older report never overwrites a newer one.
    let attrDates = new Map<string, string>();
    for (const c of group) {
      const id = c.event_id ?? c.id;
      if (c.action === 'closes') {
        // Nothing in force: a later report of an end already known confirms it (it does not move it).
        const confirming: boolean = current === null && last !== null;
        if (current === null) current = last;
        if (current === null) {
          current = newState(c, null, 'unknown');
          states.push(current);
        }
        if (!confirming) {
          current.valid_to = c.date;
          current.valid_to_precision = c.precision;
          current.expires = null;
          // How it ended ("suspended", "terminated") and a name the closing story gives.
          Object.assign(current.attributes, c.attributes);
        }
        last = current;
        if (!current.closed_by.includes(id)) current.closed_by.push(id);
        current.evidence.push(evidenceOf(c));
        current.reports++;
        current.recorded_from = minDate(current.recorded_from, recordTime(c));
        current = null;
        attrDates = new Map();
        continue;
      }
      // An activity not reported for longer than the horizon has lapsed: this report starts a new episode.
      if (current !== null && current.expires !== null && dateStart(c.date)! > current.expires) current = null;
      if (current === null) {
        current = newState(c, c.date, c.precision);
        states.push(current);
        last = current;
      }
      if (!current.opened_by.includes(id)) current.opened_by.push(id);
      current.evidence.push(evidenceOf(c));
      current.reports++;
      current.recorded_from = minDate(current.recorded_from, recordTime(c));
      const when = dateStart(c.date)!;
      if (current.last_reported === null || dateStart(current.last_reported)! <= when) {
        current.last_reported = c.date;
        if (TRANSIENT_KINDS.has(c.kind)) current.expires = addDays(when, TRANSIENT_HORIZON_DAYS);
      }
      for (const [k, v] of Object.entries(c.attributes)) {
        const prev = attrDates.get(k);
        if (prev === undefined || prev <= when) {
          current.attributes[k] = v;
          attrDates.set(k, when);
        }
      }
    }
  }
  return states.sort((x, y) => {
    const fx = dateStart(x.valid_from) ?? '';
    const fy = dateStart(y.valid_from) ?? '';
    if (fx !== fy) return fx < fy ? -1 : 1;
    const kx = `${x.kind} ${x.a} ${x.b} ${x.subtype ?? ''}`;
    const ky = `${y.kind} ${y.a} ${y.b} ${y.subtype ?? ''}`;
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  });
}

function newState(c: RelationClaim, from: string | null, precision: DatePrecision): RelationState {
  return {
    kind: c.kind,
    a: c.a,
    b: c.b,
    subtype: c.subtype,
    valid_from: from,
    valid_from_precision: precision,
    valid_to: null,
    valid_to_precision: 'unknown',
    attributes: {},
    opened_by: [],
    closed_by: [],
    evidence: [],
    last_reported: null,
    expires: null,
    reports: 0,
    recorded_from: null,
  };
}

/**
 * In force on a day (YYYY, YYYY-MM or YYYY-MM-DD, read as its first day): started on or before it and not yet
 * ended (nor lapsed, for activities). A state whose start is unknown counts as in force up to its end (the story
 * says it existed until then).
 */
export function inForce(s: RelationState, day: string): boolean {
  const d = dateStart(day);
  if (!d) return false;
  const from = dateStart(s.valid_from);
  const to = dateStart(s.valid_to);
  if (from !== null && from > d) return false;
  if (to !== null && d >= to) return false;
  if (s.expires !== null && d > s.expires) return false;
  return true;
}
