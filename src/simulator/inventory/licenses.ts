/**
 * License generators per kind. Bulk licenses get plausible random values; the first few of each
 * kind are planted cases (expired, expiring soon, warnings, over-usage) so every code path of the
 * bot has something to show at any inventory size.
 */
import { addDays, startOfUtcDay, vspcDateTime } from '../dates.js';
import type { Random } from '../random.js';
import type {
  BackupServerLicense,
  ConsoleLicense,
  LicenseStatus,
  SiteLicense,
  Vb365ServerLicense,
  VOneServerLicense,
} from '../wire.js';
import { slug } from './names.js';
import type { Organization, ServerInfo, ServerLicenseKind } from './types.js';

/** What a planted license looks like; bulk licenses get a random plan. */
export interface LicensePlan {
  expiresInDays: number | null;
  supportExpiresInDays: number | null;
  status: LicenseStatus;
  statusMessage: string | null;
  autoUpdateEnabled: boolean;
  overUsage: boolean;
}

const expiryCache = new Map<string, string>();

/**
 * Noon UTC keeps the calendar date the same in every time zone from UTC-12 to UTC+11.
 * Memoised: thousands of licenses share a few hundred distinct days.
 */
export function expiryFrom(now: Date, days: number | null): string | null {
  if (days === null) return null;
  const key = `${now.getTime()}:${days}`;
  let text = expiryCache.get(key);
  if (text === undefined) {
    text = vspcDateTime(new Date(addDays(startOfUtcDay(now), days).getTime() + 12 * 3_600_000));
    if (expiryCache.size > 10_000) expiryCache.clear();
    expiryCache.set(key, text);
  }
  return text;
}

function statusFor(days: number | null): LicenseStatus {
  return days !== null && days < 0 ? 'Expired' : 'Valid';
}

export function validMessage(days: number | null): string {
  if (days === null) return 'Valid';
  return days < 0 ? `Expired ${-days} days ago` : `Valid (${days} days until expiration)`;
}

function randomPlan(random: Random): LicensePlan {
  const expiresInDays = random.chance(0.9) ? random.int(60, 900) : random.int(-30, 59);
  const supportExpiresInDays = random.chance(0.5) ? null : Math.max(expiresInDays, random.int(45, 900));
  const status = statusFor(expiresInDays);
  return {
    expiresInDays,
    supportExpiresInDays,
    status,
    statusMessage: status === 'Expired' ? validMessage(expiresInDays) : null,
    autoUpdateEnabled: random.chance(0.7),
    overUsage: false,
  };
}

const plan = (overrides: Partial<LicensePlan> & { expiresInDays: number | null }): LicensePlan => ({
  supportExpiresInDays: null,
  status: statusFor(overrides.expiresInDays),
  statusMessage: null,
  autoUpdateEnabled: true,
  overUsage: false,
  ...overrides,
});

/** Planted cases, by kind and index; the rest of each collection is random. */
export const PLANTED: Record<ServerLicenseKind, LicensePlan[]> = {
  vbr: [
    plan({ expiresInDays: -12, statusMessage: 'License has expired.' }),
    plan({ expiresInDays: 5, autoUpdateEnabled: false }),
    plan({ expiresInDays: 12 }),
    plan({ expiresInDays: 25 }),
    plan({ expiresInDays: 400, supportExpiresInDays: 20 }),
    plan({ expiresInDays: 300, overUsage: true }),
    plan({ expiresInDays: 200, status: 'Warning', statusMessage: 'License is about to exceed the licensed units.' }),
    plan({ expiresInDays: 180, status: 'Error', statusMessage: 'License file is corrupted or was revoked.' }),
    plan({ expiresInDays: 500, autoUpdateEnabled: false }),
  ],
  site: [plan({ expiresInDays: 20 }), plan({ expiresInDays: 350, overUsage: true, autoUpdateEnabled: false })],
  vone: [
    plan({
      expiresInDays: 220,
      status: 'Warning',
      statusMessage: 'Number of monitored instances exceeds the license.',
    }),
    plan({ expiresInDays: 90, status: 'Error', statusMessage: 'License is not valid for this product version.' }),
    plan({ expiresInDays: -3 }),
    plan({ expiresInDays: 6, autoUpdateEnabled: false }),
  ],
  vb365: [plan({ expiresInDays: 10 }), plan({ expiresInDays: 240, overUsage: true })],
};

function planFor(kind: ServerLicenseKind, index: number, random: Random): LicensePlan {
  return PLANTED[kind][index] ?? randomPlan(random);
}

export interface LicenseContext {
  random: Random;
  now: Date;
}

