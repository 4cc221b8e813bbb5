// The storage contract. SQLite implements it now; a PostgreSQL store must pass the same contract tests
// (test/store-contract.ts). Everything a caller needs is here; nothing here knows about SQL.
import type { CodedEvent, Doc } from '../core/types.js';
import type { RelationKind, StoredRelationClaim } from '../stages/relations/types.js';

/**
 * Which events to return. Every field narrows the result (they are AND-ed).
 *
 * actor / source / target take one of:
 *  - a CAMEO-style code or its prefix, written in capitals: NER, NERGOV, IGO:ECOWAS. A bare organisation
 *    name in capitals also finds its IGO code (ECOWAS finds IGO:ECOWAS). Codes begin with the actor's ISO3
 *    country, so an ISO3 code finds that country's actors of every sector.
 *  - an entity id (lower-case kind, colon): person:mohamed-bazoum, country:NER. Matched exactly.
 *  - anything else: a case-insensitive substring of the actor's canonical name (Bazoum, niger).
 * `actor` matches either side of the event, `source` and `target` one side each.
 *
 * since / until take YYYY, YYYY-MM or YYYY-MM-DD. An event date is a span (2024-03 is the whole of March) and
 * an event is kept when its span overlaps [since, until]: an event dated 2024-03 is within since=2024-03-15.
 * Events without a usable date are left out whenever since or until is given.
 *
 * type: a PLOVER event type (ASSAULT, any case) or a CAMEO code prefix (18, 190); a comma-separated list
 * means any of them.
 *
 * By default only asserted events are returned: negated, hypothetical and future (announced, not yet
 * happened) events are left out. includeNegated / includeHypothetical (the latter also covers future)
 * bring them back. Historical events are asserted and always included.
 */
export interface EventFilter {
  actor?: string;
  source?: string;
  target?: string;
  type?: string;
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
  includeNegated?: boolean;
  includeHypothetical?: boolean;
  articleId?: string;
}

/**
 * Which relation claims to return. Parties are ISO3 country codes (NER) or organisation codes (IGO:ECOWAS),
 * matched exactly and on either side: `a` alone finds every claim naming it; `a` and `b` find the claims
 * between the two, in either direction.
 */
export interface RelationClaimFilter {
  a?: string;
  b?: string;
  kind?: RelationKind;
}

export interface AddResult {
  /** The id the article is stored under: the Doc's id, or `${id}~N` when another article already holds it. */
  articleId: string;
  /** False when an article with the same key was already stored (then nothing is written). */
  added: boolean;
  /** Events written by this call (0 when not added). */
  events: number;
}

/** An event as stored, with the article fields an analyst needs beside it. */
export interface StoredEvent extends CodedEvent {
  /** Store-assigned integer, stable within one database (GDELT's GlobalEventID plays the same part). */
  seq: number;
  published: string | null;
  title: string | null;
  url: string | null;
}

export interface StoredArticle {
  id: string;
  key: string;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  origin: string | null;
  /** Number of events stored for it. */
  events: number;
  /** ISO timestamp of when it was stored. */
  added_at: string;
}

export interface StoreStats {
  articles: number;
  events: number;
  actors: number;
  mentions: number;
  schemaVersion: number;
}

export interface Store {
  /** Stores one article (row, actor mentions, events, relation claims) in one transaction: all or nothing. */
  addDoc(doc: Doc, key: string, meta?: { origin?: string }): AddResult;
  /** Stores many articles in one transaction (fast); if any fails, none of the batch is stored. */
  addDocs(items: Array<{ doc: Doc; key: string; origin?: string }>): AddResult[];
  hasKey(key: string): boolean;
  /** Ordered by date (undated last), then article id, then evidence offset. */
  events(filter: EventFilter): StoredEvent[];
  /** The number of events `events` would return without limit/offset. */
  countEvents(filter: EventFilter): number;
  /** Same rows as `events`, read lazily (for exporting millions). Finish or break before writing. */
  iterateEvents(filter: EventFilter): IterableIterator<StoredEvent>;
  /**
   * Relation claims, with their article's published date and store time, in valid-time order (date, article,
   * offset). Written by addDoc/addDocs from each article (deriveRelationClaims), in the same transaction.
   */
  relationClaims(filter: RelationClaimFilter): StoredRelationClaim[];
  /** Most recently stored first. */
  articles(opts?: { limit?: number }): StoredArticle[];
  stats(): StoreStats;
  close(): void;
}
