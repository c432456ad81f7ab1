/** `sqlCapabilities`: an executor's own flags win; one written before them is read from its deprecated dialect. @module */
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CAPABILITIES, SERVER_CLIENT_CAPABILITIES, SERVER_POOL_CAPABILITIES, sqlCapabilities } from './sql.js';

describe('sqlCapabilities', () => {
  it('returns the executor’s own capabilities, whatever its dialect says', () => {
    const own = { listenNotify: false, parallelStatements: true, embedded: false };
    expect(sqlCapabilities({ capabilities: own, dialect: 'pglite' })).toBe(own);
  });

  it('reads an executor written before capabilities from its dialect, as the helpers did', () => {
    expect(sqlCapabilities({ dialect: 'pglite' })).toBe(EMBEDDED_CAPABILITIES);
    expect(sqlCapabilities({ dialect: 'postgres' })).toBe(SERVER_POOL_CAPABILITIES);
  });

  it('assumes one server connection when nothing is said', () => {
    expect(sqlCapabilities({})).toBe(SERVER_CLIENT_CAPABILITIES);
    expect(SERVER_CLIENT_CAPABILITIES).toMatchObject({ parallelStatements: false, embedded: false });
  });
});
