/** Kept usage months on PostgreSQL (see ../usage-months.ts): one row per month, the reports as JSONB. */
import type pg from 'pg';
import { type UsageMonthRow, type UsageMonthStore, usageMonthFromRow } from '../usage-months.js';

export function postgresUsageMonths(pool: pg.Pool): UsageMonthStore {
  return {
    async loadUsageMonths(months) {
      if (months.length === 0) return [];
      const { rows } = await pool.query<UsageMonthRow>(
        'SELECT * FROM usage_months WHERE month = ANY($1::text[]) ORDER BY month',
        [months],
      );
      return rows.map(usageMonthFromRow);
    },

    async keepUsageMonth(month) {
      await pool.query(
        `INSERT INTO usage_months (month, format, reports, kept_at) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (month) DO UPDATE SET format = EXCLUDED.format, reports = EXCLUDED.reports, kept_at = EXCLUDED.kept_at`,
        [month.month, month.format, JSON.stringify(month.reports), month.keptAt.getTime()],
      );
    },
  };
}
