/** License usage reports: lists, CSV download, finalization and the auto-approve setting. */

import { itemJsonCache } from '../http/item-json.js';
import { isPaging, parsePaging } from '../http/paging.js';
import { applyQuery } from '../http/query.js';
import { badRequest, binary, notFound, ok } from '../http/respond.js';
import { project, readSelect } from '../http/select.js';
import type { SimRequest, SimResponse } from '../http/types.js';
import { type Route, route } from '../router.js';
import type { SimulatorState } from '../state.js';
import type { SingleLicenseReport } from '../wire.js';
import { readBooleanPatch } from './json-patch.js';

const monthOf = (report: SingleLicenseReport) => report.reportParameters.reportInterval.startOfInterval.slice(0, 7);

export function reportRoutes(state: SimulatorState): Route[] {
  const inv = state.inventory;
  // Only finalization changes a generated report (its status): that is the JSON's version.
  const json = itemJsonCache<SingleLicenseReport>((report) => String(report.reportStatus));
  const paged = (req: SimRequest, reports: readonly SingleLicenseReport[]): SimResponse => {
    const paging = parsePaging(req.query);
    if (!isPaging(paging)) return paging;
    const select = readSelect(req.query);
    const view = select && {
      key: select.key,
      project: (report: SingleLicenseReport) => project(report, select.selection),
    };
    return json.page(applyQuery(reports, req.query), paging, view);
  };
  return [
    route('GET', '/api/v3/licensing/reports', 'GetLicensingReports', (req) => paged(req, inv.reports)),
    route('GET', '/api/v3/licensing/reports/latest', 'GetLatestLicensingReports', (req) => {
      const latest = inv.reports.reduce((max, r) => (monthOf(r) > max ? monthOf(r) : max), '');
      return paged(
        req,
        inv.reports.filter((r) => monthOf(r) === latest),
      );
    }),
    // The path is typed `date`, the reference text says `YYYY-MM`: both select the report month.
    route('GET', '/api/v3/licensing/reports/{date}', 'GetLicensingReportsForDate', (req) => {
      const date = req.params.date!;
      if (!/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(date)) {
        return badRequest(`The date '${date}' is not a valid date (YYYY-MM or YYYY-MM-DD).`);
      }
      return paged(
        req,
        inv.reports.filter((r) => monthOf(r) === date.slice(0, 7)),
      );
    }),
    route('GET', '/api/v3/licensing/reports/{id}/csv', 'DownloadLicensingReportCsv', (req) => {
      const id = req.params.id!;
      if (!/^\d{1,9}$/.test(id)) return badRequest(`The report ID '${id}' is not an integer.`);
      const csv = state.reportCsv(Number(id));
      if (!csv) return notFound(`License usage report with ID ${id} was not found.`);
      return binary(csv, 'application/octet-stream', `LicenseUsageReport-${id}.csv`);
    }),
    route('POST', '/api/v3/licensing/reports/finalization', 'FinalizeLicensingReports', () => {
      const count = state.finalizeReports();
      return ok(
        count > 0
          ? { reportApprovalStatus: 'Finalized', message: `${count} license usage report(s) have been finalized.` }
          : { reportApprovalStatus: 'NotApprovable', message: 'There are no license usage reports to finalize.' },
      );
    }),
    route('GET', '/api/v3/licensing/reports/settings', 'GetLicensingReportsSettings', () => ok(inv.reportSettings)),
    route('PATCH', '/api/v3/licensing/reports/settings', 'PatchLicensingReportsSettings', (req) => {
      const value = readBooleanPatch(req.body, 'autoApprove', inv.reportSettings.autoApprove);
      if (typeof value !== 'boolean') return value;
      state.setAutoApprove(value);
      return ok(inv.reportSettings);
    }),
  ];
}
