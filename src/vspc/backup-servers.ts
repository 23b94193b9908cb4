/** Licenses of managed Veeam Backup & Replication servers: `/licensing/backupServers`. */
import type { VspcCore } from './core.js';
import { LicenseResource, type WriteOptions } from './license-resource.js';
import { EmptyResponseSchema } from './schemas/envelope.js';
import { type BackupServerLicense, BackupServerLicenseSchema } from './schemas/licenses.js';

export type SectionForDelete = 'All' | 'Instance' | 'Socket';

export class BackupServerLicenses extends LicenseResource<BackupServerLicense> {
  constructor(core: VspcCore) {
    super(core, {
      collectionPath: '/licensing/backupServers',
      uidName: 'backupServerUid',
      schema: BackupServerLicenseSchema,
      operations: {
        list: 'GetBackupServersLicenses',
        get: 'GetBackupServerLicense',
        install: 'InstallBackupServerLicense',
        patch: 'PatchBackupServerLicense',
        update: 'UpdateBackupServerLicense',
      },
    });
  }

  /** `sectionForDelete` is required by VSPC; `All` removes the whole license. */
  async delete(uid: string, section: SectionForDelete = 'All', options: WriteOptions = {}): Promise<void> {
    await this.core.jsonAfterWrite(
      {
        operation: 'DeleteBackupServerLicense',
        method: 'DELETE',
        path: this.itemPath(uid),
        query: { sectionForDelete: section },
        requestId: options.requestId,
      },
      EmptyResponseSchema,
    );
  }
}
