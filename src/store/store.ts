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

/**
 * Which actors to list. `query` is read like an event actor filter: a code or its prefix in capitals (NER,
 * NERGOV, ECOWAS), an entity id (person:mohamed-bazoum), else a case-insensitive substring of the canonical
 * name or of any text the actor was mentioned by ("Bazoum", "President Bazoum"). Without it, every actor.
 * `kind` keeps one kind (person, country, group, organisation, location: the kind of its latest mention); without
 * it, places (place:...) are left out, as they are not actors.
 */
export interface ActorFilter {
  query?: string;
  kind?: string;
  limit?: number;
}

/** One code (and role) an actor held, over the published dates of the articles that coded it so. */
export interface ActorRoleSpan {
  code: string;
  sector: string | null;
  /** The role word the mentions carried (President, Foreign Minister), the commonest one; null when none. */
  role: string | null;
  /** First and last published date (YYYY-MM-DD) of the articles; null when none of them is dated. */
  from: string | null;
  to: string | null;
  mentions: number;
  articles: number;
}

/** An actor as the store knows it: identity, latest code, mention counts and the codes it held over time. */
export interface StoredActor {
  entity: string;
  name: string;
  kind: string;
  country: string | null;
  sector: string | null;
  /** The code of the latest (by published date) article to mention it. */
  code: string;
  mentions: number;
  articles: number;
  /** Ordered by first date (undated last). */
  roles: ActorRoleSpan[];
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
  /**
   * Known actors, most mentioned first (then by entity), with their codes and roles over time learned from the
   * stored articles: a person coded NERGOV in 2021 articles and NERMIL in 2024 ones has two role spans.
   */
  actors(filter?: ActorFilter): StoredActor[];
  /** Most recently stored first. */
  articles(opts?: { limit?: number }): StoredArticle[];
  stats(): StoreStats;
  close(): void;
}
