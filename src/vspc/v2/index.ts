/** Public surface of the legacy VSPC REST v2 client. */
export { createVspcV2Client, type VspcV2Client } from './client.js';
export type { V2LicenseSettingsApi, V2ServerLicenses } from './resources.js';
export type { V2LicenseSettings, V2ServerLicense } from './schemas.js';
