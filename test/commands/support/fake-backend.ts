/** An in-memory LicensingBackend that records every call; capabilities can be switched off. */
import type { Capability, LicensingBackend } from '../../../src/licenses/backend.js';
import type { License, LicenseKind } from '../../../src/licenses/model.js';
import type { OrganizationUsage, ReportScope, UsageQuery, UsageReport } from '../../../src/reports/model.js';

export interface FakeBackend extends LicensingBackend {
  licenses: License[];
  reports: UsageReport[];
  usageRows: OrganizationUsage[];
  autoApprove: boolean;
  csv: Uint8Array;
  calls: string[];
  usageQueries: UsageQuery[];
  unsupported: Set<`${LicenseKind}:${Capability}`>;
  /** When set, every read throws it. */
  failWith: Error | null;
}

export function createFakeBackend(
  init: { licenses?: License[]; reports?: UsageReport[]; usage?: OrganizationUsage[] } = {},
): FakeBackend {
  const backend: FakeBackend = {
    apiVersion: 'v3',
    licenses: init.licenses ?? [],
    reports: init.reports ?? [],
    usageRows: init.usage ?? [],
    autoApprove: false,
    csv: new TextEncoder().encode('Organization,Points\nAcme Corp,80\n'),
    calls: [],
    usageQueries: [],
    unsupported: new Set(),
    failWith: null,
    supports(kind, capability) {
      return !backend.unsupported.has(`${kind}:${capability}`);
    },
    async listLicenses(kind) {
      backend.calls.push(`listLicenses ${kind}`);
      if (backend.failWith) throw backend.failWith;
      return backend.licenses.filter((l) => l.kind === kind);
    },
    async getLicense(kind, uid) {
      backend.calls.push(`getLicense ${kind} ${uid}`);
      if (backend.failWith) throw backend.failWith;
      const found = backend.licenses.find((l) => l.kind === kind && l.uid === uid);
      if (!found) throw new Error(`no ${kind} ${uid}`);
      return found;
    },
    async updateLicense() {
      throw new Error('handlers must not write');
    },
    async installLicense() {
      throw new Error('handlers must not write');
    },
    async setAutoUpdate() {
      throw new Error('handlers must not write');
    },
    async deleteLicense() {
      throw new Error('handlers must not write');
    },
    async listReports(scope: ReportScope) {
      backend.calls.push(`listReports ${scope.kind}`);
      if (backend.failWith) throw backend.failWith;
      if (scope.kind === 'pending') return backend.reports.filter((r) => r.status === 'ApprovalRequired');
      if (scope.kind === 'month') return backend.reports.filter((r) => r.intervalStart.startsWith(scope.month));
      return backend.reports;
    },
    async reportCsv(reportId) {
      backend.calls.push(`reportCsv ${reportId}`);
      if (backend.failWith) throw backend.failWith;
      return backend.csv;
    },
    async finalizeReports() {
      throw new Error('handlers must not write');
    },
    async getReportSettings() {
      backend.calls.push('getReportSettings');
      return { autoApprove: backend.autoApprove };
    },
    async setAutoApprove() {
      throw new Error('handlers must not write');
    },
    async usage(query) {
      backend.calls.push('usage');
      backend.usageQueries.push(query);
      if (backend.failWith) throw backend.failWith;
      return backend.usageRows.filter(
        (o) =>
          (!query.organizationUid || o.organizationUid === query.organizationUid) &&
          (!query.organizationType || o.organizationType === query.organizationType),
      );
    },
    async asyncActionState() {
      return { status: 'notFound', errors: [] };
    },
    async ping() {},
    async close() {},
  };
  return backend;
}
