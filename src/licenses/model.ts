/**
 * The normalised license view model every command, card and digest works with.
 * Backends (VSPC REST v3, legacy v2) map their wire shapes into this; nothing above
 * `src/licenses/` ever sees a VSPC wire object.
 */

export const LICENSE_KINDS = ['console', 'site', 'vbr', 'vone', 'vb365'] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

/** What the kind is called in messages. */
export const KIND_LABELS: Record<LicenseKind, string> = {
  console: 'VSPC console',
  site: 'Cloud Connect site',
  vbr: 'Veeam Backup & Replication',
  vone: 'Veeam ONE',
  vb365: 'Veeam Backup for Microsoft 365',
};

/**
 * Status as VSPC reports it, normalised to the 3.6.1 capitalisation (`valid` → `Valid`).
 * Unknown values from newer servers are kept as they came.
 */
export type LicenseStatus = 'Valid' | 'Warning' | 'Error' | 'Expired' | 'Unlicensed' | 'Unknown' | (string & {});

/** One countable resource of a license: used against licensed (null when the license has no cap). */
export interface UnitUsage {
  /** `instances`, `points`, `sockets`, `capacity (TB)`, `users`, or a v2 workload like `backups`. */
  unit: string;
  used: number;
  licensed: number | null;
}

export interface License {
  kind: LicenseKind;
  /** The target id VSPC addresses the license by (siteUid, backupServerUid, …); `console` for the console. */
  uid: string;
  /** Licensee company (VSPC's `company` / `licenseeCompany`). */
  company: string | null;
  /** Rental, Subscription, Perpetual, Evaluation, NFR, … */
  type: string | null;
  edition: string | null;
  status: LicenseStatus;
  statusMessage: string | null;
  /** ISO 8601 instants as VSPC sent them; null when the license does not expire. */
  expirationDate: string | null;
  supportExpirationDate: string | null;
  /** null when the backend cannot tell (e.g. console on API v3 without settings). */
  autoUpdateEnabled: boolean | null;
  units: UnitUsage[];
  licenseIds: string[];
  supportIds: string[];
  /** VBR only: which sections a delete can target (`All`, `Instance`, `Socket`). */
  sectionTypes: string[];
}

/** Normalise an enum value the way VSPC 3.6.1 spells it (older servers send lowercase). */
export function normaliseEnum(value: string | null | undefined): string {
  if (!value) return 'Unknown';
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Case-insensitive enum comparison (`valid` equals `Valid`). */
export function enumEquals(a: string | null | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}

/** A license with its day counts in the team time zone (negative = expired; null = does not expire). */
export interface LicenseRow {
  license: License;
  daysLeft: number | null;
  supportDaysLeft: number | null;
}
