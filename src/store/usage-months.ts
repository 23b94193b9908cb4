/**
 * Kept usage months: the monthly usage reports of months that can no longer change (every report
 * approved, or no report and never going to have one), so `trend` reads them from here instead of
 * asking VSPC again. The store keeps the reports as JSON it does not interpret; `format` says which
 * shape the insight layer wrote, so a newer bot can ignore (and fetch again) what an older one kept.
 */

export interface KeptUsageMonth {
  /** `YYYY-MM`. */
  month: string;
  format: number;
  /** The month's reports as the insight layer reduced them (JSON-serializable). */
  reports: unknown;
  keptAt: Date;
}

export interface UsageMonthStore {
  /** The kept months among `months` (absent ones are simply not returned). */
  loadUsageMonths(months: readonly string[]): Promise<KeptUsageMonth[]>;
  /** Keeps a month, replacing what was kept for it. */
  keepUsageMonth(month: KeptUsageMonth): Promise<void>;
}

/** Migration 4 (both dialects): one row per month. */
export function usageMonthsTable(json: string): string {
  return `CREATE TABLE usage_months (
  month TEXT PRIMARY KEY,
  format INTEGER NOT NULL,
  reports ${json} NOT NULL,
  kept_at BIGINT NOT NULL
);`;
}

export interface UsageMonthRow {
  month: string;
  format: number | string;
  /** Text in SQLite; already parsed by pg from JSONB. */
  reports: unknown;
  kept_at: number | string;
}

export function usageMonthFromRow(row: UsageMonthRow): KeptUsageMonth {
  return {
    month: row.month,
    format: Number(row.format),
    reports: typeof row.reports === 'string' ? JSON.parse(row.reports) : row.reports,
    keptAt: new Date(Number(row.kept_at)),
  };
}
