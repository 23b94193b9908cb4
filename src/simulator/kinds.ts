/** How each server-addressed license kind appears on the wire: path, uid field, capabilities. */
import type { Inventory, ServerLicenseKind } from './inventory/types.js';
import type { BackupServerLicense, SiteLicense, Vb365ServerLicense, VOneServerLicense } from './wire.js';

export type AnyServerLicense = SiteLicense | BackupServerLicense | VOneServerLicense | Vb365ServerLicense;

export interface KindSpec {
  kind: ServerLicenseKind;
  /** Path segment under `/licensing/`. */
  segment: string;
  /** Path parameter and wire field holding the server UID. */
  uidField: 'siteUid' | 'backupServerUid' | 'vOneServerUid' | 'vb365ServerUid';
  paginated: boolean;
  deletable: boolean;
  /** Operation ids, for async action names and the contract tests. */
  operations: { list: string; get: string; install: string; patch: string; update: string; delete?: string };
  /** Human label for error messages. */
  label: string;
}

export const KINDS: Record<ServerLicenseKind, KindSpec> = {
  site: {
    kind: 'site',
    segment: 'sites',
    uidField: 'siteUid',
    paginated: false,
    deletable: false,
    operations: {
      list: 'GetSiteLicenses',
      get: 'GetSiteLicense',
      install: 'InstallSiteLicense',
      patch: 'PatchSiteLicense',
      update: 'UpdateSiteLicense',
    },
    label: 'Veeam Cloud Connect site',
  },
  vbr: {
    kind: 'vbr',
    segment: 'backupServers',
    uidField: 'backupServerUid',
    paginated: true,
    deletable: true,
    operations: {
      list: 'GetBackupServersLicenses',
      get: 'GetBackupServerLicense',
      install: 'InstallBackupServerLicense',
      patch: 'PatchBackupServerLicense',
      update: 'UpdateBackupServerLicense',
      delete: 'DeleteBackupServerLicense',
    },
    label: 'Veeam Backup & Replication server',
  },
  vone: {
    kind: 'vone',
    segment: 'voneServers',
    uidField: 'vOneServerUid',
    paginated: true,
    deletable: true,
    operations: {
      list: 'GetVOneServersLicenses',
      get: 'GetVOneServerLicense',
      install: 'InstallVOneServerLicense',
      patch: 'PatchVOneServerLicense',
      update: 'UpdateVOneServerLicense',
      delete: 'DeleteVOneServerLicense',
    },
    label: 'Veeam ONE server',
  },
  vb365: {
    kind: 'vb365',
    segment: 'vb365Servers',
    uidField: 'vb365ServerUid',
    paginated: true,
    deletable: false,
    operations: {
      list: 'GetVb365ServersLicenses',
      get: 'GetVb365ServerLicense',
      install: 'InstallVb365ServerLicense',
      patch: 'PatchVb365ServerLicense',
      update: 'UpdateVb365ServerLicense',
    },
    label: 'Veeam Backup for Microsoft 365 server',
  },
};

export function collectionOf(inventory: Inventory, kind: ServerLicenseKind): AnyServerLicense[] {
  switch (kind) {
    case 'site':
      return inventory.sites;
    case 'vbr':
      return inventory.backupServers;
    case 'vone':
      return inventory.voneServers;
    case 'vb365':
      return inventory.vb365Servers;
  }
}

export function uidOf(license: AnyServerLicense): string {
  if ('siteUid' in license) return license.siteUid;
  if ('backupServerUid' in license) return license.backupServerUid;
  if ('vOneServerUid' in license) return license.vOneServerUid;
  return license.vb365ServerUid;
}
