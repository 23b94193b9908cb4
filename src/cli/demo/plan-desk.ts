/**
 * The desk of `exec` without `--yes`: checks access like the real one and shows what would be
 * asked for, but stores nothing, so a plan leaves no open action behind to block the real request.
 */
import { newPendingAction } from '../../approvals/new-action.js';
import type { Access, ApprovalDesk } from '../../approvals/types.js';
import type { Clock } from '../../licenses/expiry.js';

export function planDesk(access: Access, clock: Clock, ttlMinutes: number): ApprovalDesk {
  return {
    async request(input) {
      const reason = await access.refuseRequest(input.requestedBy, input.channel, input.operation);
      if (reason) return { status: 'refused', reason };
      return {
        status: 'created',
        action: {
          ...newPendingAction(input, clock(), ttlMinutes),
          status: 'pending',
          confirmedBy: null,
          finishedAt: null,
          outcome: null,
        },
      };
    },
  };
}
