/** A new pending action for a write request: a fresh id (the future X-Request-id) and its expiry. */
import { randomUUID } from 'node:crypto';
import type { NewPendingAction } from '../store/types.js';
import { dedupeKey } from './operation.js';
import type { WriteRequest } from './types.js';

export function newPendingAction(input: WriteRequest, now: Date, ttlMinutes: number): NewPendingAction {
  return {
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
  };
}
