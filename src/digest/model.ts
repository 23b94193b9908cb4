/** The digest as data: built by `build-digest.ts` (pure), rendered for Slack and as text. */
import type { UsageChanges } from '../insight/types.js';
import type { LicenseRow, UnitUsage } from '../licenses/model.js';
import type { UsageReport } from '../reports/model.js';

export interface ExpiryBucket {
  /** Lower bound in days, inclusive (0, 8, 15): the bucket holds `fromDays ≤ daysLeft ≤ withinDays`. */
  fromDays: number;
  /** Upper bound in days (7, 14, DIGEST_EXPIRY_DAYS). */
  withinDays: number;
  rows: LicenseRow[];
}

export interface OverUsage {
  row: LicenseRow;
  unit: UnitUsage;
}

/**
 * The "Usage changes" of the day: organizations above the thresholds against their last report,
 * new ones, ones at zero; or what went wrong reading them (the rest of the digest still posts).
 */
export type DigestUsage = { status: 'ok'; changes: UsageChanges } | { status: 'failed'; reason: string };

export interface Digest {
  /** YYYY-MM-DD in the digest time zone. */
  day: string;
  timeZone: string;
  generatedAt: string;
  horizonDays: number;
  /** Most recently expired first. */
  expired: LicenseRow[];
  /** Every bucket of the horizon, empty ones included; rows soonest first. */
  expiring: ExpiryBucket[];
  /** Support ending within the horizon (today included, already ended excluded), soonest first. */
  supportExpiring: LicenseRow[];
  /** Licenses in Warning or Error, with VSPC's status message; Error first. */
  unhealthy: LicenseRow[];
  /** One entry per unit used beyond its licensed count; largest overshoot first. */
  overUsed: OverUsage[];
  /** Reports in ApprovalRequired, oldest interval first. */
  pendingReports: UsageReport[];
  autoApprove: boolean | null;
  /** null where there are no usage reports to compare with (VSPC API v2) or nobody asked for them. */
  usage: DigestUsage | null;
  /** One line: "3 expired · 5 expiring within 30 days · 1 report waits for approval". */
  summary: string;
  /** Nothing needs attention. */
  empty: boolean;
}

/** What commands (`digest preview|now`) and the CLI need of the digest. */
export interface DigestService {
  /** Builds today's digest from VSPC now. */
  preview(): Promise<Digest>;
  /** Posts to the digest channels now and records it as today's; returns a line for the caller. */
  postNow(requestedBy: string): Promise<string>;
}
