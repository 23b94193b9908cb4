/** Hand-built report snapshots and months for the pure insight functions. */
import { buildMonth } from '../../../src/insight/build-month.js';
import type { ReportSnapshot } from '../../../src/insight/snapshot.js';
import type { MonthReport } from '../../../src/insight/types.js';

export const PROVIDER = { uid: 'p0000000-0000-4000-8000-000000000000', name: 'Skyline' };
export const RESELLER = { uid: 'r0000000-0000-4000-8000-000000000000', name: 'Beta Reseller' };

let nextId = 1;

/** A report whose total is the sum of its lines; products split evenly into VBR unless given. */
export function snapshot(
  month: string,
  owner: { uid: string; name: string },
  lines: [uid: string, name: string, points: number, type?: string][],
  extra: Partial<ReportSnapshot> = {},
): ReportSnapshot {
  const totalPoints = lines.reduce((t, l) => t + l[2], 0);
  return {
    reportId: nextId++,
    month,
    owner,
    status: 'Approved',
    totalPoints,
    products: [{ productType: 'BackupAndReplication', points: totalPoints }],
    organizations: lines.map(([uid, name, points, type]) => ({ uid, name, points, type: type ?? 'Company' })),
    organizationProducts: lines
      .filter(([, , , type]) => type !== 'Reseller')
      .map(([uid, , points]) => ({ uid, productType: 'BackupAndReplication', points })),
    ...extra,
  };
}

/** A month of the provider only: `[uid, name, points]` per company. */
export function providerMonth(month: string, lines: [string, string, number][], status = 'Approved'): MonthReport {
  return buildMonth(month, [snapshot(month, PROVIDER, lines, { status })]);
}
