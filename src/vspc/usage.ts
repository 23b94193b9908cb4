/** Current license usage by organization: `GET /licensing/usage/organizations` (paged). */
import type { VspcCore } from './core.js';
import type { PageSizing } from './page-sizing.js';
import { PagedCollection } from './paging.js';
import type { CollectionQuery } from './schemas/common.js';
import {
  type OrganizationCurrentLicenseUsage,
  OrganizationCurrentLicenseUsageSchema,
  type UsageFilter,
} from './schemas/usage.js';

/**
 * An organization's current usage lists every workload of every server it has, so a page of 500
 * organizations can be many megabytes: ask for one, then for about 1 MB a page.
 */
export const USAGE_PAGE_SIZING: PageSizing = { probeLimit: 1, targetBytes: 1024 * 1024 };

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
      USAGE_PAGE_SIZING,
    );
  }
}
