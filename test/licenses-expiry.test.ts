import { describe, expect, it } from 'vitest';
import { daysLeft, describeDaysLeft, localDay } from '../src/licenses/expiry.js';

describe('daysLeft', () => {
  it('counts calendar days in the team time zone', () => {
    const now = new Date('2026-03-10T10:00:00Z');
    const expiry = '2026-03-10T23:30:00Z';
    expect(daysLeft(expiry, now, 'UTC')).toBe(0);
    expect(daysLeft(expiry, now, 'Pacific/Auckland')).toBe(1);
    expect(describeDaysLeft(daysLeft(expiry, now, 'Pacific/Auckland'))).toBe('expires tomorrow');
  });

  it('is not shifted by DST changes', () => {
    // Europe/Berlin springs forward on 2026-03-29; New York on 2026-03-08.
    expect(daysLeft('2026-03-30T08:00:00Z', new Date('2026-03-28T08:00:00Z'), 'Europe/Berlin')).toBe(2);
    expect(daysLeft('2026-03-09T12:00:00Z', new Date('2026-03-07T12:00:00Z'), 'America/New_York')).toBe(2);
    expect(daysLeft('2026-10-26T08:00:00Z', new Date('2026-10-24T08:00:00Z'), 'Europe/Berlin')).toBe(2);
  });

  it('handles month ends, leap days, past dates and missing dates', () => {
    expect(daysLeft('2028-03-01T00:00:00Z', new Date('2028-02-28T12:00:00Z'), 'UTC')).toBe(2);
    expect(daysLeft('2026-01-31T12:00:00Z', new Date('2026-02-01T12:00:00Z'), 'UTC')).toBe(-1);
    expect(daysLeft(null, new Date(), 'UTC')).toBeNull();
    expect(daysLeft('not a date', new Date(), 'UTC')).toBeNull();
    expect(localDay(new Date('2026-03-10T23:30:00Z'), 'Pacific/Auckland')).toBe('2026-03-11');
  });
});
