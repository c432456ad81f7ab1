/**
 * Old location of `@jobkit/adapters/typesense`, kept so deep imports of this path keep working.
 * @deprecated Import the package subpath `@jobkit/adapters/typesense` (in the repository: `src/typesense/index.ts`).
 * @module
 */
export * from '../typesense/index.js';
