/** What the simulator's inventory says, computed independently of the bot, to check its answers against. */
import { daysLeft } from '../../../src/licenses/expiry.js';
import type { Inventory } from '../../../src/simulator/index.js';
import { collectionOf, uidOf } from '../../../src/simulator/kinds.js';

export function uidsExpiringWithin(inventory: Inventory, days: number, now: Date): string[] {
  const server = (['site', 'vbr', 'vone', 'vb365'] as const).flatMap((kind) =>
    collectionOf(inventory, kind).map((l) => ({ uid: uidOf(l), expirationDate: l.expirationDate })),
  );
  const all = [...server, { uid: 'console', expirationDate: inventory.console.expirationDate }];
  return all
    .filter((l) => {
      const left = daysLeft(l.expirationDate, now, 'UTC');
      return left !== null && left <= days;
    })
    .map((l) => l.uid);
}

export function pendingReportIds(inventory: Inventory): number[] {
  return inventory.reports.filter((r) => r.reportStatus === 'ApprovalRequired').map((r) => r.reportParameters.reportId);
}
