// Relations over time: per-article claims (derive.ts) merged into dated states (build.ts).
export * from './types.js';
export { deriveRelationClaims } from './derive.js';
export { buildRelations, inForce, claimOrder } from './build.js';
