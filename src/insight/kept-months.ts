/**
 * The store's kept usage months as the history source reads them: rows of another format, or that
 * no longer parse, are treated as not kept (fetched again and overwritten), never as data.
 */
import { z } from 'zod';
import type { Clock } from '../licenses/expiry.js';
import type { UsageMonthStore } from '../store/usage-months.js';
import type { KeptMonths } from './history-source.js';
import { type ReportSnapshot, ReportSnapshotSchema, SNAPSHOT_FORMAT } from './snapshot.js';
import type { Month } from './types.js';

const KeptReports = z.array(ReportSnapshotSchema);

export function keptMonthsIn(store: UsageMonthStore, clock: Clock): KeptMonths {
  return {
    async load(months) {
      const out = new Map<Month, ReportSnapshot[]>();
      for (const row of await store.loadUsageMonths(months)) {
        if (row.format !== SNAPSHOT_FORMAT) continue;
        const reports = KeptReports.safeParse(row.reports);
        if (reports.success) out.set(row.month, reports.data);
      }
      return out;
    },
    keep(month, reports) {
      return store.keepUsageMonth({ month, format: SNAPSHOT_FORMAT, reports, keptAt: clock() });
    },
  };
}
