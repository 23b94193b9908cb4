/**
 * The store interface: pending actions, uploaded license files, the audit log and digest records,
 * one interface per table (the kept usage months in `usage-months.ts`). `sqlite/` (embedded default)
 * and `postgres/` (several replicas) implement each with the same semantics; `test/store/` runs one
 * suite against both.
 */
import type { NotificationClaim, NotificationKind, NotificationOutcome } from './notification-claims.js';
import type { UsageMonthStore } from './usage-months.js';

/**
 * What a pending action will do. The store sits below the approvals and keeps the operation as JSON
 * without knowing its shape; the approvals layer names the type by augmenting this registry
 * (`src/approvals/operation.ts`), so the store never imports upward and callers keep full typing.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation from src/approvals/operation.ts
export interface StoredOperationRegistry {}

export type StoredOperation = StoredOperationRegistry extends { operation: infer O } ? O : { op: string };

export type ActionStatus = 'pending' | 'executing' | 'succeeded' | 'failed' | 'cancelled' | 'expired' | 'unknown';

export const OPEN_STATUSES: readonly ActionStatus[] = ['pending', 'executing'];

/**
 * How long a digest claim holds before another instance may take it over (`claimDigest`'s default
 * lease). A claimer that died between claim and `finishDigest` would otherwise silence the day; the
 * lease must be longer than the slowest digest run, or a slow run and its taker could both post.
 */
export const DEFAULT_DIGEST_LEASE_MS = 10 * 60_000;

export interface PendingAction {
  /** uuid; also the `X-Request-id` of the VSPC call. */
  id: string;
  operation: StoredOperation;
  /** `dedupeKey(operation)`: at most one open (pending/executing) action per key. */
  dedupeKey: string;
  /** Human label of the target, as the card showed it (e.g. "VBR 1f3a… · Acme Corp"). */
  targetLabel: string;
  requestedBy: string;
  /** Where the card is: channel id and message ts (null until posted, or when it went by response_url). */
  channel: string | null;
  messageTs: string | null;
  /** The command's response_url when the card could not be posted with chat.postMessage. */
  responseUrl: string | null;
  createdAt: Date;
  expiresAt: Date;
  status: ActionStatus;
  confirmedBy: string | null;
  finishedAt: Date | null;
  /**
   * Outcome text shown on the card (result summary or the VSPC error with code and request id).
   * On an `executing` action it says that the call ended without a known outcome (VSPC may still be
   * working on it) and that the bot keeps checking VSPC.
   */
  outcome: string | null;
  /**
   * When the action entered `executing` (set by the store on pending → executing). Null before the
   * confirm, and for actions confirmed before the store recorded it (then `expiresAt` bounds it: a
   * confirm always happens before expiry). Optional in the type so that hand-built actions need not
   * carry it; the stores always return it.
   */
  executingSince?: Date | null;
}

export type NewPendingAction = Omit<
  PendingAction,
  'status' | 'confirmedBy' | 'finishedAt' | 'outcome' | 'executingSince'
>;

export interface TransitionPatch {
  confirmedBy?: string;
  outcome?: string;
  finishedAt?: Date;
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  uploadedBy: string;
  createdAt: Date;
}

export interface AuditEntry {
  id?: number;
  at: Date;
  /** Slack user id, `cli`, or `system` (scheduler, recovery). */
  actor: string;
  /** `command`, `click`, `transition`, `digest`, … */
  event: string;
  /** What: the command text, the operation, the transition `pending→executing`. */
  what: string;
  target: string | null;
  actionId: string | null;
  outcome: string | null;
  requestId: string | null;
  /**
   * Names the entry across attempts to write it (set before the first): a write repeated because
   * the answer to the first was lost adds nothing. Not read back.
   */
  key?: string;
}

