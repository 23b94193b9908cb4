/** Kept usage months on SQLite (see ../usage-months.ts): one row per month, the JSON as text. */
import { type UsageMonthRow, type UsageMonthStore, usageMonthColumns, usageMonthFromRow } from '../usage-months.js';
import type { SqliteStatements } from './statements.js';

export function sqliteUsageMonths({ db, statement }: SqliteStatements): UsageMonthStore {
  return {
    async loadUsageMonths(months, options = {}) {
      if (months.length === 0) return [];
      // One placeholder per month: at most 25 of them, so the prepared text is not worth caching.
      const rows = db
        .prepare(
          `SELECT ${usageMonthColumns(options.reports ?? true)} FROM usage_months WHERE month IN (${months.map(() => '?').join(', ')}) ORDER BY month`,
        )
        .all(...months) as UsageMonthRow[];
      return rows.map(usageMonthFromRow);
    },

    async keepUsageMonth(month) {
      statement(
        `INSERT INTO usage_months (month, format, built, reports, kept_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (month) DO UPDATE SET format = excluded.format, built = excluded.built,
           reports = excluded.reports, kept_at = excluded.kept_at`,
      ).run(
        month.month,
        month.format,
        month.built === null ? null : JSON.stringify(month.built),
        JSON.stringify(month.reports),
        month.keptAt.getTime(),
      );
    },
  };
}
