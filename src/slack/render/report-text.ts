/** How a usage report reads in Slack. */
import type { UsageReport } from '../../reports/model.js';
import { escapeValue, formatNumber } from './limits.js';
import { formatDate, type RenderContext } from './render-context.js';

export function formatPoints(points: number): string {
  return formatNumber(points);
}

export function reportStatusIcon(status: string): string {
  const normalised = status.toLowerCase();
  if (normalised === 'approvalrequired') return ':hourglass_flowing_sand:';
  if (normalised === 'approved' || normalised === 'finalized') return ':white_check_mark:';
  if (normalised === 'finalization') return ':arrows_counterclockwise:';
  return ':white_circle:';
}

export function formatInterval(report: UsageReport, ctx: RenderContext): string {
  return `${formatDate(report.intervalStart, ctx)} – ${formatDate(report.intervalEnd, ctx)}`;
}

/** "VBR 900, VB365 200 and 2 more", largest first. */
export function topProducts(report: UsageReport, count = 3): string {
  const products = [...report.products].sort((a, b) => b.totalPoints - a.totalPoints);
  if (products.length === 0) return 'no products';
  const shown = products.slice(0, count).map((p) => `${escapeValue(p.productType)} ${formatPoints(p.totalPoints)}`);
  return products.length > count ? `${shown.join(', ')} and ${products.length - count} more` : shown.join(', ');
}

export function reportListEntry(report: UsageReport, ctx: RenderContext): string {
  return [
    `${reportStatusIcon(report.status)} *#${report.reportId}* · ${escapeValue(report.organizationName)} · ${formatInterval(report, ctx)} · ${escapeValue(report.status)}`,
    `${formatPoints(report.totalPoints)} points · top: ${topProducts(report)}`,
  ].join('\n');
}
