/**
 * `trend`: months × (top K, others, total, change) as a compact table, then each series' change in
 * the last month. The chart is uploaded beside it (`deliver/deliver-trend.ts`); the table carries
 * every number, so the answer is whole with images off.
 */
import type { Reply } from '../../commands/reply.js';
import { describeOrganizations, trendTitle } from '../../commands/trend-chart.js';
import type { Trend } from '../../insight/types.js';
import { formatChange, formatChangeCell, formatPoints, MONTH_MARKS_NOTE, monthMark } from '../../insight/wording.js';
import { compact, context, header, type KnownBlock, type SlackMessage, section } from './block-kit.js';
import { escapeValue, fallback, LIMITS, packCapped, plural } from './limits.js';
import { codeBlock, type MonoColumn, monoLines, shortLabel, splitColumns } from './mono-table.js';

type TrendReply = Extract<Reply, { type: 'trend' }>;

/** Column titles are names cut to this (most names fit); the full names are in the lines below the table. */
const TITLE_LENGTH = 22;
/** Blocks besides the tables: header, filters, marks note, changes (up to 3), chart note, cut note. */
const OTHER_BLOCKS = 8;
/** Characters kept for everything but the tables. */
const OTHER_TEXT = 4000;

function columnsOf(trend: Trend): { key: MonoColumn; columns: MonoColumn[] } {
  const key: MonoColumn = {
    title: 'Month',
    cells: trend.months.map((m) => `${m.month}${monthMark(m.status)}`),
    align: 'left',
  };
  const total: MonoColumn = {
    title: 'Total',
    cells: trend.months.map((m) => (m.status === 'missing' ? '—' : formatPoints(m.totalPoints))),
    align: 'right',
  };
  const change: MonoColumn = {
    title: 'Change',
    cells: trend.months.map((m) => formatChangeCell(m.change)),
    align: 'right',
  };
  const series = trend.series.map(
    (s): MonoColumn => ({
      title: shortLabel(s.kind === 'others' ? 'Others' : s.label, TITLE_LENGTH),
      cells: s.points.map((p, i) => (trend.months[i]?.status === 'missing' ? '—' : formatPoints(p))),
      align: 'right',
    }),
  );
  return { key, columns: [total, change, ...series] };
}

/** The tables that fit in the blocks and characters left; the rest are counted, not dropped silently. */
function tables(trend: Trend): { texts: string[]; hiddenColumns: number } {
  const { key, columns } = columnsOf(trend);
  const all = splitColumns(key, columns).map((table) => ({
    text: codeBlock(monoLines(table)),
    size: table.length - 1,
  }));
  const room = LIMITS.messageTextBudget - OTHER_TEXT;
  const texts: string[] = [];
  let used = 0;
  for (const table of all) {
    if (texts.length >= LIMITS.blocksPerMessage - OTHER_BLOCKS || used + table.text.length > room) break;
    texts.push(table.text);
    used += table.text.length;
  }
  const shownColumns = all.slice(0, texts.length).reduce((n, t) => n + t.size, 0);
  return { texts, hiddenColumns: columns.length - shownColumns };
}

function seriesChanges(trend: Trend): string[] {
  const last = trend.months.at(-1);
  const before = trend.months.at(-2);
  if (!last || !before) return [];
  const lines = trend.series.map((s) => {
    const now = formatPoints(s.points.at(-1) ?? 0);
    const change = s.change ? formatChange(s.change) : 'nothing to compare with';
    return `• ${escapeValue(s.label)}: ${now}, ${change}`;
  });
  const more = (count: number) => `_…and ${plural(count, 'more series', 'more series')}_`;
  return packCapped([`*${last.month} against ${before.month}*`, ...lines], 3, more, 4000);
}

function filtersLine(trend: Trend): string {
  const product = trend.filters.product ? escapeValue(trend.filters.product) : 'all products';
  const { fromStore, fetched } = trend.source;
  const source =
    fromStore.length > 0
      ? `${plural(fromStore.length, 'month')} kept, ${plural(fetched.length, 'month')} read from VSPC`
      : `${plural(fetched.length, 'month')} read from VSPC`;
  return `Points per month from the monthly usage reports · ${escapeValue(describeOrganizations(trend))} · ${product} · ${source}`;
}

/**
 * `chartNote`: what became of the chart (attached, or why not); null when the reply is rendered
 * on its own (a modal, a test), then it says nothing about a chart.
 */
export function renderTrend(reply: TrendReply, chartNote: string | null = null): SlackMessage {
  const { trend } = reply;
  const title = trendTitle(trend);
  if (trend.months.length === 0) {
    return {
      text: fallback(`${title}: no usage reports yet`),
      blocks: [header('Usage trend'), section('VSPC has no monthly usage reports yet, so there is no trend to show.')],
    };
  }
  const { texts, hiddenColumns } = tables(trend);
  const marks = trend.months.some((m) => m.status !== 'final') ? context(MONTH_MARKS_NOTE) : null;
  const blocks: (KnownBlock | null)[] = [
    header(`Usage trend · ${trend.months[0]!.month} – ${trend.months.at(-1)!.month}`),
    context(filtersLine(trend)),
    ...texts.map((text) => section(text)),
    hiddenColumns > 0
      ? context(
          `${plural(hiddenColumns, 'more column')} did not fit in one Slack message: ask for fewer with \`--top\` or \`--months\`.`,
        )
      : null,
    marks,
    ...seriesChanges(trend).map((text) => section(text)),
    chartNote ? context(chartNote) : null,
  ];
  const last = trend.months.at(-1)!;
  const summary = `${title}. ${last.month}: ${formatPoints(last.totalPoints)} points${last.change ? ` (${formatChange(last.change)})` : ''}`;
  return { text: fallback(summary), blocks: compact(blocks) };
}
