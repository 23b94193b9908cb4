/**
 * The VSPC REST v3 wire shapes the simulator serves, as the vendored OpenAPI document (API 3.6.1)
 * declares them. Kept apart from `src/licenses/model.ts` on purpose: the simulator speaks the wire
 * format, the product maps it.
 */

export type LicenseStatus = 'Error' | 'Expired' | 'Unknown' | 'Unlicensed' | 'Valid' | 'Warning';
export type LicenseType =
  | 'Community'
  | 'Evaluation'
  | 'NFR'
  | 'NotInstalled'
  | 'Perpetual'
  | 'Rental'
  | 'Subscription'
  | 'Unknown';
export type UnitType = 'Instances' | 'Points' | 'Unknown';
export type SectionType = 'All' | 'Instance' | 'Socket' | 'Unknown';
export type OrganizationType = 'Company' | 'Provider' | 'Reseller' | 'Unknown';
export type ServerType = 'BackupAndReplication' | 'CloudConnect' | 'Unknown' | 'VB365' | 'VONE' | 'VSPC';

interface SectionedLicense {
  autoUpdateEnabled: boolean;
  edition: string | null;
  monitoring: boolean | null;
  packages: string[];
  company: string;
  email: string;
  contactPerson?: string;
  expirationDate: string | null;
  supportExpirationDate: string | null;
  licenseIds: string[];
  supportIds: string[];
  sectionTypes: SectionType[];
  status: LicenseStatus;
  cloudConnect: 'Enterprise' | 'No' | 'Unknown' | 'Yes';
  units: number;
  usedUnits: number;
  unitType: UnitType;
  type: LicenseType;
}

export interface SiteLicense extends SectionedLicense {
  siteUid: string;
}

export interface BackupServerLicense extends SectionedLicense {
  backupServerUid: string;
  sockets: number | null;
  usedSockets: number | null;
  capacity: number | null;
  usedCapacity: number | null;
}

export interface VOneServerLicense {
  vOneServerUid: string;
  autoUpdateEnabled: boolean;
  company: string;
  email: string;
  expirationDate: string | null;
  supportExpirationDate: string | null;
  licenseId: string | null;
  supportId: string;
  status: LicenseStatus;
  statusMessage: string;
  units: number | null;
  usedUnits: number | null;
  unitType: UnitType;
  type: LicenseType;
}

export interface Vb365ServerLicense {
  vb365ServerUid: string;
  autoUpdateEnabled: boolean;
  company: string;
  email: string;
  expirationDate: string | null;
  supportExpirationDate: string | null;
  licenseId: string | null;
  supportId: string;
  status: LicenseStatus;
  licensedUsers: number;
  protectedUsers: number;
  type: LicenseType;
}

export interface ConsoleLicense {
  licenseId: string;
  edition: string;
  package: string;
  licenseeCompany: string;
  licenseeEmail: string;
  licenseeAdministratorEmail: string;
  contactPerson?: string;
  expirationDate: string | null;
  supportExpirationDate: string | null;
  supportId: string;
  status: Exclude<LicenseStatus, 'Unlicensed'>;
  statusMessage: string;
  cloudConnect: 'Enterprise' | 'No' | 'Unknown' | 'Yes';
  instances: number;
  type: string;
  lastUpdateDate: string | null;
  lastUpdateMessage: string;
  lastUpdateStatus: 'Error' | 'Success' | 'Unknown' | 'Warning';
}

export interface WorkloadUsageByWeight {
  weight: number;
  initialCount: number;
  reportedCount: number;
  newCount: number;
  usedPoints: number;
}

export interface WorkloadLicenseUsage {
  workloadType: string;
  description: string;
  initialCount: number;
  reportedCount: number;
  newCount: number;
  weight: number;
  usedPoints: number;
  workloadsByPlatform: { typeId: string; objectsByWeight: WorkloadUsageByWeight[] }[];
}

export interface ProductUsage {
  productType: string;
  totalPoints: number;
  licenseEdition: string;
  workloadUsage: WorkloadLicenseUsage[];
}

export interface OrganizationLicenseUsage {
  organizationType: OrganizationType;
  organizationName: string;
  organizationUid: string;
  usedPoints: number;
}

export interface UsageDetails {
  organizationName: string;
  organizationUid: string;
  supportId: string | null;
  notCollectedClientServers: string[];
  clonedClientServers: string[];
  unsupportedClientServers: string[];
  usageByLicenseAndProduct: {
    licenseId: string | null;
    productType: string;
    licenseEdition: string | null;
    usedPoints: number;
    workloadUsage: WorkloadLicenseUsage[];
  }[];
}

export type ReportStatus = 'ApprovalRequired' | 'Approved' | 'Finalization' | 'Unknown';

export interface SingleLicenseReport {
  reportStatus: ReportStatus;
  reportParameters: {
    reportId: number;
    organizationName: string;
    organizationUid: string;
    licenseCompanyName: string;
    generationDate: string;
    reportInterval: { startOfInterval: string; endOfInterval: string };
  };
  reportSummary: { totalPoints: number; productsUsage: ProductUsage[] };
  organizationsUsage: OrganizationLicenseUsage[];
  notCollectedCloudServers: string[];
  clonedCloudServers: string[];
  unsupportedCloudServers: string[];
  usageDetails: UsageDetails[];
  appendices: unknown[];
}

export interface WorkloadByPlatform {
  typeId: string;
  description: string;
  weight: number;
  rentalUnits: number;
  newUnits: number;
  usedUnits: number;
  rentalCount: number;
  newCount: number;
  usedCount: number;
}

export interface CurrentLicenseUsageWorkload {
  id: string;
  description: string;
  unitType: UnitType;
  rentalUnits: number;
  newUnits: number;
  usedUnits: number;
  rentalCount: number;
  newCount: number;
  usedCount: number;
  workloadsByPlatform: WorkloadByPlatform[];
}

export interface ServerCurrentLicenseUsage {
  serverUid: string;
  serverType: ServerType;
  workloads: CurrentLicenseUsageWorkload[];
}

export interface OrganizationCurrentLicenseUsage {
  organizationUid: string;
  organizationType: OrganizationType;
  providerUid: string | null;
  servers: ServerCurrentLicenseUsage[];
}

export interface ResponseError {
  message: string;
  type: 'logical' | 'retryableLogical' | 'security' | 'transport' | 'unspecified';
  code: number;
  failedJsonPatch?: unknown;
}
