import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDayCounter } from '../../src/licenses/day-counter.js';
import { daysLeft } from '../../src/licenses/expiry.js';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Africa/Casablanca',
  'America/St_Johns',
  'Pacific/Kiritimati',
];
const FROM = Date.parse('2020-01-01T00:00:00Z');
const TO = Date.parse('2032-01-01T00:00:00Z');

describe('createDayCounter', () => {
  it('gives the same day counts as daysLeft of src/licenses/expiry.ts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        fc.array(fc.integer({ min: FROM, max: TO }), { minLength: 1, maxLength: 20 }),
        (zone, nowMs, instants) => {
          const now = new Date(nowMs);
          const count = createDayCounter(now, zone);
          for (const ms of instants) {
            const iso = new Date(ms).toISOString();
            expect(count(iso)).toBe(daysLeft(iso, now, zone));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees hour by hour around the DST changes of the year', () => {
    const now = new Date('2026-01-15T12:00:00Z');
    for (const zone of ZONES) {
      const count = createDayCounter(now, zone);
      for (const change of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-25', '2026-11-01', '2026-09-27']) {
        const midnight = Date.parse(`${change}T00:00:00Z`);
        for (let minutes = -24 * 60; minutes <= 24 * 60; minutes += 60) {
          const iso = new Date(midnight + minutes * 60_000).toISOString();
          expect(count(iso), `${zone} ${iso}`).toBe(daysLeft(iso, now, zone));
        }
      }
    }
  });

  it('answers null for a missing or unreadable date', () => {
    const count = createDayCounter(new Date(), 'UTC');
    expect(count(null)).toBeNull();
    expect(count('not a date')).toBeNull();
  });
});
