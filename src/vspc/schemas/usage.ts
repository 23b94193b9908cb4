/** Current license usage per organization (section 5.3, `GET /licensing/usage/organizations`). */
import { z } from 'zod';
import { lenientEnum, optionalNumber, optionalString } from './common.js';
import { UNIT_TYPES } from './licenses.js';
import { ORGANIZATION_TYPES } from './reports.js';

export const SERVER_TYPES = ['BackupAndReplication', 'CloudConnect', 'Unknown', 'VB365', 'VONE', 'VSPC'] as const;

const counters = {
  rentalUnits: optionalNumber,
  newUnits: optionalNumber,
  usedUnits: optionalNumber,
  rentalCount: optionalNumber,
  newCount: optionalNumber,
  usedCount: optionalNumber,
};

export const CurrentLicenseUsageWorkloadSchema = z.looseObject({
  id: optionalString,
  description: optionalString,
  unitType: lenientEnum(UNIT_TYPES).nullish(),
  ...counters,
  workloadsByPlatform: z
    .array(z.looseObject({ typeId: optionalString, description: optionalString, weight: optionalNumber, ...counters }))
    .nullish(),
});

export const ServerCurrentLicenseUsageSchema = z.looseObject({
  serverUid: optionalString,
  serverType: lenientEnum(SERVER_TYPES).nullish(),
  workloads: z.array(CurrentLicenseUsageWorkloadSchema).nullish(),
});

export const OrganizationCurrentLicenseUsageSchema = z.looseObject({
  organizationUid: optionalString,
  organizationType: lenientEnum(ORGANIZATION_TYPES).nullish(),
  providerUid: optionalString,
  servers: z.array(ServerCurrentLicenseUsageSchema).nullish(),
});
export type OrganizationCurrentLicenseUsage = z.infer<typeof OrganizationCurrentLicenseUsageSchema>;

export interface UsageFilter {
  organizationUid?: string;
  organizationType?: (typeof ORGANIZATION_TYPES)[number];
  providerUid?: string;
  serverUid?: string;
  serverType?: (typeof SERVER_TYPES)[number];
}
