/** `audit [N]`: the newest N audit entries (commands, clicks, transitions). */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { refuseRead } from './guards.js';

export async function handleAudit(cmd: CommandOf<'audit'>, ctx: CommandContext): Promise<Reply> {
  const refused = await refuseRead(ctx);
  if (refused) return refused;
  return { type: 'audit', entries: await ctx.store.listAudit(cmd.limit) };
}
