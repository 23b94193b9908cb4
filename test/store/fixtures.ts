/** Builders for store test data: every field set, so round-trips prove every column. */
import { randomUUID } from 'node:crypto';
import { dedupeKey, type WriteOperation } from '../../src/approvals/operation.js';
import type { AuditEntry, NewPendingAction } from '../../src/store/types.js';

export const T0 = new Date('2025-03-01T10:00:00.123Z');

export function minutesAfter(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function newAction(overrides: Partial<NewPendingAction> = {}): NewPendingAction {
  const operation: WriteOperation = overrides.operation ?? {
    op: 'license.install',
    kind: 'vbr',
    uid: randomUUID(),
    fileId: randomUUID(),
    fileName: 'Acme «prod».lic',
    size: 4321,
    sha256: 'ab'.repeat(32),
  };
  return {
    id: randomUUID(),
    operation,
    dedupeKey: dedupeKey(operation),
    targetLabel: 'VBR 1f3a… · Acme Corp',
    requestedBy: 'U0REQUESTER',
    channel: 'C0LICENSES',
    messageTs: '1712345678.000100',
    responseUrl: 'https://hooks.slack.com/commands/T0/1/abc',
    createdAt: T0,
    expiresAt: minutesAfter(T0, 15),
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: T0,
    actor: 'U0ACTOR',
    event: 'command',
    what: 'licenses vbr --expiring 30',
    target: 'vbr:1f3a',
    actionId: randomUUID(),
    outcome: 'ok',
    requestId: randomUUID(),
    ...overrides,
  };
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected a failure, but it succeeded');
}
