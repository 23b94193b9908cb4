/**
 * Monthly license usage reports: one per owner (the provider, each reseller) and month. The most
 * recent month waits for approval; older months are approved.
 */
import { isoDate } from '../dates.js';
import type { Random } from '../random.js';
import type { OrganizationLicenseUsage, ProductUsage, SingleLicenseReport, UsageDetails } from '../wire.js';
import type { Organization } from './types.js';
import { reportWorkload } from './workloads.js';

/** What one company used in one month. */
interface CompanyMonth {
  company: Organization;
  vms: number;
  newVms: number;
  replicas: number;
  serverAgents: number;
  workstationAgents: number;
  supportId: string;
  licenseId: string;
}

function products(rows: CompanyMonth[]): ProductUsage[] {
  const sum = (pick: (row: CompanyMonth) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const vbr = [
    reportWorkload(
      'VM',
      13,
      sum((r) => r.vms),
      sum((r) => r.newVms),
    ),
  ];
  const cc = [
    reportWorkload(
      'VM Cloud Replica',
      10,
      sum((r) => r.replicas),
      0,
    ),
  ];
  const vspc = [
    reportWorkload(
      'Server agent',
      13,
      sum((r) => r.serverAgents),
      0,
    ),
    reportWorkload(
      'Workstation agent',
      5,
      sum((r) => r.workstationAgents),
      0,
    ),
  ];
  const product = (productType: string, licenseEdition: string, workloadUsage: typeof vbr): ProductUsage => ({
    productType,
    licenseEdition,
    totalPoints: workloadUsage.reduce((total, w) => total + w.usedPoints, 0),
    workloadUsage,
  });
  return [
    product('BackupAndReplication', 'Enterprise Plus', vbr),
    product('CloudConnect', 'Enterprise Plus', cc),
    product('VSPC', 'Standard', vspc),
  ];
}

const pointsOf = (row: CompanyMonth): number =>
  row.vms * 13 + row.replicas * 10 + row.serverAgents * 13 + row.workstationAgents * 5;

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
  random: Random;
  now: Date;
  months: number;
  provider: Organization;
  organizations: Organization[];
  /** A support id and license id per company, from its licenses. */
  licenseOf: (companyUid: string) => { supportId: string; licenseId: string };
}

/** Which owner a company's usage is reported by: its reseller, or the provider. */
function ownerOf(company: Organization, resellers: Set<string>): string | null {
  return company.managedBy !== null && resellers.has(company.managedBy) ? company.managedBy : null;
}

export function generateReports(input: ReportInput): SingleLicenseReport[] {
  const { random, now, months, provider, organizations } = input;
  const companies = organizations.filter((org) => org.type === 'Company');
  const resellers = organizations.filter((org) => org.type === 'Reseller');
  const resellerUids = new Set(resellers.map((r) => r.uid));
  const reports: SingleLicenseReport[] = [];
  let reportId = 1;
  for (let back = months; back >= 1; back--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 0));
    const generated = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1));
    const rows: CompanyMonth[] = companies.map((company) => ({
      company,
      vms: random.int(0, 40),
      newVms: random.int(0, 3),
      replicas: random.int(0, 6),
      serverAgents: random.int(0, 5),
      workstationAgents: random.int(0, 9),
      ...input.licenseOf(company.uid),
    }));
    const owners: Organization[] = [provider, ...resellers];
    for (const owner of owners) {
      const covered =
        owner === provider ? rows : rows.filter((row) => ownerOf(row.company, resellerUids) === owner.uid);
      const organizationsUsage: OrganizationLicenseUsage[] =
        owner === provider
          ? [
              ...covered
                .filter((row) => ownerOf(row.company, resellerUids) === null)
                .map((row) => usageLine(row.company, pointsOf(row))),
              ...resellers.map((reseller) =>
                usageLine(
                  reseller,
                  covered
                    .filter((row) => ownerOf(row.company, resellerUids) === reseller.uid)
                    .reduce((total, row) => total + pointsOf(row), 0),
                ),
              ),
            ]
          : covered.map((row) => usageLine(row.company, pointsOf(row)));
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

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV VSPC offers for download; a pure function of the report, so the bytes are stable. */
export function reportCsv(report: SingleLicenseReport): string {
  const p = report.reportParameters;
  const header = [
    'Report ID',
    'Owner',
    'Interval start',
    'Interval end',
    'Organization',
    'Organization UID',
    'Support ID',
    'Product',
    'Edition',
    'Workload',
    'Initial count',
    'Reported count',
    'New count',
    'Weight',
    'Used points',
  ];
  const lines = [header.join(',')];
  for (const detail of report.usageDetails) {
    for (const usage of detail.usageByLicenseAndProduct) {
      for (const w of usage.workloadUsage) {
        lines.push(
          [
            p.reportId,
            p.organizationName,
            p.reportInterval.startOfInterval,
            p.reportInterval.endOfInterval,
            detail.organizationName,
            detail.organizationUid,
            detail.supportId,
            usage.productType,
            usage.licenseEdition,
            w.description,
            w.initialCount,
            w.reportedCount,
            w.newCount,
            w.weight,
            w.usedPoints,
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
  }
  lines.push(
    [
      'Total',
      p.organizationName,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      report.reportSummary.totalPoints,
    ].join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}
