/**
 * `@jobkit/parsers`: ATS detection, structured-data and heuristic parsing, normalizers.
 * @module
 */
export {};
