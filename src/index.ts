// The dyad library: the engine, the store and the use cases, for programs that embed dyad.
export { createEngine, type Engine, type EngineOptions, type ClassifyInput, type Classification } from './engine.js';
export type * from './core/types.js';
export { DyadError } from './core/errors.js';
export { openStore, exportRows, type Store, type EventFilter, type StoredEvent } from './store/index.js';
export { ingestPaths, type IngestSummary } from './app/ingest-run.js';
export { readPaths, articleKey, type ReadItem, type ReadOptions } from './app/ingest/index.js';
export { annotationOf } from './app/annotate.js';
export * as ontology from './ontology/index.js';
