/**
 * Old location of `@jobkit/adapters/pubsub`, kept so deep imports of this path keep working.
 * @deprecated Import the package subpath `@jobkit/adapters/pubsub` (in the repository: `src/pubsub/index.ts`).
 * @module
 */
export * from '../pubsub/index.js';
