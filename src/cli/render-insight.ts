/** `trend` and `forecast` as text: the same numbers as the Slack tables, every row of them. */
import type { Reply } from '../commands/reply.js';
import { trendTitle } from '../commands/trend-chart.js';
import type { Forecast } from '../insight/types.js';
import {
  formatChange,
  formatChangeCell,
  formatPoints,
  MONTH_MARKS_NOTE,
  monthMark,
  trendCommandFor,
} from '../insight/wording.js';
import { table } from './text-table.js';

type TrendReply = Extract<Reply, { type: 'trend' }>;

export function trendToText(reply: TrendReply): string {
  const { trend } = reply;
  if (trend.months.length === 0) return 'VSPC has no monthly usage reports yet, so there is no trend to show.';
  const missing = (i: number) => trend.months[i]?.status === 'missing';
  const rows = trend.months.map((m, i) => [
    `${m.month}${monthMark(m.status)}`,
    missing(i) ? '-' : formatPoints(m.totalPoints),
    formatChangeCell(m.change, '-'),
    ...trend.series.map((s) => (missing(i) ? '-' : formatPoints(s.points[i] ?? 0))),
  ]);
  const headers = [
    'Month',
    '>Total',
    '>Change',
    ...trend.series.map((s) => `>${s.kind === 'others' ? 'Others' : s.label}`),
  ];
  const lines = [trendTitle(trend), '', table(headers, rows)];
  if (trend.months.some((m) => m.status !== 'final')) lines.push(MONTH_MARKS_NOTE);
  const last = trend.months.at(-1);
  const before = trend.months.at(-2);
  if (last && before) {
    lines.push('', `${last.month} against ${before.month}:`);
    for (const s of trend.series) {
      lines.push(
        `  ${s.label}: ${formatPoints(s.points.at(-1) ?? 0)}, ${s.change ? formatChange(s.change) : 'nothing to compare with'}`,
      );
    }
  }
  const { fromStore, fetched } = trend.source;
  lines.push('', `Months kept: ${fromStore.length}, read from VSPC: ${fetched.length}.`);
  if (reply.pngPath === null) lines.push('Add --png FILE to write the chart.');
  return lines.join('\n');
}

export function forecastToText(f: Forecast): string {
  const lastMonth = f.lastReportMonth ?? 'last report';
  const mover = (r: Forecast['rows'][number]) =>
    `  ${r.org.name}: ${formatPoints(r.lastReport)} -> ${formatPoints(r.expected)} expected, ${formatChange(r.change)}, ${formatPoints(r.soFar)} so far · ${trendCommandFor(r.org)}`;
  return [
    `Forecast for ${f.month} (day ${f.dayOfMonth} of ${f.daysInMonth}), against ${lastMonth}`,
    `  Last report:  ${formatPoints(f.totals.lastReport)} points`,
    `  So far:       ${formatPoints(f.totals.soFar)} points`,
    `  Expected:     ${formatPoints(f.totals.expected)} points, ${formatChange(f.totals.change)}`,
    '',
    'Top movers up:',
    ...(f.topUp.length > 0 ? f.topUp.map(mover) : ['  none']),
    'Top movers down:',
    ...(f.topDown.length > 0 ? f.topDown.map(mover) : ['  none']),
    '',
    f.rows.length === 0
      ? 'No organization has usage.'
      : table(
          ['Organisation', `>${lastMonth}`, '>So far', '>Expected', '>Change'],
          f.rows.map((r) => [
            r.org.name,
            formatPoints(r.lastReport),
            formatPoints(r.soFar),
            formatPoints(r.expected),
            formatChange(r.change),
          ]),
        ),
    '',
    f.method,
    `Current usage as of ${f.asOf}.`,
  ].join('\n');
}
