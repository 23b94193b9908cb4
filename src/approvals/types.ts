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

/**
 * Where a click's progress is shown: the Slack card (chat.update, or the click's response_url) or
 * the CLI's terminal. Called with the action as it is after each transition.
 */
export interface Presenter {
  /** Before the VSPC call: the buttons go away and the card says who confirmed. */
  executing(action: PendingAction): Promise<void>;
  /**
   * After the action ended (succeeded, failed, cancelled, expired, unknown), or after its VSPC call
   * ended without a known outcome: then the status is still `executing` and `outcome` says so.
   */
  finished(action: PendingAction): Promise<void>;
}

/** The answer to a click: `ok` when this click changed the action; else why nothing happened. */
export type ClickResult =
  | { ok: true; action: PendingAction }
  | { ok: false; reason: string; action: PendingAction | null };

export interface RecoveryReport {
  /** Actions found `executing` that this run settled (succeeded, failed or unknown). */
  resolved: number;
  /**
   * Actions left `executing`: VSPC reports them running, could not be asked, or has no record yet
   * within the grace period. Asked again on the next round.
   */
  running: number;
}

/** The approval state machine: what the Slack listeners, the CLI and the timers call. */
export interface ApprovalService extends ApprovalDesk {
  confirm(actionId: string, userId: string, presenter: Presenter): Promise<ClickResult>;
  cancel(actionId: string, userId: string, presenter: Presenter): Promise<ClickResult>;
  /** Marks pending actions past their expiry as expired and updates their cards. Returns how many. */
  expireDue(now: Date): Promise<number>;
  /**
   * On start and on every sweep round: settles actions `executing` that this process is not running
   * right now (left by a crash, or whose call ended without a known outcome) through VSPC's async
   * action state; never re-runs. VSPC having no record settles as unknown only after a grace period.
   */
  recover(): Promise<RecoveryReport>;
  /** Records where the card of an action was posted, so that later updates can replace it. */
  attachCard(
    actionId: string,
    channel: string | null,
    messageTs: string | null,
    responseUrl: string | null,
  ): Promise<void>;
}
