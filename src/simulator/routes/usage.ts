/** `GET /licensing/usage/organizations` with its own query filters, then paging. */

import { isPaging, page, parsePaging } from '../http/paging.js';
import { applyQuery } from '../http/query.js';
import { badRequest } from '../http/respond.js';
import { isUuid } from '../http/validate.js';
import { type Route, route } from '../router.js';
import type { SimulatorState } from '../state.js';
import type { OrganizationCurrentLicenseUsage } from '../wire.js';

const ORG_TYPES = ['Company', 'Provider', 'Reseller', 'Unknown'];
const SERVER_TYPES = ['BackupAndReplication', 'CloudConnect', 'VB365', 'VONE', 'VSPC', 'Unknown'];

function oneOf(value: string, allowed: string[]): string | undefined {
  return allowed.find((a) => a.toLowerCase() === value.toLowerCase());
}

export function usageRoutes(state: SimulatorState): Route[] {
  return [
    route('GET', '/api/v3/licensing/usage/organizations', 'GetOrganizationsLicenseUsage', (req) => {
      const q = req.query;
      for (const name of ['organizationUid', 'providerUid', 'serverUid']) {
        const value = q.get(name);
        if (value !== null && value !== '' && !isUuid(value))
          return badRequest(`The ${name} '${value}' is not a valid UID.`);
      }
      const orgTypeText = q.get('organizationType');
      const orgType = orgTypeText ? oneOf(orgTypeText, ORG_TYPES) : undefined;
      if (orgTypeText && !orgType)
        return badRequest(`The organizationType '${orgTypeText}' is not one of ${ORG_TYPES.join(', ')}.`);
      const serverTypeText = q.get('serverType');
      const serverType = serverTypeText ? oneOf(serverTypeText, SERVER_TYPES) : undefined;
      if (serverTypeText && !serverType)
        return badRequest(`The serverType '${serverTypeText}' is not one of ${SERVER_TYPES.join(', ')}.`);
      const paging = parsePaging(q);
      if (!isPaging(paging)) return paging;

      const orgUid = q.get('organizationUid')?.toLowerCase() || undefined;
      const providerUid = q.get('providerUid')?.toLowerCase() || undefined;
      const serverUid = q.get('serverUid')?.toLowerCase() || undefined;
      const serverFilter = serverUid !== undefined || serverType !== undefined;
      const rows: OrganizationCurrentLicenseUsage[] = [];
      for (const org of state.inventory.usage) {
        if (orgUid && org.organizationUid !== orgUid) continue;
        if (orgType && org.organizationType !== orgType) continue;
        if (providerUid && org.providerUid !== providerUid) continue;
        if (!serverFilter) {
          rows.push(org);
          continue;
        }
        const servers = org.servers.filter(
          (s) => (!serverUid || s.serverUid === serverUid) && (!serverType || s.serverType === serverType),
        );
        if (servers.length > 0) rows.push({ ...org, servers });
      }
      return page(applyQuery(rows, q), paging);
    }),
  ];
}
