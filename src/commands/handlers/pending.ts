/**
 * `pending`: every open action — waiting for a decision, or confirmed and running (or waiting for
 * VSPC to tell how it ended) — oldest first. A waiting action whose expiry has passed is not open
 * any more, even before the sweeper has marked it: confirming it would be refused.
 */
import { OPEN_STATUSES, type PendingAction } from '../../store/types.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { refuseRead } from './guards.js';

export async function handlePending(_cmd: CommandOf<'pending'>, ctx: CommandContext): Promise<Reply> {
  const refused = await refuseRead(ctx);
  if (refused) return refused;
  return { type: 'pending', actions: await openActions(ctx) };
}

/** The open actions as `pending` lists them; the App Home reads the same list. */
export async function openActions(ctx: Pick<CommandContext, 'store' | 'clock'>): Promise<PendingAction[]> {
  const now = ctx.clock().getTime();
  const actions = await ctx.store.listActions({ status: [...OPEN_STATUSES] });
  return actions
    .filter((action) => action.status !== 'pending' || action.expiresAt.getTime() > now)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}
