/** Current license usage by organization: `GET /licensing/usage/organizations` (paged). */
import type { VspcCore } from './core.js';
import { PagedCollection } from './paging.js';
import type { CollectionQuery } from './schemas/common.js';
import {
  type OrganizationCurrentLicenseUsage,
  OrganizationCurrentLicenseUsageSchema,
  type UsageFilter,
} from './schemas/usage.js';

export class LicenseUsage {
  constructor(private readonly core: VspcCore) {}

  organizations(
    filter: UsageFilter = {},
    query: CollectionQuery = {},
  ): PagedCollection<OrganizationCurrentLicenseUsage> {
    return new PagedCollection(
      this.core,
      {
        operation: 'GetOrganizationsLicenseUsage',
        method: 'GET',
        path: '/licensing/usage/organizations',
        query: { ...filter, ...query },
      },
      OrganizationCurrentLicenseUsageSchema,
    );
  }
}
