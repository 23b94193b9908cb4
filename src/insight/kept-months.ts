/**
 * The store's kept usage months as the history source reads them: rows of another format, or that
 * do not have the snapshot's shape, are treated as not kept (fetched again and overwritten), never
 * as data. The shape check is shallow on purpose: the rows are the bot's own writes of this format,
 * and a full schema walk over 24 months × 1,000 organizations would cost more than the trend itself.
 */
import type { Clock } from '../licenses/expiry.js';
import type { UsageMonthStore } from '../store/usage-months.js';
import type { KeptMonths } from './history-source.js';
import { type ReportSnapshot, SNAPSHOT_FORMAT } from './snapshot.js';
import type { Month } from './types.js';

function looksLikeSnapshots(value: unknown, month: Month): value is ReportSnapshot[] {
  return (
    Array.isArray(value) &&
    value.every(
      (r: Partial<ReportSnapshot> | null) =>
        typeof r === 'object' &&
        r !== null &&
        r.month === month &&
        typeof r.reportId === 'number' &&
        typeof r.totalPoints === 'number' &&
        typeof r.status === 'string' &&
        typeof r.owner?.uid === 'string' &&
        Array.isArray(r.organizations) &&
        Array.isArray(r.products) &&
        Array.isArray(r.organizationProducts),
    )
  );
}

export function keptMonthsIn(store: UsageMonthStore, clock: Clock): KeptMonths {
  return {
    async load(months) {
      const out = new Map<Month, ReportSnapshot[]>();
      for (const row of await store.loadUsageMonths(months)) {
        if (row.format === SNAPSHOT_FORMAT && looksLikeSnapshots(row.reports, row.month))
          out.set(row.month, row.reports);
      }
      return out;
    },
    keep(month, reports) {
      return store.keepUsageMonth({ month, format: SNAPSHOT_FORMAT, reports, keptAt: clock() });
    },
  };
}
