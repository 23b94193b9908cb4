/** `reports finalize`: an approval card for finalizing the reports that wait for approval. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { askDesk, refuseWrite } from './request-write.js';

export async function handleReportsFinalize(_cmd: CommandOf<'reports.finalize'>, ctx: CommandContext): Promise<Reply> {
  const operation = { op: 'reports.finalize' } as const;
  const refused = await refuseWrite(ctx, operation);
  if (refused) return refused;
  const pending = await ctx.backend.listReports({ kind: 'pending' });
  if (pending.length === 0) return { type: 'notice', text: 'No usage reports wait for approval.' };
  const points = pending.reduce((sum, r) => sum + r.totalPoints, 0);
  const label = `${pending.length} usage report${pending.length === 1 ? '' : 's'} waiting for approval (${points} points)`;
  return askDesk(ctx, operation, label);
}
