import type {
  BackupServerLicense,
  ConsoleLicense,
  OrganizationCurrentLicenseUsage,
  SingleLicenseReport,
  SiteLicense,
  Vb365ServerLicense,
  VOneServerLicense,
} from '../wire.js';

/** The four license collections addressed by a server UID. The console license stands alone. */
export type ServerLicenseKind = 'site' | 'vbr' | 'vone' | 'vb365';

export interface Organization {
  uid: string;
  name: string;
  type: 'Provider' | 'Reseller' | 'Company';
  /** The provider or reseller that manages this organization; null for the provider itself. */
  managedBy: string | null;
  email: string;
  contactPerson: string;
}

export interface ServerInfo {
  uid: string;
  /** Host name as VSPC shows it (`vbr-contoso-01`). */
  name: string;
  kind: ServerLicenseKind;
  ownerUid: string;
}

export interface LicenseRef {
  kind: ServerLicenseKind | 'console';
  uid: string;
}

/**
 * Licenses the generator plants on purpose (plus any bulk license that happens to qualify), so
 * tests and demos find every interesting case. Expiry bands are disjoint: ≤ 7, 8–14 and 15–30
 * days, counted in UTC calendar days from `now`; `expired` is < 0 days.
 */
export interface Notable {
  expired: LicenseRef[];
  expiringIn7Days: LicenseRef[];
  expiringIn14Days: LicenseRef[];
  expiringIn30Days: LicenseRef[];
  /** Support contract ends within 30 days while the license itself runs longer. */
  supportExpiring: LicenseRef[];
  warning: LicenseRef[];
  error: LicenseRef[];
  /** Used units (or protected users) above the licensed amount. */
  overUsage: LicenseRef[];
  autoUpdateOff: LicenseRef[];
  /** Two company names where one is a prefix of the other: a search for the first matches both. */
  ambiguousCompanies: [string, string];
  /** VBR servers that share one company, so a company-name target matches more than one license. */
  sameCompanyServers: string[];
}

export interface Inventory {
  seed: string | number;
  now: Date;
  provider: Organization;
  /** Resellers and companies, in generation order. */
  organizations: Organization[];
  servers: Map<string, ServerInfo>;
  sites: SiteLicense[];
  backupServers: BackupServerLicense[];
  voneServers: VOneServerLicense[];
  vb365Servers: Vb365ServerLicense[];
  console: ConsoleLicense;
  consoleSettings: { isAutoUpdateEnabled: boolean };
  /** The VSPC server itself (a `serverType: VSPC` entry of the usage). */
  vspcServerUid: string;
  reports: SingleLicenseReport[];
  reportSettings: { autoApprove: boolean };
  usage: OrganizationCurrentLicenseUsage[];
  /**
   * The companies whose current usage was changed on purpose against the last report: `jump` is
   * 70 % and 88 points above it, `zero` fell to nothing. Null with fewer than four companies.
   */
  plantedUsage: { jump: { uid: string; name: string }; zero: { uid: string; name: string } } | null;
  notable: Notable;
}

export interface InventorySizes {
  sites: number;
  vbr: number;
  vone: number;
  vb365: number;
  companies: number;
}

export interface InventoryOptions extends Partial<InventorySizes> {
  seed?: string | number;
  now?: Date;
  /** Monthly reports per owner (default 25): the last one is `ApprovalRequired`, the older ones `Approved`. */
  reportMonths?: number;
}

/** Two years of approved reports and the month waiting for approval. */
export const DEFAULT_REPORT_MONTHS = 25;

export const DEFAULT_SIZES: InventorySizes = { sites: 3, vbr: 40, vone: 8, vb365: 8, companies: 12 };
