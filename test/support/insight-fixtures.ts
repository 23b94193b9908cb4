/**
 * Builders of insight models (trend, forecast, report comparison, usage changes) for renderer
 * tests: consistent numbers (series sum to the month's total), any size.
 */
import type {
  Change,
  Forecast,
  ForecastRow,
  ReportComparison,
  Trend,
  UsageChange,
  UsageChanges,
} from '../../src/insight/types.js';

function change(before: number, now: number): Change {
  const points = Math.round((now - before) * 100) / 100;
  return { points, percent: before === 0 ? null : Math.round((points / before) * 1000) / 10 };
}

export function orgUid(n: number): string {
  return `${n.toString(16).padStart(8, '0')}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, '0')}`;
}

export interface TrendShape {
  months?: number;
  /** Named series; one "others" series is added when `others` is true. */
  top?: number;
  others?: boolean;
  /** Organization names, by index. */
  name?: (i: number) => string;
  /** Points of series `s` in month `m`. */
  points?: (s: number, m: number) => number;
  /** The last month waits for approval. */
  openLast?: boolean;
}

export function trend(shape: TrendShape = {}): Trend {
  const monthCount = shape.months ?? 6;
  const top = shape.top ?? 3;
  const name = shape.name ?? ((i: number) => `Org ${i}`);
  const points = shape.points ?? ((s: number, m: number) => 100 * (s + 1) + 10 * m);
  const seriesCount = top + (shape.others ? 1 : 0);
  const months = Array.from({ length: monthCount }, (_, m) => {
    const year = 2024 + Math.floor((m + 6) / 12);
    return `${year}-${String(((m + 6) % 12) + 1).padStart(2, '0')}`;
  });
  const series = Array.from({ length: seriesCount }, (_, s) => {
    const values = months.map((_, m) => points(s, m));
    const isOthers = shape.others === true && s === seriesCount - 1;
    const last = values.at(-1) ?? 0;
    const before = values.at(-2);
    return {
      kind: isOthers ? ('others' as const) : ('organization' as const),
      org: isOthers ? null : { uid: orgUid(s), name: name(s) },
      label: isOthers ? 'others (7 organizations)' : name(s),
      points: values,
      total: values.reduce((a, b) => a + b, 0),
      change: before === undefined ? null : change(before, last),
    };
  });
  const totals = months.map((_, m) => series.reduce((sum, s) => sum + (s.points[m] ?? 0), 0));
  return {
    months: months.map((month, m) => ({
      month,
      status: shape.openLast && m === monthCount - 1 ? 'open' : 'final',
      totalPoints: totals[m]!,
      change: m === 0 ? null : change(totals[m - 1]!, totals[m]!),
    })),
    series,
    filters: { months: monthCount, top, product: null, org: null },
    source: { fromStore: months.slice(0, -1), fetched: months.slice(-1) },
  };
}

function forecastRow(n: number, lastReport: number, soFar: number, expected: number, name?: string): ForecastRow {
  return {
    org: { uid: orgUid(n), name: name ?? `Org ${n}` },
    lastReport,
    soFar,
    expected,
    change: change(lastReport, expected),
  };
}

export function forecast(rowCount = 8, name?: (i: number) => string): Forecast {
  const rows = Array.from({ length: rowCount }, (_, i) =>
    forecastRow(i, 100 + i * 10, 60 + i * 11, i % 3 === 0 ? 0 : 120 + i * 12, name?.(i)),
  );
  const up = rows.filter((r) => r.change.points > 0).sort((a, b) => b.change.points - a.change.points);
  const down = rows.filter((r) => r.change.points < 0).sort((a, b) => a.change.points - b.change.points);
  const sum = (pick: (r: ForecastRow) => number) => rows.reduce((t, r) => t + pick(r), 0);
  const totals = { lastReport: sum((r) => r.lastReport), soFar: sum((r) => r.soFar), expected: sum((r) => r.expected) };
  return {
    month: '2025-03',
    lastReportMonth: '2025-02',
    asOf: '2025-03-10T09:00:00.000Z',
    dayOfMonth: 10,
    daysInMonth: 31,
    totals: { ...totals, change: change(totals.lastReport, totals.expected) },
    rows: [...rows].sort((a, b) => b.expected - a.expected),
    topUp: up.slice(0, 5),
    topDown: down.slice(0, 5),
    method: 'Expected = points protected now + growth × the part of the month still to come.',
  };
}

export function comparison(rowCount = 4, name?: (i: number) => string): ReportComparison {
  const ref = (reportId: number, month: string, totalPoints: number) => ({
    reportId,
    owner: { uid: orgUid(999), name: 'Provider' },
    status: 'Approved',
    totalPoints,
    month,
  });
  const rows: ReportComparison['rows'] = Array.from({ length: rowCount }, (_, i) => {
    const org = { uid: orgUid(i), name: name?.(i) ?? `Org ${i}` };
    if (i === 1) return { org, kind: 'new' as const, now: 40, before: 0, change: change(0, 40) };
    if (i === 2) return { org, kind: 'same' as const, now: 70, before: 70, change: change(70, 70) };
    return { org, kind: 'changed' as const, now: 100 + i, before: 90, change: change(90, 100 + i) };
  });
  rows.push({ org: { uid: orgUid(500), name: 'Gone Ltd' }, kind: 'gone', now: 0, before: 55, change: change(55, 0) });
  const now = rows.reduce((t, r) => t + r.now, 0);
  const before = rows.reduce((t, r) => t + (r.before ?? 0), 0);
  return {
    report: ref(1042, '2025-02', now),
    previous: ref(1041, '2025-01', before),
    change: change(before, now),
    rows,
  };
}

export function usageChange(kind: UsageChange['kind'], n: number, before: number, now: number): UsageChange {
  return { kind, org: { uid: orgUid(n), name: `Org ${n}` }, before, now, change: change(before, now) };
}

export function usageChanges(changes: UsageChange[]): UsageChanges {
  return {
    lastReportMonth: '2025-02',
    asOf: '2025-03-10T09:00:00.000Z',
    thresholds: { percent: 25, minPoints: 50 },
    changes,
  };
}
