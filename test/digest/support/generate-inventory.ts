/**
 * A 12,000-license inventory (10,000 VBR, 1,000 sites, 500 VONE, 500 VB365) with a known number of
 * licenses in each digest category, assigned by index so the expected counts follow from the
 * construction and not from the code under test.
 */
import type { License, LicenseKind } from '../../../src/licenses/model.js';
import { uidFor } from './license-factory.js';

const DAY_MS = 86_400_000;

export interface GeneratedInventory {
  licenses: License[];
  expected: { expired: number; expiring: number; unhealthy: number; overUsed: number; supportExpiring: number };
}

const SIZES: [LicenseKind, number][] = [
  ['vbr', 10_000],
  ['site', 1_000],
  ['vone', 500],
  ['vb365', 500],
];

/** `now` should be midday in the digest time zone so ± whole days never cross a day boundary. */
export function generateInventory(now: Date, horizonDays = 30): GeneratedInventory {
  const expected = { expired: 0, expiring: 0, unhealthy: 0, overUsed: 0, supportExpiring: 0 };
  const licenses: License[] = [];
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  let index = 0;
  for (const [kind, size] of SIZES) {
    for (let n = 0; n < size; n++, index++) {
      const license: License = {
        kind,
        uid: uidFor(index),
        company: `Tenant ${index % 900}`,
        type: index % 3 === 0 ? 'Subscription' : 'Rental',
        edition: 'Enterprise Plus',
        status: 'Valid',
        statusMessage: null,
        expirationDate: at(200 + (index % 500)),
        supportExpirationDate: at(300 + (index % 400)),
        autoUpdateEnabled: index % 2 === 0,
        units: [{ unit: kind === 'vb365' ? 'users' : 'instances', used: index % 50, licensed: 100 }],
        licenseIds: [`lic-${index}`],
        supportIds: [],
        sectionTypes: kind === 'vbr' ? ['Instance'] : [],
      };
      if (index % 200 === 0) {
        license.expirationDate = at(-(1 + (index % 60)));
        license.status = 'Expired';
        expected.expired++;
      } else if (index % 200 === 1) {
        license.expirationDate = at(index % (horizonDays + 1));
        expected.expiring++;
      } else if (index % 500 === 2) {
        license.status = index % 1000 === 2 ? 'Error' : 'warning';
        license.statusMessage = 'License is about to exceed its instance count.';
        expected.unhealthy++;
      } else if (index % 500 === 3) {
        license.units = [{ unit: 'instances', used: 120 + (index % 7), licensed: 100 }];
        expected.overUsed++;
      } else if (index % 500 === 4) {
        license.supportExpirationDate = at(index % (horizonDays + 1));
        expected.supportExpiring++;
      }
      licenses.push(license);
    }
  }
  return { licenses, expected };
}
