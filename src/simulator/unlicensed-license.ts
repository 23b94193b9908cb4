/**
 * The license record VSPC shows for a server that exists but whose license was deleted: Unlicensed,
 * no dates, default units, owned by the server's organization. Installing a file then renews it.
 */
import type { Inventory, ServerLicenseKind } from './inventory/types.js';
import type { AnyServerLicense } from './kinds.js';
import type { Random } from './random.js';

/** Undefined when no server of that kind has the uid. */
export function unlicensedLicense(
  inventory: Inventory,
  random: Random,
  kind: ServerLicenseKind,
  uid: string,
): AnyServerLicense | undefined {
  const server = inventory.servers.get(uid.toLowerCase());
  if (!server || server.kind !== kind) return undefined;
  const owner = inventory.organizations.find((o) => o.uid === server.ownerUid) ?? inventory.provider;
  const common = {
    autoUpdateEnabled: true,
    company: owner.name,
    email: owner.email,
    expirationDate: null,
    supportExpirationDate: null,
    status: 'Unlicensed' as const,
    type: 'Rental' as const,
  };
  const sectioned = {
    ...common,
    edition: 'Enterprise Plus',
    monitoring: null,
    packages: ['Backup'],
    contactPerson: owner.contactPerson,
    licenseIds: [],
    supportIds: [random.digits(8)],
    sectionTypes: ['Instance' as const],
    cloudConnect: kind === 'site' ? ('Yes' as const) : ('No' as const),
    units: 1000,
    usedUnits: 0,
    unitType: 'Points' as const,
  };
  switch (kind) {
    case 'site':
      return { siteUid: server.uid, ...sectioned };
    case 'vbr':
      return {
        backupServerUid: server.uid,
        ...sectioned,
        sockets: 0,
        usedSockets: 0,
        capacity: null,
        usedCapacity: null,
      };
    case 'vone':
      return {
        vOneServerUid: server.uid,
        ...common,
        licenseId: null,
        supportId: random.digits(8),
        statusMessage: 'Unlicensed',
        units: 100,
        usedUnits: 0,
        unitType: 'Points',
      };
    case 'vb365':
      return {
        vb365ServerUid: server.uid,
        ...common,
        licenseId: null,
        supportId: random.digits(8),
        licensedUsers: 100,
        protectedUsers: 0,
      };
  }
}
