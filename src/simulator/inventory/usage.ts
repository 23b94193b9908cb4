/** Current license usage per organization (`GET /licensing/usage/organizations`). */
import type { Random } from '../random.js';
import type { OrganizationCurrentLicenseUsage, ServerCurrentLicenseUsage } from '../wire.js';
import type { Organization, ServerInfo } from './types.js';
import { currentWorkload, WORKLOADS, type WorkloadCounts } from './workloads.js';

const counts = (random: Random, max: number): WorkloadCounts => ({
  rental: random.int(0, max),
  new: random.int(0, 3),
  used: random.chance(0.2) ? random.int(0, 5) : 0,
});

function serverUsage(random: Random, server: ServerInfo): ServerCurrentLicenseUsage {
  switch (server.kind) {
    case 'vbr':
      return {
        serverUid: server.uid,
        serverType: 'BackupAndReplication',
        workloads: [
          currentWorkload(WORKLOADS.vbrVm, counts(random, 40)),
          currentWorkload(WORKLOADS.vbrServer, counts(random, 8)),
        ],
      };
    case 'vone':
      return {
        serverUid: server.uid,
        serverType: 'VONE',
        workloads: [currentWorkload(WORKLOADS.voneVm, counts(random, 60))],
      };
    case 'vb365':
      return {
        serverUid: server.uid,
        serverType: 'VB365',
        workloads: [currentWorkload(WORKLOADS.vb365User, counts(random, 120))],
      };
    case 'site':
      return {
        serverUid: server.uid,
        serverType: 'CloudConnect',
        workloads: [
          currentWorkload(WORKLOADS.ccBackup, counts(random, 12)),
          currentWorkload(WORKLOADS.ccReplica, counts(random, 4)),
        ],
      };
  }
}

/**
 * One entry per company: its own VBR/VONE/VB365 servers, the Cloud Connect site it is a tenant of,
 * and the agents VSPC manages for it directly.
 */
export function generateUsage(
  random: Random,
  organizations: Organization[],
  servers: Iterable<ServerInfo>,
  sites: ServerInfo[],
  vspcServerUid: string,
): OrganizationCurrentLicenseUsage[] {
  const byOwner = new Map<string, ServerInfo[]>();
  for (const server of servers) {
    if (server.kind === 'site') continue;
    const list = byOwner.get(server.ownerUid);
    if (list) list.push(server);
    else byOwner.set(server.ownerUid, [server]);
  }
  return organizations
    .filter((org) => org.type === 'Company')
    .map((org, index) => {
      const own = (byOwner.get(org.uid) ?? []).map((server) => serverUsage(random, server));
      const site = sites.length > 0 ? sites[index % sites.length] : undefined;
      if (site) own.push(serverUsage(random, site));
      own.push({
        serverUid: vspcServerUid,
        serverType: 'VSPC',
        workloads: [
          currentWorkload(WORKLOADS.vspcServer, counts(random, 6)),
          currentWorkload(WORKLOADS.vspcWorkstation, counts(random, 10)),
        ],
      });
      return { organizationUid: org.uid, organizationType: 'Company', providerUid: org.managedBy, servers: own };
    });
}
