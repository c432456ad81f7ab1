/**
 * Old location of `@jobkit/adapters/embedded-search`, kept so deep imports of this path keep working.
 * @deprecated Import the package subpath `@jobkit/adapters/embedded-search` (in the repository: `src/embedded-search/index.ts`).
 * @module
 */
export * from '../embedded-search/index.js';
