/** Urgency orders of the digest's lists; ties are broken by kind, company and uid so output is stable. */
import { enumEquals, LICENSE_KINDS, type LicenseRow } from '../licenses/model.js';
import type { UsageReport } from '../reports/model.js';
import type { OverUsage } from './model.js';

const KIND_ORDER = new Map<string, number>(LICENSE_KINDS.map((kind, index) => [kind, index]));

function byIdentity(a: LicenseRow, b: LicenseRow): number {
  const kind = (KIND_ORDER.get(a.license.kind) ?? 0) - (KIND_ORDER.get(b.license.kind) ?? 0);
  if (kind !== 0) return kind;
  const company = (a.license.company ?? '').localeCompare(b.license.company ?? '');
  if (company !== 0) return company;
  return a.license.uid < b.license.uid ? -1 : a.license.uid > b.license.uid ? 1 : 0;
}

function ascending(a: number | null, b: number | null): number {
  return (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);
}

/** Soonest expiry first. */
export function bySoonestExpiry(a: LicenseRow, b: LicenseRow): number {
  return ascending(a.daysLeft, b.daysLeft) || byIdentity(a, b);
}

/** Most recently expired first: yesterday's outage matters more than a server retired last year. */
export function byMostRecentlyExpired(a: LicenseRow, b: LicenseRow): number {
  return ascending(b.daysLeft, a.daysLeft) || byIdentity(a, b);
}

export function bySoonestSupportExpiry(a: LicenseRow, b: LicenseRow): number {
  return ascending(a.supportDaysLeft, b.supportDaysLeft) || byIdentity(a, b);
}

/** Error before Warning, then soonest expiry. */
export function byHealth(a: LicenseRow, b: LicenseRow): number {
  const severity = (row: LicenseRow) => (enumEquals(row.license.status, 'Error') ? 0 : 1);
  return severity(a) - severity(b) || bySoonestExpiry(a, b);
}

function overRatio(entry: OverUsage): number {
  const licensed = entry.unit.licensed ?? 0;
  return licensed > 0 ? entry.unit.used / licensed : Number.POSITIVE_INFINITY;
}

/** Largest overshoot (used ÷ licensed) first. */
export function byOverUse(a: OverUsage, b: OverUsage): number {
  const ratio = overRatio(b) - overRatio(a);
  if (ratio !== 0 && !Number.isNaN(ratio)) return ratio;
  return byIdentity(a.row, b.row) || a.unit.unit.localeCompare(b.unit.unit);
}

/** Oldest interval first: it has waited longest. */
export function byInterval(a: UsageReport, b: UsageReport): number {
  return a.intervalStart.localeCompare(b.intervalStart) || a.reportId - b.reportId;
}
