/** A LicensingBackend for digest tests: serves fixed licenses and reports, and fails on request. */
import type { LicensingBackend } from '../../../src/licenses/backend.js';
import type { License } from '../../../src/licenses/model.js';
import type { UsageReport } from '../../../src/reports/model.js';

export interface FakeBackend extends LicensingBackend {
  licenses: License[];
  reports: UsageReport[];
  autoApprove: boolean;
  /** The next `count` license loads reject with `error`. */
  failNext(count: number, error: Error): void;
  loads: number;
}

function unused(): never {
  throw new Error('not used by the digest');
}

export function createFakeBackend(licenses: License[] = [], reports: UsageReport[] = []): FakeBackend {
  let failures: { count: number; error: Error } | null = null;
  const backend: FakeBackend = {
    apiVersion: 'v3',
    licenses,
    reports,
    autoApprove: false,
    loads: 0,
    failNext(count, error) {
      failures = { count, error };
    },
    supports: () => true,
    async listLicenses(kind) {
      backend.loads += 1;
      if (failures && failures.count > 0) {
        failures.count -= 1;
        throw failures.error;
      }
      return backend.licenses.filter((license) => license.kind === kind);
    },
    getLicense: unused,
    updateLicense: unused,
    installLicense: unused,
    setAutoUpdate: unused,
    deleteLicense: unused,
    async listReports() {
      return backend.reports;
    },
    reportCsv: unused,
    finalizeReports: unused,
    async getReportSettings() {
      return { autoApprove: backend.autoApprove };
    },
    setAutoApprove: unused,
    usage: unused,
    asyncActionState: unused,
    async ping() {},
    async close() {},
  };
  return backend;
}