export interface DigestRecord {
  channel: string;
  /** YYYY-MM-DD in DIGEST_TIMEZONE. */
  day: string;
  status: 'claimed' | 'posted' | 'failed';
  claimedBy: string;
  claimedAt: Date;
  messageTs: string | null;
  attempts: number;
}

export interface ActionStore {
  /**
   * Inserts the action unless an open action with the same dedupeKey exists; then returns that one
   * and `created: false`.
   */
  createAction(action: NewPendingAction): Promise<{ action: PendingAction; created: boolean }>;
  getAction(id: string): Promise<PendingAction | null>;
  setActionMessage(
    id: string,
    channel: string | null,
    messageTs: string | null,
    responseUrl?: string | null,
  ): Promise<void>;
  /**
   * Atomic compare-and-set: moves `id` from `from` to `to` only if it is still in `from`
   * (and, when `from` is `pending`, not expired at `now`). True for exactly one caller.
   * The one move an expired pending action can still make is `pending → expired` (the expiry sweep).
   * `pending → executing` also records `now` as `executingSince`. `executing → executing` with an
   * outcome records "outcome not known yet" while the action stays open.
   */
  transition(id: string, from: ActionStatus, to: ActionStatus, now: Date, patch?: TransitionPatch): Promise<boolean>;
  listActions(filter: { status?: ActionStatus[]; limit?: number }): Promise<PendingAction[]>;
  /** How many actions are in each status (one `GROUP BY status`); statuses with none are absent. */
  countActionsByStatus(): Promise<Partial<Record<ActionStatus, number>>>;
  /** Pending actions whose expiresAt ≤ now (not yet marked expired). */
  listExpired(now: Date): Promise<PendingAction[]>;
}

export interface FileStore {
  putFile(file: StoredFile): Promise<void>;
  getFile(id: string): Promise<StoredFile | null>;
}

export interface AuditStore {
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;
}

export interface DigestStore {
  /**
   * Unique claim of (channel, day): true for exactly one caller across replicas. It succeeds when the
   * day has no record yet, or when the existing one may be taken over: `failed` (or released), or
   * `claimed` with its lease run out (`claimedAt + leaseMs ≤ now`, default DEFAULT_DIGEST_LEASE_MS:
   * the claimer died before finishDigest). A `posted` day is never claimed again. A takeover is the
   * same single atomic statement as a first claim, so concurrent takers still get one winner; the
   * winner's record has `claimedBy`/`claimedAt` replaced, `messageTs` cleared and `attempts` + 1.
   */
  claimDigest(channel: string, day: string, claimedBy: string, now: Date, leaseMs?: number): Promise<boolean>;
  getDigest(channel: string, day: string): Promise<DigestRecord | null>;
  finishDigest(channel: string, day: string, status: 'posted' | 'failed', messageTs: string | null): Promise<void>;
  /** Lets a failed claim be taken again (retry within the day); `claimDigest` now also takes `failed` by itself. */
  releaseDigest(channel: string, day: string): Promise<void>;
}

/** Notification claims (`notification-claims.ts`): each notice about an action goes out once. */
export interface NotificationStore {
  /**
   * Unique claim of one notification about an action: true for exactly one caller across replicas,
   * until `finishNotification` says how it went; a failed or abandoned (lease run out) claim may be
   * taken again, a few times at most.
   */
  claimNotification(claim: NotificationClaim): Promise<boolean>;
  finishNotification(actionId: string, kind: NotificationKind, outcome: NotificationOutcome): Promise<void>;
}

export interface StoreLifecycle {
  /** Creates tables / runs pending versioned migrations. Idempotent. */
  migrate(): Promise<void>;
  /** True when the store answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The whole store: one interface per table. A new table is a new interface here (or in a file of its
 * own) plus one file per implementation under `sqlite/` and `postgres/`, composed in their `open*`.
 */
export interface Store
  extends StoreLifecycle,
    ActionStore,
    FileStore,
    AuditStore,
    DigestStore,
    NotificationStore,
    UsageMonthStore {}
