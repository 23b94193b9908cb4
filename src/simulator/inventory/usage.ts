/**
 * Current license usage per organization (`GET /licensing/usage/organizations`): this month's
 * counts of the usage history, so it continues the last report. Each company's workloads are spread
 * over its own VBR/VONE/VB365 servers, the Cloud Connect site it is a tenant of, and the VSPC server
 * (its managed agents). All objects are on rental licenses; "new" are those added since last month.
 */
import type { OrganizationCurrentLicenseUsage, ServerCurrentLicenseUsage, ServerType } from '../wire.js';
import type { Organization, ServerInfo } from './types.js';
import type { Counts, UsageHistory, WorkloadName } from './usage-history.js';
import { currentWorkload, WORKLOADS } from './workloads.js';

const SERVER_TYPE: Record<ServerInfo['kind'], ServerType> = {
  vbr: 'BackupAndReplication',
  vone: 'VONE',
  vb365: 'VB365',
  site: 'CloudConnect',
};
const WORKLOADS_OF: Record<ServerInfo['kind'] | 'vspc', WorkloadName[]> = {
  vbr: ['vbrVm', 'vbrServer'],
  vone: ['voneVm'],
  vb365: ['vb365User'],
  site: ['ccBackup', 'ccReplica'],
  vspc: ['vspcServer', 'vspcWorkstation'],
};

/** `total` spread over `parts` servers: the first ones take the remainder. */
const share = (total: number, parts: number, index: number): number =>
  Math.floor(total / parts) + (index < total % parts ? 1 : 0);

function serverUsage(
  serverUid: string,
  serverType: ServerType,
  names: WorkloadName[],
  now: Counts,
  before: Counts,
  part: { index: number; of: number },
): ServerCurrentLicenseUsage {
  return {
    serverUid,
    serverType,
    workloads: names.map((name) => {
      const rental = share(now[name] ?? 0, part.of, part.index);
      const added = share(Math.max(0, (now[name] ?? 0) - (before[name] ?? 0)), part.of, part.index);
      return currentWorkload(WORKLOADS[name], { rental, new: Math.min(rental, added), used: rental });
    }),
  };
}

export function generateUsage(
  history: UsageHistory,
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
      const series = history.counts.get(org.uid) ?? [];
      const now = series[history.months] ?? {};
      const before = series[history.months - 1] ?? {};
      const own = byOwner.get(org.uid) ?? [];
      const usage: ServerCurrentLicenseUsage[] = [];
      for (const kind of ['vbr', 'vone', 'vb365'] as const) {
        const mine = own.filter((s) => s.kind === kind);
        mine.forEach((server, i) => {
          usage.push(
            serverUsage(server.uid, SERVER_TYPE[kind], WORKLOADS_OF[kind], now, before, { index: i, of: mine.length }),
          );
        });
      }
      const site = sites.length > 0 ? sites[index % sites.length] : undefined;
      if (site) usage.push(serverUsage(site.uid, 'CloudConnect', WORKLOADS_OF.site, now, before, { index: 0, of: 1 }));
      usage.push(serverUsage(vspcServerUid, 'VSPC', WORKLOADS_OF.vspc, now, before, { index: 0, of: 1 }));
      return { organizationUid: org.uid, organizationType: 'Company', providerUid: org.managedBy, servers: usage };
    });
}
