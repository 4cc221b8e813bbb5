// Relations: dated states between two parties, built from per-article claims. A claim is one sentence's word
// on a relation ("terminated its security agreement" closes one); states are intervals merged from claims.
import type { DatePrecision, Evidence } from '../../core/types.js';

/**
 * The kinds of relation, with what each means:
 * - diplomatic: formal diplomatic relations between two states (established, broken, restored). Symmetric.
 *   Ambassadors expelled or recalled and embassies closed or reopened are acts within them, not a break:
 *   attributes `ambassador` (expelled, recalled) and `embassy` (open, closed), each with its `*_as_of` date.
 * - agreement: a named or typed agreement in force between two parties (signed, in place, suspended,
 *   terminated); `subtype` says which (security, military, defence, investment, trade, ...). Symmetric.
 *   Attributes `name` when the text names it ("Status of Forces Agreement") and `status` (signed, renewed,
 *   in force, suspended, terminated: the latest word on it).
 * - presence: armed forces or bases of a in b (a's troops stationed in b); attributes `personnel` with
 *   `personnel_as_of`, `base` ("drone base"). Directed.
 * - sanctions: sanctions or an embargo imposed by a on b (imposed, lifted). Directed.
 * - membership: a is a member of organisation b (joined, suspended, left). Directed.
 * - aid: a provides aid or assistance to b (provided, suspended). Directed.
 * - conflict: armed hostilities between the forces or governments of two states. Symmetric.
 * - alignment: a publicly supports or sides with b. Directed.
 */
export type RelationKind = 'diplomatic' | 'agreement' | 'presence' | 'sanctions' | 'membership' | 'aid' | 'conflict' | 'alignment';

export const RELATION_KINDS: readonly RelationKind[] = [
  'diplomatic', 'agreement', 'presence', 'sanctions', 'membership', 'aid', 'conflict', 'alignment',
];

/**
 * Kinds that are activities rather than standing arrangements: nothing formally ends them, so an interval built
 * from reports lapses a year after the last report (a later report starts a new episode). Agreements,
 * diplomatic relations, presence, sanctions and membership last until a story says they ended.
 */
export const TRANSIENT_KINDS: ReadonlySet<RelationKind> = new Set(['aid', 'conflict', 'alignment']);
export const TRANSIENT_HORIZON_DAYS = 365;

/** Kinds where "a with b" and "b with a" are the same relation: their parties are stored in sorted order. */
export const SYMMETRIC_KINDS: ReadonlySet<RelationKind> = new Set(['diplomatic', 'agreement', 'conflict']);

/** What a claim says about the relation on its date. */
export type ClaimAction = 'opens' | 'closes' | 'asserts';

export type AttributeValue = string | number | boolean;

/**
 * One article's statement about a relation. Parties (a, b) are countries as ISO3 (NER: NERGOV and NERMIL both
 * count as Niger, since agreements and presence bind states, not sectors) or organisations as their CAMEO code
 * (IGO:ECOWAS). Actors without either (rebels with no country, unnamed groups) make no claims.
 */
export interface RelationClaim {
  /** `${article_id}:r${n}`, stable for one article. */
  id: string;
  kind: RelationKind;
  a: string;
  b: string;
  subtype: string | null;
  action: ClaimAction;
  /** Valid time: when the claim holds in the world (TIMEX3-style, year to day), null when unknown. */
  date: string | null;
  precision: DatePrecision;
  attributes: Record<string, AttributeValue>;
  /** The coded event the claim comes from, when it comes from one. */
  event_id: string | null;
  evidence: Evidence;
  article_id: string;
  /** The rule that produced the claim, in words. */
  reason: string;
}

/** A claim as stored, with its record time: when the story appeared and when dyad stored it. */
export interface StoredRelationClaim extends RelationClaim {
  published: string | null;
  added_at: string | null;
}

export interface RelationEvidence extends Evidence {
  article_id: string;
  claim_id: string;
  action: ClaimAction;
  date: string | null;
}

/** A relation over one interval of valid time (the contract in shared/docs/design.md, plus evidence). */
export interface RelationState {
  kind: RelationKind;
  a: string;
  b: string;
  subtype: string | null;
  /** Start of validity, null when only its end is known ("terminated the agreement"). */
  valid_from: string | null;
  valid_from_precision: DatePrecision;
  /** End of validity, null while in force as far as the stories say. */
  valid_to: string | null;
  valid_to_precision: DatePrecision;
  attributes: Record<string, AttributeValue>;
  /** Event ids (or claim ids for stative sentences) that opened or reported the state. */
  opened_by: string[];
  closed_by: string[];
  evidence: RelationEvidence[];
  /** Valid date of the latest claim that supports the interval. */
  last_reported: string | null;
  /** For activities (aid, conflict, alignment) with no stated end: the day the interval lapses without news. */
  expires: string | null;
  /** Number of claims merged into this interval. */
  reports: number;
  /** Record time: earliest publication date (else store date) of the claims that support the interval. */
  recorded_from: string | null;
}
