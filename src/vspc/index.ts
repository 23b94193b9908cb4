/** Public surface of the VSPC REST v3 client. */
export type { AsyncActionWithErrors } from './async-actions.js';
export type { SectionForDelete } from './backup-servers.js';
export { createVspcClient, type VspcClient } from './client.js';
export * from './errors.js';
export type { UploadFile, WriteOptions } from './license-resource.js';
export type { AsyncPollOptions, RequestInfo, RetryOptions, VspcClientOptions } from './options.js';
export { type Page, PagedCollection, VspcCollectionTooLargeError } from './paging.js';
export { RequestSlots } from './request-slots.js';
export type { AsyncActionInfo, AsyncActionsConfig } from './schemas/async-actions.js';
export type {
  CollectionQuery,
  FilterExpression,
  JsonPatch,
  SelectExpression,
  SortExpression,
} from './schemas/common.js';
export type {
  BackupServerLicense,
  ConsoleLicense,
  LicenseSettings,
  SiteLicense,
  Vb365ServerLicense,
  VOneServerLicense,
} from './schemas/licenses.js';
export type {
  LicenseReportFinalizationStatus,
  SingleLicenseReport,
  SingleLicenseReportSettings,
} from './schemas/reports.js';
export type { OAuth2Result, TokenForm } from './schemas/token.js';
export type { OrganizationCurrentLicenseUsage, UsageFilter } from './schemas/usage.js';
