/** The forecast's method, the usage changes' three kinds, and `report <id>` against the month before. */
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/insight/compare-report.js';
import { buildForecast, FORECAST_METHOD } from '../../src/insight/forecast.js';
import { findUsageChanges } from '../../src/insight/usage-changes.js';
import { PROVIDER, providerMonth, snapshot } from './support/snapshots.js';

const DEC = providerMonth('2025-12', [
  ['a', 'Acme', 100],
  ['b', 'Beta', 200],
  ['z', 'Zulu', 80],
]);
const JAN = providerMonth('2026-01', [
  ['a', 'Acme', 130],
  ['b', 'Beta', 180],
  ['z', 'Zulu', 80],
]);
const FEB = providerMonth(
  '2026-02',
  [
    ['a', 'Acme', 160],
    ['b', 'Beta', 160],
    ['z', 'Zulu', 80],
  ],
  'ApprovalRequired',
);

describe('buildForecast', () => {
  const forecast = buildForecast({
    calendar: { month: '2026-03', day: 11, daysInMonth: 31 },
    recent: [DEC, JAN, FEB],
    current: new Map([
      ['a', 170],
      ['b', 150],
      ['z', 0],
      ['n', 40],
    ]),
    names: new Map([['n', { uid: 'n', name: 'Newco' }]]),
    asOf: new Date('2026-03-11T09:00:00Z'),
  });

  it('adds the growth still to come to what is protected now; a decrease adds nothing, zero stays zero', () => {
    // Acme grew 30 a month; 20 of 31 days are left: 170 + 30 × 20/31 (19.35, an estimate: 19).
    expect(forecast.rows.map((r) => [r.org.name, r.lastReport, r.soFar, r.expected])).toEqual([
      ['Acme', 160, 170, 189],
      ['Beta', 160, 150, 150],
      ['Newco', 0, 40, 40],
      ['Zulu', 80, 0, 0],
    ]);
    expect(forecast.totals).toEqual({
      lastReport: 400,
      soFar: 360,
      expected: 379,
      change: { points: -21, percent: -5.3 },
    });
    expect(forecast.method).toBe(FORECAST_METHOD);
    expect(forecast).toMatchObject({ month: '2026-03', lastReportMonth: '2026-02', dayOfMonth: 11, daysInMonth: 31 });
  });

  it('names the top movers up and down', () => {
    expect(forecast.topUp.map((r) => r.org.name)).toEqual(['Newco', 'Acme']);
    expect(forecast.topDown.map((r) => r.org.name)).toEqual(['Zulu', 'Beta']);
  });
});

describe('findUsageChanges', () => {
  it('finds jumps, new organizations and those at zero against the last report', () => {
    const found = findUsageChanges({
      last: FEB,
      current: new Map([
        ['a', 210],
        ['b', 199],
        ['z', 0],
        ['n', 12],
      ]),
      names: new Map([['n', { uid: 'n', name: 'Newco' }]]),
      thresholds: { percent: 25, minPoints: 50 },
      asOf: new Date('2026-03-11T09:00:00Z'),
    });
    expect(found.changes.map((c) => [c.kind, c.org.name, c.before, c.now, c.change.percent])).toEqual([
      ['jump', 'Acme', 160, 210, 31.3],
      ['new', 'Newco', 0, 12, null],
      ['zero', 'Zulu', 80, 0, -100],
    ]);
    expect(found).toMatchObject({ lastReportMonth: '2026-02', thresholds: { percent: 25, minPoints: 50 } });
  });

  it('has nothing to compare with when there is no report', () => {
    const found = findUsageChanges({
      last: null,
      current: new Map([['a', 5]]),
      names: new Map(),
      thresholds: { percent: 25, minPoints: 50 },
      asOf: new Date(0),
    });
    expect(found.lastReportMonth).toBeNull();
    expect(found.changes.map((c) => c.kind)).toEqual(['new']);
  });
});

describe('compareReports', () => {
  it('compares each organization of a report with the same owner’s report of the month before', () => {
    const now = snapshot('2026-02', PROVIDER, [
      ['a', 'Acme', 160],
      ['b', 'Beta', 160],
      ['n', 'Newco', 10],
    ]);
    const before = snapshot('2026-01', PROVIDER, [
      ['a', 'Acme', 130],
      ['b', 'Beta', 160],
      ['g', 'Gone Ltd', 25],
    ]);
    const c = compareReports(now, before);
    expect(c.change).toEqual({ points: 15, percent: 4.8 });
    expect(c.rows.map((r) => [r.org.name, r.kind, r.now, r.before, r.change?.points ?? null])).toEqual([
      ['Acme', 'changed', 160, 130, 30],
      ['Beta', 'same', 160, 160, 0],
      ['Newco', 'new', 10, 0, 10],
      ['Gone Ltd', 'gone', 0, 25, -25],
    ]);
    expect(compareReports(now, null)).toMatchObject({ previous: null, change: null });
    expect(compareReports(now, null).rows.every((r) => r.kind === 'new' && r.before === null)).toBe(true);
  });
});
