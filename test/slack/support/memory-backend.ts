/** An in-memory LicensingBackend for Slack app tests: fixed data, an optional delay, an optional failure. */
import type { LicensingBackend } from '../../../src/licenses/backend.js';
import type { License } from '../../../src/licenses/model.js';
import type { UsageReport } from '../../../src/reports/model.js';
import type { VspcError } from '../../../src/vspc/errors.js';

export interface MemoryBackend extends LicensingBackend {
  licenses: License[];
  reports: UsageReport[];
  csv: Uint8Array;
  /** Every read waits this long first (a slow VSPC). */
  delayMs: number;
  /** When set, every read throws it. */
  failWith: VspcError | null;
  /** Reads that finished, with the time they finished. */
  finished: { call: string; at: number }[];
  calls: string[];
}

export function createMemoryBackend(init: { licenses?: License[]; reports?: UsageReport[] } = {}): MemoryBackend {
  async function read<T>(call: string, produce: () => T): Promise<T> {
    backend.calls.push(call);
    if (backend.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, backend.delayMs));
    try {
      if (backend.failWith) throw backend.failWith;
      return produce();
    } finally {
      backend.finished.push({ call, at: Date.now() });
    }
  }
  const refuse = async (): Promise<never> => {
    throw new Error('the Slack app tests never write');
  };
  const backend: MemoryBackend = {
    apiVersion: 'v3',
    licenses: init.licenses ?? [],
    reports: init.reports ?? [],
    csv: new TextEncoder().encode('Organization,Points\r\nAcme Corp,80\r\n"Beta, Ltd",12.5\r\n'),
    delayMs: 0,
    failWith: null,
    finished: [],
    calls: [],
    supports: () => true,
    listLicenses: (kind) => read(`listLicenses ${kind}`, () => backend.licenses.filter((l) => l.kind === kind)),
    getLicense: (kind, uid) =>
      read(`getLicense ${kind} ${uid}`, () => {
        const found = backend.licenses.find((l) => l.kind === kind && l.uid === uid);
        if (!found) throw new Error(`no ${kind} ${uid}`);
        return found;
      }),
    updateLicense: refuse,
    installLicense: refuse,
    setAutoUpdate: refuse,
    deleteLicense: refuse,
    listReports: (scope) =>
      read(`listReports ${scope.kind}`, () =>
        scope.kind === 'pending' ? backend.reports.filter((r) => r.status === 'ApprovalRequired') : backend.reports,
      ),
    reportCsv: (reportId) => read(`reportCsv ${reportId}`, () => backend.csv),
    finalizeReports: refuse,
    getReportSettings: () => read('getReportSettings', () => ({ autoApprove: false })),
    setAutoApprove: refuse,
    usage: () => read('usage', () => []),
    asyncActionState: async () => ({ status: 'notFound', errors: [] }),
    ping: () => read('ping', () => undefined),
    close: async () => {},
  };
  return backend;
}
