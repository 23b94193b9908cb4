/**
 * One month's reports → the month per organization. The provider's report lists its own companies
 * and each reseller as one line; the reseller's own report lists the reseller's companies. The bill
 * is the sum of the top-level reports (owners no other report lists); a reseller line is replaced by
 * the companies of the reseller's report when they add up to it, so every company appears once.
 */
import { roundPoints } from './change.js';
import { isFinal, orgKey, type ReportSnapshot } from './snapshot.js';
import type { Month, MonthReport, OrgPoints, OrgRef, ProductPoints } from './types.js';

export const UNATTRIBUTED_NAME = 'not attributed to an organization';

/** Points a reseller line and its report may differ by and still be the same usage. */
const SAME_POINTS = 0.5;

const sum = (values: readonly number[]): number => roundPoints(values.reduce((total, v) => total + v, 0));

function latestPerOwner(snapshots: readonly ReportSnapshot[]): Map<string, ReportSnapshot> {
  const byOwner = new Map<string, ReportSnapshot>();
  for (const s of snapshots) {
    const key = orgKey(s.owner);
    const known = byOwner.get(key);
    if (!known || s.reportId > known.reportId) byOwner.set(key, s);
  }
  return byOwner;
}

/** The key of an itemized line (`orgKey` of its UID alone: lines are matched by UID only). */
const uidKey = (uid: string): string => (uid ? uid.toLowerCase() : 'name:');

function productsPerOrganization(ordered: readonly ReportSnapshot[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const report of ordered) {
    const seenHere = new Map<string, Record<string, number>>();
    for (const line of report.organizationProducts) {
      const key = uidKey(line.uid);
      let products = seenHere.get(key);
      if (!products) {
        // The first report that itemizes an organization wins: the same usage is not added twice.
        if (out.has(key)) continue;
        products = {};
        seenHere.set(key, products);
      }
      products[line.productType] = roundPoints((products[line.productType] ?? 0) + line.points);
    }
    for (const [key, products] of seenHere) out.set(key, products);
  }
  return out;
}

export function buildMonth(month: Month, snapshots: readonly ReportSnapshot[]): MonthReport {
  const byOwner = latestPerOwner(snapshots.filter((s) => s.month === month));
  const reports = [...byOwner.values()];
  if (reports.length === 0) {
    return { month, status: 'missing', totalPoints: 0, organizations: [], products: [], reports: [] };
  }
  const listed = new Set<string>();
  for (const r of reports) for (const line of r.organizations) listed.add(orgKey(line));
  let roots = reports.filter((r) => !listed.has(orgKey(r.owner)));
  // Owners that list each other have no top: take the largest report as the bill.
  if (roots.length === 0) roots = [reports.reduce((a, b) => (b.totalPoints > a.totalPoints ? b : a))];
  const productsOf = productsPerOrganization([...roots, ...reports.filter((r) => !roots.includes(r))]);

  const rows = new Map<string, OrgPoints>();
  const add = (line: ReportSnapshot['organizations'][number], key: string, reseller: OrgRef | null) => {
    const row = rows.get(key);
    if (row) row.points = roundPoints(row.points + line.points);
    else {
      // With a UID the line's key is its UID's key; without one, the lines without UID share theirs.
      const products = productsOf.get(line.uid ? key : uidKey('')) ?? {};
      rows.set(key, { uid: line.uid, name: line.name, type: line.type, points: line.points, products, reseller });
    }
  };
  const expand = (report: ReportSnapshot, reseller: OrgRef | null, visited: Set<ReportSnapshot>) => {
    for (const line of report.organizations) {
      const key = orgKey(line);
      const own = line.uid || line.name ? byOwner.get(key) : undefined;
      if (
        own &&
        !visited.has(own) &&
        Math.abs(sum(own.organizations.map((o) => o.points)) - line.points) <= SAME_POINTS
      ) {
        expand(own, { uid: line.uid, name: line.name }, new Set([...visited, own]));
      } else add(line, key, reseller);
    }
  };
  for (const root of roots) expand(root, null, new Set([root]));

  const totalPoints = sum(roots.map((r) => r.totalPoints));
  const organizations = [...rows.values()];
  const remainder = roundPoints(totalPoints - sum(organizations.map((o) => o.points)));
  if (remainder !== 0) {
    organizations.push({
      uid: '',
      name: UNATTRIBUTED_NAME,
      type: 'Unattributed',
      points: remainder,
      products: {},
      reseller: null,
    });
  }
  organizations.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name));

  return {
    month,
    status: reports.every((r) => isFinal(r.status)) ? 'final' : 'open',
    totalPoints,
    organizations,
    products: productTotals(roots, totalPoints),
    reports: reports
      .map((r) => ({ reportId: r.reportId, owner: r.owner, status: r.status, totalPoints: r.totalPoints }))
      .sort((a, b) => a.reportId - b.reportId),
  };
}

function productTotals(roots: readonly ReportSnapshot[], totalPoints: number): ProductPoints[] {
  const totals = new Map<string, number>();
  for (const root of roots) {
    for (const p of root.products) totals.set(p.productType, roundPoints((totals.get(p.productType) ?? 0) + p.points));
  }
  const remainder = roundPoints(totalPoints - sum([...totals.values()]));
  if (remainder !== 0) totals.set('Unknown', roundPoints((totals.get('Unknown') ?? 0) + remainder));
  return [...totals]
    .map(([productType, points]) => ({ productType, points }))
    .sort((a, b) => b.points - a.points || a.productType.localeCompare(b.productType));
}
