/**
 * Monthly license usage reports: one per owner (the provider, each reseller) and month, made from
 * the usage history. The most recent month waits for approval; older months are approved. The
 * provider's report lists its own companies and each reseller as one line (the sum of the
 * reseller's companies) and itemizes every company in its usage details; a reseller's report lists
 * the reseller's companies.
 */
import { isoDate } from '../dates.js';
import type { OrganizationLicenseUsage, ProductUsage, SingleLicenseReport, UsageDetails } from '../wire.js';
import type { Organization } from './types.js';
import { type Counts, pointsOf, type UsageHistory, type WorkloadName } from './usage-history.js';
import { reportWorkload, WORKLOADS } from './workloads.js';

/** Products as VSPC reports them, with the workloads each one bills. */
const PRODUCTS: {
  productType: string;
  licenseEdition: string;
  workloads: { name: WorkloadName; workloadType: string; description: string }[];
}[] = [
  {
    productType: 'BackupAndReplication',
    licenseEdition: 'Enterprise Plus',
    workloads: [
      { name: 'vbrVm', workloadType: 'VBR_VM', description: 'VM' },
      { name: 'vbrServer', workloadType: 'VBR_Server_Agent', description: 'Server agent' },
    ],
  },
  {
    productType: 'CloudConnect',
    licenseEdition: 'Enterprise Plus',
    workloads: [
      { name: 'ccBackup', workloadType: 'CC_VM_Backup', description: 'Cloud backup (VM)' },
      { name: 'ccReplica', workloadType: 'CC_VM_Replica', description: 'Cloud replica (VM)' },
    ],
  },
  {
    productType: 'VSPC',
    licenseEdition: 'Standard',
    workloads: [
      { name: 'vspcServer', workloadType: 'VAC_Server_Agent', description: 'Server agent' },
      { name: 'vspcWorkstation', workloadType: 'VAC_Workstation_Agent', description: 'Workstation agent' },
    ],
  },
  {
    productType: 'VONE',
    licenseEdition: 'Enterprise',
    workloads: [{ name: 'voneVm', workloadType: 'VONE_VM', description: 'VM' }],
  },
  {
    productType: 'VB365',
    licenseEdition: 'Enterprise',
    workloads: [{ name: 'vb365User', workloadType: 'VB365_User', description: 'User' }],
  },
];

/** What one company used in one month, and the month before (for the counts of new workloads). */
interface CompanyMonth {
  company: Organization;
  counts: Counts;
  before: Counts;
  supportId: string;
  licenseId: string;
}

function products(rows: readonly CompanyMonth[]): ProductUsage[] {
  const out: ProductUsage[] = [];
  for (const product of PRODUCTS) {
    const workloadUsage = product.workloads
      .map((w) => {
        let count = 0;
        let fresh = 0;
        for (const row of rows) {
          const now = row.counts[w.name] ?? 0;
          count += now;
          fresh += Math.max(0, now - (row.before[w.name] ?? 0));
        }
        return reportWorkload(w.description, WORKLOADS[w.name].weight, count, fresh, w.workloadType);
      })
      .filter((w) => w.initialCount > 0);
    if (workloadUsage.length === 0) continue;
    out.push({
      productType: product.productType,
      licenseEdition: product.licenseEdition,
      totalPoints: workloadUsage.reduce((total, w) => total + w.usedPoints, 0),
      workloadUsage,
    });
  }
  return out;
}

function details(row: CompanyMonth): UsageDetails {
  return {
    organizationName: row.company.name,
    organizationUid: row.company.uid,
    supportId: row.supportId,
    notCollectedClientServers: [],
    clonedClientServers: [],
    unsupportedClientServers: [],
    usageByLicenseAndProduct: products([row]).map((p) => ({
      licenseId: row.licenseId,
      productType: p.productType,
      licenseEdition: p.licenseEdition,
      usedPoints: p.totalPoints,
      workloadUsage: p.workloadUsage,
    })),
  };
}

export interface ReportInput {
  now: Date;
  history: UsageHistory;
  provider: Organization;
  organizations: Organization[];
  /** A support id and license id per company, from its licenses. */
  licenseOf: (companyUid: string) => { supportId: string; licenseId: string };
}

/** Which owner a company's usage is reported by: its reseller, or the provider. */
function ownerOf(company: Organization, resellers: Set<string>): string | null {
  return company.managedBy !== null && resellers.has(company.managedBy) ? company.managedBy : null;
}

const sumPoints = (rows: readonly CompanyMonth[]) => rows.reduce((total, row) => total + pointsOf(row.counts), 0);

export function generateReports(input: ReportInput): SingleLicenseReport[] {
  const { now, history, provider, organizations } = input;
  const { months } = history;
  const companies = organizations.filter((org) => org.type === 'Company');
  const resellers = organizations.filter((org) => org.type === 'Reseller');
  const resellerUids = new Set(resellers.map((r) => r.uid));
  const reports: SingleLicenseReport[] = [];
  let reportId = 1;
  for (let index = 0; index < months; index++) {
    const back = months - index;
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 0));
    const generated = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1));
    const rows: CompanyMonth[] = [];
    for (const company of companies) {
      const series = history.counts.get(company.uid) ?? [];
      const counts = series[index] ?? {};
      // A company that has not joined yet is not in the month's reports.
      if (pointsOf(counts) === 0) continue;
      rows.push({ company, counts, before: series[index - 1] ?? {}, ...input.licenseOf(company.uid) });
    }
    for (const owner of [provider, ...resellers]) {
      const covered =
        owner === provider ? rows : rows.filter((row) => ownerOf(row.company, resellerUids) === owner.uid);
      const organizationsUsage: OrganizationLicenseUsage[] =
        owner === provider
          ? [
              ...covered
                .filter((row) => ownerOf(row.company, resellerUids) === null)
                .map((row) => usageLine(row.company, pointsOf(row.counts))),
              ...resellers.map((reseller) =>
                usageLine(
                  reseller,
                  sumPoints(covered.filter((row) => ownerOf(row.company, resellerUids) === reseller.uid)),
                ),
              ),
            ]
          : covered.map((row) => usageLine(row.company, pointsOf(row.counts)));
      const productsUsage = products(covered);
      reports.push({
        reportStatus: back === 1 ? 'ApprovalRequired' : 'Approved',
        reportParameters: {
          reportId: reportId++,
          organizationName: owner.name,
          organizationUid: owner.uid,
          licenseCompanyName: provider.name,
          generationDate: isoDate(generated),
          reportInterval: { startOfInterval: isoDate(start), endOfInterval: isoDate(end) },
        },
        reportSummary: {
          totalPoints: productsUsage.reduce((total, p) => total + p.totalPoints, 0),
          productsUsage,
        },
        organizationsUsage,
        notCollectedCloudServers: [],
        clonedCloudServers: [],
        unsupportedCloudServers: [],
        usageDetails: covered.map(details),
        appendices: [],
      });
    }
  }
  return reports;
}

function usageLine(org: Organization, usedPoints: number): OrganizationLicenseUsage {
  return { organizationType: org.type, organizationName: org.name, organizationUid: org.uid, usedPoints };
}
