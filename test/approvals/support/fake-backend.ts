/** A LicensingBackend that records every write (with its request id) and can fail or answer slowly. */
import type {
  AsyncActionState,
  LicenseFile,
  LicensingBackend,
  VbrDeleteSection,
} from '../../../src/licenses/backend.js';
import type { License, LicenseKind } from '../../../src/licenses/model.js';

export interface RecordedWrite {
  method: string;
  requestId: string;
  kind?: LicenseKind;
  uid?: string;
  file?: LicenseFile;
  enabled?: boolean;
  section?: VbrDeleteSection | null;
}

export interface FakeBackend extends LicensingBackend {
  writes: RecordedWrite[];
  /** The next writes throw this. */
  failWith: Error | null;
  /** Writes wait this long before answering. */
  delayMs: number;
  /** What `asyncActionState` answers per request id (default notFound). */
  asyncStates: Map<string, AsyncActionState>;
  asyncQueries: string[];
}

export function licenseOf(kind: LicenseKind, uid: string): License {
  return {
    kind,
    uid,
    company: 'Acme Corp',
    type: 'Rental',
    edition: 'Enterprise Plus',
    status: 'Valid',
    statusMessage: null,
    expirationDate: '2026-01-31T00:00:00Z',
    supportExpirationDate: null,
    autoUpdateEnabled: true,
    units: [],
    licenseIds: [],
    supportIds: [],
    sectionTypes: [],
  };
}

export function fakeBackend(): FakeBackend {
  const backend: FakeBackend = {
    apiVersion: 'v3',
    writes: [],
    failWith: null,
    delayMs: 0,
    asyncStates: new Map(),
    asyncQueries: [],
    supports: () => true,
    listLicenses: async () => [],
    getLicense: async (kind, uid) => licenseOf(kind, uid),
    async updateLicense(kind, uid, ctx) {
      await write({ method: 'updateLicense', requestId: ctx.requestId, kind, uid });
      return licenseOf(kind, uid);
    },
    async installLicense(kind, uid, file, ctx) {
      await write({ method: 'installLicense', requestId: ctx.requestId, kind, uid, file });
      return licenseOf(kind, uid);
    },
    async setAutoUpdate(kind, uid, enabled, ctx) {
      await write({ method: 'setAutoUpdate', requestId: ctx.requestId, kind, uid, enabled });
      return licenseOf(kind, uid);
    },
    async deleteLicense(kind, uid, section, ctx) {
      await write({ method: 'deleteLicense', requestId: ctx.requestId, kind, uid, section });
    },
    listReports: async () => [],
    reportCsv: async () => new Uint8Array(),
    async finalizeReports(ctx) {
      await write({ method: 'finalizeReports', requestId: ctx.requestId });
      return { status: 'Finalized', message: '' };
    },
    getReportSettings: async () => ({ autoApprove: false }),
    async setAutoApprove(enabled, ctx) {
      await write({ method: 'setAutoApprove', requestId: ctx.requestId, enabled });
      return { autoApprove: enabled };
    },
    usage: async () => [],
    async asyncActionState(requestId) {
      backend.asyncQueries.push(requestId);
      return backend.asyncStates.get(requestId) ?? { status: 'notFound', errors: [] };
    },
    ping: async () => undefined,
    close: async () => undefined,
  };

  async function write(record: RecordedWrite): Promise<void> {
    backend.writes.push(record);
    if (backend.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, backend.delayMs));
    if (backend.failWith) throw backend.failWith;
  }

  return backend;
}
