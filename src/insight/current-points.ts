/**
 * Current usage → points per organization now. The monthly bill counts rental points, so an
 * organization's points now are the `rentalUnits` of its workloads counted in points (`newUnits`
 * are the part of them activated this month; `usedUnits` count licenses other than rental).
 */
import type { OrganizationUsage } from '../reports/model.js';
import { roundPoints } from './change.js';
import { orgKey } from './snapshot.js';

/** Points now per organization key (`orgKey`), every organization of the usage included (0 too). */
export function currentPoints(usage: readonly OrganizationUsage[]): Map<string, number> {
  const points = new Map<string, number>();
  for (const org of usage) {
    if (!org.organizationUid) continue;
    let total = 0;
    for (const server of org.servers) {
      for (const w of server.workloads) if (w.unitType.toLowerCase() === 'points') total += w.rentalUnits;
    }
    const key = orgKey({ uid: org.organizationUid, name: '' });
    points.set(key, roundPoints((points.get(key) ?? 0) + total));
  }
  return points;
}
