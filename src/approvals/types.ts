/**
 * What the rest of the product sees of the approvals core: who may do what (Access) and how a
 * write is asked for (ApprovalDesk). `service.ts` implements the state machine behind it.
 */
import type { PendingAction } from '../store/types.js';
import type { WriteOperation } from './operation.js';

export type Role = 'viewer' | 'operator' | 'approver';

export interface Access {
  /** Roles of a Slack user id (user groups resolved, cached). `cli` has every role. */
  rolesOf(userId: string): Promise<Role[]>;
  canRead(userId: string): Promise<boolean>;
  /** null when allowed, else the reason to show (ephemeral). */
  refuseRequest(userId: string, channel: string | null, operation: WriteOperation): Promise<string | null>;
  refuseConfirm(userId: string, action: PendingAction): Promise<string | null>;
  /** False when neither OPERATORS nor APPROVERS is set: writes are off. */
  readonly writesEnabled: boolean;
}

export interface WriteRequest {
  operation: WriteOperation;
  /** How the card names the target, e.g. "VBR 5f1c2a9e… (Acme Corp)". */
  targetLabel: string;
  requestedBy: string;
  channel: string | null;
}

export type RequestResult =
  | { status: 'created' | 'existing'; action: PendingAction }
  | { status: 'refused'; reason: string };

export interface ApprovalDesk {
  /** Checks roles, then creates the durable pending action (or returns the open one for the same target). */
  request(input: WriteRequest): Promise<RequestResult>;
}
