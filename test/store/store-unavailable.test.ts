/** Which store errors mean "the database cannot be used right now" (told plainly, recovered from) and which are bugs. */
import { describe, expect, it } from 'vitest';
import { storeUnavailable } from '../../src/store/unavailable.js';

const pg = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });

describe('storeUnavailable', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
    ['53100', 'could not extend file: No space left on device'],
    ['53200', 'out of memory'],
    ['53300', 'sorry, too many clients already'],
  ])('PostgreSQL %s (%s) is an outage', (code, message) => {
    expect(storeUnavailable(pg(code, message))).toBe(true);
  });

  it('socket errors, SQLite read-only / full / busy, and a wrapped cause are outages', () => {
    expect(storeUnavailable(pg('ECONNREFUSED'))).toBe(true);
    expect(storeUnavailable(pg('SQLITE_READONLY_DBMOVED'))).toBe(true);
    expect(storeUnavailable(pg('SQLITE_FULL'))).toBe(true);
    expect(storeUnavailable(new Error('query failed', { cause: pg('57P03') }))).toBe(true);
    expect(storeUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('constraint violations, syntax errors and plain errors are bugs, not outages', () => {
    expect(storeUnavailable(pg('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(storeUnavailable(pg('42601', 'syntax error'))).toBe(false);
    expect(storeUnavailable(pg('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(storeUnavailable(new Error('boom'))).toBe(false);
    expect(storeUnavailable(null)).toBe(false);
  });
});
