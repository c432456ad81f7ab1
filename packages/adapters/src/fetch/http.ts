/**
 * Old location of `@jobkit/adapters/http`, kept so deep imports of this path keep working.
 * @deprecated Import the package subpath `@jobkit/adapters/http` (in the repository: `src/http/index.ts`).
 * @module
 */
export * from '../http/index.js';
