import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestInput } from '../../src/digest/build-digest.js';
import { LICENSE_KINDS, type License } from '../../src/licenses/model.js';
import { generateInventory } from './support/generate-inventory.js';
import { makeLicense, makeReport } from './support/license-factory.js';

const NOON = new Date('2026-03-10T12:00:00Z');

function digestOf(licenses: License[], overrides: Partial<DigestInput> = {}) {
  return buildDigest({
    licenses,
    reports: [],
    autoApprove: null,
    now: NOON,
    timeZone: 'UTC',
    horizonDays: 30,
    ...overrides,
  });
}

/** Days left of the one license, wherever the digest put it. */
function daysOf(digest: ReturnType<typeof digestOf>): number | null {
  const rows = [...digest.expired, ...digest.expiring.flatMap((bucket) => bucket.rows)];
  expect(rows).toHaveLength(1);
  return rows[0]?.daysLeft ?? null;
}

function inDays(days: number, from = NOON): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString();
}

describe('buildDigest: day counts in the digest time zone', () => {
  it('counts a license ending at 23:30 UTC as today in UTC and tomorrow in Auckland', () => {
    const now = new Date('2026-03-10T10:00:00Z');
    const license = makeLicense({ expirationDate: '2026-03-10T23:30:00Z' });
    expect(daysOf(digestOf([license], { now, timeZone: 'UTC' }))).toBe(0);
    const auckland = digestOf([license], { now, timeZone: 'Pacific/Auckland' });
    expect(daysOf(auckland)).toBe(1);
    expect(auckland.day).toBe('2026-03-10');
    expect(digestOf([license], { now: new Date('2026-03-10T11:30:00Z'), timeZone: 'Pacific/Auckland' }).day).toBe(
      '2026-03-11',
    );
  });

  it('is not shifted by the DST changes of Europe/Berlin and America/New_York', () => {
    // Berlin springs forward on 2026-03-29: 22:30 UTC on 3 April is already 4 April, 00:30 CEST.
    const beforeSpring = new Date('2026-03-27T12:00:00Z');
    const berlin = { now: beforeSpring, timeZone: 'Europe/Berlin' };
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2026-04-03T12:00:00Z' })], berlin))).toBe(7);
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2026-04-03T22:30:00Z' })], berlin))).toBe(8);
    // Berlin falls back on 2026-10-25: 22:30 UTC on 31 October is still 31 October, 23:30 CET.
    const beforeFall = { now: new Date('2026-10-24T12:00:00Z'), timeZone: 'Europe/Berlin' };
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2026-10-31T22:30:00Z' })], beforeFall))).toBe(7);
    // New York springs forward on 2026-03-08: 04:30 UTC on 13 March is 00:30 EDT on 13 March.
    const newYork = { now: new Date('2026-03-06T17:00:00Z'), timeZone: 'America/New_York' };
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2026-03-13T04:30:00Z' })], newYork))).toBe(7);
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2026-03-13T03:30:00Z' })], newYork))).toBe(6);
  });

  it('counts across month ends and leap days', () => {
    const endOfJanuary = { now: new Date('2026-01-31T12:00:00Z') };
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2026-02-01T00:00:00Z' })], endOfJanuary))).toBe(1);
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2026-03-02T12:00:00Z' })], endOfJanuary))).toBe(30);
    const leap = { now: new Date('2028-02-28T12:00:00Z') };
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2028-02-29T23:59:00Z' })], leap))).toBe(1);
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2028-03-01T00:00:00Z' })], leap))).toBe(2);
    const afterLeap = { now: new Date('2028-03-07T08:00:00Z') };
    expect(daysOf(digestOf([makeLicense({ expirationDate: '2028-02-29T12:00:00Z' })], afterLeap))).toBe(-7);
  });
});

describe('buildDigest: urgency buckets', () => {
  const boundaries: [number, string | null][] = [
    [-1, 'expired'],
    [0, '0-7'],
    [7, '0-7'],
    [8, '8-14'],
    [14, '8-14'],
    [15, '15-30'],
    [30, '15-30'],
    [31, null],
  ];
  it.each(boundaries)('puts a license %i days out in %s', (days, where) => {
    const digest = digestOf([makeLicense({ expirationDate: inDays(days) })]);
    const found = digest.expired.length > 0 ? 'expired' : null;
    const bucket = digest.expiring.find((b) => b.rows.length > 0);
    expect(found ?? (bucket ? `${bucket.fromDays}-${bucket.withinDays}` : null)).toBe(where);
  });

  it('adapts the buckets to a short horizon', () => {
    const bounds = (horizonDays: number) =>
      digestOf([], { horizonDays }).expiring.map((b) => `${b.fromDays}-${b.withinDays}`);
    expect(bounds(30)).toEqual(['0-7', '8-14', '15-30']);
    expect(bounds(14)).toEqual(['0-7', '8-14']);
    expect(bounds(10)).toEqual(['0-7', '8-10']);
    expect(bounds(7)).toEqual(['0-7']);
    expect(bounds(3)).toEqual(['0-3']);
    expect(bounds(90)).toEqual(['0-7', '8-14', '15-90']);
  });

  it('sorts soonest first within a bucket and the most recently expired first', () => {
    const digest = digestOf([
      makeLicense({ uid: 'c', expirationDate: inDays(5) }),
      makeLicense({ uid: 'a', expirationDate: inDays(1) }),
      makeLicense({ uid: 'b', expirationDate: inDays(3) }),
      makeLicense({ uid: 'old', expirationDate: inDays(-300) }),
      makeLicense({ uid: 'recent', expirationDate: inDays(-2) }),
    ]);
    expect(digest.expiring[0]?.rows.map((row) => row.license.uid)).toEqual(['a', 'b', 'c']);
    expect(digest.expired.map((row) => row.license.uid)).toEqual(['recent', 'old']);
  });
});

