/** Licenses and reports for digest tests: a valid, far-from-expiry default that each test bends. */
import type { License, LicenseKind } from '../../../src/licenses/model.js';
import type { UsageReport } from '../../../src/reports/model.js';

let counter = 0;

/** A uuid-shaped uid that is unique per call and stable per index. */
export function uidFor(index: number): string {
  const hex = index.toString(16).padStart(8, '0');
  return `${hex}-5f1c-4a9e-8000-00000000${hex.slice(0, 4)}`;
}

export function makeLicense(overrides: Partial<License> = {}): License {
  counter += 1;
  const kind: LicenseKind = overrides.kind ?? 'vbr';
  return {
    kind,
    uid: kind === 'console' ? 'console' : uidFor(1_000_000 + counter),
    company: `Company ${counter}`,
    type: 'Rental',
    edition: 'Enterprise Plus',
    status: 'Valid',
    statusMessage: null,
    expirationDate: '2099-01-01T00:00:00Z',
    supportExpirationDate: null,
    autoUpdateEnabled: true,
    units: [{ unit: 'instances', used: 10, licensed: 100 }],
    licenseIds: [],
    supportIds: [],
    sectionTypes: [],
    ...overrides,
  };
}

export function makeReport(overrides: Partial<UsageReport> = {}): UsageReport {
  return {
    reportId: 1,
    status: 'ApprovalRequired',
    organizationName: 'Service Provider Inc',
    organizationUid: 'c3a1f2e4-0000-4000-8000-000000000001',
    licenseCompanyName: 'Service Provider Inc',
    generationDate: '2026-03-01',
    intervalStart: '2026-02-01',
    intervalEnd: '2026-02-28',
    totalPoints: 1234.5,
    products: [],
    organizations: [],
    notCollectedCloudServers: [],
    ...overrides,
  };
}
