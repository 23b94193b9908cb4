/** The CSV VSPC offers for a monthly usage report's download. */
import type { SingleLicenseReport } from '../wire.js';

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV VSPC offers for download; a pure function of the report, so the bytes are stable. */
export function reportCsv(report: SingleLicenseReport): string {
  const p = report.reportParameters;
  const header = [
    'Report ID',
    'Owner',
    'Interval start',
    'Interval end',
    'Organization',
    'Organization UID',
    'Support ID',
    'Product',
    'Edition',
    'Workload',
    'Initial count',
    'Reported count',
    'New count',
    'Weight',
    'Used points',
  ];
  const lines = [header.join(',')];
  for (const detail of report.usageDetails) {
    for (const usage of detail.usageByLicenseAndProduct) {
      for (const w of usage.workloadUsage) {
        lines.push(
          [
            p.reportId,
            p.organizationName,
            p.reportInterval.startOfInterval,
            p.reportInterval.endOfInterval,
            detail.organizationName,
            detail.organizationUid,
            detail.supportId,
            usage.productType,
            usage.licenseEdition,
            w.description,
            w.initialCount,
            w.reportedCount,
            w.newCount,
            w.weight,
            w.usedPoints,
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
  }
  lines.push(
    [
      'Total',
      p.organizationName,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      report.reportSummary.totalPoints,
    ].join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}
