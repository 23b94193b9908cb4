/** Legacy v2 license objects → `License`: Cloud Connect licenses become `site`, backup-server licenses `vbr`. */
import type { V2LicenseSettings, V2ServerLicense } from '../../vspc/v2/index.js';
import type { License, LicenseKind, UnitUsage } from '../model.js';

type Nullable<T> = T | null | undefined;

/**
 * One workload counter. v2 reports 0 licensed for workloads a license does not cap, so 0 reads as
 * "no cap" (null); a workload with neither licence nor use is left out.
 */
function unit(name: string, licensed: Nullable<number>, used: Nullable<number>): UnitUsage[] {
  if (!licensed && !used) return [];
  return [{ unit: name, used: used ?? 0, licensed: licensed ? licensed : null }];
}

function workloadUnits(wire: V2ServerLicense): UnitUsage[] {
  return [
    ...unit('backups', wire.licensedCloudconnectBackups, wire.usedCloudconnectBackups),
    ...unit('replicas', wire.licensedCloudconnectReplicas, wire.usedCloudconnectReplicas),
    ...unit('servers', wire.licensedCloudconnectServers, wire.usedCloudconnectServers),
    ...unit('workstations', wire.licensedCloudconnectWorkstations, wire.usedCloudconnectWorkstations),
    ...unit('VMs', wire.licensedVMs, wire.usedVMs),
    ...unit('instances', wire.totalInstances, wire.usedInstances),
  ];
}

/** v2 deletes a backup-server license whole: `All` is the only section a delete can target. */
const V2_VBR_SECTIONS = ['All'];

export function v2ServerToLicense(kind: Extract<LicenseKind, 'site' | 'vbr'>, wire: V2ServerLicense): License {
  return {
    kind,
    uid: wire.id,
    // `licensedTo` is the licensee; `companyName` the VAC tenant that owns the server.
    company: wire.licensedTo || wire.companyName || null,
    type: wire.licenseType ?? null,
    edition: wire.edition ?? null,
    status: wire.status ?? 'Unknown',
    statusMessage: null,
    expirationDate: wire.licenseExpirationDate ?? null,
    supportExpirationDate: wire.supportExpirationDate ?? null,
    autoUpdateEnabled: wire.autoUpdateEnabled ?? wire.autoupdateEnabled ?? null,
    units: workloadUnits(wire),
    licenseIds: [],
    supportIds: wire.supportID ? [wire.supportID] : [],
    sectionTypes: kind === 'vbr' ? [...V2_VBR_SECTIONS] : [],
  };
}

export function v2ConsoleToLicense(wire: V2LicenseSettings): License {
  return {
    kind: 'console',
    uid: 'console',
    company: wire.licenseTo || null,
    type: wire.type ?? null,
    edition: wire.licenseEdition ?? null,
    status: wire.status ?? 'Unknown',
    statusMessage: null,
    expirationDate: wire.expirationDate ?? null,
    supportExpirationDate: wire.supportExpirationDate ?? null,
    autoUpdateEnabled: wire.autoupdateEnabled ?? null,
    units: unit('instances', wire.licensesCount, wire.licensesUsedCount),
    licenseIds: wire.licenseId ? [wire.licenseId] : [],
    supportIds: wire.supportId ? [wire.supportId] : [],
    sectionTypes: [],
  };
}
