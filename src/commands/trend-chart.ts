/**
 * The chart of a trend, as plain data for the renderer: the same months and series as the table,
 * so the picture and the numbers beside it never disagree. The title says which months and
 * which organizations (and the product, when filtered), as the chart must be read alone too.
 */
import type { TrendChartInput } from '../insight/chart/types.js';
import type { Trend } from '../insight/types.js';

function monthSpan(trend: Trend): string {
  const first = trend.months[0]?.month;
  const last = trend.months.at(-1)?.month;
  if (!first || !last) return 'no months';
  return first === last ? first : `${first} – ${last}`;
}

/** "top 5 organizations and others", "Acme Corp", "3 organizations matching "acme"". */
export function describeOrganizations(trend: Trend): string {
  const org = trend.filters.org;
  const named = trend.series.filter((s) => s.kind === 'organization').length;
  const others = trend.series.some((s) => s.kind === 'others');
  if (org) {
    if (org.matched.length === 1) return org.matched[0]!.name;
    const matching = `${org.matched.length} organizations matching "${org.query.slice(0, 40)}"`;
    return others ? `${matching} (top ${named} and others)` : matching;
  }
  if (named === 0) return 'all organizations';
  return others ? `top ${named} organizations and others` : `all ${named} organizations`;
}

export function trendTitle(trend: Trend): string {
  const product = trend.filters.product ? ` · ${trend.filters.product}` : '';
  return `Points per month, ${monthSpan(trend)}: ${describeOrganizations(trend)}${product}`;
}

export function trendChartInput(trend: Trend): TrendChartInput {
  return {
    title: trendTitle(trend),
    months: trend.months.map((m) => m.month),
    series: trend.series.map((s) => ({ name: s.label, values: [...s.points] })),
    unit: 'points',
  };
}

/** `trend-2025-01-2025-06.png`: names the months, safe on every file system. */
export function trendFilename(trend: Trend): string {
  const first = trend.months[0]?.month ?? 'none';
  const last = trend.months.at(-1)?.month ?? first;
  return `trend-${first}-${last}.png`.replace(/[^\w.-]/g, '_');
}
