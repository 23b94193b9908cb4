/**
 * The license kinds registry of API v3: one entry per kind saying how to list, get, update,
 * install, patch and delete it, and how to read it into a `License`. A missing operation is a
 * capability v3 does not have (no DELETE for site, VB365 and console; console auto-update is read-only).
 */
import type { VspcClient } from '../../vspc/index.js';
import type { LicenseFile, VbrDeleteSection } from '../backend.js';
import type { License, LicenseKind } from '../model.js';
import {
  backupServerToLicense,
  consoleToLicense,
  siteToLicense,
  vb365ServerToLicense,
  voneServerToLicense,
} from './map-licenses.js';

export interface KindEntry {
  list(client: VspcClient): Promise<License[]>;
  get(client: VspcClient, uid: string): Promise<License>;
  update?(client: VspcClient, uid: string, requestId: string): Promise<License | null>;
  install?(client: VspcClient, uid: string, file: LicenseFile, requestId: string): Promise<License | null>;
  setAutoUpdate?(client: VspcClient, uid: string, enabled: boolean, requestId: string): Promise<License | null>;
  delete?(client: VspcClient, uid: string, section: VbrDeleteSection | null, requestId: string): Promise<void>;
}

type Resource<T> = {
  listAs<U>(convert: (wire: T) => U): Promise<U[]>;
  get(uid: string): Promise<T>;
  update(uid: string, o: { requestId?: string }): Promise<T | null>;
  install(uid: string, f: { name: string; bytes: Uint8Array }, o: { requestId?: string }): Promise<T | null>;
  setAutoUpdate(uid: string, enabled: boolean, o: { requestId?: string }): Promise<T | null>;
};

/** The entry of a kind that is one of v3's per-server license resources. */
function serverKind<T>(resource: (client: VspcClient) => Resource<T>, toLicense: (wire: T) => License): KindEntry {
  const mapOrNull = (wire: T | null) => (wire ? toLicense(wire) : null);
  return {
    list: (client) => resource(client).listAs(toLicense),
    get: async (client, uid) => toLicense(await resource(client).get(uid)),
    update: async (client, uid, requestId) => mapOrNull(await resource(client).update(uid, { requestId })),
    install: async (client, uid, file, requestId) =>
      mapOrNull(await resource(client).install(uid, file, { requestId })),
    setAutoUpdate: async (client, uid, enabled, requestId) =>
      mapOrNull(await resource(client).setAutoUpdate(uid, enabled, { requestId })),
  };
}

/** The console's auto-update flag; null when the settings cannot be read (older server, no right). */
async function consoleAutoUpdate(client: VspcClient): Promise<boolean | null> {
  try {
    return (await client.console.settings()).isAutoUpdateEnabled;
  } catch {
    return null;
  }
}

async function readConsole(client: VspcClient): Promise<License> {
  const [wire, autoUpdate] = await Promise.all([client.console.get(), consoleAutoUpdate(client)]);
  return consoleToLicense(wire, autoUpdate);
}

async function afterConsoleWrite(client: VspcClient, written: Promise<unknown>): Promise<License | null> {
  const wire = await written;
  if (!wire) return null;
  return consoleToLicense(wire as Parameters<typeof consoleToLicense>[0], await consoleAutoUpdate(client));
}

export const V3_KINDS: Record<LicenseKind, KindEntry> = {
  site: serverKind((c) => c.sites, siteToLicense),
  vbr: {
    ...serverKind((c) => c.backupServers, backupServerToLicense),
    delete: (client, uid, section, requestId) => client.backupServers.delete(uid, section ?? 'All', { requestId }),
  },
  vone: {
    ...serverKind((c) => c.voneServers, voneServerToLicense),
    delete: (client, uid, _section, requestId) => client.voneServers.delete(uid, { requestId }),
  },
  vb365: serverKind((c) => c.vb365Servers, vb365ServerToLicense),
  console: {
    list: async (client) => [await readConsole(client)],
    get: (client) => readConsole(client),
    update: (client, _uid, requestId) => afterConsoleWrite(client, client.console.update({ requestId })),
    install: (client, _uid, file, requestId) => afterConsoleWrite(client, client.console.install(file, { requestId })),
  },
};
