/**
 * One page of usage reports, raw answer → the reports model: the same on the main thread and in a
 * worker. A report without parameters stays in the page as null (the caller drops it): the paging
 * steps by how many items a page holds.
 */
import type { UsageReport } from '../../../reports/model.js';
import { type Exchange, type Page, parseReportPage, type RawResponse } from '../../../vspc/index.js';
import { reportToUsageReport } from '../map-reports.js';

export function decodeReportPage(response: RawResponse, exchange: Exchange): Page<UsageReport | null> {
  const page = parseReportPage(response, exchange);
  return { items: page.items.map(reportToUsageReport), total: page.total };
}
