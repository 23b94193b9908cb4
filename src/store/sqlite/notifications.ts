/** Notification claims on SQLite (see `../notification-claims.ts`): one statement each, under SQLite's write lock. */
import { CLAIM_NOTIFICATION_SQLITE, claimParams, FINISH_NOTIFICATION_SQLITE } from '../notification-claims.js';
import type { NotificationStore } from '../types.js';
import type { SqliteStatements } from './statements.js';

export function sqliteNotifications({ statement }: SqliteStatements): NotificationStore {
  return {
    async claimNotification(claim) {
      return statement(CLAIM_NOTIFICATION_SQLITE).run(claimParams(claim)).changes === 1;
    },
    async finishNotification(actionId, kind, outcome) {
      statement(FINISH_NOTIFICATION_SQLITE).run(outcome, actionId, kind);
    },
  };
}
