/**
 * The port between the product and VSPC: what commands, approvals and the digest need from a
 * licensing server. `src/licenses/v3/` implements it over the REST v3 client,
 * `src/licenses/v2/` over the legacy v2 API. Nothing above this interface imports `src/vspc/`.
 */
import type { FinalizationResult, OrganizationUsage, ReportScope, UsageQuery, UsageReport } from '../reports/model.js';
import type { RequestSlots } from '../vspc/request-slots.js';
import type { License, LicenseKind } from './model.js';

/** Every write carries the pending action's id; it becomes VSPC's `X-Request-id` (idempotence, async tracking). */
export interface WriteContext {
  requestId: string;
}

export interface LicenseFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

export type VbrDeleteSection = 'All' | 'Instance' | 'Socket';

export type Capability = 'list' | 'get' | 'update' | 'install' | 'autoupdate' | 'delete';

/** The answer of `GET /asyncActions/{id}` reduced to what recovery needs. */
export interface AsyncActionState {
  status: 'running' | 'succeed' | 'failed' | 'canceled' | 'notFound';
  /** VSPC's error messages when failed. */
  errors: string[];
}

export interface LicensingBackend {
  readonly apiVersion: 'v3' | 'v2';
  /** Whether this backend can do `capability` for `kind` (v3 has no site delete, v2 no VONE, …). */
  supports(kind: LicenseKind, capability: Capability): boolean;

  listLicenses(kind: LicenseKind): Promise<License[]>;
  getLicense(kind: LicenseKind, uid: string): Promise<License>;

  updateLicense(kind: LicenseKind, uid: string, ctx: WriteContext): Promise<License | null>;
  installLicense(kind: LicenseKind, uid: string, file: LicenseFile, ctx: WriteContext): Promise<License | null>;
  setAutoUpdate(kind: LicenseKind, uid: string, enabled: boolean, ctx: WriteContext): Promise<License | null>;
  deleteLicense(kind: LicenseKind, uid: string, section: VbrDeleteSection | null, ctx: WriteContext): Promise<void>;

  /** `slots`: requests shared with other reads running at once (insight reads months in parallel). */
  listReports(scope: ReportScope, options?: { slots?: RequestSlots }): Promise<UsageReport[]>;
  reportCsv(reportId: number): Promise<Uint8Array>;
  finalizeReports(ctx: WriteContext): Promise<FinalizationResult>;
  getReportSettings(): Promise<{ autoApprove: boolean }>;
  setAutoApprove(enabled: boolean, ctx: WriteContext): Promise<{ autoApprove: boolean }>;

  usage(query: UsageQuery): Promise<OrganizationUsage[]>;

  /** Recovery after a restart: what became of the write sent with this request id. */
  asyncActionState(requestId: string): Promise<AsyncActionState>;
  /** Cheap authenticated call for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A backend was asked for something its API version does not offer. */
export class UnsupportedOperationError extends Error {
  override readonly name = 'UnsupportedOperationError';
  constructor(
    readonly kind: LicenseKind | 'reports' | 'usage',
    readonly capability: string,
    readonly apiVersion: 'v3' | 'v2',
  ) {
    super(
      kind === 'reports'
        ? `usage reports are not available on VSPC API ${apiVersion}`
        : kind === 'usage'
          ? `current license usage is not available on VSPC API ${apiVersion}`
          : `${capability} of ${kind} licenses is not available on VSPC API ${apiVersion}`,
    );
  }
}
