/** Cloud Connect site licenses: `/licensing/sites` (not paged on v3; no DELETE). */
import type { VspcCore } from './core.js';
import { LicenseResource } from './license-resource.js';
import { listEnvelope } from './schemas/envelope.js';
import { type SiteLicense, SiteLicenseSchema } from './schemas/licenses.js';

export class SiteLicenses extends LicenseResource<SiteLicense> {
  constructor(core: VspcCore) {
    super(core, {
      collectionPath: '/licensing/sites',
      uidName: 'siteUid',
      schema: SiteLicenseSchema,
      operations: {
        list: 'GetSiteLicenses',
        get: 'GetSiteLicense',
        install: 'InstallSiteLicense',
        patch: 'PatchSiteLicense',
        update: 'UpdateSiteLicense',
      },
    });
  }

  /** `GetSiteLicenses` takes no `limit`/`offset`: one request returns every site license. */
  override async list(): Promise<SiteLicense[]> {
    const answer = await this.core.json(
      { operation: 'GetSiteLicenses', method: 'GET', path: '/licensing/sites' },
      listEnvelope(SiteLicenseSchema),
    );
    return answer.data;
  }

  /** One page only, so converting it after the request is as lean as it gets. */
  override async listAs<U>(convert: (item: SiteLicense) => U): Promise<U[]> {
    return (await this.list()).map(convert);
  }
}
