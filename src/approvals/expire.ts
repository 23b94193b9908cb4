/**
 * Ends a pending action that outlived APPROVAL_TTL_MINUTES. The store's compare-and-set refuses to
 * move a pending action once its expiry has passed (that is what stops late confirms), so the
 * transition is asked "as of" the last instant before expiry: only the status check matters here,
 * and it still lets exactly one caller win.
 */
import type { PendingAction } from '../store/types.js';
import { present, type ServiceContext } from './context.js';
import type { Presenter } from './types.js';

export async function expireAction(
  ctx: ServiceContext,
  action: PendingAction,
  now: Date,
  presenter: Presenter | null | undefined,
): Promise<boolean> {
  const minutes = Math.round((action.expiresAt.getTime() - action.createdAt.getTime()) / 60_000);
  const outcome = `Expired: nobody confirmed within ${minutes} minutes; nothing was done.`;
  const justBeforeExpiry = new Date(action.expiresAt.getTime() - 1);
  const won = await ctx.store.transition(action.id, 'pending', 'expired', justBeforeExpiry, {
    outcome,
    finishedAt: now,
  });
  if (!won) return false;
  const expired: PendingAction = { ...action, status: 'expired', outcome, finishedAt: now };
  await ctx.audit.transition('system', expired, 'pending', 'expired', outcome);
  await ctx.audit.outcome('system', expired);
  await present(ctx, presenter ?? ctx.presenterFor?.(expired), 'finished', expired);
  return true;
}
