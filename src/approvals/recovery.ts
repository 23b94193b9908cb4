/**
 * Settles actions found `executing` that this process is not running right now (DESIGN §2.6): left
 * by a crash, or confirmed here but their VSPC call ended without a known outcome (a 202 still
 * running when the client stopped polling, a timeout, a dropped connection). Their call may or may
 * not have reached VSPC; since it carried the action id as `X-Request-id`, VSPC's async action of
 * that id tells what became of it. The action is never run again: what VSPC cannot account for is
 * marked "outcome unknown" for a person to check — but only after a grace period, because another
 * replica (a rolling deploy) may still be sending it and VSPC then has no record of it *yet*.
 */
import type { AsyncActionState } from '../licenses/backend.js';
import type { ActionStatus, PendingAction } from '../store/types.js';
import { present, type ServiceContext } from './context.js';
import type { RecoveryReport } from './types.js';

/**
 * How long after its confirm an action VSPC has no record of may still be on its way there. It must
 * outlast the longest call of a (possibly other) replica: the client resends a write for up to 4.5
 * minutes (inside VSPC's 5-minute request-id window), each try may wait 30 s for an answer, and it
 * follows a 202 for up to 5 minutes — about 10 minutes; 15 leaves room for clock skew between
 * replicas and slow stores.
 */
export const NOT_FOUND_GRACE_MS = 15 * 60_000;

export async function recoverExecuting(ctx: ServiceContext): Promise<RecoveryReport> {
  const report: RecoveryReport = { resolved: 0, running: 0 };
  // First what this process already knows: a finished write whose outcome the store refused earlier.
  await ctx.unrecorded.flush(ctx.store);
  const executing = await ctx.store.listActions({ status: ['executing'] });
  for (const action of executing) {
    if (ctx.inFlight.has(action.id) || ctx.unrecorded.has(action.id)) continue;
    let state: AsyncActionState;
    try {
      state = await ctx.backend.asyncActionState(action.id);
    } catch (error) {
      // VSPC unreachable: the action stays executing and is asked about again on the next round.
      ctx.logger.warn({ err: error, actionId: action.id }, 'recovery: could not ask VSPC about the action');
      report.running++;
      continue;
    }
    if (state.status === 'notFound' && withinGrace(action, ctx.clock())) {
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

/** A confirm always precedes expiry, so `expiresAt` bounds actions confirmed before `executingSince` existed. */
function withinGrace(action: PendingAction, now: Date): boolean {
  const since = action.executingSince ?? action.expiresAt;
  return now.getTime() - since.getTime() < NOT_FOUND_GRACE_MS;
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
      return { status: 'succeeded', outcome: `VSPC completed the request (its record of it says so) · ${requestId}` };
    case 'failed':
      return { status: 'failed', outcome: `VSPC reports the request failed${errors} · ${requestId}` };
    case 'canceled':
      return { status: 'failed', outcome: `VSPC reports the request was canceled${errors} · ${requestId}` };
    case 'notFound': {
      const where = ctx.vspcUrl ? ` at ${ctx.vspcUrl}` : '';
      return {
        status: 'unknown',
        outcome:
          `Outcome unknown — check VSPC${where}: the bot lost track of this call (a restart, or VSPC did not ` +
          `answer), and VSPC has no record of ${requestId}. It was not run again.`,
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
