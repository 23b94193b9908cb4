/**
 * The desk of `exec` without `--yes`: checks access like the real one and shows what would be
 * asked for, but stores nothing, so a plan leaves no open action behind to block the real request.
 */
import { randomUUID } from 'node:crypto';
import { dedupeKey } from '../../approvals/operation.js';
import type { Access, ApprovalDesk } from '../../approvals/types.js';
import type { Clock } from '../../licenses/expiry.js';

export function planDesk(access: Access, clock: Clock, ttlMinutes: number): ApprovalDesk {
  return {
    async request(input) {
      const reason = await access.refuseRequest(input.requestedBy, input.channel, input.operation);
      if (reason) return { status: 'refused', reason };
      const now = clock();
      return {
        status: 'created',
        action: {
          id: randomUUID(),
          operation: input.operation,
          dedupeKey: dedupeKey(input.operation),
          targetLabel: input.targetLabel,
          requestedBy: input.requestedBy,
          channel: input.channel,
          messageTs: null,
          responseUrl: null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
          status: 'pending',
          confirmedBy: null,
          finishedAt: null,
          outcome: null,
        },
      };
    },
  };
}
