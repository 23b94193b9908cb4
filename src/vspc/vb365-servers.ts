/** Licenses of managed Veeam Backup for Microsoft 365 servers: `/licensing/vb365Servers` (no DELETE on v3). */
import type { VspcCore } from './core.js';
import { LicenseResource } from './license-resource.js';
import { type Vb365ServerLicense, Vb365ServerLicenseSchema } from './schemas/licenses.js';

export class Vb365ServerLicenses extends LicenseResource<Vb365ServerLicense> {
  constructor(core: VspcCore) {
    super(core, {
      collectionPath: '/licensing/vb365Servers',
      uidName: 'vb365ServerUid',
      schema: Vb365ServerLicenseSchema,
      operations: {
        list: 'GetVb365ServersLicenses',
        get: 'GetVb365ServerLicense',
        install: 'InstallVb365ServerLicense',
        patch: 'PatchVb365ServerLicense',
        update: 'UpdateVb365ServerLicense',
      },
    });
  }
}