describe('buildDigest: what needs attention', () => {
  it('counts every license kind', () => {
    const licenses = LICENSE_KINDS.map((kind) => makeLicense({ kind, expirationDate: inDays(-1) }));
    expect(digestOf(licenses).expired.map((row) => row.license.kind)).toEqual([...LICENSE_KINDS]);
  });

  it('lists support contracts ending within the horizon, not those already over or further out', () => {
    const soon = makeLicense({ uid: 'soon', supportExpirationDate: inDays(10) });
    const digest = digestOf([
      soon,
      makeLicense({ supportExpirationDate: inDays(31) }),
      makeLicense({ supportExpirationDate: inDays(-5) }),
    ]);
    expect(digest.supportExpiring.map((row) => [row.license.uid, row.supportDaysLeft])).toEqual([['soon', 10]]);
    expect(digest.expired).toEqual([]);
  });

  it('lists Warning and Error in any case with the status message, errors first', () => {
    const digest = digestOf([
      makeLicense({ uid: 'w', status: 'warning', statusMessage: 'License is about to exceed its instance count.' }),
      makeLicense({ uid: 'e', status: 'ERROR', statusMessage: 'License file is corrupted.' }),
      makeLicense({ uid: 'ok', status: 'valid' }),
    ]);
    expect(digest.unhealthy.map((row) => [row.license.uid, row.license.statusMessage])).toEqual([
      ['e', 'License file is corrupted.'],
      ['w', 'License is about to exceed its instance count.'],
    ]);
  });

  it('lists each unit used beyond its licensed count, largest overshoot first', () => {
    const digest = digestOf([
      makeLicense({
        uid: 'two',
        units: [
          { unit: 'instances', used: 110, licensed: 100 },
          { unit: 'sockets', used: 8, licensed: 4 },
          { unit: 'points', used: 5, licensed: null },
        ],
      }),
      makeLicense({ uid: 'equal', units: [{ unit: 'instances', used: 100, licensed: 100 }] }),
    ]);
    expect(digest.overUsed.map(({ row, unit }) => [row.license.uid, unit.unit])).toEqual([
      ['two', 'sockets'],
      ['two', 'instances'],
    ]);
  });

  it('lists the reports waiting for approval, oldest interval first, and the auto-approve state', () => {
    const digest = digestOf([], {
      autoApprove: false,
      reports: [
        makeReport({ reportId: 3, status: 'approvalRequired', intervalStart: '2026-02-01' }),
        makeReport({ reportId: 2, status: 'Approved', intervalStart: '2026-01-01' }),
        makeReport({ reportId: 1, status: 'ApprovalRequired', intervalStart: '2026-01-01' }),
      ],
    });
    expect(digest.pendingReports.map((report) => report.reportId)).toEqual([1, 3]);
    expect(digest.autoApprove).toBe(false);
    expect(digest.summary).toBe('2 reports wait for approval');
    expect(digest.empty).toBe(false);
  });

  it('says all clear when nothing needs attention', () => {
    const digest = digestOf([makeLicense(), makeLicense({ expirationDate: null })], { autoApprove: true });
    expect(digest.empty).toBe(true);
    expect(digest.summary).toMatch(/^All clear/);
    expect(digest).toMatchObject({ day: '2026-03-10', timeZone: 'UTC', horizonDays: 30, autoApprove: true });
  });

  it('finds the known numbers in a 12,000-license inventory', () => {
    const { licenses, expected } = generateInventory(NOON);
    expect(licenses).toHaveLength(12_000);
    const digest = digestOf(licenses, { timeZone: 'Europe/Berlin' });
    expect(digest.expired).toHaveLength(expected.expired);
    expect(digest.expiring.reduce((sum, bucket) => sum + bucket.rows.length, 0)).toBe(expected.expiring);
    expect(digest.unhealthy).toHaveLength(expected.unhealthy);
    expect(digest.overUsed).toHaveLength(expected.overUsed);
    expect(digest.supportExpiring).toHaveLength(expected.supportExpiring);
    expect(digest.summary).toBe(
      `${expected.expired} expired · ${expected.expiring} expiring within 30 days · ${expected.unhealthy} in Warning/Error · ` +
        `${expected.overUsed} over licensed units · ${expected.supportExpiring} support contracts expiring`,
    );
  });
});
