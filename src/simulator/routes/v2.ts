/**
 * Legacy VAC/VSPC REST v2 licensing endpoints on the same server and inventory as v3:
 * `/v2/licensing/cloudconnectLicenses` (sites), `/v2/licensing/backupserverLicenses` (VBR) and
 * `/v2/licenseSettings` (console). Bare JSON; actions answer with a JSON string message.
 */
import { badRequest, json, notFound } from '../http/respond.js';
import type { SimRequest, SimResponse } from '../http/types.js';
import { isUuid } from '../http/validate.js';
import type { ServerLicenseKind } from '../inventory/types.js';
import { type Route, route } from '../router.js';
import type { SimulatorState } from '../state.js';
import type { BackupServerLicense, SiteLicense } from '../wire.js';
import { isLicenseFile, readLicenseFile } from './license-file.js';
import { backupServerLicenseV2, cloudConnectLicense, licenseSettingsV2 } from './v2-shapes.js';

const message = (text: string): SimResponse => json(200, text);

/** OData-style `$top`/`$skip`; absent means everything. */
function slice<T>(items: readonly T[], query: URLSearchParams): T[] | SimResponse {
  const read = (name: string): number | null | undefined => {
    const text = query.get(name);
    if (text === null) return undefined;
    return /^\d+$/.test(text) ? Number(text) : null;
  };
  const top = read('$top');
  const skip = read('$skip');
  if (top === null || skip === null) return badRequest('$top and $skip must be non-negative integers.');
  const start = skip ?? 0;
  return items.slice(start, top === undefined ? undefined : start + top);
}

/** `{"autoUpdateEnabled": true}`; the v2 pages also spell it `autoupdateEnabled`. */
function readAutoUpdate(body: Buffer): boolean | SimResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return badRequest('The request body must be JSON: {"autoUpdateEnabled": true|false}.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return badRequest('The request body must be a JSON object: {"autoUpdateEnabled": true|false}.');
  }
  const record = parsed as Record<string, unknown>;
  const value = record.autoUpdateEnabled ?? record.autoupdateEnabled;
  if (typeof value !== 'boolean') return badRequest('autoUpdateEnabled must be true or false.');
  return value;
}

const toggled = (enabled: boolean) =>
  message(`License key auto-update feature has been ${enabled ? 'enabled' : 'disabled'}.`);

interface V2Kind {
  kind: Extract<ServerLicenseKind, 'site' | 'vbr'>;
  segment: string;
  present: (license: SiteLicense | BackupServerLicense, serverName: string, origin: string) => unknown;
}

const V2_KINDS: V2Kind[] = [
  {
    kind: 'site',
    segment: 'cloudconnectLicenses',
    present: (l, name, origin) => cloudConnectLicense(l as SiteLicense, name, origin),
  },
  {
    kind: 'vbr',
    segment: 'backupserverLicenses',
    present: (l, name, origin) => backupServerLicenseV2(l as BackupServerLicense, name, origin),
  },
];

function kindRoutes(spec: V2Kind, state: SimulatorState): Route[] {
  const base = `/v2/licensing/${spec.segment}`;
  const present = (license: SiteLicense | BackupServerLicense, req: SimRequest) => {
    const uid = 'siteUid' in license ? license.siteUid : license.backupServerUid;
    return spec.present(license, state.inventory.servers.get(uid)?.name ?? uid, req.origin);
  };
  const target = (req: SimRequest): string | SimResponse => {
    const id = req.params.id!;
    if (!isUuid(id)) return badRequest(`'${id}' is not a valid license ID.`);
    return state.find(spec.kind, id) ? id : notFound(`License ${id} was not found.`);
  };
  const found = (req: SimRequest) => state.find(spec.kind, req.params.id!) as SiteLicense | BackupServerLicense;
  return [
    route('GET', base, `v2:list:${spec.segment}`, (req) => {
      const items = slice(state.list(spec.kind) as (SiteLicense | BackupServerLicense)[], req.query);
      return Array.isArray(items)
        ? json(
            200,
            items.map((l) => present(l, req)),
          )
        : items;
    }),
    route('GET', `${base}/{id}`, `v2:get:${spec.segment}`, (req) => {
      const id = target(req);
      return typeof id === 'string' ? json(200, present(found(req), req)) : id;
    }),
    route('PATCH', `${base}/{id}`, `v2:patch:${spec.segment}`, (req) => {
      const id = target(req);
      if (typeof id !== 'string') return id;
      const enabled = readAutoUpdate(req.body);
      if (typeof enabled !== 'boolean') return enabled;
      state.setAutoUpdate(spec.kind, id, enabled);
      return toggled(enabled);
    }),
    route('PUT', `${base}/{id}`, `v2:install:${spec.segment}`, (req) => {
      const id = target(req);
      if (typeof id !== 'string') return id;
      const file = readLicenseFile(req, 'file', 'v2');
      if (!isLicenseFile(file)) return file;
      state.install(spec.kind, id, file);
      return message('License has been successfully installed.');
    }),
    route('POST', `${base}/{id}/update`, `v2:update:${spec.segment}`, (req) => {
      const id = target(req);
      if (typeof id !== 'string') return id;
      state.update(spec.kind, id);
      return message('License has been successfully updated.');
    }),
    route('DELETE', `${base}/{id}`, `v2:delete:${spec.segment}`, (req) => {
      const id = target(req);
      if (typeof id !== 'string') return id;
      state.remove(spec.kind, id, 'All');
      return message('License has been successfully deleted.');
    }),
  ];
}

export function v2Routes(state: SimulatorState): Route[] {
  return [
    ...V2_KINDS.flatMap((spec) => kindRoutes(spec, state)),
    route('GET', '/v2/licenseSettings', 'v2:get:licenseSettings', () =>
      json(200, licenseSettingsV2(state.inventory.console, state.inventory)),
    ),
    route('PATCH', '/v2/licenseSettings', 'v2:patch:licenseSettings', (req) => {
      const enabled = readAutoUpdate(req.body);
      if (typeof enabled !== 'boolean') return enabled;
      state.setConsoleAutoUpdate(enabled);
      return toggled(enabled);
    }),
  ];
}
