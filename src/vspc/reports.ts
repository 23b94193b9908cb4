/** Monthly license usage reports: lists, CSV download, finalization and report settings. */
import type { VspcCore } from './core.js';
import { VspcValidationError } from './errors.js';
import type { WriteOptions } from './license-resource.js';
import { PagedCollection } from './paging.js';
import { pathParam } from './path.js';
import { type CollectionQuery, type JsonPatch, replacePatch } from './schemas/common.js';
import { dataEnvelope } from './schemas/envelope.js';
import {
  type LicenseReportFinalizationStatus,
  LicenseReportFinalizationStatusSchema,
  type SingleLicenseReport,
  SingleLicenseReportSchema,
  type SingleLicenseReportSettings,
  SingleLicenseReportSettingsSchema,
} from './schemas/reports.js';

const SettingsEnvelope = dataEnvelope(SingleLicenseReportSettingsSchema);

export class LicensingReports {
  constructor(private readonly core: VspcCore) {}

  private collection(operation: string, path: string, query: CollectionQuery): PagedCollection<SingleLicenseReport> {
    return new PagedCollection(
      this.core,
      { operation, method: 'GET', path, query: { ...query } },
      SingleLicenseReportSchema,
    );
  }

  /** Every report VSPC keeps. */
  all(query: CollectionQuery = {}): PagedCollection<SingleLicenseReport> {
    return this.collection('GetLicensingReports', '/licensing/reports', query);
  }

  /** The most recent report of each owner. */
  latest(query: CollectionQuery = {}): PagedCollection<SingleLicenseReport> {
    return this.collection('GetLatestLicensingReports', '/licensing/reports/latest', query);
  }

  /** Reports generated for a date (`YYYY-MM-DD`; the bot passes the first day of the month). */
  forDate(date: string, query: CollectionQuery = {}): PagedCollection<SingleLicenseReport> {
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(date)) {
      throw new VspcValidationError(`report date must be YYYY-MM-DD or YYYY-MM, not "${date.slice(0, 40)}"`);
    }
    return this.collection('GetLicensingReportsForDate', `/licensing/reports/${pathParam('date', date)}`, query);
  }

  /** The report as CSV bytes (`reportParameters.reportId`). */
  csv(reportId: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(reportId) || reportId < 0) {
      throw new VspcValidationError('report id must be a non-negative integer');
    }
    return this.core.bytes({
      operation: 'DownloadLicensingReportCsv',
      method: 'GET',
      path: `/licensing/reports/${pathParam('id', reportId)}/csv`,
    });
  }

  async finalize(options: WriteOptions = {}): Promise<LicenseReportFinalizationStatus | null> {
    const answer = await this.core.jsonAfterWrite(
      {
        operation: 'FinalizeLicensingReports',
        method: 'POST',
        path: '/licensing/reports/finalization',
        requestId: options.requestId,
      },
      dataEnvelope(LicenseReportFinalizationStatusSchema),
    );
    return answer?.data ?? null;
  }

  async settings(): Promise<SingleLicenseReportSettings> {
    const answer = await this.core.json(
      { operation: 'GetLicensingReportsSettings', method: 'GET', path: '/licensing/reports/settings' },
      SettingsEnvelope,
    );
    return answer.data;
  }

  async patchSettings(patches: JsonPatch[], options: WriteOptions = {}): Promise<SingleLicenseReportSettings | null> {
    const answer = await this.core.jsonAfterWrite(
      {
        operation: 'PatchLicensingReportsSettings',
        method: 'PATCH',
        path: '/licensing/reports/settings',
        requestId: options.requestId,
        body: { kind: 'json', value: patches },
      },
      SettingsEnvelope,
    );
    return answer?.data ?? null;
  }

  setAutoApprove(enabled: boolean, options: WriteOptions = {}): Promise<SingleLicenseReportSettings | null> {
    return this.patchSettings(replacePatch('autoApprove', enabled), options);
  }
}
