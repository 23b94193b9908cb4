/**
 * The seeded inventory generator: same seed, sizes and `now` → the same inventory, byte for byte.
 * Built in one pass with plain loops, so 12,000 licenses take a few tens of milliseconds.
 */
import { createRandom } from '../random.js';
import {
  backupServerLicense,
  consoleLicense,
  type LicenseContext,
  siteLicense,
  vb365License,
  voneLicense,
} from './licenses.js';
import { slug } from './names.js';
import { classify } from './notable.js';
import { generateOrganizations, generateProvider } from './organizations.js';
import { generateReports } from './reports.js';
import {
  DEFAULT_REPORT_MONTHS,
  DEFAULT_SIZES,
  type Inventory,
  type InventoryOptions,
  type Organization,
  type ServerInfo,
  type ServerLicenseKind,
} from './types.js';
import { generateUsage } from './usage.js';
import { generateUsageHistory } from './usage-history.js';

const HOST_PREFIX: Record<ServerLicenseKind, string> = { site: 'cc', vbr: 'vbr', vone: 'vone', vb365: 'vb365' };

export function generateInventory(options: InventoryOptions = {}): Inventory {
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const sizes = { ...DEFAULT_SIZES, ...definedOnly(options) };
  const random = createRandom(seed);
  const ctx: LicenseContext = { random, now };

  const provider = generateProvider(random);
  const organizations = generateOrganizations(random, provider, sizes.companies);
  const companies = organizations.filter((org) => org.type === 'Company');
  const servers = new Map<string, ServerInfo>();
  const hostCount = new Map<string, number>();
  const slugs = new Map<string, string>();
  const slugOf = (name: string): string => {
    let text = slugs.get(name);
    if (text === undefined) {
      text = slug(name);
      slugs.set(name, text);
    }
    return text;
  };

  const addServer = (kind: ServerLicenseKind, owner: Organization): ServerInfo => {
    const base = kind === 'site' ? 'cc-site' : `${HOST_PREFIX[kind]}-${slugOf(owner.name)}`;
    const n = (hostCount.get(base) ?? 0) + 1;
    hostCount.set(base, n);
    const server: ServerInfo = {
      uid: random.uuid(),
      name: `${base}-${String(n).padStart(2, '0')}`,
      kind,
      ownerUid: owner.uid,
    };
    servers.set(server.uid, server);
    return server;
  };
  // The first VBR servers go to Northwind Traders, Northwind Traders GmbH, Northwind Traders again:
  // a company-name search for "Northwind Traders" then matches two companies and two servers of one.
  const ownerFor = (index: number): Organization =>
    index < 3 ? companies[index === 1 ? 1 : 0]! : companies[index % companies.length]!;

  const siteServers: ServerInfo[] = [];
  const sites = [];
  for (let i = 0; i < sizes.sites; i++) {
    const server = addServer('site', provider);
    siteServers.push(server);
    sites.push(siteLicense(ctx, server, provider, i));
  }
  const backupServers = [];
  for (let i = 0; i < sizes.vbr; i++) {
    const owner = ownerFor(i);
    backupServers.push(backupServerLicense(ctx, addServer('vbr', owner), owner, i));
  }
  const voneServers = [];
  for (let i = 0; i < sizes.vone; i++) {
    const owner = companies[(i + 1) % companies.length]!;
    voneServers.push(voneLicense(ctx, addServer('vone', owner), owner, i));
  }
  const vb365Servers = [];
  for (let i = 0; i < sizes.vb365; i++) {
    const owner = companies[(i + 2) % companies.length]!;
    vb365Servers.push(vb365License(ctx, addServer('vb365', owner), owner, i));
  }

  const licenseOf = new Map<string, { supportId: string; licenseId: string }>();
  for (const l of backupServers) {
    const owner = servers.get(l.backupServerUid)!.ownerUid;
    if (!licenseOf.has(owner)) licenseOf.set(owner, { supportId: l.supportIds[0]!, licenseId: l.licenseIds[0]! });
  }
  const fallback = {
    supportId: sites[0]?.supportIds[0] ?? '00000000',
    licenseId: sites[0]?.licenseIds[0] ?? random.uuid(),
  };

  const vspcServerUid = random.uuid();
  // A stream of its own: the history does not shift the licenses, and sizes of other kinds do not shift it.
  const history = generateUsageHistory({
    random: createRandom(`${seed}:usage-history`),
    now,
    months: Math.max(1, options.reportMonths ?? DEFAULT_REPORT_MONTHS),
    companies,
    servers: servers.values(),
    hasSites: siteServers.length > 0,
  });
  const base = {
    seed,
    now,
    provider,
    organizations,
    servers,
    sites,
    backupServers,
    voneServers,
    vb365Servers,
    console: consoleLicense(ctx, provider),
    consoleSettings: { isAutoUpdateEnabled: true },
    vspcServerUid,
    reports: generateReports({
      now,
      history,
      provider,
      organizations,
      licenseOf: (uid) => licenseOf.get(uid) ?? fallback,
    }),
    reportSettings: { autoApprove: false },
    usage: generateUsage(history, organizations, servers.values(), siteServers, vspcServerUid),
    plantedUsage: history.planted
      ? {
          jump: { uid: history.planted.jump.uid, name: history.planted.jump.name },
          zero: { uid: history.planted.zero.uid, name: history.planted.zero.name },
        }
      : null,
  };
  return { ...base, notable: classify(base) };
}

function definedOnly(options: InventoryOptions): Partial<typeof DEFAULT_SIZES> {
  const out: Partial<typeof DEFAULT_SIZES> = {};
  for (const key of Object.keys(DEFAULT_SIZES) as (keyof typeof DEFAULT_SIZES)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = Math.max(0, Math.floor(value));
  }
  return out;
}
