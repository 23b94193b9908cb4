/** License objects of the 3.6.1 licensing operations (section 5.1 of the API notes). */
import { z } from 'zod';
import { lenientEnum, optionalBoolean, optionalNumber, optionalString, stringList } from './common.js';

export const LICENSE_STATUSES = ['Error', 'Expired', 'Unknown', 'Unlicensed', 'Valid', 'Warning'] as const;
export const LICENSE_TYPES = [
  'Community',
  'Evaluation',
  'NFR',
  'NotInstalled',
  'Perpetual',
  'Rental',
  'Subscription',
  'Unknown',
] as const;
export const CONSOLE_LICENSE_TYPES = [...LICENSE_TYPES, 'Full', 'Promo'] as const;
export const UNIT_TYPES = ['Instances', 'Points', 'Unknown'] as const;
export const CLOUD_CONNECT = ['Enterprise', 'No', 'Unknown', 'Yes'] as const;
export const SECTION_TYPES = ['All', 'Instance', 'Socket', 'Unknown'] as const;
export const PACKAGES = [
  'Advanced',
  'Backup',
  'Essentials',
  'Foundation',
  'None',
  'ONE',
  'Orchestrator',
  'Premium',
  'Starter',
  'Suite',
  'Unknown',
] as const;
export const LAST_UPDATE_STATUSES = ['Error', 'Success', 'Unknown', 'Warning'] as const;

const status = lenientEnum(LICENSE_STATUSES).nullish();
const type = lenientEnum(LICENSE_TYPES).nullish();
const unitType = lenientEnum(UNIT_TYPES).nullish();

/** What site and VBR licenses share. */
const sectionedLicense = {
  autoUpdateEnabled: z.boolean(),
  edition: optionalString,
  monitoring: optionalBoolean,
  packages: z.array(lenientEnum(PACKAGES)).nullish(),
  company: optionalString,
  email: optionalString,
  contactPerson: optionalString,
  expirationDate: optionalString,
  supportExpirationDate: optionalString,
  licenseIds: stringList,
  supportIds: stringList,
  sectionTypes: z.array(lenientEnum(SECTION_TYPES)).nullish(),
  status,
  cloudConnect: lenientEnum(CLOUD_CONNECT).nullish(),
  units: optionalNumber,
  usedUnits: optionalNumber,
  unitType,
  type,
};

export const SiteLicenseSchema = z.looseObject({ siteUid: optionalString, ...sectionedLicense });
export type SiteLicense = z.infer<typeof SiteLicenseSchema>;

export const BackupServerLicenseSchema = z.looseObject({
  backupServerUid: optionalString,
  ...sectionedLicense,
  sockets: optionalNumber,
  usedSockets: optionalNumber,
  capacity: optionalNumber,
  usedCapacity: optionalNumber,
});
export type BackupServerLicense = z.infer<typeof BackupServerLicenseSchema>;

const serverLicense = {
  autoUpdateEnabled: z.boolean(),
  company: optionalString,
  email: optionalString,
  expirationDate: optionalString,
  supportExpirationDate: optionalString,
  licenseId: optionalString,
  supportId: optionalString,
  status,
  type,
};

export const VOneServerLicenseSchema = z.looseObject({
  vOneServerUid: optionalString,
  ...serverLicense,
  statusMessage: optionalString,
  units: optionalNumber,
  usedUnits: optionalNumber,
  unitType,
});
export type VOneServerLicense = z.infer<typeof VOneServerLicenseSchema>;

export const Vb365ServerLicenseSchema = z.looseObject({
  vb365ServerUid: optionalString,
  ...serverLicense,
  licensedUsers: optionalNumber,
  protectedUsers: optionalNumber,
});
export type Vb365ServerLicense = z.infer<typeof Vb365ServerLicenseSchema>;

export const ConsoleLicenseSchema = z.looseObject({
  licenseId: optionalString,
  edition: optionalString,
  package: lenientEnum(PACKAGES).nullish(),
  licenseeCompany: optionalString,
  licenseeEmail: optionalString,
  licenseeAdministratorEmail: optionalString,
  contactPerson: optionalString,
  expirationDate: optionalString,
  supportExpirationDate: optionalString,
  supportId: optionalString,
  status,
  statusMessage: optionalString,
  cloudConnect: lenientEnum(CLOUD_CONNECT).nullish(),
  instances: optionalNumber,
  type: lenientEnum(CONSOLE_LICENSE_TYPES).nullish(),
  lastUpdateDate: optionalString,
  lastUpdateMessage: optionalString,
  lastUpdateStatus: lenientEnum(LAST_UPDATE_STATUSES).nullish(),
});
export type ConsoleLicense = z.infer<typeof ConsoleLicenseSchema>;

export const LicenseSettingsSchema = z.looseObject({ isAutoUpdateEnabled: z.boolean() });
export type LicenseSettings = z.infer<typeof LicenseSettingsSchema>;
