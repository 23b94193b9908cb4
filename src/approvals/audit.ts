/**
 * The audit trail of the approval flow (DESIGN §2.7): requests, clicks, every transition and every
 * outcome, each with the action id, which is also the VSPC request id. Writing it must not turn a
 * finished VSPC call into an error for the user: the services' store keeps what the database cannot
 * take now and writes it later (`store/audit-backlog.ts`); any other failed append is logged loudly.
 */
import type { Logger } from '../log.js';
import { plainMentions } from '../mention.js';
import type { ActionStatus, PendingAction, Store } from '../store/types.js';
import { operationTitle } from './describe.js';

export interface ApprovalAudit {
  request(actor: string, action: PendingAction | null, what: string, target: string, outcome: string): Promise<void>;
  click(
    actor: string,
    actionId: string,
    what: 'confirm' | 'cancel',
    action: PendingAction | null,
    outcome: string | null,
  ): Promise<void>;
  transition(
    actor: string,
    action: PendingAction,
    from: ActionStatus,
    to: ActionStatus,
    outcome: string | null,
  ): Promise<void>;
  outcome(actor: string, action: PendingAction): Promise<void>;
}

export function createApprovalAudit(store: Store, clock: () => Date, logger: Logger): ApprovalAudit {
  async function append(made: Parameters<Store['appendAudit']>[0]): Promise<void> {
    // The log outlives this process: its mentions are kept as plain @U… text (src/mention.ts).
    const entry = { ...made, outcome: made.outcome === null ? null : plainMentions(made.outcome) };
    try {
      await store.appendAudit(entry);
    } catch (error) {
      logger.error({ err: error, audit: { ...entry, at: entry.at.toISOString() } }, 'could not write the audit entry');
    }
  }

  return {
    request: (actor, action, what, target, outcome) =>
      append({
        at: clock(),
        actor,
        event: 'request',
        what,
        target,
        actionId: action?.id ?? null,
        outcome,
        requestId: action?.id ?? null,
      }),
    click: (actor, actionId, what, action, outcome) =>
      append({
        at: clock(),
        actor,
        event: 'click',
        what: action ? `${what} ${operationTitle(action.operation)}` : what,
        target: action?.targetLabel ?? null,
        actionId,
        outcome,
        requestId: actionId,
      }),
    transition: (actor, action, from, to, outcome) =>
      append({
        at: clock(),
        actor,
        event: 'transition',
        what: `${from}→${to}`,
        target: action.targetLabel,
        actionId: action.id,
        outcome,
        requestId: action.id,
      }),
    outcome: (actor, action) =>
      append({
        at: clock(),
        actor,
        event: 'outcome',
        what: operationTitle(action.operation),
        target: action.targetLabel,
        actionId: action.id,
        outcome: `${action.status}: ${action.outcome ?? ''}`.trim(),
        requestId: action.id,
      }),
  };
}
