/** One page of usage reports, raw answer → the reports model: the same on the main thread and in a worker. */
import type { UsageReport } from '../../../reports/model.js';
import { type Exchange, type Page, parseReportPage, type RawResponse } from '../../../vspc/index.js';
import { reportToUsageReport } from '../map-reports.js';

export function decodeReportPage(response: RawResponse, exchange: Exchange): Page<UsageReport> {
  const page = parseReportPage(response, exchange);
  const items: UsageReport[] = [];
  for (const wire of page.items) {
    const report = reportToUsageReport(wire);
    if (report) items.push(report);
  }
  return { items, total: page.total };
}
