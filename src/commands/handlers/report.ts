/** `report <id>`: one report's summary; `report <id> csv`: VSPC's CSV as a file. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
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
  return { type: 'report', report };
}
