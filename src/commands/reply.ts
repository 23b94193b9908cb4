/**
 * What a command handler returns: a transport-neutral reply model. `src/slack/render/` turns it
 * into Block Kit, `src/cli/render-text.ts` into text. Handlers never build blocks or strings for a
 * particular transport.
 */
import type { Digest } from '../digest/model.js';
import type { TrendChartInput } from '../insight/chart/types.js';
import type { Forecast, ReportComparison, Trend } from '../insight/types.js';
import type { LicenseKind, LicenseRow } from '../licenses/model.js';
import type { OrganizationUsage, UsageReport } from '../reports/model.js';
import type { AuditEntry, PendingAction } from '../store/types.js';

/** A button a reply offers; `commandText` is what runs when clicked (parsed again, like typed text). */
export interface ReplyButton {
  label: string;
  commandText: string;
  style?: 'primary' | 'danger';
}

export interface Paging {
  offset: number;
  pageSize: number;
  total: number;
  /** The command text that produced this page; a "Next page" click re-runs it at offset + pageSize. */
  commandText: string;
  /** The command text of the next page (`… --page N+1`); absent on the last page. */
  nextCommandText?: string;
  /** The command text of the previous page; absent on the first page. */
  previousCommandText?: string;
}

export type Reply =
  | {
      type: 'help';
      title: string;
      sections: { title: string; entries: { usage: string; description: string }[] }[];
      note?: string;
    }
  /** The text did not parse: what was wrong, a "did you mean", and the usage line of the nearest command. */
  | { type: 'usageError'; message: string; suggestion?: string; usage: string }
  /** Something failed: `detail` carries VSPC's error code and request id when there are any. */
  | { type: 'error'; message: string; detail?: string }
  | { type: 'notice'; text: string }
  | { type: 'licenses'; title: string; summary: string; rows: LicenseRow[]; paging: Paging }
  | { type: 'license'; row: LicenseRow; buttons: ReplyButton[] }
  /** The target matched several licenses: never guess, let the user pick. */
  | { type: 'picker'; prompt: string; options: { label: string; commandText: string }[] }
  | { type: 'reports'; title: string; reports: UsageReport[]; autoApprove: boolean | null; paging?: Paging }
  /**
   * `comparison`: each organization against the same owner's report of the month before; absent
   * when it could not be worked out (`comparisonProblem` then says why, the summary still shows).
   */
  | { type: 'report'; report: UsageReport; comparison?: ReportComparison | null; comparisonProblem?: string }
  /**
   * `trend`: the table data and the chart drawn from the same numbers. The transport draws it: Slack
   * uploads it with the table, the command line writes it to `pngPath` (`--png FILE`) when asked.
   */
  | { type: 'trend'; trend: Trend; chart: TrendChartInput; pngPath: string | null }
  | { type: 'forecast'; forecast: Forecast }
  | { type: 'file'; filename: string; title: string; bytes: Uint8Array; comment: string }
  | { type: 'usage'; title: string; organizations: OrganizationUsage[]; names: Record<string, string>; paging?: Paging }
  | { type: 'whoami'; userId: string; roles: string[]; may: string[] }
  | { type: 'audit'; entries: AuditEntry[] }
  /** `pending`: the open actions (waiting for a decision or running), oldest first. */
  | { type: 'pending'; actions: PendingAction[] }
  /** A write was requested: the approval card of this pending action. */
  | { type: 'actionCard'; action: PendingAction; created: boolean }
  /** The install command: open the upload modal (Slack) or ask for a file path (CLI). */
  | { type: 'installModal'; kind: LicenseKind; targets: { label: string; uid: string }[] }
  | { type: 'digest'; digest: Digest };

/** Read replies are ephemeral unless the user added `--share`. */
export interface ReplyEnvelope {
  reply: Reply;
  share: boolean;
}
