/**
 * Wire shapes of the legacy VAC/VSPC REST v2 licensing API (bare JSON, no envelope), mapped from
 * the same inventory the v3 endpoints serve: sites are Cloud Connect licenses, VBR servers are
 * backup server licenses. Field names follow the v2 reference examples.
 */
import type { Inventory } from '../inventory/types.js';
import type { BackupServerLicense, ConsoleLicense, LicenseStatus, SiteLicense } from '../wire.js';

/** v2 knows Unknown/Valid/Warning/Error only. */
function v2Status(status: LicenseStatus): string {
  if (status === 'Expired') return 'Error';
  if (status === 'Unlicensed') return 'Unknown';
  return status;
}

/** v2 examples write UTC instants with `Z`. */
function v2Date(vspc: string | null): string | null {
  return vspc === null ? null : new Date(vspc).toISOString().replace('.000Z', 'Z');
}

function common(license: SiteLicense | BackupServerLicense, serverName: string) {
  return {
    contactPerson: license.contactPerson ?? null,
    licenseAdministratorEmail: license.email,
    licenseeEmail: license.email,
    edition: license.edition,
    monitoring: license.monitoring,
    licensedTo: license.company,
    licenseType: license.type,
    status: v2Status(license.status),
    supportID: license.supportIds[0] ?? null,
    licenseExpirationDate: v2Date(license.expirationDate),
    supportExpirationDate: v2Date(license.supportExpirationDate),
    backupServerName: serverName,
    companyName: license.company,
  };
}

const part = (total: number, share: number) => Math.round(total * share);

/**
 * How a site's instances split over the v2 Cloud Connect workloads (shares of units and used units).
 * Every counter is non-zero so that clients show each workload; the shares sum to 1.
 */
export const CLOUD_CONNECT_SHARES = { backups: 0.4, replicas: 0.2, servers: 0.15, workstations: 0.1, vms: 0.15 };

export function cloudConnectLicense(license: SiteLicense, serverName: string, origin: string) {
  const href = `${origin}/v2/licensing/cloudconnectLicenses/${license.siteUid}`;
  const share = CLOUD_CONNECT_SHARES;
  return {
    id: license.siteUid,
    ...common(license, serverName),
    licensedVMs: part(license.units, share.vms),
    usedVMs: part(license.usedUnits, share.vms),
    newVMs: 0,
    licensedCloudconnectBackups: part(license.units, share.backups),
    usedCloudconnectBackups: part(license.usedUnits, share.backups),
    licensedCloudconnectReplicas: part(license.units, share.replicas),
    usedCloudconnectReplicas: part(license.usedUnits, share.replicas),
    licensedCloudconnectServers: part(license.units, share.servers),
    usedCloudconnectServers: part(license.usedUnits, share.servers),
    licensedCloudconnectWorkstations: part(license.units, share.workstations),
    usedCloudconnectWorkstations: part(license.usedUnits, share.workstations),
    totalInstances: license.units,
    usedInstances: license.usedUnits,
    _links: { self: { href } },
  };
}

export function backupServerLicenseV2(license: BackupServerLicense, serverName: string, origin: string) {
  const href = `${origin}/v2/licensing/backupserverLicenses/${license.backupServerUid}`;
  return {
    id: license.backupServerUid,
    ...common(license, serverName),
    licensedVMs: 0,
    usedVMs: part(license.usedUnits, 0.6),
    newVMs: 0,
    licensedSockets: license.sockets ?? 0,
    usedSockets: license.usedSockets ?? 0,
    totalInstances: license.units,
    usedInstances: license.usedUnits,
    _links: { self: { href } },
  };
}

export function licenseSettingsV2(console: ConsoleLicense, inventory: Inventory) {
  return {
    autoupdateEnabled: inventory.consoleSettings.isAutoUpdateEnabled,
    productName: 'Veeam Service Provider Console',
    status: v2Status(console.status),
    type: console.type,
    licenseEdition: console.edition,
    licenseTo: console.licenseeCompany,
    contactPerson: console.contactPerson ?? null,
    licenseAdministratorEmail: console.licenseeAdministratorEmail,
    licenseeEmail: console.licenseeEmail,
    licensesCount: console.instances,
    licensesUsedCount: Math.round(console.instances * 0.4),
    cloudConnectType: console.cloudConnect,
    supportId: console.supportId,
    licenseId: console.licenseId,
    expirationDate: v2Date(console.expirationDate),
    supportExpirationDate: v2Date(console.supportExpirationDate),
    lastUpdateDate: v2Date(console.lastUpdateDate),
    package: console.package,
  };
}
