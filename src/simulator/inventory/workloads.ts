/** Builders for the workload objects shared by the usage report and the current-usage endpoint. */
import type { CurrentLicenseUsageWorkload, WorkloadLicenseUsage } from '../wire.js';

/** One kind of protected object, with the per-object weight in points and VSPC's fixed workload id. */
export interface WorkloadKind {
  id: string;
  description: string;
  typeId: string;
  platform: string;
  weight: number;
}

/** Ids and weights as the VSPC 3.6.1 reference example shows them. */
export const WORKLOADS = {
  vbrVm: {
    id: 'dd79949a-2fc8-4673-a466-c184ccf8d0b9',
    description: 'VM',
    typeId: 'VBR-VM-VSPHERE',
    platform: 'VMware vSphere',
    weight: 11,
  },
  vbrServer: {
    id: 'a4e11b25-9808-4c0e-a896-d8d895d8ff5e',
    description: 'Server',
    typeId: 'VBR-SERVER-WINDOWS',
    platform: 'Microsoft Windows',
    weight: 11,
  },
  ccBackup: {
    id: '97e257f5-b50b-4844-90dd-f8bb6f9ecc20',
    description: 'Cloud Backup (VM)',
    typeId: 'VCC-VM-BACKUP',
    platform: 'VM',
    weight: 5,
  },
  ccReplica: {
    id: 'dd20bce2-fedc-451b-8399-6ba6eaada4a0',
    description: 'Cloud Replica (VM)',
    typeId: 'VCC-VM-REPLICA',
    platform: 'VM',
    weight: 10,
  },
  vspcServer: {
    id: '15dd8880-4379-40b9-adbb-08ac396823cb',
    description: 'Server',
    typeId: 'VSPC-SERVER-WINDOWS',
    platform: 'Microsoft Windows',
    weight: 11,
  },
  vspcWorkstation: {
    id: '3cd1c49e-6ccd-42ee-8892-5d027efca157',
    description: 'Workstation',
    typeId: 'VSPC-WORKSTATION-WINDOWS',
    platform: 'Microsoft Windows',
    weight: 4,
  },
  voneVm: {
    id: '6f5c1a8e-2b1d-4c3e-9a7f-0d4e5b6c7a81',
    description: 'VM',
    typeId: 'VONE-VM-VSPHERE',
    platform: 'VMware vSphere',
    weight: 4,
  },
  vb365User: {
    id: 'c2b7e4d0-8f3a-4e1b-b6d5-9a0c1e2f3a47',
    description: 'User',
    typeId: 'VB365-USER',
    platform: 'Microsoft 365',
    weight: 1,
  },
} satisfies Record<string, WorkloadKind>;

export interface WorkloadCounts {
  rental: number;
  new: number;
  used: number;
}

export function currentWorkload(kind: WorkloadKind, counts: WorkloadCounts): CurrentLicenseUsageWorkload {
  const units = {
    rentalUnits: counts.rental * kind.weight,
    newUnits: counts.new * kind.weight,
    usedUnits: counts.used * kind.weight,
    rentalCount: counts.rental,
    newCount: counts.new,
    usedCount: counts.used,
  };
  return {
    id: kind.id,
    description: kind.description,
    unitType: 'Points',
    ...units,
    workloadsByPlatform: [{ typeId: kind.typeId, description: kind.platform, weight: kind.weight, ...units }],
  };
}

/** A report line: `initialCount` objects at `weight` points, `reportedCount` after finalization. */
export function reportWorkload(
  description: string,
  weight: number,
  initialCount: number,
  newCount: number,
  workloadType = 'Dynamic',
): WorkloadLicenseUsage {
  return {
    workloadType,
    description,
    initialCount,
    reportedCount: initialCount,
    newCount,
    weight,
    usedPoints: initialCount * weight,
    workloadsByPlatform: [],
  };
}
