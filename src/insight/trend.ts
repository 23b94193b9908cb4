/**
 * Months per organization → the trend: each month's total, the top K organizations over the shown
 * months and "others" (everything else, what no organization is credited with included), with
 * month-over-month change. Per month, the series add up to the month's total.
 */
import { changeOf, roundPoints } from './change.js';
import { orgKey } from './snapshot.js';
import type { Change, Month, MonthReport, OrgPoints, OrgRef, Trend, TrendMonth, TrendSeries } from './types.js';

export interface TrendInput {
  /** The shown months, oldest first. */
  months: readonly MonthReport[];
  /** The month before the first shown one (its change base), when VSPC has it. */
  base: MonthReport | null;
  top: number;
  /** A resolved product type, or null for all. */
  product: string | null;
  /** The organizations `--org` matched, or null for all. */
  org: { query: string; matched: OrgRef[] } | null;
  source: { fromStore: Month[]; fetched: Month[] };
}

const sum = (values: readonly number[]): number => roundPoints(values.reduce((t, v) => t + v, 0));

/** An organization's points in a month under the product filter. */
function pointsOf(row: OrgPoints, product: string | null): number {
  return product === null ? row.points : (row.products[product] ?? 0);
}

/** The month's total under the filters: the bill (or one product of it), or the matched organizations. */
function totalOf(month: MonthReport, input: TrendInput, matched: Set<string> | null): number {
  if (matched)
    return sum(month.organizations.filter((r) => matched.has(orgKey(r))).map((r) => pointsOf(r, input.product)));
  if (input.product === null) return month.totalPoints;
  return month.products.find((p) => p.productType === input.product)?.points ?? 0;
}

/** Change against a month that has reports; null when the base month is missing. */
function changeAgainst(before: { status: string; value: number } | null, now: number): Change | null {
  return before === null || before.status === 'missing' ? null : changeOf(before.value, now);
}

export function buildTrend(input: TrendInput): Trend {
  const matched = input.org ? new Set(input.org.matched.map(orgKey)) : null;
  const totals = input.months.map((m) => totalOf(m, input, matched));
  const baseTotal = input.base ? { status: input.base.status, value: totalOf(input.base, input, matched) } : null;
  const months: TrendMonth[] = input.months.map((m, i) => ({
    month: m.month,
    status: m.status,
    totalPoints: totals[i]!,
    change: changeAgainst(
      i === 0 ? baseTotal : { status: input.months[i - 1]!.status, value: totals[i - 1]! },
      totals[i]!,
    ),
  }));

  // Points per organization and month; the latest name of each organization.
  const perOrg = new Map<string, { org: OrgRef; points: number[]; base: number }>();
  const entry = (row: OrgPoints) => {
    const key = orgKey(row);
    let found = perOrg.get(key);
    if (!found) {
      found = { org: { uid: row.uid, name: row.name }, points: input.months.map(() => 0), base: 0 };
      perOrg.set(key, found);
    }
    found.org = { uid: row.uid, name: row.name };
    return found;
  };
  const eligible = (row: OrgPoints) => row.type !== 'Unattributed' && (!matched || matched.has(orgKey(row)));
  for (const row of input.base?.organizations ?? []) if (eligible(row)) entry(row).base = pointsOf(row, input.product);
  input.months.forEach((m, i) => {
    for (const row of m.organizations) if (eligible(row)) entry(row).points[i] = pointsOf(row, input.product);
  });
  const ranked = [...perOrg.values()]
    .map((o) => ({ ...o, total: sum(o.points) }))
    .filter((o) => o.total !== 0)
    .sort((a, b) => b.total - a.total || a.org.name.localeCompare(b.org.name));
  const top = ranked.slice(0, input.top);
  const last = input.months.length - 1;
  const previousOf = (points: number[], base: number) =>
    last > 0
      ? { status: input.months[last - 1]!.status, value: points[last - 1]! }
      : input.base
        ? { status: input.base.status, value: base }
        : null;

  const series: TrendSeries[] = top.map((o) => ({
    kind: 'organization',
    org: o.org,
    label: o.org.name || o.org.uid,
    points: o.points,
    total: o.total,
    change: last < 0 ? null : changeAgainst(previousOf(o.points, o.base), o.points[last]!),
  }));
  const othersPoints = totals.map((total, i) => roundPoints(total - sum(top.map((o) => o.points[i]!))));
  const othersCount = ranked.length - top.length;
  if (othersPoints.some((p) => p !== 0) || othersCount > 0) {
    const baseOthers = baseTotal ? roundPoints(baseTotal.value - sum(top.map((o) => o.base))) : 0;
    series.push({
      kind: 'others',
      org: null,
      label: `others (${othersCount} organization${othersCount === 1 ? '' : 's'})`,
      points: othersPoints,
      total: sum(othersPoints),
      change: last < 0 ? null : changeAgainst(previousOf(othersPoints, baseOthers), othersPoints[last]!),
    });
  }
  return {
    months,
    series,
    filters: { months: input.months.length, top: input.top, product: input.product, org: input.org },
    source: input.source,
  };
}
