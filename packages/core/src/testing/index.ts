/**
 * Contract suites for every port, exported so you can run them against your own adapter.
 * Requires `vitest` (an optional peer dependency).
 * @module
 */
export {};
