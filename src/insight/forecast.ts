/**
 * This month's expected points per organization. A workload protected at any time in a month is
 * billed for that month, so what is protected now is already part of this month's bill: it is the
 * floor. Growth still to come is added from the organization's recent trend for the part of the
 * month that is left; a decrease cannot lower the bill any more, so it adds nothing.
 */
import { changeOf, roundPoints } from './change.js';
import { orgKey } from './snapshot.js';
import type { Forecast, ForecastRow, Month, MonthReport, OrgRef } from './types.js';

export const FORECAST_METHOD =
  'Expected = points protected now + the organization’s average monthly growth over its last 3 reports × the part of the month still to come, in whole points (a workload protected at any time in the month is billed, so decreases do not lower it).';

/** How many month-to-month steps the growth is averaged over. */
export const GROWTH_STEPS = 3;
const MOVERS = 5;

export interface ForecastInput {
  calendar: { month: Month; day: number; daysInMonth: number };
  /** Months with reports, oldest first, ending with the last report's month (up to GROWTH_STEPS + 1). */
  recent: readonly MonthReport[];
  current: ReadonlyMap<string, number>;
  /** Names of organizations not in these reports, by `orgKey`. */
  names: ReadonlyMap<string, OrgRef>;
  asOf: Date;
}

function pointsByOrg(month: MonthReport | undefined): Map<string, { org: OrgRef; points: number }> {
  const out = new Map<string, { org: OrgRef; points: number }>();
  for (const row of month?.organizations ?? []) {
    if (row.type === 'Unattributed') continue;
    const key = orgKey(row);
    out.set(key, { org: { uid: row.uid, name: row.name }, points: (out.get(key)?.points ?? 0) + row.points });
  }
  return out;
}

/** Mean change per month over the steps where the organization is in both months; 0 without any. */
function monthlyGrowth(key: string, history: readonly Map<string, { points: number }>[]): number {
  const steps: number[] = [];
  for (let i = 1; i < history.length; i++) {
    const before = history[i - 1]!.get(key);
    const after = history[i]!.get(key);
    if (before && after) steps.push(after.points - before.points);
  }
  return steps.length === 0 ? 0 : steps.reduce((t, s) => t + s, 0) / steps.length;
}

/**
 * What is protected now, as VSPC counts it, plus the growth still to come in whole points: an
 * estimate shown as 1,922.32 claimed a precision it does not have.
 */
export function expectedPoints(soFar: number, growth: number, remaining: number): number {
  return soFar === 0 ? 0 : roundPoints(soFar + Math.round(Math.max(0, growth) * remaining));
}

export function buildForecast(input: ForecastInput): Forecast {
  const months = input.recent.filter((m) => m.status !== 'missing').slice(-(GROWTH_STEPS + 1));
  const history = months.map(pointsByOrg);
  const last = history.at(-1) ?? new Map<string, { org: OrgRef; points: number }>();
  const { day, daysInMonth } = input.calendar;
  const remaining = Math.max(0, daysInMonth - day) / daysInMonth;

  const rows: ForecastRow[] = [];
  for (const key of new Set([...last.keys(), ...input.current.keys()])) {
    const lastReport = last.get(key)?.points ?? 0;
    const soFar = input.current.get(key) ?? 0;
    if (lastReport === 0 && soFar === 0) continue;
    const expected = expectedPoints(soFar, monthlyGrowth(key, history), remaining);
    const org = last.get(key)?.org ?? input.names.get(key) ?? { uid: key, name: key };
    rows.push({ org, lastReport, soFar, expected, change: changeOf(lastReport, expected) });
  }
  rows.sort((a, b) => b.expected - a.expected || a.org.name.localeCompare(b.org.name));
  const total = (pick: (r: ForecastRow) => number) => roundPoints(rows.reduce((t, r) => t + pick(r), 0));
  const totals = {
    lastReport: total((r) => r.lastReport),
    soFar: total((r) => r.soFar),
    expected: total((r) => r.expected),
  };
  const byName = (a: ForecastRow, b: ForecastRow) => a.org.name.localeCompare(b.org.name);
  return {
    month: input.calendar.month,
    lastReportMonth: months.at(-1)?.month ?? null,
    asOf: input.asOf.toISOString(),
    dayOfMonth: day,
    daysInMonth,
    totals: { ...totals, change: changeOf(totals.lastReport, totals.expected) },
    rows,
    topUp: rows
      .filter((r) => r.change.points > 0)
      .sort((a, b) => b.change.points - a.change.points || byName(a, b))
      .slice(0, MOVERS),
    topDown: rows
      .filter((r) => r.change.points < 0)
      .sort((a, b) => a.change.points - b.change.points || byName(a, b))
      .slice(0, MOVERS),
    method: FORECAST_METHOD,
  };
}
