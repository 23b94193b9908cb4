/**
 * What handlers, the digest and the CLI ask of usage insight. `createInsightService`
 * (`src/insight/create-service.ts`) implements it over the licensing backend and the store.
 *
 * On VSPC API v2 (no usage reports, no current usage) `supported` is false and every method
 * rejects with `UnsupportedOperationError` ("usage reports are not available on VSPC API v2"),
 * which `errorReply` already turns into that sentence. Check `supported` to leave a section out
 * (the digest) instead of showing the error.
 */
import type { UsageReport } from '../reports/model.js';
import type {
  Forecast,
  MonthReport,
  ReportComparison,
  Trend,
  TrendOptions,
  UsageChanges,
  UsageThresholds,
} from './types.js';

export interface InsightService {
  /** False on VSPC API v2: every method then rejects with UnsupportedOperationError. */
  readonly supported: boolean;
  /** USAGE_ALERT_PERCENT and USAGE_ALERT_MIN_POINTS. */
  readonly thresholds: UsageThresholds;

  /**
   * The last `months` months that have reports (1 to 24), oldest first, each per organization.
   * Finalized months come from the store; missing and open ones from VSPC, concurrently.
   */
  history(months: number): Promise<MonthReport[]>;

  /** Points per month, total and top K + others, with month-over-month change. Rejects with InsightInputError on a bad filter. */
  trend(options?: TrendOptions): Promise<Trend>;

  /** This month so far per organization against the last report, expected points for the month, top movers. */
  forecast(): Promise<Forecast>;

  /** Organizations above the thresholds, new ones and ones that fell to zero, against the last report. */
  usageChanges(): Promise<UsageChanges>;

  /**
   * A report (by id, or the report the handler already holds) against the same owner's report of
   * the month before. Null when VSPC has no report with that id.
   */
  compareReport(report: number | UsageReport): Promise<ReportComparison | null>;

  /** Resolves once the months read so far are written to the store (they are written after the answer). */
  settled(): Promise<void>;
}

/**
 * The user asked for something that cannot be answered as asked (no organization matches `--org`,
 * unknown product, months out of range). The message is meant for the user as is.
 */
export class InsightInputError extends Error {
  override readonly name = 'InsightInputError';
}
