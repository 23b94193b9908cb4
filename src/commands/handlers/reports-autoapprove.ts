/** `reports autoapprove on|off`: report settings `/autoApprove`, after confirmation. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { askDesk, refuseWrite } from './request-write.js';

export async function handleReportsAutoapprove(
  cmd: CommandOf<'reports.autoapprove'>,
  ctx: CommandContext,
): Promise<Reply> {
  const operation = { op: 'reports.autoapprove', enabled: cmd.enabled } as const;
  const refused = await refuseWrite(ctx, operation);
  if (refused) return refused;
  const { autoApprove } = await ctx.backend.getReportSettings();
  if (autoApprove === cmd.enabled) {
    return { type: 'notice', text: `Automatic approval of usage reports is already ${cmd.enabled ? 'on' : 'off'}.` };
  }
  return askDesk(ctx, operation, 'automatic approval of monthly usage reports');
}
