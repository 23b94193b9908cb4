/**
 * The simulator's mutable state: the generated inventory plus what writes did to it. Every write
 * the HTTP layer accepts ends up as one call here, so tests can assert effects directly.
 */
import { createHash } from 'node:crypto';
import { addYears, daysBetween, startOfUtcDay, vspcDateTime } from './dates.js';
import { validMessage } from './inventory/licenses.js';
import { reportCsv } from './inventory/report-csv.js';
import type { Inventory, ServerLicenseKind } from './inventory/types.js';
import { type AnyServerLicense, collectionOf, uidOf } from './kinds.js';
import type { Random } from './random.js';
import { unlicensedLicense } from './unlicensed-license.js';
import type { SingleLicenseReport } from './wire.js';

export interface UploadedLicense {
  kind: ServerLicenseKind | 'console';
  uid: string;
  api: 'v3' | 'v2';
  fileName: string | null;
  contentType: string | null;
  bytes: Buffer;
  sha256: string;
  requestId: string | undefined;
  at: Date;
}

export interface LicenseFileInput {
  fileName: string | null;
  contentType: string | null;
  bytes: Buffer;
  requestId: string | undefined;
  api: 'v3' | 'v2';
}

export type DeleteOutcome = 'removed' | 'sectionRemoved' | 'noSuchSection' | 'notFound';

/** A year from the later of today and the current expiry, at noon UTC like generated dates. */
function nextExpiry(now: Date, current: string | null): Date {
  const base = current && new Date(current) > now ? new Date(current) : now;
  return new Date(addYears(startOfUtcDay(base), 1).getTime() + 12 * 3_600_000);
}

export class SimulatorState {
  readonly uploads: UploadedLicense[] = [];
  private readonly index = new Map<ServerLicenseKind, Map<string, AnyServerLicense>>();

  constructor(
    readonly inventory: Inventory,
    private readonly clock: () => Date,
    private readonly random: Random,
  ) {
    for (const kind of ['site', 'vbr', 'vone', 'vb365'] as const) {
      this.index.set(kind, new Map(collectionOf(inventory, kind).map((l) => [uidOf(l), l])));
    }
  }

  list(kind: ServerLicenseKind): readonly AnyServerLicense[] {
    return collectionOf(this.inventory, kind);
  }

  find(kind: ServerLicenseKind, uid: string): AnyServerLicense | undefined {
    return this.index.get(kind)!.get(uid.toLowerCase());
  }

  /** Installs a new license file: new license ids, a year of validity, status Valid. */
  install(kind: ServerLicenseKind, uid: string, file: LicenseFileInput): AnyServerLicense | undefined {
    const license = this.find(kind, uid) ?? this.recreate(kind, uid);
    if (!license) return undefined;
    this.keepUpload(kind, uidOf(license), file);
    const expiry = nextExpiry(this.clock(), null);
    this.renew(license, expiry, true);
    return license;
  }

  /** `…/update`: VSPC fetched a fresh license from Veeam: a year more, warnings cleared. */
  update(kind: ServerLicenseKind, uid: string): AnyServerLicense | undefined {
    const license = this.find(kind, uid);
    if (!license) return undefined;
    this.renew(license, nextExpiry(this.clock(), license.expirationDate), false);
    return license;
  }

  setAutoUpdate(kind: ServerLicenseKind, uid: string, enabled: boolean): AnyServerLicense | undefined {
    const license = this.find(kind, uid);
    if (license) license.autoUpdateEnabled = enabled;
    return license;
  }

  /** VBR: `All` (or the last remaining section) removes the license; otherwise just that section. */
  remove(kind: ServerLicenseKind, uid: string, section: 'All' | 'Instance' | 'Socket' = 'All'): DeleteOutcome {
    const license = this.find(kind, uid);
    if (!license) return 'notFound';
    if ('sectionTypes' in license && section !== 'All') {
      if (!license.sectionTypes.includes(section)) return 'noSuchSection';
      if (license.sectionTypes.length > 1) {
        license.sectionTypes = license.sectionTypes.filter((s) => s !== section);
        if (section === 'Socket' && 'sockets' in license) {
          license.sockets = 0;
          license.usedSockets = 0;
        }
        return 'sectionRemoved';
      }
    }
    const list = collectionOf(this.inventory, kind);
    list.splice(list.indexOf(license), 1);
    this.index.get(kind)!.delete(uidOf(license));
    return 'removed';
  }

  installConsole(file: LicenseFileInput): void {
    this.keepUpload('console', 'console', file);
    this.renewConsole(nextExpiry(this.clock(), null));
  }

  updateConsole(): void {
    this.renewConsole(nextExpiry(this.clock(), this.inventory.console.expirationDate));
  }

  setConsoleAutoUpdate(enabled: boolean): void {
    this.inventory.consoleSettings.isAutoUpdateEnabled = enabled;
  }

  /** Approves every report waiting for approval; returns how many there were. */
  finalizeReports(): number {
    let count = 0;
    for (const report of this.inventory.reports) {
      if (report.reportStatus === 'ApprovalRequired') {
        report.reportStatus = 'Approved';
        count++;
      }
    }
    return count;
  }

  setAutoApprove(enabled: boolean): void {
    this.inventory.reportSettings.autoApprove = enabled;
  }

  findReport(reportId: number): SingleLicenseReport | undefined {
    return this.inventory.reports.find((r) => r.reportParameters.reportId === reportId);
  }

  reportCsv(reportId: number): Buffer | undefined {
    const report = this.findReport(reportId);
    return report ? Buffer.from(reportCsv(report), 'utf8') : undefined;
  }

  private renew(license: AnyServerLicense, expiry: Date, newFile: boolean): void {
    const now = this.clock();
    license.expirationDate = vspcDateTime(expiry);
    if (license.supportExpirationDate !== null) license.supportExpirationDate = vspcDateTime(expiry);
    license.status = 'Valid';
    if ('licenseIds' in license) {
      if (newFile) license.licenseIds = [this.random.uuid()];
    } else if (newFile || license.licenseId === null) {
      license.licenseId = this.random.uuid();
    }
    if ('statusMessage' in license) license.statusMessage = validMessage(daysBetween(now, expiry));
    if (license.type === 'Community' || license.type === 'NotInstalled') license.type = 'Rental';
  }

  private renewConsole(expiry: Date): void {
    const now = this.clock();
    const c = this.inventory.console;
    c.expirationDate = vspcDateTime(expiry);
    c.supportExpirationDate = vspcDateTime(expiry);
    c.status = 'Valid';
    c.statusMessage = validMessage(daysBetween(now, expiry));
    c.lastUpdateDate = vspcDateTime(now);
    c.lastUpdateMessage = 'License file has been successfully updated.';
    c.lastUpdateStatus = 'Success';
  }

  private keepUpload(kind: ServerLicenseKind | 'console', uid: string, file: LicenseFileInput): void {
    this.uploads.push({
      kind,
      uid,
      api: file.api,
      fileName: file.fileName,
      contentType: file.contentType,
      bytes: Buffer.from(file.bytes),
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      requestId: file.requestId,
      at: this.clock(),
    });
  }

  /** A server whose license was deleted still exists: installing gives it a license again. */
  private recreate(kind: ServerLicenseKind, uid: string): AnyServerLicense | undefined {
    const license = unlicensedLicense(this.inventory, this.random, kind, uid);
    if (!license) return undefined;
    collectionOf(this.inventory, kind).push(license);
    this.index.get(kind)!.set(uidOf(license), license);
    return license;
  }
}
