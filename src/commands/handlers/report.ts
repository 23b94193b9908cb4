/**
 * `report <id>`: one report's summary with each organisation against the same owner's report of
 * the month before; `report <id> csv`: VSPC's CSV as a file.
 */
import type { ReportComparison } from '../../insight/types.js';
import type { UsageReport } from '../../reports/model.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { errorReply } from '../error-reply.js';
import type { Reply } from '../reply.js';
import { refuseRead } from './guards.js';

export async function handleReport(cmd: CommandOf<'report'>, ctx: CommandContext): Promise<Reply> {
  const refused = await refuseRead(ctx);
  if (refused) return refused;
  if (cmd.csv) {
    const bytes = await ctx.backend.reportCsv(cmd.reportId);
    return {
      type: 'file',
      filename: `license-usage-${cmd.reportId}.csv`,
      title: `License usage report ${cmd.reportId}`,
      bytes,
      comment: `License usage report ${cmd.reportId} as CSV, from VSPC.`,
    };
  }
  // VSPC has no "get one report": find it among all of them.
  const reports = await ctx.backend.listReports({ kind: 'all' });
  const report = reports.find((r) => r.reportId === cmd.reportId);
  if (!report) return { type: 'error', message: `There is no usage report with id ${cmd.reportId}. See: reports all` };
  return { type: 'report', report, ...(await comparisonOf(report, ctx)) };
}

/** The summary is worth showing even when the month before cannot be read: then say why. */
async function comparisonOf(
  report: UsageReport,
  ctx: CommandContext,
): Promise<{ comparison: ReportComparison | null } | { comparisonProblem: string }> {
  try {
    return { comparison: await ctx.insight.compareReport(report) };
  } catch (error) {
    // errorReply logs it and words it as it would any failure of a command.
    const reply = errorReply(error, 'report', ctx.logger);
    const why = reply.type === 'error' ? reply.message : 'it failed';
    return { comparisonProblem: `The change against the month before could not be worked out: ${why}` };
  }
}
