/**
 * How insight's numbers read, the same in Slack, the digest and the terminal: points with
 * thousands separators and at most two decimals (the precision insight rounds to), changes with
 * their sign, percentages with at most one decimal (the precision insight rounds them to).
 */
import type { Change, MonthStatus, UsageChange, UsageThresholds } from './types.js';

const POINTS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 1,234.5 */
export function formatPoints(points: number): string {
  return POINTS.format(points);
}

/** +1,234.5 / -12 / 0 */
export function formatSignedPoints(points: number): string {
  return points > 0 ? `+${formatPoints(points)}` : formatPoints(points);
}

/** +25.3% / -100% / new (no base to compare with). */
export function formatPercent(percent: number | null): string {
  if (percent === null) return 'new';
  return `${percent > 0 ? '+' : ''}${PERCENT.format(percent)}%`;
}

/** "+120 (+12.5%)", "-40 (-100%)", "+35 (new)", "0 (0%)". */
export function formatChange(change: Change): string {
  return `${formatSignedPoints(change.points)} (${formatPercent(change.percent)})`;
}

/** A table cell: the change, or a dash when there is nothing to compare with. */
export function formatChangeCell(change: Change | null, dash = '—'): string {
  return change === null ? dash : formatChange(change);
}

/** Marks a month whose numbers may still move (open) or that has no report (missing), in words: no markup. */
export function monthMark(status: MonthStatus): string {
  return status === 'open' ? ' (open)' : status === 'missing' ? ' (none)' : '';
}

export const MONTH_MARKS_NOTE =
  '(open): waiting for approval, may still change · (none): VSPC has no report for that month';

/**
 * The command to look closer at one organization. By name, which a reader recognises (a name two
 * companies share shows both); by UID only when the organization has no name.
 */
export function trendCommandFor(org: { uid: string; name: string }): string {
  const name = org.name.trim();
  if (name === '') return `trend --org ${org.uid}`;
  return `trend --org ${name.includes('"') ? `'${name.replace(/'/g, '"')}'` : `"${name}"`}`;
}

/** One line of the digest's "Usage changes" (without markup): who, both numbers, why it is listed. */
export function describeUsageChange(change: UsageChange): string {
  const before = formatPoints(change.before);
  const now = formatPoints(change.now);
  switch (change.kind) {
    case 'jump':
      return `${change.org.name}: ${now} points now, ${before} in the last report (${formatChange(change.change)})`;
    case 'new':
      return `${change.org.name}: ${now} points now, not in the last report (new)`;
    case 'zero':
      return `${change.org.name}: 0 points now, ${before} in the last report (fell to zero)`;
  }
}

/** "at least 25% above the last report and at least 50 points more". */
export function describeThresholds(t: UsageThresholds): string {
  return `at least ${PERCENT.format(t.percent)}% above the last report and at least ${formatPoints(t.minPoints)} points more`;
}
