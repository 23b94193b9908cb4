/** The provider, its resellers and the companies they manage. */
import type { Random } from '../random.js';
import { AMBIGUOUS_COMPANIES, companyNames, personName, slug } from './names.js';
import type { Organization } from './types.js';

export const PROVIDER_NAME = 'Skyline Cloud Services';

function organization(
  random: Random,
  name: string,
  type: Organization['type'],
  managedBy: string | null,
): Organization {
  const person = personName(random);
  return {
    uid: random.uuid(),
    name,
    type,
    managedBy,
    email: `${person.first.charAt(0).toLowerCase()}.${person.last.toLowerCase()}@${slug(name)}.example.com`,
    contactPerson: `${person.first} ${person.last}`,
  };
}

export function generateProvider(random: Random): Organization {
  return organization(random, PROVIDER_NAME, 'Provider', null);
}

/**
 * `count` organizations (at least the two ambiguous Northwind companies). Every fifth one, from the
 * third on, is a reseller; the others are managed by the provider or, now and then, by a reseller.
 */
export function generateOrganizations(random: Random, provider: Organization, count: number): Organization[] {
  const total = Math.max(count, AMBIGUOUS_COMPANIES.length);
  const names = [...AMBIGUOUS_COMPANIES, ...companyNames(total - AMBIGUOUS_COMPANIES.length, random)];
  const resellers: Organization[] = [];
  const out: Organization[] = [];
  names.forEach((name, index) => {
    if (index % 5 === 2) {
      const reseller = organization(random, name, 'Reseller', provider.uid);
      resellers.push(reseller);
      out.push(reseller);
      return;
    }
    const managedBy = resellers.length > 0 && index > 2 && random.chance(0.35) ? random.pick(resellers) : provider;
    out.push(organization(random, name, 'Company', managedBy.uid));
  });
  return out;
}
