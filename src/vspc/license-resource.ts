/**
 * What every license resource of v3 offers (sites, backup servers, Veeam ONE, VB365): list, get,
 * install a file, JSON-Patch `autoUpdateEnabled`, and ask VSPC to download an update. The
 * per-resource files bind it to their path, operationIds and schema.
 */
import { FormData } from 'undici';
import type { z } from 'zod';
import type { VspcCore } from './core.js';
import { PagedCollection } from './paging.js';
import { pathParam } from './path.js';
import { type CollectionQuery, type JsonPatch, replacePatch } from './schemas/common.js';
import { dataEnvelope } from './schemas/envelope.js';

export interface WriteOptions {
  /** `X-Request-id` to send: the pending action id. Makes the write retryable and traceable. */
  requestId?: string;
}

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export interface LicenseOperationIds {
  list: string;
  get: string;
  install: string;
  patch: string;
  update: string;
}

export interface LicenseResourceBinding<T> {
  collectionPath: string;
  uidName: string;
  operations: LicenseOperationIds;
  schema: z.ZodType<T>;
}

/** The multipart body VSPC's install operations take: one file field named `license`. */
export function licenseForm(file: UploadFile): () => FormData {
  return () => {
    const form = new FormData();
    form.append(
      'license',
      new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      file.name,
    );
    return form;
  };
}

export class LicenseResource<T> {
  constructor(
    protected readonly core: VspcCore,
    protected readonly binding: LicenseResourceBinding<T>,
  ) {}

  protected itemPath(uid: string): string {
    return `${this.binding.collectionPath}/${pathParam(this.binding.uidName, uid)}`;
  }

  /** The collection (paged with `limit`/`offset`); `for await` it or call `.all()`. */
  collection(query: CollectionQuery = {}): PagedCollection<T> {
    return new PagedCollection(
      this.core,
      {
        operation: this.binding.operations.list,
        method: 'GET',
        path: this.binding.collectionPath,
        query: { ...query },
      },
      this.binding.schema,
    );
  }

  list(query: CollectionQuery = {}): Promise<T[]> {
    return this.collection(query).all();
  }

  /** Every item converted page by page (see `PagedCollection.allAs`). */
  listAs<U>(convert: (item: T) => U, query: CollectionQuery = {}): Promise<U[]> {
    return this.collection(query).allAs(convert);
  }

  async get(uid: string): Promise<T> {
    const envelope = dataEnvelope(this.binding.schema);
    const answer = await this.core.json(
      { operation: this.binding.operations.get, method: 'GET', path: this.itemPath(uid) },
      envelope,
    );
    return answer.data as T;
  }

  install(uid: string, file: UploadFile, options: WriteOptions = {}): Promise<T | null> {
    return this.write(this.binding.operations.install, 'PUT', this.itemPath(uid), options, {
      kind: 'multipart',
      build: licenseForm(file),
    });
  }

  patch(uid: string, patches: JsonPatch[], options: WriteOptions = {}): Promise<T | null> {
    return this.write(this.binding.operations.patch, 'PATCH', this.itemPath(uid), options, {
      kind: 'json',
      value: patches,
    });
  }

  setAutoUpdate(uid: string, enabled: boolean, options: WriteOptions = {}): Promise<T | null> {
    return this.patch(uid, replacePatch('autoUpdateEnabled', enabled), options);
  }

  update(uid: string, options: WriteOptions = {}): Promise<T | null> {
    return this.write(this.binding.operations.update, 'POST', `${this.itemPath(uid)}/update`, options);
  }

  protected async write(
    operation: string,
    method: 'PUT' | 'PATCH' | 'POST',
    path: string,
    options: WriteOptions,
    body?: { kind: 'json'; value: unknown } | { kind: 'multipart'; build: () => FormData },
  ): Promise<T | null> {
    const answer = await this.core.jsonAfterWrite(
      { operation, method, path, requestId: options.requestId, ...(body ? { body } : {}) },
      dataEnvelope(this.binding.schema),
    );
    return answer ? (answer.data as T) : null;
  }
}
