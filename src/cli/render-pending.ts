/** `pending` as text: one paragraph per open action, oldest first, with the id to confirm it by. */
import { describeOperation, operationTitle } from '../approvals/describe.js';
import type { PendingAction } from '../store/types.js';

function utc(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function state(action: PendingAction): string {
  if (action.status === 'pending') return `waits for a decision until ${utc(action.expiresAt)}`;
  if (action.outcome) return 'outcome not known yet (the bot keeps asking VSPC)';
  return `running${action.confirmedBy ? `, confirmed by ${action.confirmedBy}` : ''}`;
}

export function pendingToText(actions: readonly PendingAction[]): string {
  if (actions.length === 0) return 'No open actions: nothing waits for a decision or runs.';
  const head = `${actions.length} open action${actions.length === 1 ? '' : 's'}, oldest first:`;
  return [
    head,
    ...actions.flatMap((action) => [
      '',
      `${operationTitle(action.operation)}: ${state(action)}`,
      `  ${describeOperation(action.operation, action.targetLabel)}`,
      `  Asked by ${action.requestedBy} at ${utc(action.createdAt)} · action id ${action.id}`,
      ...(action.channel && action.messageTs ? [`  Card: channel ${action.channel}, message ${action.messageTs}`] : []),
    ]),
  ].join('\n');
}
