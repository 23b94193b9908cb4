/** Licenses of managed Veeam ONE servers: `/licensing/voneServers`. */
import type { VspcCore } from './core.js';
import { LicenseResource, type WriteOptions } from './license-resource.js';
import { EmptyResponseSchema } from './schemas/envelope.js';
import { type VOneServerLicense, VOneServerLicenseSchema } from './schemas/licenses.js';

export class VOneServerLicenses extends LicenseResource<VOneServerLicense> {
  constructor(core: VspcCore) {
    super(core, {
      collectionPath: '/licensing/voneServers',
      uidName: 'vOneServerUid',
      schema: VOneServerLicenseSchema,
      operations: {
        list: 'GetVOneServersLicenses',
        get: 'GetVOneServerLicense',
        install: 'InstallVOneServerLicense',
        patch: 'PatchVOneServerLicense',
        update: 'UpdateVOneServerLicense',
      },
    });
  }

  async delete(uid: string, options: WriteOptions = {}): Promise<void> {
    await this.core.jsonAfterWrite(
      {
        operation: 'DeleteVOneServerLicense',
        method: 'DELETE',
        path: this.itemPath(uid),
        requestId: options.requestId,
      },
      EmptyResponseSchema,
    );
  }
}
