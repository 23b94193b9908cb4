/**
 * `report <id>` as text: the summary, then each organisation with its points and, when the month
 * before is known, the change against the same owner's report of that month.
 */
import type { Reply } from '../commands/reply.js';
import type { ReportComparison } from '../insight/types.js';
import { formatChange, formatPoints } from '../insight/wording.js';
import type { UsageReport } from '../reports/model.js';
import { table } from './text-table.js';

type ReportReply = Extract<Reply, { type: 'report' }>;

/** The terminal shows this many organisations; the CSV has them all. */
const MAX_ROWS = 20;

function organisationTable(report: UsageReport): string {
  return table(
    ['Organisation', 'Type', '>Points'],
    report.organizations.slice(0, MAX_ROWS).map((o) => [o.name, o.type, String(o.usedPoints)]),
  );
}

function comparisonTable(report: UsageReport, comparison: ReportComparison): string {
  const typeOf = (org: { uid: string; name: string }) =>
    report.organizations.find((o) => (o.uid !== undefined && o.uid === org.uid) || o.name === org.name)?.type ?? '-';
  const previous = comparison.previous?.month ?? 'before';
  return table(
    ['Organisation', 'Type', '>Points', `>${previous}`, '>Change'],
    comparison.rows
      .slice(0, MAX_ROWS)
      .map((row) => [
        row.org.name,
        row.kind === 'gone' ? 'gone' : typeOf(row.org),
        formatPoints(row.now),
        row.before === null ? '-' : formatPoints(row.before),
        row.kind === 'new' && row.before !== null ? 'new' : row.change ? formatChange(row.change) : '-',
      ]),
  );
}

function totalChange(comparison: ReportComparison | null | undefined): string {
  if (!comparison) return '';
  if (!comparison.previous || !comparison.change) return ' (no report of the month before)';
  return `, ${formatChange(comparison.change)} against report ${comparison.previous.reportId} (${comparison.previous.month})`;
}

export function reportToText(reply: ReportReply): string {
  const { report, comparison } = reply;
  const lines = [
    `Usage report ${report.reportId} · ${report.status}`,
    `  Owner:            ${report.organizationName} (${report.organizationUid})`,
    `  License company:  ${report.licenseCompanyName ?? '-'}`,
    `  Interval:         ${report.intervalStart} – ${report.intervalEnd} (generated ${report.generationDate})`,
    `  Total points:     ${report.totalPoints}${totalChange(comparison)}`,
    '',
    'Products',
    ...report.products.map(
      (p) => `  ${p.productType}${p.licenseEdition ? ` (${p.licenseEdition})` : ''}: ${p.totalPoints} points`,
    ),
  ];
  const rows = comparison ? comparison.rows.length : report.organizations.length;
  if (rows > 0) {
    lines.push('', comparison ? comparisonTable(report, comparison) : organisationTable(report));
    if (rows > MAX_ROWS) lines.push(`…and ${rows - MAX_ROWS} more organisations (see the CSV)`);
  }
  if (reply.comparisonProblem) lines.push('', reply.comparisonProblem);
  if (report.notCollectedCloudServers.length > 0) {
    lines.push('', `Not collected from: ${report.notCollectedCloudServers.join(', ')}`);
  }
  lines.push('', `CSV: report ${report.reportId} csv`);
  return lines.join('\n');
}
