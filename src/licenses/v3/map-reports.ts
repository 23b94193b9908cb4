/** VSPC v3 usage reports and current usage → the backend-neutral report models. */

import type { OrganizationUsage, ProductUsage, UsageReport } from '../../reports/model.js';
import type { OrganizationCurrentLicenseUsage, SingleLicenseReport } from '../../vspc/index.js';

/** `2025-08-08T14:53:16.95+02:00` → `2025-08-08`, the date as VSPC's own zone had it. */
const day = (value: string): string => value.slice(0, 10);

function products(report: SingleLicenseReport): ProductUsage[] {
  return (report.reportSummary?.productsUsage ?? []).map((product) => ({
    productType: product.productType ?? 'Unknown',
    licenseEdition: product.licenseEdition ?? null,
    totalPoints: product.totalPoints ?? 0,
    workloads: (product.workloadUsage ?? []).map((w) => ({
      workloadType: w.workloadType ?? 'Unknown',
      description: w.description ?? null,
      usedPoints: w.usedPoints ?? 0,
      // After finalization VSPC fills `reportedCount`; before it only `initialCount` is meaningful.
      count: w.reportedCount ?? w.initialCount ?? 0,
    })),
  }));
}

/** Points per organisation and product, summed over the organisation's licenses (support ids). */
function organizationProducts(report: SingleLicenseReport): NonNullable<UsageReport['organizationProducts']> {
  // Per organisation, then per product: no composite string key per line (1,000 companies make
  // ~2,700 lines a report, 25 months of them in a first `trend`).
  const sums = new Map<string, Map<string, { organizationUid: string; productType: string; usedPoints: number }>>();
  for (const detail of report.usageDetails ?? []) {
    const organizationUid = detail.organizationUid ?? '';
    if (!organizationUid) continue;
    let products = sums.get(organizationUid);
    if (!products) {
      products = new Map();
      sums.set(organizationUid, products);
    }
    for (const usage of detail.usageByLicenseAndProduct ?? []) {
      const productType = usage.productType ?? 'Unknown';
      const entry = products.get(productType);
      if (entry) entry.usedPoints += usage.usedPoints ?? 0;
      else products.set(productType, { organizationUid, productType, usedPoints: usage.usedPoints ?? 0 });
    }
  }
  const out: NonNullable<UsageReport['organizationProducts']> = [];
  for (const products of sums.values()) for (const entry of products.values()) out.push(entry);
  return out;
}

/** Null when the report has no parameters at all (neither spelling): it cannot be referenced. */
export function reportToUsageReport(report: SingleLicenseReport): UsageReport | null {
  const parameters = report.reportParameters;
  if (!parameters) return null;
  return {
    reportId: parameters.reportId,
    status: report.reportStatus ?? 'Unknown',
    organizationName: parameters.organizationName,
    organizationUid: parameters.organizationUid,
    licenseCompanyName: parameters.licenseCompanyName || null,
    generationDate: day(parameters.generationDate),
    intervalStart: day(parameters.reportInterval.startOfInterval),
    intervalEnd: day(parameters.reportInterval.endOfInterval),
    totalPoints: report.reportSummary?.totalPoints ?? 0,
    products: products(report),
    organizations: (report.organizationsUsage ?? [])
      .map((o) => ({
        name: o.organizationName ?? '',
        type: o.organizationType ?? 'Unknown',
        usedPoints: o.usedPoints ?? 0,
        uid: o.organizationUid ?? '',
      }))
      .sort((a, b) => b.usedPoints - a.usedPoints),
    organizationProducts: organizationProducts(report),
    notCollectedCloudServers: (report.notCollectedCloudServers ?? []).filter((s) => typeof s === 'string'),
  };
}

export function organizationUsage(wire: OrganizationCurrentLicenseUsage): OrganizationUsage {
  return {
    organizationUid: wire.organizationUid ?? '',
    organizationType: wire.organizationType ?? 'Unknown',
    providerUid: wire.providerUid ?? null,
    servers: (wire.servers ?? []).map((server) => ({
      serverUid: server.serverUid ?? '',
      serverType: server.serverType ?? 'Unknown',
      workloads: (server.workloads ?? []).map((w) => ({
        description: w.description ?? '',
        unitType: w.unitType ?? 'Unknown',
        usedUnits: w.usedUnits ?? 0,
        rentalUnits: w.rentalUnits ?? 0,
        newUnits: w.newUnits ?? 0,
        usedCount: w.usedCount ?? 0,
        rentalCount: w.rentalCount ?? 0,
        newCount: w.newCount ?? 0,
      })),
    })),
  };
}
