/**
 * The v2 licensing endpoints: Cloud Connect and backup-server licenses (list with `$top`/`$skip`,
 * get, auto-update PATCH, update, install with the multipart field `file`, delete) and the
 * console's `/v2/licenseSettings`. v2 has no request-id deduplication, so no write is retried.
 */
import { FormData } from 'undici';
import { z } from 'zod';
import type { VspcCore } from '../core.js';
import type { UploadFile } from '../license-resource.js';
import { VspcCollectionTooLargeError } from '../paging.js';
import { pathParam } from '../path.js';
import {
  type V2LicenseSettings,
  V2LicenseSettingsSchema,
  V2MessageSchema,
  type V2ServerLicense,
  V2ServerLicenseSchema,
} from './schemas.js';

export const V2_PAGE_SIZE = 500;

function fileForm(file: UploadFile): () => FormData {
  return () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      file.name,
    );
    return form;
  };
}

export class V2ServerLicenses {
  constructor(
    private readonly core: VspcCore,
    private readonly collectionPath: string,
    private readonly operationPrefix: string,
  ) {}

  private itemPath(id: string): string {
    return `${this.collectionPath}/${pathParam('id', id)}`;
  }

  /**
   * Every license, page by page with `$top`/`$skip` (v2 sends no total, so pages run until a short
   * one). A server that ignores `$top` answers everything at once: that answer is taken whole; one
   * that ignores `$skip` repeats the first page, which ends the listing instead of looping.
   */
  async list(maxItems = this.core.options.maxItems): Promise<V2ServerLicense[]> {
    const items: V2ServerLicense[] = [];
    for (let skip = 0; ; skip += V2_PAGE_SIZE) {
      const page = await this.core.json(
        {
          operation: `${this.operationPrefix}List`,
          method: 'GET',
          path: this.collectionPath,
          query: { $top: V2_PAGE_SIZE, $skip: skip },
          followAsync: false,
        },
        z.array(V2ServerLicenseSchema),
      );
      if (skip === 0 && page.length > V2_PAGE_SIZE) return page;
      // A server that ignores `$skip` sends the first page again: what came so far is everything.
      if (skip > 0 && page.length > 0 && page[0]?.id === items[0]?.id) return items;
      items.push(...page);
      if (items.length > maxItems)
        throw new VspcCollectionTooLargeError(`GET ${this.collectionPath}`, items.length, maxItems);
      if (page.length < V2_PAGE_SIZE) return items;
    }
  }

  get(id: string): Promise<V2ServerLicense> {
    return this.core.json(
      { operation: `${this.operationPrefix}Get`, method: 'GET', path: this.itemPath(id), followAsync: false },
      V2ServerLicenseSchema,
    );
  }

  async setAutoUpdate(id: string, enabled: boolean): Promise<void> {
    await this.action('Patch', 'PATCH', this.itemPath(id), { kind: 'json', value: { autoUpdateEnabled: enabled } });
  }

  async update(id: string): Promise<void> {
    await this.action('Update', 'POST', `${this.itemPath(id)}/update`);
  }

  async install(id: string, file: UploadFile): Promise<void> {
    await this.action('Install', 'PUT', this.itemPath(id), { kind: 'multipart', build: fileForm(file) });
  }

  async delete(id: string): Promise<void> {
    await this.action('Delete', 'DELETE', this.itemPath(id));
  }

  private async action(
    name: string,
    method: 'PATCH' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: { kind: 'json'; value: unknown } | { kind: 'multipart'; build: () => FormData },
  ): Promise<void> {
    await this.core.jsonAfterWrite(
      { operation: `${this.operationPrefix}${name}`, method, path, followAsync: false, ...(body ? { body } : {}) },
      V2MessageSchema,
    );
  }
}

export class V2LicenseSettingsApi {
  constructor(private readonly core: VspcCore) {}

  get(): Promise<V2LicenseSettings> {
    return this.core.json(
      { operation: 'GetLicenseSettings', method: 'GET', path: '/v2/licenseSettings', followAsync: false },
      V2LicenseSettingsSchema,
    );
  }

  /** The console license's auto-update; v2 spells this property `autoupdateEnabled`. */
  async setAutoUpdate(enabled: boolean): Promise<void> {
    await this.core.jsonAfterWrite(
      {
        operation: 'PatchLicenseSettings',
        method: 'PATCH',
        path: '/v2/licenseSettings',
        followAsync: false,
        body: { kind: 'json', value: { autoupdateEnabled: enabled } },
      },
      V2MessageSchema,
    );
  }
}
