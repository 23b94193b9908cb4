/** `reports [latest|pending|all|YYYY-MM]`: the monthly usage reports and whether auto-approve is on. */
import type { ReportScope } from '../../reports/model.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { pageOf } from '../paging.js';
import type { Reply } from '../reply.js';
import { refuseRead } from './guards.js';

function titleOf(scope: ReportScope): string {
  switch (scope.kind) {
    case 'latest':
      return 'Usage reports · latest month';
    case 'pending':
      return 'Usage reports · waiting for approval';
    case 'all':
      return 'Usage reports · all';
    case 'month':
      return `Usage reports · ${scope.month}`;
  }
}

/** Auto-approve is context, not the answer: if VSPC will not say, the list still shows. */
async function autoApproveOf(ctx: CommandContext): Promise<boolean | null> {
  try {
    return (await ctx.backend.getReportSettings()).autoApprove;
  } catch (error) {
    ctx.logger?.warn({ err: error }, 'could not read the report settings');
    return null;
  }
}

export async function handleReports(cmd: CommandOf<'reports'>, ctx: CommandContext): Promise<Reply> {
  const refused = await refuseRead(ctx);
  if (refused) return refused;
  const [reports, autoApprove] = await Promise.all([ctx.backend.listReports(cmd.scope), autoApproveOf(ctx)]);
  const sorted = [...reports].sort(
    (a, b) =>
      b.intervalStart.localeCompare(a.intervalStart) ||
      a.organizationName.localeCompare(b.organizationName) ||
      a.reportId - b.reportId,
  );
  const page = pageOf(sorted, cmd);
  if (!page.ok) return page.reply;
  return { type: 'reports', title: titleOf(cmd.scope), reports: page.items, autoApprove, paging: page.paging };
}
