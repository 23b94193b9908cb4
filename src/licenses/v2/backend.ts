/**
 * `LicensingBackend` over the legacy VAC/VSPC REST v2 API: Cloud Connect licenses as `site`,
 * backup-server licenses as `vbr`, and the console's license settings. VONE, VB365, reports and
 * usage do not exist on v2. v2 writes answer with a message, so a write is followed by a read.
 */
import type {
  FinalizationResult,
  OrganizationUsage,
  ReportScope,
  UsageQuery,
  UsageReport,
} from '../../reports/model.js';
import type { VspcClientOptions } from '../../vspc/index.js';
import { createVspcV2Client, type V2ServerLicenses, type VspcV2Client } from '../../vspc/v2/index.js';
import {
  type AsyncActionState,
  type Capability,
  type LicenseFile,
  type LicensingBackend,
  UnsupportedOperationError,
  type VbrDeleteSection,
  type WriteContext,
} from '../backend.js';
import type { License, LicenseKind } from '../model.js';
import { v2ConsoleToLicense, v2ServerToLicense } from './map-licenses.js';

const SERVER_KINDS = ['site', 'vbr'] as const;
type ServerKind = (typeof SERVER_KINDS)[number];

const isServerKind = (kind: LicenseKind): kind is ServerKind => (SERVER_KINDS as readonly string[]).includes(kind);

const CONSOLE_CAPABILITIES: readonly Capability[] = ['list', 'get', 'autoupdate'];

export class V2LicensingBackend implements LicensingBackend {
  readonly apiVersion = 'v2' as const;

  constructor(private readonly client: VspcV2Client) {}

  supports(kind: LicenseKind, capability: Capability): boolean {
    if (kind === 'console') return CONSOLE_CAPABILITIES.includes(capability);
    return isServerKind(kind);
  }

  private resource(kind: LicenseKind, capability: Capability): { kind: ServerKind; api: V2ServerLicenses } {
    if (kind === 'site') return { kind, api: this.client.cloudConnectLicenses };
    if (kind === 'vbr') return { kind, api: this.client.backupServerLicenses };
    throw new UnsupportedOperationError(kind, capability, 'v2');
  }

  async listLicenses(kind: LicenseKind): Promise<License[]> {
    if (kind === 'console') return [v2ConsoleToLicense(await this.client.licenseSettings.get())];
    const { api } = this.resource(kind, 'list');
    return (await api.list()).map((wire) => v2ServerToLicense(kind as ServerKind, wire));
  }

  async getLicense(kind: LicenseKind, uid: string): Promise<License> {
    if (kind === 'console') return v2ConsoleToLicense(await this.client.licenseSettings.get());
    const { api } = this.resource(kind, 'get');
    return v2ServerToLicense(kind as ServerKind, await api.get(uid));
  }

  /** v2 actions answer with a message only: read the license back, or null when that fails. */
  private async readBack(kind: LicenseKind, uid: string): Promise<License | null> {
    try {
      return await this.getLicense(kind, uid);
    } catch {
      return null;
    }
  }

  async updateLicense(kind: LicenseKind, uid: string, _ctx: WriteContext): Promise<License | null> {
    await this.resource(kind, 'update').api.update(uid);
    return this.readBack(kind, uid);
  }

  async installLicense(kind: LicenseKind, uid: string, file: LicenseFile, _ctx: WriteContext): Promise<License | null> {
    await this.resource(kind, 'install').api.install(uid, file);
    return this.readBack(kind, uid);
  }

  async setAutoUpdate(kind: LicenseKind, uid: string, enabled: boolean, _ctx: WriteContext): Promise<License | null> {
    if (kind === 'console') await this.client.licenseSettings.setAutoUpdate(enabled);
    else await this.resource(kind, 'autoupdate').api.setAutoUpdate(uid, enabled);
    return this.readBack(kind, uid);
  }

  async deleteLicense(
    kind: LicenseKind,
    uid: string,
    section: VbrDeleteSection | null,
    _ctx: WriteContext,
  ): Promise<void> {
    const { api } = this.resource(kind, 'delete');
    // v2 removes the whole license; deleting one section is a v3 feature.
    if (section !== null && section !== 'All')
      throw new UnsupportedOperationError(kind, `delete of the ${section} section`, 'v2');
    await api.delete(uid);
  }

  async listReports(_scope: ReportScope): Promise<UsageReport[]> {
    throw new UnsupportedOperationError('reports', 'listing', 'v2');
  }

  async reportCsv(_reportId: number): Promise<Uint8Array> {
    throw new UnsupportedOperationError('reports', 'CSV download', 'v2');
  }

  async finalizeReports(_ctx: WriteContext): Promise<FinalizationResult> {
    throw new UnsupportedOperationError('reports', 'finalization', 'v2');
  }

  async getReportSettings(): Promise<{ autoApprove: boolean }> {
    throw new UnsupportedOperationError('reports', 'settings', 'v2');
  }

  async setAutoApprove(_enabled: boolean, _ctx: WriteContext): Promise<{ autoApprove: boolean }> {
    throw new UnsupportedOperationError('reports', 'auto-approve', 'v2');
  }

  async usage(_query: UsageQuery): Promise<OrganizationUsage[]> {
    throw new UnsupportedOperationError('usage', 'current usage', 'v2');
  }

  /** v2 has no async actions: a write's fate cannot be looked up, only its license re-read. */
  async asyncActionState(_requestId: string): Promise<AsyncActionState> {
    return { status: 'notFound', errors: [] };
  }

  async ping(): Promise<void> {
    await this.client.licenseSettings.get();
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

export function createV2Backend(options: VspcClientOptions): LicensingBackend {
  return new V2LicensingBackend(createVspcV2Client(options));
}
