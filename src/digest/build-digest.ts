/**
 * Builds the daily digest from an inventory snapshot: a pure function of its input (the clock is
 * an argument), so the same licenses always give the same digest. Every license kind counts.
 */

import { createDayCounter } from '../licenses/day-counter.js';
import { localDay } from '../licenses/expiry.js';
import { enumEquals, type License, type LicenseRow } from '../licenses/model.js';
import type { UsageReport } from '../reports/model.js';
import { bucketBounds, bucketIndex } from './buckets.js';
import type { Digest, DigestUsage, ExpiryBucket, OverUsage } from './model.js';
import {
  byHealth,
  byInterval,
  byMostRecentlyExpired,
  byOverUse,
  bySoonestExpiry,
  bySoonestSupportExpiry,
} from './ordering.js';
import { isEmptyDigest, summarize } from './summary.js';

export interface DigestInput {
  licenses: readonly License[];
  reports: readonly UsageReport[];
  autoApprove: boolean | null;
  now: Date;
  /** IANA zone of the team: day counts and the digest's day. */
  timeZone: string;
  /** DIGEST_EXPIRY_DAYS: how far ahead "expiring" looks. */
  horizonDays: number;
  /** The usage changes read beside the licenses; absent where there are none to read (v2). */
  usage?: DigestUsage | null;
}

function isUnhealthy(license: License): boolean {
  return enumEquals(license.status, 'Warning') || enumEquals(license.status, 'Error');
}

export function buildDigest(input: DigestInput): Digest {
  const { now, timeZone, horizonDays } = input;
  // Same numbers as `daysLeft`/`toRow` of src/licenses/expiry.ts, at a fraction of the cost.
  const days = createDayCounter(now, timeZone);
  const bounds = bucketBounds(horizonDays);
  const expiring: ExpiryBucket[] = bounds.map((bound) => ({ ...bound, rows: [] }));
  const expired: LicenseRow[] = [];
  const supportExpiring: LicenseRow[] = [];
  const unhealthy: LicenseRow[] = [];
  const overUsed: OverUsage[] = [];

  for (const license of input.licenses) {
    const row: LicenseRow = {
      license,
      daysLeft: days(license.expirationDate),
      supportDaysLeft: days(license.supportExpirationDate),
    };
    if (row.daysLeft !== null && row.daysLeft < 0) expired.push(row);
    else if (row.daysLeft !== null && row.daysLeft <= horizonDays) {
      expiring[bucketIndex(bounds, row.daysLeft)]?.rows.push(row);
    }
    // Support that already ended is the license's story (or old news), not an upcoming renewal.
    if (row.supportDaysLeft !== null && row.supportDaysLeft >= 0 && row.supportDaysLeft <= horizonDays) {
      supportExpiring.push(row);
    }
    if (isUnhealthy(license)) unhealthy.push(row);
    for (const unit of license.units) {
      if (unit.licensed !== null && unit.used > unit.licensed) overUsed.push({ row, unit });
    }
  }

  expired.sort(byMostRecentlyExpired);
  for (const bucket of expiring) bucket.rows.sort(bySoonestExpiry);
  supportExpiring.sort(bySoonestSupportExpiry);
  unhealthy.sort(byHealth);
  overUsed.sort(byOverUse);
  const pendingReports = input.reports.filter((report) => enumEquals(report.status, 'ApprovalRequired'));
  pendingReports.sort(byInterval);

  const usage = input.usage ?? null;
  const lists = { expired, expiring, supportExpiring, unhealthy, overUsed, pendingReports, usage };
  return {
    day: localDay(now, timeZone),
    timeZone,
    generatedAt: now.toISOString(),
    horizonDays,
    expired,
    expiring,
    supportExpiring,
    unhealthy,
    overUsed,
    pendingReports,
    autoApprove: input.autoApprove,
    usage,
    summary: summarize({ ...lists, horizonDays }),
    empty: isEmptyDigest({ ...lists, horizonDays }),
  };
}
