/** Kept usage months on SQLite (see ../usage-months.ts): one row per month, the reports as JSON text. */
import { type UsageMonthRow, type UsageMonthStore, usageMonthFromRow } from '../usage-months.js';
import type { SqliteStatements } from './statements.js';

export function sqliteUsageMonths({ db, statement }: SqliteStatements): UsageMonthStore {
  return {
    async loadUsageMonths(months) {
      if (months.length === 0) return [];
      // One placeholder per month: at most 25 of them, so the prepared text is not worth caching.
      const rows = db
        .prepare(`SELECT * FROM usage_months WHERE month IN (${months.map(() => '?').join(', ')}) ORDER BY month`)
        .all(...months) as UsageMonthRow[];
      return rows.map(usageMonthFromRow);
    },

    async keepUsageMonth(month) {
      statement(
        `INSERT INTO usage_months (month, format, reports, kept_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (month) DO UPDATE SET format = excluded.format, reports = excluded.reports, kept_at = excluded.kept_at`,
      ).run(month.month, month.format, JSON.stringify(month.reports), month.keptAt.getTime());
    },
  };
}
