/** Builders of view-model data for Slack renderer and app tests. */
import type { Digest, DigestUsage } from '../../../src/digest/model.js';
import type { License, LicenseKind, LicenseRow } from '../../../src/licenses/model.js';
import type { OrganizationUsage, UsageReport } from '../../../src/reports/model.js';
import type { RenderContext } from '../../../src/slack/render/render-context.js';
import type { AuditEntry, PendingAction } from '../../../src/store/types.js';

export const NOW = new Date('2025-03-10T09:00:00Z');
export const RENDER: RenderContext = { userTimeZone: 'America/New_York', now: NOW, teamTimeZone: 'Europe/Berlin' };

export function uid(n: number): string {
  return `${n.toString(16).padStart(8, '0')}-1111-4222-8333-${n.toString(16).padStart(12, '0')}`;
}

export function license(n: number, overrides: Partial<License> = {}): License {
  const kind: LicenseKind = overrides.kind ?? 'vbr';
  return {
    kind,
    uid: kind === 'console' ? 'console' : uid(n),
    company: `Company ${n}`,
    type: 'Rental',
    edition: 'Enterprise Plus',
    status: 'Valid',
    statusMessage: null,
    expirationDate: '2025-03-22T00:00:00Z',
    supportExpirationDate: '2026-01-01T00:00:00Z',
    autoUpdateEnabled: true,
    units: [{ unit: 'instances', used: 40, licensed: 50 }],
    licenseIds: [`lic-${n}`],
    supportIds: [`sup-${n}`],
    sectionTypes: ['All', 'Instance'],
    ...overrides,
  };
}

export function row(n: number, overrides: Partial<License> = {}, daysLeft: number | null = 12): LicenseRow {
  return { license: license(n, overrides), daysLeft, supportDaysLeft: 297 };
}

export function report(n: number, overrides: Partial<UsageReport> = {}): UsageReport {
  return {
    reportId: 1000 + n,
    status: 'ApprovalRequired',
    organizationName: `Provider ${n}`,
    organizationUid: uid(n),
    licenseCompanyName: 'Provider Inc',
    generationDate: '2025-03-01',
    intervalStart: '2025-02-01',
    intervalEnd: '2025-02-28',
    totalPoints: 1234.5,
    products: [
      {
        productType: 'VBR',
        licenseEdition: 'Enterprise Plus',
        totalPoints: 900,
        workloads: [{ workloadType: 'VM', description: 'Virtual machines', usedPoints: 900, count: 90 }],
      },
      { productType: 'VB365', licenseEdition: null, totalPoints: 334.5, workloads: [] },
    ],
    organizations: [{ name: 'Acme', type: 'Company', usedPoints: 600 }],
    notCollectedCloudServers: [],
    ...overrides,
  };
}

export function organizationUsage(n: number): OrganizationUsage {
  return {
    organizationUid: uid(n),
    organizationType: 'Company',
    providerUid: null,
    servers: [
      {
        serverUid: uid(100 + n),
        serverType: 'BackupAndReplication',
        workloads: [
          {
            description: 'VMs',
            unitType: 'Instances',
            usedUnits: 12,
            rentalUnits: 3,
            newUnits: 2,
            usedCount: 12,
            rentalCount: 3,
            newCount: 2,
          },
        ],
      },
    ],
  };
}

export function auditEntry(n: number): AuditEntry {
  return {
    at: new Date(NOW.getTime() - n * 60_000),
    actor: 'U0ALICE',
    event: 'command',
    what: `licenses vbr --page ${n}`,
    target: null,
    actionId: null,
    outcome: 'ok',
    requestId: null,
  };
}

export function pendingAction(overrides: Partial<PendingAction> = {}): PendingAction {
  return {
    id: '6f1d2c3b-0000-4000-8000-000000000001',
    operation: { op: 'license.update', kind: 'vbr', uid: uid(1) },
    dedupeKey: `license.update:vbr:${uid(1)}`,
    targetLabel: `VBR ${uid(1)} (Company 1)`,
    requestedBy: 'U0ALICE',
    channel: 'C0LIC',
    messageTs: null,
    responseUrl: null,
    createdAt: NOW,
    expiresAt: new Date(NOW.getTime() + 15 * 60_000),
    status: 'pending',
    confirmedBy: null,
    finishedAt: null,
    outcome: null,
    ...overrides,
  };
}

export function digest(rows: LicenseRow[], reports: UsageReport[], usage: DigestUsage | null = null): Digest {
  return {
    day: '2025-03-10',
    timeZone: 'Europe/Berlin',
    generatedAt: NOW.toISOString(),
    horizonDays: 30,
    expired: rows,
    expiring: [
      { fromDays: 0, withinDays: 7, rows },
      { fromDays: 8, withinDays: 14, rows },
      { fromDays: 15, withinDays: 30, rows },
    ],
    supportExpiring: rows,
    unhealthy: rows,
    overUsed: rows.map((r) => ({ row: r, unit: { unit: 'instances', used: 60, licensed: 50 } })),
    pendingReports: reports,
    autoApprove: false,
    usage,
    summary: `${rows.length} expired · ${rows.length * 3} expiring within 30 days`,
    empty: rows.length === 0 && reports.length === 0,
  };
}
