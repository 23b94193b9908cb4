/**
 * Legacy VAC/VSPC REST v2 objects (bare JSON, no envelope). Lenient like the v3 schemas: unknown
 * fields kept, nulls accepted, enums as any string; ids may be UUIDs or integers.
 */
import { z } from 'zod';
import { lenientEnum, optionalBoolean, optionalNumber, optionalString } from '../schemas/common.js';
import { LICENSE_STATUSES, LICENSE_TYPES } from '../schemas/licenses.js';

const id = z.union([z.string(), z.number()]).transform(String);

/** Cloud Connect and backup-server licenses share this shape on v2. */
export const V2ServerLicenseSchema = z.looseObject({
  id,
  contactPerson: optionalString,
  licenseAdministratorEmail: optionalString,
  licenseeEmail: optionalString,
  edition: optionalString,
  monitoring: optionalBoolean,
  licensedTo: optionalString,
  licenseType: lenientEnum(LICENSE_TYPES).nullish(),
  status: lenientEnum(LICENSE_STATUSES).nullish(),
  supportID: optionalString,
  licenseExpirationDate: optionalString,
  supportExpirationDate: optionalString,
  backupServerName: optionalString,
  companyName: optionalString,
  // The docs spell the flag both ways.
  autoUpdateEnabled: optionalBoolean,
  autoupdateEnabled: optionalBoolean,
  licensedVMs: optionalNumber,
  usedVMs: optionalNumber,
  newVMs: optionalNumber,
  licensedCloudconnectBackups: optionalNumber,
  usedCloudconnectBackups: optionalNumber,
  licensedCloudconnectReplicas: optionalNumber,
  usedCloudconnectReplicas: optionalNumber,
  licensedCloudconnectServers: optionalNumber,
  usedCloudconnectServers: optionalNumber,
  licensedCloudconnectWorkstations: optionalNumber,
  usedCloudconnectWorkstations: optionalNumber,
  totalInstances: optionalNumber,
  usedInstances: optionalNumber,
});
export type V2ServerLicense = z.infer<typeof V2ServerLicenseSchema>;

/** `GET /v2/licenseSettings`: the console's own license. */
export const V2LicenseSettingsSchema = z.looseObject({
  autoupdateEnabled: optionalBoolean,
  productName: optionalString,
  status: lenientEnum(LICENSE_STATUSES).nullish(),
  type: optionalString,
  licenseEdition: optionalString,
  licenseTo: optionalString,
  licensesCount: optionalNumber,
  licensesUsedCount: optionalNumber,
  supportId: optionalString,
  licenseId: optionalString,
  expirationDate: optionalString,
  supportExpirationDate: optionalString,
});
export type V2LicenseSettings = z.infer<typeof V2LicenseSettingsSchema>;

/** Actions answer with a plain message string (or, on some versions, an object). */
export const V2MessageSchema = z.unknown();
