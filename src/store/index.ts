// Entry point for storage: the contract, the SQLite store, exports.
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type { ActorFilter, ActorRoleSpan, AddResult, StoredActor, EventFilter, RelationClaimFilter, Store, StoredArticle, StoredEvent, StoreStats } from './store.js';
export type { SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { exportRows, EXPORT_COLUMNS, csvField, type ExportFormat } from './export.js';

/** Opens a dyad database file (SQLite), creating it and applying migrations unless read-only. */
export function openStore(path: string, opts?: SqliteStoreOptions): Store {
  return openSqliteStore(path, opts);
}
