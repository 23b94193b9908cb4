import type { License } from '../../../src/licenses/model.js';
import type { UsageReport } from '../../../src/reports/model.js';

/** Fixed "now" of every handler test: 2026-03-10 noon UTC. */
export const NOW = new Date('2026-03-10T12:00:00Z');

export function inDays(days: number): string {
  return new Date(NOW.getTime() + days * 86_400_000).toISOString();
}

export function makeLicense(overrides: Partial<License> & Pick<License, 'kind' | 'uid'>): License {
  return {
    company: null,
    type: 'Rental',
    edition: 'Enterprise Plus',
    status: 'Valid',
    statusMessage: null,
    expirationDate: inDays(365),
    supportExpirationDate: inDays(365),
    autoUpdateEnabled: false,
    units: [{ unit: 'instances', used: 10, licensed: 100 }],
    licenseIds: ['lic-1'],
    supportIds: ['sup-1'],
    sectionTypes: [],
    ...overrides,
  };
}

export const UID = {
  acmeVbr: '5f1c2a9e-1b2c-4d3e-8f90-0a1b2c3d4e5f',
  acmeVbr2: '5f1c2a9e-77aa-4d3e-8f90-0a1b2c3d4e60',
  globexVbr: 'a0b1c2d3-0000-4000-8000-000000000001',
  initechVbr: 'b0b1c2d3-0000-4000-8000-000000000002',
  acmeSite: 'c0c1c2d3-0000-4000-8000-000000000003',
  umbrellaVone: 'd0d1d2d3-0000-4000-8000-000000000004',
};

/** Six licenses: two of Acme's VBRs share a UID prefix; expiry spread around "now". */
export function sampleLicenses(): License[] {
  return [
    makeLicense({ kind: 'console', uid: 'console', company: 'Service Provider Inc', expirationDate: inDays(200) }),
    makeLicense({
      kind: 'vbr',
      uid: UID.acmeVbr,
      company: 'Acme Corp',
      expirationDate: inDays(12),
      sectionTypes: ['All', 'Instance'],
    }),
    makeLicense({
      kind: 'vbr',
      uid: UID.acmeVbr2,
      company: 'Acme Corp',
      expirationDate: inDays(45),
      autoUpdateEnabled: true,
    }),
    makeLicense({ kind: 'vbr', uid: UID.globexVbr, company: 'Globex', status: 'Expired', expirationDate: inDays(-3) }),
    makeLicense({
      kind: 'vbr',
      uid: UID.initechVbr,
      company: 'Initech',
      status: 'Warning',
      expirationDate: inDays(30),
      statusMessage: 'Support ends soon',
    }),
    makeLicense({ kind: 'site', uid: UID.acmeSite, company: 'Acme Corp', expirationDate: null }),
    makeLicense({ kind: 'vone', uid: UID.umbrellaVone, company: 'Umbrella', expirationDate: inDays(5) }),
  ];
}

export function makeReport(overrides: Partial<UsageReport> & Pick<UsageReport, 'reportId'>): UsageReport {
  return {
    status: 'Approved',
    organizationName: 'Service Provider Inc',
    organizationUid: 'e0e1e2e3-0000-4000-8000-000000000010',
    licenseCompanyName: 'Service Provider Inc',
    generationDate: '2026-03-01',
    intervalStart: '2026-02-01',
    intervalEnd: '2026-02-28',
    totalPoints: 120,
    products: [{ productType: 'VBR', licenseEdition: 'Enterprise Plus', totalPoints: 120, workloads: [] }],
    organizations: [{ name: 'Acme Corp', type: 'Company', usedPoints: 80 }],
    notCollectedCloudServers: [],
    ...overrides,
  };
}
