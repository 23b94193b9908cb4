/** `LicensingBackend` over the VSPC REST v3 client: licenses through the kinds registry, plus reports and usage. */

import type { Logger } from '../../log.js';
import type {
  FinalizationResult,
  OrganizationUsage,
  ReportScope,
  UsageQuery,
  UsageReport,
} from '../../reports/model.js';
import {
  createVspcClient,
  type RequestSlots,
  type SingleLicenseReport,
  type VspcClient,
  type VspcClientOptions,
  VspcNotFoundError,
  VspcValidationError,
} from '../../vspc/index.js';
import {
  type AsyncActionState,
  type Capability,
  type LicenseFile,
  type LicensingBackend,
  UnsupportedOperationError,
  type VbrDeleteSection,
  type WriteContext,
} from '../backend.js';
import { enumEquals, type License, type LicenseKind } from '../model.js';
import { type KindEntry, V3_KINDS } from './kinds.js';
import { organizationUsage, reportToUsageReport } from './map-reports.js';
import { MONTH_SELECT, SelectedReports } from './selected-reports.js';

const OPERATION_OF: Record<Exclude<Capability, 'list' | 'get'>, keyof KindEntry> = {
  update: 'update',
  install: 'install',
  autoupdate: 'setAutoUpdate',
  delete: 'delete',
};

const ASYNC_STATES = new Set(['running', 'succeed', 'failed', 'canceled']);

export class V3LicensingBackend implements LicensingBackend {
  readonly apiVersion = 'v3' as const;

  readonly #reports: SelectedReports;

  constructor(
    private readonly client: VspcClient,
    logger?: Logger,
  ) {
    this.#reports = new SelectedReports(logger);
  }

  supports(kind: LicenseKind, capability: Capability): boolean {
    if (capability === 'list' || capability === 'get') return true;
    return V3_KINDS[kind][OPERATION_OF[capability]] !== undefined;
  }

  private operation<K extends keyof KindEntry>(
    kind: LicenseKind,
    capability: Capability,
    key: K,
  ): NonNullable<KindEntry[K]> {
    const operation = V3_KINDS[kind][key];
    if (!operation) throw new UnsupportedOperationError(kind, capability, 'v3');
    return operation as NonNullable<KindEntry[K]>;
  }

  listLicenses(kind: LicenseKind): Promise<License[]> {
    return V3_KINDS[kind].list(this.client);
  }

  getLicense(kind: LicenseKind, uid: string): Promise<License> {
    return V3_KINDS[kind].get(this.client, uid);
  }

  updateLicense(kind: LicenseKind, uid: string, ctx: WriteContext): Promise<License | null> {
    return this.operation(kind, 'update', 'update')(this.client, uid, ctx.requestId);
  }

  installLicense(kind: LicenseKind, uid: string, file: LicenseFile, ctx: WriteContext): Promise<License | null> {
    return this.operation(kind, 'install', 'install')(this.client, uid, file, ctx.requestId);
  }

  async setAutoUpdate(kind: LicenseKind, uid: string, enabled: boolean, ctx: WriteContext): Promise<License | null> {
    return this.operation(kind, 'autoupdate', 'setAutoUpdate')(this.client, uid, enabled, ctx.requestId);
  }

  async deleteLicense(
    kind: LicenseKind,
    uid: string,
    section: VbrDeleteSection | null,
    ctx: WriteContext,
  ): Promise<void> {
    await this.operation(kind, 'delete', 'delete')(this.client, uid, section, ctx.requestId);
  }

  async listReports(scope: ReportScope, options: { slots?: RequestSlots } = {}): Promise<UsageReport[]> {
    const { reports } = this.client;
    const read = this.#reports;
    const { slots } = options;
    let wire: SingleLicenseReport[];
    switch (scope.kind) {
      case 'all':
        wire = await read.read((query) => reports.all(query), { slots });
        break;
      case 'latest':
        wire = await read.read((query) => reports.latest(query), { slots });
        break;
      case 'pending':
        wire = (await read.read((query) => reports.latest(query), { slots })).filter((r) =>
          enumEquals(r.reportStatus, 'ApprovalRequired'),
        );
        break;
      case 'month': {
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(scope.month)) {
          throw new VspcValidationError(`month must be YYYY-MM, not "${scope.month.slice(0, 20)}"`);
        }
        // 3.6.1 types the path parameter as a date; the first day of the month selects it.
        const date = `${scope.month}-01`;
        wire = await read.read((query) => reports.forDate(date, query), { select: MONTH_SELECT, slots });
        break;
      }
    }
    return wire.map(reportToUsageReport).filter((r): r is UsageReport => r !== null);
  }

  reportCsv(reportId: number): Promise<Uint8Array> {
    return this.client.reports.csv(reportId);
  }

  async finalizeReports(ctx: WriteContext): Promise<FinalizationResult> {
    const result = await this.client.reports.finalize({ requestId: ctx.requestId });
    return result
      ? { status: result.reportApprovalStatus, message: result.message ?? '' }
      : { status: 'Unknown', message: 'VSPC accepted the finalization but its answer could not be read' };
  }

  async getReportSettings(): Promise<{ autoApprove: boolean }> {
    const { autoApprove } = await this.client.reports.settings();
    return { autoApprove };
  }

  async setAutoApprove(enabled: boolean, ctx: WriteContext): Promise<{ autoApprove: boolean }> {
    const result = await this.client.reports.setAutoApprove(enabled, { requestId: ctx.requestId });
    return { autoApprove: result?.autoApprove ?? enabled };
  }

  async usage(query: UsageQuery): Promise<OrganizationUsage[]> {
    const filter = {
      ...(query.organizationUid ? { organizationUid: query.organizationUid } : {}),
      ...(query.organizationType ? { organizationType: query.organizationType } : {}),
      ...(query.serverType ? { serverType: query.serverType } : {}),
    };
    return this.client.usage.organizations(filter).allAs(organizationUsage);
  }

  async asyncActionState(requestId: string): Promise<AsyncActionState> {
    try {
      const { action, errors } = await this.client.asyncActions.get(requestId);
      const status = String(action.status).toLowerCase();
      return {
        // An unknown state is treated as still running: recovery must never assume success.
        status: ASYNC_STATES.has(status) ? (status as AsyncActionState['status']) : 'running',
        errors: errors.map((e) => e.message).filter(Boolean),
      };
    } catch (err) {
      if (err instanceof VspcNotFoundError) return { status: 'notFound', errors: [] };
      throw err;
    }
  }

  async ping(): Promise<void> {
    await this.client.console.settings();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

export function createV3Backend(options: VspcClientOptions): LicensingBackend {
  return new V3LicensingBackend(createVspcClient(options), options.logger);
}
