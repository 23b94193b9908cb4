/** Months per organization → the trend: top K and others, month-over-month change, filters. */
import { describe, expect, it } from 'vitest';
import { buildTrend, type TrendInput } from '../../src/insight/trend.js';
import type { MonthReport } from '../../src/insight/types.js';
import { providerMonth } from './support/snapshots.js';

const JAN = providerMonth('2026-01', [
  ['a', 'Acme', 100],
  ['b', 'Beta', 50],
  ['c', 'Gamma', 10],
]);
const FEB = providerMonth('2026-02', [
  ['a', 'Acme', 120],
  ['b', 'Beta', 40],
  ['c', 'Gamma', 5],
  ['d', 'Delta', 30],
]);
const MAR = providerMonth(
  '2026-03',
  [
    ['a', 'Acme', 130],
    ['b', 'Beta', 0],
    ['d', 'Delta', 60],
  ],
  'ApprovalRequired',
);

function trend(months: MonthReport[], options: Partial<TrendInput> = {}) {
  return buildTrend({
    months,
    base: null,
    top: 2,
    product: null,
    org: null,
    source: { fromStore: [], fetched: [] },
    ...options,
  });
}

describe('buildTrend', () => {
  it('ranks organizations by their points over the shown months and sums the rest as others', () => {
    const t = trend([FEB, MAR]);
    expect(t.months.map((m) => [m.month, m.status, m.totalPoints])).toEqual([
      ['2026-02', 'final', 195],
      ['2026-03', 'open', 190],
    ]);
    expect(t.series.map((s) => [s.kind, s.label, s.points, s.total])).toEqual([
      ['organization', 'Acme', [120, 130], 250],
      ['organization', 'Delta', [30, 60], 90],
      ['others', 'others (2 organizations)', [45, 0], 45],
    ]);
    for (const [i, m] of t.months.entries())
      expect(t.series.reduce((sum, s) => sum + s.points[i]!, 0)).toBe(m.totalPoints);
  });

  it('gives month-over-month change, the first month against the base month', () => {
    const t = trend([FEB, MAR], { base: JAN });
    expect(t.months.map((m) => m.change)).toEqual([
      { points: 35, percent: 21.9 },
      { points: -5, percent: -2.6 },
    ]);
    expect(t.series[0]!.change).toEqual({ points: 10, percent: 8.3 });
    expect(trend([FEB]).months[0]!.change).toBeNull();
    // Delta is new in February: a change of 30 points with no percentage.
    expect(trend([FEB], { base: JAN, top: 4 }).series.find((s) => s.label === 'Delta')!.change).toEqual({
      points: 30,
      percent: null,
    });
  });

  it('narrows to the organizations --org matched, without others when they fit the top', () => {
    const t = trend([FEB, MAR], { org: { query: 'Beta', matched: [{ uid: 'b', name: 'Beta' }] } });
    expect(t.months.map((m) => m.totalPoints)).toEqual([40, 0]);
    expect(t.series.map((s) => s.label)).toEqual(['Beta']);
    expect(t.filters.org?.matched).toEqual([{ uid: 'b', name: 'Beta' }]);
  });

  it('counts one product, the product total less the companies as others', () => {
    const month: MonthReport = {
      ...FEB,
      products: [
        { productType: 'BackupAndReplication', points: 150 },
        { productType: 'VSPC', points: 45 },
      ],
      organizations: FEB.organizations.map((o) =>
        o.uid === 'a' ? { ...o, products: { BackupAndReplication: 100, VSPC: 20 } } : { ...o, products: {} },
      ),
    };
    const t = trend([month], { product: 'VSPC', top: 1 });
    expect(t.months[0]!.totalPoints).toBe(45);
    expect(t.series.map((s) => [s.label, s.points])).toEqual([
      ['Acme', [20]],
      ['others (0 organizations)', [25]],
    ]);
  });

  it('shows months without reports as missing with zero points and no change base', () => {
    const gap: MonthReport = {
      month: '2026-02',
      status: 'missing',
      totalPoints: 0,
      organizations: [],
      products: [],
      reports: [],
    };
    const t = trend([JAN, gap, MAR]);
    expect(t.months.map((m) => [m.status, m.totalPoints, m.change])).toEqual([
      ['final', 160, null],
      ['missing', 0, { points: -160, percent: -100 }],
      ['open', 190, null],
    ]);
  });
});
