/** Monthly license usage reports (section 5.2); reads both `reportParameters` and 3.5.1's `reportParemeters`. */
import { z } from 'zod';
import { lenientEnum, optionalNumber, optionalString, stringList } from './common.js';

export const REPORT_STATUSES = ['ApprovalRequired', 'Approved', 'Finalization', 'Unknown'] as const;
export const PRODUCT_TYPES = [
  'BackupAndReplication',
  'CloudConnect',
  'EnterpriseManager',
  'Unknown',
  'VB365',
  'VDP',
  'VONE',
  'VSPC',
] as const;
export const ORGANIZATION_TYPES = ['Company', 'Provider', 'Reseller', 'Unknown'] as const;
export const FINALIZATION_STATUSES = [
  'Approved',
  'Finalization',
  'Finalized',
  'NotApprovable',
  'NotApproved',
  'Unknown',
] as const;

export const WorkloadLicenseUsageSchema = z.looseObject({
  workloadType: optionalString,
  description: optionalString,
  initialCount: optionalNumber,
  reportedCount: optionalNumber,
  newCount: optionalNumber,
  weight: optionalNumber,
  usedPoints: optionalNumber,
  workloadsByPlatform: z.array(z.looseObject({})).nullish(),
});

export const TotalProductLicenseUsageSchema = z.looseObject({
  productType: lenientEnum(PRODUCT_TYPES).nullish(),
  totalPoints: optionalNumber,
  licenseEdition: optionalString,
  workloadUsage: z.array(WorkloadLicenseUsageSchema).nullish(),
});

export const LicenseReportSummarySchema = z.looseObject({
  totalPoints: z.number(),
  productsUsage: z.array(TotalProductLicenseUsageSchema).nullish(),
});

export const OrganizationLicenseUsageSchema = z.looseObject({
  organizationType: lenientEnum(ORGANIZATION_TYPES).nullish(),
  organizationName: optionalString,
  organizationUid: optionalString,
  usedPoints: optionalNumber,
});

export const LicenseReportParametersSchema = z.looseObject({
  reportId: z.number().int(),
  organizationName: z.string(),
  organizationUid: z.string(),
  licenseCompanyName: optionalString,
  generationDate: z.string(),
  reportInterval: z.looseObject({ startOfInterval: z.string(), endOfInterval: z.string() }),
});
export type LicenseReportParameters = z.infer<typeof LicenseReportParametersSchema>;

/** Per organization and support id: points per license and product (what `--product` per organization reads). */
export const OrganizationUsageOfLicensesSchema = z.looseObject({
  organizationName: optionalString,
  organizationUid: optionalString,
  supportId: optionalString,
  usageByLicenseAndProduct: z
    .array(
      z.looseObject({
        licenseId: optionalString,
        productType: lenientEnum(PRODUCT_TYPES).nullish(),
        licenseEdition: optionalString,
        usedPoints: optionalNumber,
      }),
    )
    .nullish(),
});

const usageDetails = z.array(OrganizationUsageOfLicensesSchema).nullish();

export const SingleLicenseReportSchema = z
  .looseObject({
    reportStatus: lenientEnum(REPORT_STATUSES).nullish(),
    reportParameters: LicenseReportParametersSchema.nullish(),
    /** API 3.5.1 spelling. */
    reportParemeters: LicenseReportParametersSchema.nullish(),
    reportSummary: LicenseReportSummarySchema.nullish(),
    organizationsUsage: z.array(OrganizationLicenseUsageSchema).nullish(),
    notCollectedCloudServers: stringList,
    clonedCloudServers: stringList,
    unsupportedCloudServers: stringList,
    usageDetails,
    appendices: z.array(z.looseObject({})).nullish(),
  })
  .transform((report) => ({ ...report, reportParameters: report.reportParameters ?? report.reportParemeters }));
export type SingleLicenseReport = z.infer<typeof SingleLicenseReportSchema>;

export const LicenseReportFinalizationStatusSchema = z.looseObject({
  reportApprovalStatus: lenientEnum(FINALIZATION_STATUSES),
  message: z.string().nullish(),
});
export type LicenseReportFinalizationStatus = z.infer<typeof LicenseReportFinalizationStatusSchema>;

export const SingleLicenseReportSettingsSchema = z.looseObject({ autoApprove: z.boolean() });
export type SingleLicenseReportSettings = z.infer<typeof SingleLicenseReportSettingsSchema>;
