/**
 * Notification claims on PostgreSQL (see `../notification-claims.ts`): ON CONFLICT DO UPDATE locks the
 * existing row and evaluates the WHERE on its newest version, so concurrent claimers get one winner.
 */
import type pg from 'pg';
import { CLAIM_NOTIFICATION_POSTGRES, claimParams, FINISH_NOTIFICATION_POSTGRES } from '../notification-claims.js';
import type { NotificationStore } from '../types.js';

export function postgresNotifications(pool: pg.Pool): NotificationStore {
  return {
    async claimNotification(claim) {
      const p = claimParams(claim);
      const result = await pool.query(CLAIM_NOTIFICATION_POSTGRES, [
        p.actionId,
        p.kind,
        p.claimedBy,
        p.now,
        p.staleBefore,
        p.maxAttempts,
      ]);
      return result.rowCount === 1;
    },
    async finishNotification(actionId, kind, outcome) {
      await pool.query(FINISH_NOTIFICATION_POSTGRES, [outcome, actionId, kind]);
    },
  };
}
