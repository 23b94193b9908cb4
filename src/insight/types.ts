/**
 * The models of usage insight: what `trend`, `forecast`, `report <id>` and the digest's "Usage
 * changes" show. Plain data (numbers unrounded, months as `YYYY-MM`), so Block Kit, text and the
 * chart render the same figures. Built by the pure functions of `src/insight/` from the monthly
 * usage reports (past months) and the current usage (this month).
 */

/** A calendar month, `YYYY-MM`: the month a report's interval covers (`reportInterval.startOfInterval`). */
export type Month = string;

/** An organization as the reports name it. `uid` is '' only for the "not attributed" remainder row. */
export interface OrgRef {
  uid: string;
  name: string;
}

/**
 * A change from `before` to `now`. `percent` is relative to `before`, rounded to one decimal
 * (`round1((now - before) / before * 100)`), and null when `before` is 0 (no base to compare with).
 */
export interface Change {
  points: number;
  percent: number | null;
}

/**
 * final: every report of the month is approved; it never changes and is kept in the store.
 * open: at least one report waits for approval or is being finalized; fetched again each time.
 * missing: VSPC has no report for the month (before the history starts, or not generated yet).
 */
export type MonthStatus = 'final' | 'open' | 'missing';

/** One report VSPC holds for the month (one per report owner: the provider and each reseller). */
export interface ReportRef {
  reportId: number;
  owner: OrgRef;
  /** VSPC's `reportStatus`: ApprovalRequired, Approved, Finalization, … */
  status: string;
  totalPoints: number;
}

/** An organization's points in one month. */
export interface OrgPoints extends OrgRef {
  /** Company, Reseller, Provider, Unknown; `Unattributed` for the remainder row. */
  type: string;
  points: number;
  /** Points per product (`BackupAndReplication`, `CloudConnect`, `VSPC`, …) where the report itemizes them. */
  products: Record<string, number>;
  /** The reseller whose report lists this company; null for companies of the provider. */
  reseller: OrgRef | null;
}

/** A product's points in one month. */
export interface ProductPoints {
  productType: string;
  points: number;
}

/**
 * One month of the bill, per organization. `totalPoints` is the bill (the sum of the provider-level
 * reports); `organizations` are the companies (a reseller line is replaced by the companies of the
 * reseller's own report) and always sum to `totalPoints`: what a report does not attribute to a
 * company is one row of type `Unattributed`. Largest first.
 */
export interface MonthReport {
  month: Month;
  status: MonthStatus;
  totalPoints: number;
  organizations: OrgPoints[];
  /** Sum to `totalPoints` (a product-less remainder appears as productType `Unknown`). Largest first. */
  products: ProductPoints[];
  reports: ReportRef[];
}

export interface TrendOptions {
  /** Months to show, ending with the latest month that has reports. Default 6, 1 to 24. */
  months?: number;
  /** Organization name (case-insensitive; exact, else substring), UID or UID prefix of 8+ characters. A reseller matches its companies. */
  org?: string;
  /** Product type or its short name: vbr, cc, vspc, vone, vb365 (case-insensitive). */
  product?: string;
  /** Organizations shown by name; the rest are summed as "others". Default 5, 1 to 20. */
  top?: number;
}

export interface TrendMonth {
  month: Month;
  status: MonthStatus;
  /** Points of the month after the filters (all organizations, or the matched ones; one product or all). */
  totalPoints: number;
  /** Against the month before (also for the first shown month when VSPC has that one); null without it. */
  change: Change | null;
}

/** A line of the trend: one organization, or "others" (everything outside the top K). */
export interface TrendSeries {
  kind: 'organization' | 'others';
  /** null for "others". */
  org: OrgRef | null;
  /** Label to show: the organization's name, or `others (N organizations)`. */
  label: string;
  /** One value per month of `Trend.months`, same order. */
  points: number[];
  /** Sum over the shown months (the top K are ranked by it). */
  total: number;
  /** Last shown month against the one before it; null when there is no base. */
  change: Change | null;
}

export interface Trend {
  /** Oldest first. */
  months: TrendMonth[];
  /** Top K first (largest total first), then "others" when there are any. Per month they sum to the month's total. */
  series: TrendSeries[];
  filters: {
    months: number;
    top: number;
    /** The resolved product type, or null for all products. */
    product: string | null;
    /** What `--org` matched (several when a name or a reseller matched more than one company); null without `--org`. */
    org: { query: string; matched: OrgRef[] } | null;
  };
  /** Where the months came from: kept in the store, or read from VSPC for this answer. */
  source: { fromStore: Month[]; fetched: Month[] };
}

export interface ForecastRow {
  org: OrgRef;
  /** Points in the last report; 0 when the organization is not in it. */
  lastReport: number;
  /** Points protected now (current usage). */
  soFar: number;
  /** Expected points for the whole month (see `Forecast.method`). */
  expected: number;
  /** expected against lastReport. */
  change: Change;
}

export interface Forecast {
  /** The month being forecast (this month in the team's time zone). */
  month: Month;
  /** The month of the last report it is compared with; null when VSPC has none. */
  lastReportMonth: Month | null;
  /** The instant of the current-usage reading (ISO 8601). */
  asOf: string;
  dayOfMonth: number;
  daysInMonth: number;
  totals: { lastReport: number; soFar: number; expected: number; change: Change };
  /** Every organization in the last report or in the current usage, largest expected first. */
  rows: ForecastRow[];
  /** Up to 5 rows with the largest increase (change.points > 0), largest first. */
  topUp: ForecastRow[];
  /** Up to 5 rows with the largest decrease (change.points < 0), largest decrease first. */
  topDown: ForecastRow[];
  /** One line saying how `expected` is computed. */
  method: string;
}

export interface UsageThresholds {
  /** USAGE_ALERT_PERCENT: a jump is at least this many percent above the last report … */
  percent: number;
  /** USAGE_ALERT_MIN_POINTS: … and at least this many points more. */
  minPoints: number;
}

/**
 * jump: now ≥ before × (1 + percent/100) and now − before ≥ minPoints.
 * new: not in the last report (before = 0), some usage now.
 * zero: some points in the last report, nothing now.
 */
export interface UsageChange {
  kind: 'jump' | 'new' | 'zero';
  org: OrgRef;
  /** Points in the last report. */
  before: number;
  /** Points protected now. */
  now: number;
  change: Change;
}

export interface UsageChanges {
  lastReportMonth: Month | null;
  asOf: string;
  thresholds: UsageThresholds;
  /** Jumps (largest increase first), then new (largest first), then zero (largest before first). */
  changes: UsageChange[];
}

/** `report <id>`: each organization of the report against the same owner's report of the month before. */
export interface ReportComparison {
  report: ReportRef & { month: Month };
  /** The same owner's report of the month before; null when VSPC has none. */
  previous: (ReportRef & { month: Month }) | null;
  /** Total against the previous report; null without one. */
  change: Change | null;
  /**
   * The report's organizations, plus those only in the previous one (kind gone); largest now first,
   * then gone. Without a previous report every row is `new` with `before` and `change` null.
   */
  rows: {
    org: OrgRef;
    kind: 'changed' | 'same' | 'new' | 'gone';
    now: number;
    /** null when there is no previous report at all. */
    before: number | null;
    change: Change | null;
  }[];
}
