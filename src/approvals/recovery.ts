/**
 * After a restart (DESIGN §2.6): an action found `executing` was confirmed, and its VSPC call may or
 * may not have happened. Since the call carried the action id as `X-Request-id`, VSPC's async
 * action of that id tells what became of it. The action is never run again: what VSPC cannot
 * account for is marked "outcome unknown" for a person to check.
 */
import type { AsyncActionState } from '../licenses/backend.js';
import type { ActionStatus, PendingAction } from '../store/types.js';
import { present, type ServiceContext } from './context.js';
import type { RecoveryReport } from './types.js';

export async function recoverExecuting(ctx: ServiceContext): Promise<RecoveryReport> {
  const report: RecoveryReport = { resolved: 0, running: 0 };
  const executing = await ctx.store.listActions({ status: ['executing'] });
  for (const action of executing) {
    if (ctx.inFlight.has(action.id)) continue;
    let state: AsyncActionState;
    try {
      state = await ctx.backend.asyncActionState(action.id);
    } catch (error) {
      // VSPC unreachable: the action stays executing and is asked about again on the next round.
      ctx.logger.warn({ err: error, actionId: action.id }, 'recovery: could not ask VSPC about the action');
      report.running++;
      continue;
    }
    const settled = settlement(ctx, action, state);
    if (!settled) {
      report.running++;
      continue;
    }
    if (await settle(ctx, action, settled.status, settled.outcome)) report.resolved++;
  }
  return report;
}

function settlement(
  ctx: ServiceContext,
  action: PendingAction,
  state: AsyncActionState,
): { status: ActionStatus; outcome: string } | null {
  const requestId = `request id ${action.id}`;
  const errors = state.errors.length > 0 ? `: ${state.errors.join('; ')}` : '';
  switch (state.status) {
    case 'running':
      return null;
    case 'succeed':
      return { status: 'succeeded', outcome: `VSPC completed the request (found after a restart) · ${requestId}` };
    case 'failed':
      return { status: 'failed', outcome: `VSPC reports the request failed${errors} · ${requestId}` };
    case 'canceled':
      return { status: 'failed', outcome: `VSPC reports the request was canceled${errors} · ${requestId}` };
    case 'notFound': {
      const where = ctx.vspcUrl ? ` at ${ctx.vspcUrl}` : '';
      return {
        status: 'unknown',
        outcome:
          `Outcome unknown — check VSPC${where}: the bot restarted while this ran, and VSPC has no record of ` +
          `${requestId}. It was not run again.`,
      };
    }
  }
}

async function settle(ctx: ServiceContext, action: PendingAction, to: ActionStatus, outcome: string): Promise<boolean> {
  const now = ctx.clock();
  const won = await ctx.store.transition(action.id, 'executing', to, now, { outcome, finishedAt: now });
  if (!won) return false;
  const settled: PendingAction = { ...action, status: to, outcome, finishedAt: now };
  await ctx.audit.transition('system', settled, 'executing', to, outcome);
  await ctx.audit.outcome('system', settled);
  if (to === 'succeeded') ctx.inventory?.invalidate();
  await present(ctx, ctx.presenterFor?.(settled), 'finished', settled);
  return true;
}
