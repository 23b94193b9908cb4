/**
 * A report reduced to what insight reads of it: owner, status, total, points per product and per
 * organization. Finalized months are kept in the store in this form (JSON), so it is also the
 * store format: `SNAPSHOT_FORMAT` changes when it does, and older rows are then fetched again.
 */
import type { UsageReport } from '../reports/model.js';
import type { Month, OrgRef, ProductPoints } from './types.js';

export const SNAPSHOT_FORMAT = 1;

export interface ReportSnapshot {
  reportId: number;
  /** The month of `reportInterval.startOfInterval`. */
  month: Month;
  owner: OrgRef;
  status: string;
  totalPoints: number;
  products: ProductPoints[];
  /** The report's own lines: companies, and resellers as one line each in the provider's report. */
  organizations: { uid: string; name: string; type: string; points: number }[];
  organizationProducts: { uid: string; productType: string; points: number }[];
}

/** Only approved reports are final: `ApprovalRequired` and `Finalization` may still change. */
export function isFinal(status: string): boolean {
  return status.toLowerCase() === 'approved';
}

export function snapshotOf(report: UsageReport): ReportSnapshot {
  return {
    reportId: report.reportId,
    month: report.intervalStart.slice(0, 7),
    owner: { uid: report.organizationUid, name: report.organizationName },
    status: report.status,
    totalPoints: report.totalPoints,
    products: report.products.map((p) => ({ productType: p.productType, points: p.totalPoints })),
    organizations: report.organizations.map((o) => ({
      uid: o.uid ?? '',
      name: o.name,
      type: o.type,
      points: o.usedPoints,
    })),
    organizationProducts: (report.organizationProducts ?? []).map((p) => ({
      uid: p.organizationUid,
      productType: p.productType,
      points: p.usedPoints,
    })),
  };
}

/** What `report <id>` reads of a kept report: its own lines; the per-product lines are in the built month. */
export const ownLines = (r: ReportSnapshot): ReportSnapshot =>
  r.organizationProducts.length === 0 ? r : { ...r, organizationProducts: [] };

/** The key an organization is followed by across months: its UID, or its name when a report gave none. */
export function orgKey(org: { uid: string; name: string }): string {
  return org.uid ? org.uid.toLowerCase() : `name:${org.name.toLowerCase()}`;
}
