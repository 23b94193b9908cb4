/**
 * `forecast`: the month's expected points against the last report, the organizations that move
 * most up and down, the largest organizations as a table, and the one line on the method.
 */
import type { Reply } from '../../commands/reply.js';
import type { ForecastRow } from '../../insight/types.js';
import { formatChange, formatPoints, trendCommandFor } from '../../insight/wording.js';
import { compact, context, fieldsSection, header, type KnownBlock, type SlackMessage, section } from './block-kit.js';
import { escapeMrkdwn, escapeValue, fallback, packCapped, plural } from './limits.js';
import { codeBlock, commandCode, monoLines, shortLabel } from './mono-table.js';
import { formatDateTime, type RenderContext } from './render-context.js';

type ForecastReply = Extract<Reply, { type: 'forecast' }>;

/** Organizations in the table; the movers above name the ones that matter most. */
const TABLE_ROWS = 15;
const NAME_LENGTH = 24;

function moverLine(row: ForecastRow): string {
  return `• *${escapeValue(row.org.name)}*: ${formatPoints(row.lastReport)} → ${formatPoints(row.expected)} expected, ${formatChange(row.change)}, ${formatPoints(row.soFar)} so far · ${commandCode(trendCommandFor(row.org))}`;
}

function movers(title: string, rows: readonly ForecastRow[], none: string): string[] {
  const lines = rows.length > 0 ? rows.map(moverLine) : [`_${none}_`];
  return packCapped([`*${title}*`, ...lines], 2, (n) => `_…and ${n} more_`, 5000);
}

function table(rows: readonly ForecastRow[], lastMonth: string): string {
  const shown = rows.slice(0, TABLE_ROWS);
  return codeBlock(
    monoLines([
      { title: 'Organization', cells: shown.map((r) => shortLabel(r.org.name, NAME_LENGTH)), align: 'left' },
      { title: lastMonth, cells: shown.map((r) => formatPoints(r.lastReport)), align: 'right' },
      { title: 'So far', cells: shown.map((r) => formatPoints(r.soFar)), align: 'right' },
      { title: 'Expected', cells: shown.map((r) => formatPoints(r.expected)), align: 'right' },
      { title: 'Change', cells: shown.map((r) => formatChange(r.change)), align: 'right' },
    ]),
  );
}

export function renderForecast(reply: ForecastReply, ctx: RenderContext): SlackMessage {
  const f = reply.forecast;
  const lastMonth = f.lastReportMonth ?? 'last report';
  const totals = f.totals;
  const hidden = f.rows.length - Math.min(f.rows.length, TABLE_ROWS);
  const blocks: (KnownBlock | null)[] = [
    header(`Forecast for ${f.month} · day ${f.dayOfMonth} of ${f.daysInMonth}`),
    fieldsSection([
      `*Last report (${escapeValue(lastMonth)})*\n${formatPoints(totals.lastReport)} points`,
      `*So far this month*\n${formatPoints(totals.soFar)} points`,
      `*Expected for ${f.month}*\n${formatPoints(totals.expected)} points`,
      `*Difference*\n${formatChange(totals.change)}`,
    ]),
    f.lastReportMonth === null ? context('VSPC has no usage report yet: every organization counts as new.') : null,
    ...movers('Top movers up', f.topUp, 'No organization is expected above its last report.').map((t) => section(t)),
    ...movers('Top movers down', f.topDown, 'No organization is expected below its last report.').map((t) =>
      section(t),
    ),
    f.rows.length > 0 ? section(`*Largest organizations*\n${table(f.rows, lastMonth)}`) : null,
    hidden > 0 ? context(`${plural(hidden, 'more organization')} not in the table; see the CLI's \`forecast\`.`) : null,
    context(`${escapeMrkdwn(f.method)} Current usage as of ${formatDateTime(f.asOf, ctx)}.`),
  ];
  return {
    text: fallback(
      `Forecast for ${f.month}: ${formatPoints(totals.expected)} points expected, ${formatChange(totals.change)} against ${lastMonth}`,
    ),
    blocks: compact(blocks),
  };
}
