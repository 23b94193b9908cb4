/**
 * The approval state machine (DESIGN §2): request → pending → executing → succeeded | failed, or
 * pending → cancelled | expired. A write whose outcome VSPC has not told stays executing until the
 * sweeper hears from VSPC (or, when VSPC has no record of it after a grace period, → unknown).
 * Every move is one compare-and-set in the store, so of any number of clicks, replicas or retries
 * exactly one runs the VSPC call; everything that happens is audited with the action id (= VSPC
 * request id).
 */
import type { PendingAction } from '../store/types.js';
import { createApprovalAudit } from './audit.js';
import { endedReason, isLapsed, UNKNOWN_ACTION } from './click-refusal.js';
import { type ApprovalServiceDeps, present, type ServiceContext, who } from './context.js';
import { describeOperation } from './describe.js';
import { executeAction } from './execute.js';
import { expireAction } from './expire.js';
import { newPendingAction } from './new-action.js';
import { recoverExecuting } from './recovery.js';
import { CLI_USER } from './roles.js';
import type { ApprovalService, ClickResult, Presenter, RequestResult, WriteRequest } from './types.js';
import { recordOutcome, UnrecordedOutcomes } from './unrecorded-outcomes.js';

export type { ApprovalServiceDeps } from './context.js';

export function createApprovalService(deps: ApprovalServiceDeps): ApprovalService {
  const ctx: ServiceContext = {
    ...deps,
    audit: createApprovalAudit(deps.store, deps.clock, deps.logger),
    inFlight: new Set(),
    unrecorded: new UnrecordedOutcomes(deps.logger),
  };
  const { store, clock, audit } = ctx;

  async function request(input: WriteRequest): Promise<RequestResult> {
    const what = describeOperation(input.operation, input.targetLabel);
    const reason = await deps.access.refuseRequest(input.requestedBy, input.channel, input.operation);
    if (reason) {
      await audit.request(input.requestedBy, null, what, input.targetLabel, `refused: ${reason}`);
      return { status: 'refused', reason };
    }
    let result = await create(input);
    // An open action that outlived its expiry (the sweeper has not come by yet) must not block a new one.
    if (!result.created && isLapsed(result.action, clock())) {
      await expireAction(ctx, result.action, clock(), null);
      result = await create(input);
    }
    const { action, created } = result;
    await audit.request(
      input.requestedBy,
      action,
      what,
      input.targetLabel,
      created ? 'pending' : `already open: ${action.id}`,
    );
    if (created) deps.events?.emit({ stage: 'requested', action });
    return { status: created ? 'created' : 'existing', action };
  }

  function create(input: WriteRequest): Promise<{ action: PendingAction; created: boolean }> {
    return store.createAction(newPendingAction(input, clock(), deps.ttlMinutes));
  }

  /** Why nothing happens for a click on an action that no longer waits; it expires a lapsed one on the way. */
  async function refuseEnded(
    action: PendingAction,
    userId: string,
    kind: 'confirm' | 'cancel',
    presenter: Presenter,
  ): Promise<ClickResult | null> {
    const now = clock();
    const reason = endedReason(action, now);
    if (!reason) return null;
    if (isLapsed(action, now)) await expireAction(ctx, action, now, presenter);
    await audit.click(userId, action.id, kind, action, `refused: ${reason}`);
    return { ok: false, reason, action: (await store.getAction(action.id)) ?? action };
  }

  async function lost(
    actionId: string,
    userId: string,
    kind: 'confirm' | 'cancel',
    presenter: Presenter,
  ): Promise<ClickResult> {
    const current = await store.getAction(actionId);
    if (current) {
      const refused = await refuseEnded(current, userId, kind, presenter);
      if (refused) return refused;
    }
    const reason = 'This action is already being handled; nothing more will run.';
    await audit.click(userId, actionId, kind, current, `refused: ${reason}`);
    return { ok: false, reason, action: current };
  }

  async function confirm(actionId: string, userId: string, presenter: Presenter): Promise<ClickResult> {
    const action = await store.getAction(actionId);
    if (!action) {
      await audit.click(userId, actionId, 'confirm', null, `refused: ${UNKNOWN_ACTION}`);
      return { ok: false, reason: UNKNOWN_ACTION, action: null };
    }
    const ended = await refuseEnded(action, userId, 'confirm', presenter);
    if (ended) return ended;
    const reason = await deps.access.refuseConfirm(userId, action);
    if (reason) {
      await audit.click(userId, actionId, 'confirm', action, `refused: ${reason}`);
      return { ok: false, reason, action };
    }
    const confirmedAt = clock();
    const won = await store.transition(actionId, 'pending', 'executing', confirmedAt, { confirmedBy: userId });
    if (!won) return lost(actionId, userId, 'confirm', presenter);

    ctx.inFlight.add(actionId);
    try {
      const executing: PendingAction = {
        ...action,
        status: 'executing',
        confirmedBy: userId,
        executingSince: confirmedAt,
      };
      await audit.click(userId, actionId, 'confirm', action, 'accepted');
      await audit.transition(userId, executing, 'pending', 'executing', null);
      await present(ctx, presenter, 'executing', executing);
      const finished = await finish(executing, userId);
      await present(ctx, presenter, 'finished', finished);
      return { ok: true, action: finished };
    } finally {
      ctx.inFlight.delete(actionId);
    }
  }

  /** Runs the stored operation and records how it ended. */
  async function finish(executing: PendingAction, userId: string): Promise<PendingAction> {
    const result = await executeAction(executing, deps.backend, store, { vspcUrl: deps.vspcUrl });
    if (result.called) deps.inventory?.invalidate();
    if (result.status === 'executing') return leaveOpen(executing, userId, result.outcome, result.detail);
    const known = { status: result.status, outcome: result.outcome, finishedAt: clock() };
    const finished: PendingAction = { ...executing, ...known };
    try {
      if (!(await recordOutcome(store, executing.id, known)))
        deps.logger.error({ actionId: executing.id }, 'the action changed state while it ran');
    } catch (error) {
      // The VSPC call happened; the card says so even if the store is gone, and the sweeper records it later.
      ctx.unrecorded.keep(executing.id, known, error);
    }
    await audit.transition(userId, finished, 'executing', result.status, result.outcome);
    await audit.outcome(userId, finished);
    return finished;
  }

  /**
   * VSPC may have the write and still run it: the action stays `executing` (the one-open-action
   * index keeps refusing a second request for the target), the card says the outcome is not known
   * yet, and the sweeper settles it from VSPC's async action record. Nothing is sent again.
   */
  async function leaveOpen(
    executing: PendingAction,
    userId: string,
    outcome: string,
    detail: string | undefined,
  ): Promise<PendingAction> {
    deps.logger.warn(
      { actionId: executing.id, detail },
      'VSPC write ended without a known outcome; the action stays open until VSPC tells',
    );
    const open: PendingAction = { ...executing, outcome };
    try {
      if (!(await store.transition(executing.id, 'executing', 'executing', clock(), { outcome }))) {
        // Settled meanwhile (recovery on another replica heard from VSPC): that is the truth to show.
        const current = await store.getAction(executing.id);
        if (current && current.status !== 'executing') return current;
      }
    } catch (error) {
      // The row stays executing either way, which is what matters; only the card's words are not stored.
      deps.logger.error({ err: error, actionId: executing.id }, 'could not record the open outcome');
    }
    await audit.outcome(userId, { ...open, outcome: detail ? `${outcome} · VSPC: ${detail}` : outcome });
    return open;
  }

  async function cancel(actionId: string, userId: string, presenter: Presenter): Promise<ClickResult> {
    const action = await store.getAction(actionId);
    if (!action) {
      await audit.click(userId, actionId, 'cancel', null, `refused: ${UNKNOWN_ACTION}`);
      return { ok: false, reason: UNKNOWN_ACTION, action: null };
    }
    const ended = await refuseEnded(action, userId, 'cancel', presenter);
    if (ended) return ended;
    const allowed =
      userId === action.requestedBy || userId === CLI_USER || (await deps.access.rolesOf(userId)).includes('approver');
    if (!allowed) {
      const reason = `Only ${who(action.requestedBy)}, who asked for this, or an approver can cancel it.`;
      await audit.click(userId, actionId, 'cancel', action, `refused: ${reason}`);
      return { ok: false, reason, action };
    }
    const now = clock();
    const outcome = `Cancelled by ${who(userId)}; nothing was done.`;
    const won = await store.transition(actionId, 'pending', 'cancelled', now, { outcome, finishedAt: now });
    if (!won) return lost(actionId, userId, 'cancel', presenter);
    const cancelled: PendingAction = { ...action, status: 'cancelled', outcome, finishedAt: now };
    await audit.click(userId, actionId, 'cancel', action, 'accepted');
    await audit.transition(userId, cancelled, 'pending', 'cancelled', outcome);
    await audit.outcome(userId, cancelled);
    await present(ctx, presenter, 'finished', cancelled);
    return { ok: true, action: cancelled };
  }

  async function expireDue(now: Date): Promise<number> {
    let expired = 0;
    for (const action of await store.listExpired(now)) {
      if (await expireAction(ctx, action, now, null)) expired++;
    }
    return expired;
  }

  return {
    request,
    confirm,
    cancel,
    expireDue,
    recover: () => recoverExecuting(ctx),
    async attachCard(actionId, channel, messageTs, responseUrl) {
      await store.setActionMessage(actionId, channel, messageTs, responseUrl);
      if (!deps.events) return;
      const action = await store.getAction(actionId);
      if (action) deps.events.emit({ stage: 'card', action });
    },
  };
}
