/**
 * Kept usage months: the monthly usage reports of months that can no longer change (every report
 * approved, or no report and never going to have one), so `trend` reads them from here instead of
 * asking VSPC again. The store keeps JSON it does not interpret: the month as the insight layer built
 * it (`built`, what a trend reads) and the month's reports as it reduced them (`reports`, read only
 * for one month at a time). `format` says which shapes the insight layer wrote, so a newer bot can
 * convert or ignore (and fetch again) what an older one kept.
 */

export interface KeptUsageMonth {
  /** `YYYY-MM`. */
  month: string;
  format: number;
  /** The built month (JSON-serializable); null in rows kept before migration 5. */
  built: unknown;
  /** The month's reports as the insight layer reduced them (JSON-serializable). */
  reports: unknown;
  keptAt: Date;
}

export interface UsageMonthStore {
  /**
   * The kept months among `months` (absent ones are simply not returned). With `reports: false`
   * the reports are not read (null): a trend over 24 months needs only the built months.
   */
  loadUsageMonths(months: readonly string[], options?: { reports?: boolean }): Promise<KeptUsageMonth[]>;
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

/** Migration 5 (both dialects): the built month beside the reports; NULL in the rows kept before it. */
export function usageMonthsBuiltColumn(json: string): string {
  return `ALTER TABLE usage_months ADD COLUMN built ${json};`;
}

/** The columns a load reads: the reports only when asked for. */
export function usageMonthColumns(reports: boolean): string {
  return reports ? 'month, format, built, reports, kept_at' : 'month, format, built, NULL AS reports, kept_at';
}

export interface UsageMonthRow {
  month: string;
  format: number | string;
  /** Text in SQLite; already parsed by pg from JSONB; null when not read or not kept. */
  built: unknown;
  reports: unknown;
  kept_at: number | string;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));

export function usageMonthFromRow(row: UsageMonthRow): KeptUsageMonth {
  return {
    month: row.month,
    format: Number(row.format),
    built: json(row.built),
    reports: json(row.reports),
    keptAt: new Date(Number(row.kept_at)),
  };
}
