/**
 * Notification claims (issue 13): each notification about an action — approvers asked to decide,
 * the reminder at half the time to live, the requester told how it ended — goes out once across
 * replicas and restarts. A claim is one atomic statement on `(action_id, kind)`, like the digest's:
 * it succeeds when nobody has it, or when the last claim failed or its claimer died (its lease ran
 * out), up to MAX_NOTIFICATION_ATTEMPTS tries. `sent` and `skipped` are never claimed again. The SQL
 * of both dialects lives here side by side; each store runs it on its own connection.
 */
import { checkedLease } from './digest-lease.js';

export type NotificationKind = 'decide' | 'remind' | 'ended';
export type NotificationOutcome = 'sent' | 'failed' | 'skipped';

/** A claimer that has not finished after this long is taken to have died. */
export const DEFAULT_NOTIFICATION_LEASE_MS = 5 * 60_000;
/** A notification Slack keeps refusing is given up after this many tries. */
export const MAX_NOTIFICATION_ATTEMPTS = 3;

export interface NotificationClaim {
  actionId: string;
  kind: NotificationKind;
  claimedBy: string;
  now: Date;
  leaseMs?: number;
}

/** The named parameters both dialects bind, in the order of the Postgres placeholders. */
export function claimParams(claim: NotificationClaim): {
  actionId: string;
  kind: NotificationKind;
  claimedBy: string;
  now: number;
  staleBefore: number;
  maxAttempts: number;
} {
  const now = claim.now.getTime();
  return {
    actionId: claim.actionId,
    kind: claim.kind,
    claimedBy: claim.claimedBy,
    now,
    staleBefore: now - checkedLease(claim.leaseMs ?? DEFAULT_NOTIFICATION_LEASE_MS),
    maxAttempts: MAX_NOTIFICATION_ATTEMPTS,
  };
}

const TAKEOVER = `
  ON CONFLICT (action_id, kind) DO UPDATE SET status = 'claimed', claimed_by = excluded.claimed_by,
    claimed_at = excluded.claimed_at, attempts = action_notifications.attempts + 1
  WHERE action_notifications.attempts < %max
    AND (action_notifications.status = 'failed'
      OR (action_notifications.status = 'claimed' AND action_notifications.claimed_at <= %stale))`;

export const CLAIM_NOTIFICATION_SQLITE = `
  INSERT INTO action_notifications (action_id, kind, status, claimed_by, claimed_at, attempts)
  VALUES (@actionId, @kind, 'claimed', @claimedBy, @now, 1)
  ${TAKEOVER.replace('%max', '@maxAttempts').replace('%stale', '@staleBefore')}`;

export const CLAIM_NOTIFICATION_POSTGRES = `
  INSERT INTO action_notifications (action_id, kind, status, claimed_by, claimed_at, attempts)
  VALUES ($1, $2, 'claimed', $3, $4, 1)
  ${TAKEOVER.replace('%max', '$6').replace('%stale', '$5')}`;

export const FINISH_NOTIFICATION_SQLITE = `UPDATE action_notifications SET status = ?
  WHERE action_id = ? AND kind = ? AND status = 'claimed'`;

export const FINISH_NOTIFICATION_POSTGRES = `UPDATE action_notifications SET status = $1
  WHERE action_id = $2 AND kind = $3 AND status = 'claimed'`;

/** Migration 3's table, the same in both dialects. */
export const NOTIFICATIONS_TABLE = `
CREATE TABLE action_notifications (
  action_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('decide', 'remind', 'ended')),
  status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
  claimed_by TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (action_id, kind)
);`;
