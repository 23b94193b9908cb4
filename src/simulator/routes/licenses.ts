/** The license operations of sites, VBR, Veeam ONE and VB365 servers: one generic set per kind. */

import { flatItemJsonCache } from '../http/item-json.js';
import { isPaging, parsePaging } from '../http/paging.js';
import { applyQuery } from '../http/query.js';
import { badRequest, empty, notFound, ok } from '../http/respond.js';
import type { SimRequest, SimResponse } from '../http/types.js';
import { isUuid } from '../http/validate.js';
import type { ServerLicenseKind } from '../inventory/types.js';
import { KINDS, type KindSpec } from '../kinds.js';
import { type Route, route } from '../router.js';
import type { SimulatorState } from '../state.js';
import { readBooleanPatch } from './json-patch.js';
import { isLicenseFile, readLicenseFile } from './license-file.js';

const SECTIONS = ['All', 'Instance', 'Socket'] as const;

function kindRoutes(spec: KindSpec, state: SimulatorState): Route[] {
  const base = `/api/v3/licensing/${spec.segment}`;
  const item = `${base}/{${spec.uidField}}`;
  const ops = spec.operations;
  // Licenses are changed in place (by writes, and by tests): kept JSON is checked field by field.
  const json = flatItemJsonCache<object>();

  /** Resolves the path uid, or answers 400 (not a uuid) / 404 (no such license). */
  const target = (req: SimRequest): string | SimResponse => {
    const uid = req.params[spec.uidField]!;
    if (!isUuid(uid)) return badRequest(`The ${spec.uidField} '${uid}' is not a valid UID.`);
    if (!state.find(spec.kind, uid)) return notFound(`License of the ${spec.label} with UID ${uid} was not found.`);
    return uid;
  };

  const routes = [
    route('GET', base, ops.list, (req) => {
      const items = applyQuery(state.list(spec.kind), req.query);
      if (!spec.paginated) return json.page(items, { offset: 0, limit: items.length });
      const paging = parsePaging(req.query);
      return isPaging(paging) ? json.page(items, paging) : paging;
    }),
    route('GET', item, ops.get, (req) => {
      const uid = target(req);
      return typeof uid === 'string' ? ok(state.find(spec.kind, uid)) : uid;
    }),
    route('PUT', item, ops.install, (req) => {
      const uid = req.params[spec.uidField]!;
      if (!isUuid(uid)) return badRequest(`The ${spec.uidField} '${uid}' is not a valid UID.`);
      if (!state.find(spec.kind, uid) && state.inventory.servers.get(uid.toLowerCase())?.kind !== spec.kind) {
        return notFound(`The ${spec.label} with UID ${uid} was not found.`);
      }
      const file = readLicenseFile(req, 'license', 'v3');
      if (!isLicenseFile(file)) return file;
      return ok(state.install(spec.kind, uid, file));
    }),
    route('PATCH', item, ops.patch, (req) => {
      const uid = target(req);
      if (typeof uid !== 'string') return uid;
      const license = state.find(spec.kind, uid)!;
      const value = readBooleanPatch(req.body, 'autoUpdateEnabled', license.autoUpdateEnabled);
      if (typeof value !== 'boolean') return value;
      return ok(state.setAutoUpdate(spec.kind, uid, value));
    }),
    route('POST', `${item}/update`, ops.update, (req) => {
      const uid = target(req);
      return typeof uid === 'string' ? ok(state.update(spec.kind, uid)) : uid;
    }),
  ];
  if (spec.deletable && ops.delete) {
    routes.push(
      route('DELETE', item, ops.delete, (req) => {
        const uid = target(req);
        if (typeof uid !== 'string') return uid;
        let section: (typeof SECTIONS)[number] = 'All';
        if (spec.kind === 'vbr') {
          const asked = req.query.get('sectionForDelete') ?? 'All';
          const known = SECTIONS.find((s) => s.toLowerCase() === asked.toLowerCase());
          if (!known) return badRequest(`The sectionForDelete value '${asked}' is not one of All, Instance, Socket.`);
          section = known;
        }
        const outcome = state.remove(spec.kind, uid, section);
        if (outcome === 'noSuchSection') return badRequest(`The license has no ${section} section to delete.`);
        return empty();
      }),
    );
  }
  return routes;
}

export function licenseRoutes(state: SimulatorState): Route[] {
  return (Object.keys(KINDS) as ServerLicenseKind[]).flatMap((kind) => kindRoutes(KINDS[kind], state));
}
