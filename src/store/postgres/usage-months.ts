/** Kept usage months on PostgreSQL (see ../usage-months.ts): one row per month, the JSON as JSONB. */
import type pg from 'pg';
import { type UsageMonthRow, type UsageMonthStore, usageMonthColumns, usageMonthFromRow } from '../usage-months.js';

export function postgresUsageMonths(pool: pg.Pool): UsageMonthStore {
  return {
    async loadUsageMonths(months, options = {}) {
      if (months.length === 0) return [];
      const { rows } = await pool.query<UsageMonthRow>(
        `SELECT ${usageMonthColumns(options.reports ?? true)} FROM usage_months WHERE month = ANY($1::text[]) ORDER BY month`,
        [months],
      );
      return rows.map(usageMonthFromRow);
    },

    async keepUsageMonth(month) {
      await pool.query(
        `INSERT INTO usage_months (month, format, built, reports, kept_at) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
         ON CONFLICT (month) DO UPDATE SET format = EXCLUDED.format, built = EXCLUDED.built,
           reports = EXCLUDED.reports, kept_at = EXCLUDED.kept_at`,
        [
          month.month,
          month.format,
          month.built === null ? null : JSON.stringify(month.built),
          JSON.stringify(month.reports),
          month.keptAt.getTime(),
        ],
      );
    },
  };
}
