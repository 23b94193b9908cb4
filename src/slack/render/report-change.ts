/**
 * `report <id>`'s change against the month before: the total against the same owner's previous
 * report, and each organization's line with its change (new and gone ones said so).
 */
import type { OrgRef, ReportComparison } from '../../insight/types.js';
import { formatChange, formatPoints } from '../../insight/wording.js';
import { escapeValue } from './limits.js';

type ComparisonRow = ReportComparison['rows'][number];

/** "+120 (+5%) against #1041 (2025-10)", or why there is nothing to compare with. */
export function totalChangeText(comparison: ReportComparison): string {
  const { previous, change } = comparison;
  if (!previous || !change) return 'no report of the month before';
  return `${formatChange(change)} against #${previous.reportId} (${previous.month})`;
}

function rowChange(row: ComparisonRow): string {
  if (row.before === null) return '';
  switch (row.kind) {
    case 'new':
      return ' · new';
    case 'gone':
      return ` · gone (was ${formatPoints(row.before)})`;
    case 'same':
      return ' · no change';
    default:
      return row.change ? ` · ${formatChange(row.change)}` : '';
  }
}

/** One line per organization, the type taken from the report where it has one. */
export function comparisonLines(comparison: ReportComparison, typeOf: (org: OrgRef) => string | null): string[] {
  return comparison.rows.map((row) => {
    const type = typeOf(row.org);
    return `• ${escapeValue(row.org.name)}${type ? ` (${escapeValue(type)})` : ''}: ${formatPoints(row.now)}${rowChange(row)}`;
  });
}
