/**
 * The store's kept usage months as the history source reads them. A row holds the built month (what
 * a trend reads: per organization and product, ~0.2 MB for 1,000 companies) and the month's reports
 * reduced to their own lines (what `report <id>` compares with). Rows kept by the first format
 * (migration 4: the reports with their per-product lines, no built month) are built on first read
 * and written back in this format: nothing is fetched again. Rows of another format, or that do not
 * have the expected shape, are treated as not kept (fetched again and overwritten), never as data.
 * The shape checks are shallow on purpose: the rows are the bot's own writes of this format.
 */
import type { Clock } from '../licenses/expiry.js';
import type { Logger } from '../log.js';
import type { UsageMonthStore } from '../store/usage-months.js';
import { buildMonth } from './build-month.js';
import type { KeptMonths } from './history-source.js';
import { ownLines, type ReportSnapshot } from './snapshot.js';
import type { Month, MonthReport } from './types.js';

/** Built month + the reports' own lines (migration 5). */
export const KEPT_FORMAT = 2;
/** Migration 4's rows: the reports as whole snapshots (per-product lines included), no built month. */
export const SNAPSHOTS_FORMAT = 1;

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

function looksLikeMonth(value: unknown, month: Month): value is MonthReport {
  const m = value as Partial<MonthReport> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.month === month &&
    (m.status === 'final' || m.status === 'missing') &&
    typeof m.totalPoints === 'number' &&
    Array.isArray(m.organizations) &&
    Array.isArray(m.products) &&
    Array.isArray(m.reports)
  );
}

export function keptMonthsIn(store: UsageMonthStore, clock: Clock, logger?: Logger): KeptMonths {
  const keep = (month: MonthReport, reports: readonly ReportSnapshot[]) =>
    store.keepUsageMonth({
      month: month.month,
      format: KEPT_FORMAT,
      built: month,
      reports: reports.map(ownLines),
      keptAt: clock(),
    });

  /** Migration 4's rows → built months, written back so that the next read is a plain one. */
  async function convert(months: readonly Month[]): Promise<Map<Month, MonthReport>> {
    const out = new Map<Month, MonthReport>();
    for (const row of await store.loadUsageMonths(months)) {
      if (row.format !== SNAPSHOTS_FORMAT || !looksLikeSnapshots(row.reports, row.month)) continue;
      const built = buildMonth(row.month, row.reports);
      out.set(row.month, built);
      try {
        await keep(built, row.reports);
      } catch (error) {
        logger?.warn(
          { err: error, month: row.month },
          'usage history: could not rewrite a kept month in the new format',
        );
      }
    }
    if (out.size > 0)
      logger?.info({ months: [...out.keys()] }, 'usage history: kept months of the first format rebuilt');
    return out;
  }

  return {
    async load(months) {
      const out = new Map<Month, MonthReport>();
      const older: Month[] = [];
      for (const row of await store.loadUsageMonths(months, { reports: false })) {
        if (row.format === KEPT_FORMAT && looksLikeMonth(row.built, row.month)) out.set(row.month, row.built);
        else if (row.format === SNAPSHOTS_FORMAT) older.push(row.month);
      }
      if (older.length > 0) for (const [month, built] of await convert(older)) out.set(month, built);
      return out;
    },

    async reports(month) {
      const [row] = await store.loadUsageMonths([month]);
      const known = row?.format === KEPT_FORMAT || row?.format === SNAPSHOTS_FORMAT;
      return row && known && looksLikeSnapshots(row.reports, month) ? row.reports : null;
    },

    keep,
  };
}
