// `dyad actors [QUERY]`: the actors a store knows, with the codes and roles they held over time (learned from the
// stored articles' dates) and how often they were mentioned.
import type { ActorFilter, Store, StoredActor } from '../store/index.js';

export type { StoredActor };

/** Actors matching the filter, most mentioned first (see Store.actors). */
export function listActors(store: Store, filter: ActorFilter = {}): StoredActor[] {
  return store.actors(filter);
}

/** "NERGOV President 2021-04-10..2023-07-20 (12)": one role span in a few words. */
export function describeSpan(s: StoredActor['roles'][number]): string {
  const when = s.from ? (s.from === s.to ? s.from : `${s.from}..${s.to}`) : 'undated';
  return `${s.code}${s.role ? ` ${s.role}` : ''} ${when} (${s.mentions})`;
}

/** What a person reads in a table: one row per actor, its role spans in time order joined by "; then ". */
export function actorRow(a: StoredActor): Record<string, unknown> {
  return {
    code: a.code,
    name: a.name,
    kind: a.kind,
    mentions: a.mentions,
    articles: a.articles,
    roles: a.roles.map(describeSpan).join('; then '),
    entity: a.entity,
  };
}

export const ACTOR_COLUMNS = ['code', 'name', 'kind', 'mentions', 'articles', 'roles', 'entity'];
