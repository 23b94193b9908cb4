/** An ApprovalDesk that records what it was asked and keeps one open action per dedupe key. */
import { dedupeKey } from '../../../src/approvals/operation.js';
import type { Access, ApprovalDesk, RequestResult, WriteRequest } from '../../../src/approvals/types.js';
import type { PendingAction } from '../../../src/store/types.js';
import { NOW } from './licenses.js';

export interface FakeDesk extends ApprovalDesk {
  requests: WriteRequest[];
  open: Map<string, PendingAction>;
}

export function createFakeDesk(access: Access): FakeDesk {
  let next = 1;
  const desk: FakeDesk = {
    requests: [],
    open: new Map(),
    async request(input): Promise<RequestResult> {
      desk.requests.push(input);
      const reason = await access.refuseRequest(input.requestedBy, input.channel, input.operation);
      if (reason) return { status: 'refused', reason };
      const key = dedupeKey(input.operation);
      const existing = desk.open.get(key);
      if (existing) return { status: 'existing', action: existing };
      const action: PendingAction = {
        id: `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`,
        operation: input.operation,
        dedupeKey: key,
        targetLabel: input.targetLabel,
        requestedBy: input.requestedBy,
        channel: input.channel,
        messageTs: null,
        responseUrl: null,
        createdAt: NOW,
        expiresAt: new Date(NOW.getTime() + 15 * 60_000),
        status: 'pending',
        confirmedBy: null,
        finishedAt: null,
        outcome: null,
      };
      desk.open.set(key, action);
      return { status: 'created', action };
    },
  };
  return desk;
}
