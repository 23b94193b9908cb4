/** What the parts of the approval service share: its dependencies, the audit and the presenter helpers. */

import type { LicensingBackend } from '../licenses/backend.js';
import type { Clock } from '../licenses/expiry.js';
import type { Inventory } from '../licenses/inventory.js';
import type { Logger } from '../log.js';
import { userMention } from '../mention.js';
import type { PendingAction, Store } from '../store/types.js';
import type { ApprovalAudit } from './audit.js';
import type { ActionEvents } from './events.js';
import type { Access, Presenter } from './types.js';
import type { UnrecordedOutcomes } from './unrecorded-outcomes.js';

export interface ApprovalServiceDeps {
  store: Store;
  backend: LicensingBackend;
  access: Access;
  clock: Clock;
  /** APPROVAL_TTL_MINUTES: how long a pending action waits for a confirmation. */
  ttlMinutes: number;
  logger: Logger;
  /** Dropped after every write that reached VSPC, so the next list shows the change. */
  inventory?: Inventory;
  /** How to update the card of an action nobody clicked (expiry sweeper, recovery after a restart). */
  presenterFor?(action: PendingAction): Presenter | null;
  /** Where a person can check VSPC, quoted when an outcome is unknown (the VSPC web console). */
  vspcUrl?: string;
  /** Told of every change of an action (App Home, notifications). */
  events?: ActionEvents;
}

export interface ServiceContext extends ApprovalServiceDeps {
  audit: ApprovalAudit;
  /** Actions this process is executing right now: recovery must not touch them. */
  inFlight: Set<string>;
  /** Outcomes of finished writes the store refused to record: recovery leaves them alone until recorded. */
  unrecorded: UnrecordedOutcomes;
}

/**
 * Shows a change on the card, then tells the listeners. A card that cannot be updated must not turn
 * a finished action into an error.
 */
export async function present(
  ctx: ServiceContext,
  presenter: Presenter | null | undefined,
  stage: 'executing' | 'finished',
  action: PendingAction,
): Promise<void> {
  try {
    await presenter?.[stage](action);
  } catch (error) {
    ctx.logger.warn({ err: error, actionId: action.id, stage }, 'could not update the approval card');
  }
  ctx.events?.emit({ stage, action });
}

/** A mention of a Slack user (a token only renderers turn into `<@U…>`); the CLI has no Slack identity. */
export function who(userId: string): string {
  return userMention(userId);
}
