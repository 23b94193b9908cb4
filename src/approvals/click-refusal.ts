/** Why a click on an action that is no longer waiting does nothing, in words for the clicker. */
import type { PendingAction } from '../store/types.js';
import { who } from './context.js';

export function isLapsed(action: PendingAction, now: Date): boolean {
  return action.status === 'pending' && action.expiresAt.getTime() <= now.getTime();
}

/** null while the action still waits for a click. */
export function endedReason(action: PendingAction, now: Date): string | null {
  if (isLapsed(action, now))
    return 'This request expired before anyone confirmed it; nothing was done. Ask again if it is still needed.';
  switch (action.status) {
    case 'pending':
      return null;
    case 'executing':
      if (action.outcome)
        return (
          `This action was sent to VSPC and its outcome is not known yet (request id ${action.id}); ` +
          'the bot checks VSPC and updates the card. Nothing more will run.'
        );
      return `This action is already being handled${action.confirmedBy ? ` (confirmed by ${who(action.confirmedBy)})` : ''}; nothing more will run.`;
    case 'succeeded':
      return 'This action is already done; nothing more will run.';
    case 'failed':
      return 'This action already ran and failed; it will not run again. Ask again to retry.';
    case 'cancelled':
      return 'This action was cancelled; nothing will run.';
    case 'expired':
      return 'This request expired before anyone confirmed it; nothing was done. Ask again if it is still needed.';
    case 'unknown':
      return `The outcome of this action is unknown (check VSPC, request id ${action.id}); it will not run again.`;
  }
}

export const UNKNOWN_ACTION = 'This action is not known (it may have been removed); nothing was done.';