function sectioned(ctx: LicenseContext, owner: Organization, p: LicensePlan, cloudConnect: 'Yes' | 'No') {
  const { random, now } = ctx;
  const units = random.pick([500, 1000, 1500, 2000, 3000, 5000]);
  const usedUnits = p.overUsage ? Math.round(units * 1.24) : random.int(0, Math.floor(units * 0.9));
  return {
    autoUpdateEnabled: p.autoUpdateEnabled,
    edition: random.chance(0.8) ? 'Enterprise Plus' : 'Enterprise',
    monitoring: null,
    packages: ['Backup'],
    company: owner.name,
    email: owner.email,
    contactPerson: owner.contactPerson,
    expirationDate: expiryFrom(now, p.expiresInDays),
    supportExpirationDate: expiryFrom(now, p.supportExpiresInDays),
    licenseIds: [random.uuid()],
    supportIds: [random.digits(8)],
    sectionTypes: ['Instance' as const],
    status: p.status,
    cloudConnect,
    units,
    usedUnits,
    unitType: 'Points' as const,
    type: 'Rental' as const,
  };
}

export function siteLicense(ctx: LicenseContext, server: ServerInfo, owner: Organization, index: number): SiteLicense {
  const p = planFor('site', index, ctx.random);
  return { siteUid: server.uid, ...sectioned(ctx, owner, p, 'Yes') };
}

export function backupServerLicense(
  ctx: LicenseContext,
  server: ServerInfo,
  owner: Organization,
  index: number,
): BackupServerLicense {
  const p = planFor('vbr', index, ctx.random);
  const base = sectioned(ctx, owner, p, 'No');
  // Every seventh server also carries a socket section, so a section delete has something to remove.
  const withSockets = index % 7 === 6;
  return {
    backupServerUid: server.uid,
    ...base,
    sectionTypes: withSockets ? ['Instance', 'Socket'] : ['Instance'],
    sockets: withSockets ? 4 : 0,
    usedSockets: withSockets ? 2 : 0,
    capacity: null,
    usedCapacity: null,
  };
}

export function voneLicense(
  ctx: LicenseContext,
  server: ServerInfo,
  owner: Organization,
  index: number,
): VOneServerLicense {
  const { random, now } = ctx;
  const p = planFor('vone', index, random);
  const units = random.pick([100, 250, 500, 1000]);
  return {
    vOneServerUid: server.uid,
    autoUpdateEnabled: p.autoUpdateEnabled,
    company: owner.name,
    email: owner.email,
    expirationDate: expiryFrom(now, p.expiresInDays),
    supportExpirationDate: expiryFrom(now, p.supportExpiresInDays),
    licenseId: random.uuid(),
    supportId: random.digits(8),
    status: p.status,
    statusMessage: p.statusMessage ?? validMessage(p.expiresInDays),
    units,
    usedUnits: p.overUsage ? Math.round(units * 1.2) : random.int(0, units),
    unitType: 'Points',
    type: 'Rental',
  };
}

export function vb365License(
  ctx: LicenseContext,
  server: ServerInfo,
  owner: Organization,
  index: number,
): Vb365ServerLicense {
  const { random, now } = ctx;
  const p = planFor('vb365', index, random);
  const licensedUsers = random.pick([50, 100, 250, 500, 1000]);
  return {
    vb365ServerUid: server.uid,
    autoUpdateEnabled: p.autoUpdateEnabled,
    company: owner.name,
    email: owner.email,
    expirationDate: expiryFrom(now, p.expiresInDays),
    supportExpirationDate: expiryFrom(now, p.supportExpiresInDays),
    licenseId: random.uuid(),
    supportId: random.digits(8),
    status: p.status,
    licensedUsers,
    protectedUsers: p.overUsage ? licensedUsers + 17 : random.int(0, licensedUsers),
    type: 'Rental',
  };
}

export function consoleLicense(ctx: LicenseContext, provider: Organization): ConsoleLicense {
  const { random, now } = ctx;
  const days = 210;
  return {
    licenseId: random.uuid(),
    edition: 'Enterprise Plus',
    package: 'Backup',
    licenseeCompany: provider.name,
    licenseeEmail: provider.email,
    licenseeAdministratorEmail: `admin@${slug(provider.name)}.example.com`,
    contactPerson: provider.contactPerson,
    expirationDate: expiryFrom(now, days),
    supportExpirationDate: expiryFrom(now, days),
    supportId: random.digits(8),
    status: 'Valid',
    statusMessage: validMessage(days),
    cloudConnect: 'Yes',
    instances: 824,
    type: 'Rental',
    lastUpdateDate: vspcDateTime(addDays(now, -9)),
    lastUpdateMessage: 'License file has been successfully updated.',
    lastUpdateStatus: 'Success',
  };
}
