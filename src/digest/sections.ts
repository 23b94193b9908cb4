/**
 * The digest as an ordered list of sections, most urgent first: what both renderers (Block Kit
 * and text) walk. Each entry knows which of its facts the section is about.
 */
import type { UsageChange } from '../insight/types.js';
import { describeThresholds } from '../insight/wording.js';
import type { LicenseRow, UnitUsage } from '../licenses/model.js';
import type { UsageReport } from '../reports/model.js';
import type { Digest } from './model.js';

export type DigestEntry =
  | { type: 'license'; focus: 'expiry' | 'health'; row: LicenseRow }
  | { type: 'license'; focus: 'support'; row: LicenseRow }
  | { type: 'license'; focus: 'overUse'; row: LicenseRow; unit: UnitUsage }
  | { type: 'report'; report: UsageReport }
  | { type: 'usage'; change: UsageChange };

export interface DigestSection {
  key: string;
  /** "Expiring in 8–14 days"; also used in "12 more expiring in 8–14 days in the thread". */
  title: string;
  emoji: string;
  entries: DigestEntry[];
  /** The command that lists this section in full (for what a message cannot hold). */
  fullListCommand: string;
}

function bucketTitle(fromDays: number, withinDays: number): string {
  return fromDays === 0 ? `Expiring within ${withinDays} days` : `Expiring in ${fromDays}–${withinDays} days`;
}

/** Non-empty sections in urgency order. */
export function digestSections(digest: Digest): DigestSection[] {
  const expiringCommand = `/vspc licenses --expiring ${digest.horizonDays}`;
  const license = (focus: 'expiry' | 'health' | 'support') => (row: LicenseRow) =>
    ({ type: 'license', focus, row }) as DigestEntry;
  const sections: DigestSection[] = [
    {
      key: 'expired',
      title: 'Expired',
      emoji: ':red_circle:',
      entries: digest.expired.map(license('expiry')),
      fullListCommand: expiringCommand,
    },
    ...digest.expiring.map((bucket, index) => ({
      key: `expiring-${bucket.withinDays}`,
      title: bucketTitle(bucket.fromDays, bucket.withinDays),
      emoji: index === 0 ? ':large_orange_circle:' : ':large_yellow_circle:',
      entries: bucket.rows.map(license('expiry')),
      fullListCommand: expiringCommand,
    })),
    {
      key: 'unhealthy',
      title: 'In Warning or Error',
      emoji: ':warning:',
      entries: digest.unhealthy.map(license('health')),
      fullListCommand: '/vspc licenses --status Error, /vspc licenses --status Warning',
    },
    {
      key: 'over-used',
      title: 'Over licensed units',
      emoji: ':chart_with_upwards_trend:',
      entries: digest.overUsed.map(({ row, unit }) => ({ type: 'license', focus: 'overUse', row, unit }) as const),
      fullListCommand: '/vspc licenses',
    },
    {
      key: 'support',
      title: `Support contracts expiring within ${digest.horizonDays} days`,
      emoji: ':wrench:',
      entries: digest.supportExpiring.map(license('support')),
      fullListCommand: '/vspc licenses',
    },
    {
      key: 'reports',
      title: 'Usage reports waiting for approval',
      emoji: ':receipt:',
      entries: digest.pendingReports.map((report) => ({ type: 'report', report }) as const),
      fullListCommand: '/vspc reports pending',
    },
    {
      key: 'usage-changes',
      title: 'Usage changes',
      emoji: ':bar_chart:',
      entries:
        digest.usage?.status === 'ok'
          ? digest.usage.changes.changes.map((change) => ({ type: 'usage', change }) as const)
          : [],
      fullListCommand: '/vspc forecast',
    },
  ];
  return sections.filter((section) => section.entries.length > 0);
}

/**
 * What "Usage changes" compares and how (or what failed); null where the digest has no usage
 * changes to show (VSPC API v2).
 */
export function usageLine(digest: Digest): string | null {
  const { usage } = digest;
  if (usage === null) return null;
  if (usage.status === 'failed') return `Usage changes could not be read: ${usage.reason}`;
  const { lastReportMonth, thresholds, changes } = usage.changes;
  if (lastReportMonth === null) return 'Usage changes: VSPC has no usage report to compare with yet';
  const what = `Usage changes against the ${lastReportMonth} reports: organizations ${describeThresholds(thresholds)}, new ones, ones at zero`;
  return changes.length === 0 ? `${what} · none today` : what;
}

export function autoApproveLine(autoApprove: boolean | null): string {
  if (autoApprove === null) return 'Auto-approve of usage reports: unknown';
  return `Auto-approve of usage reports: ${autoApprove ? 'on' : 'off'}`;
}
