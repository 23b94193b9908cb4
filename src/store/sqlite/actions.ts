/** Pending actions on SQLite: every compare-and-set is one statement, atomic across connections. */
import { StoreError } from '../errors.js';
import { type ActionRow, actionFromRow, millis, rowLimit } from '../rows.js';
import type { ActionStatus, ActionStore, PendingAction } from '../types.js';
import type { SqliteStatements } from './statements.js';

/** An open action can end between our failed insert and our read of it: then insert again. */
const CREATE_ATTEMPTS = 5;

const OPEN_BY_KEY = `SELECT * FROM pending_actions WHERE dedupe_key = ? AND status IN ('pending', 'executing')`;
const BY_ID = 'SELECT * FROM pending_actions WHERE id = ?';

export function sqliteActions({ statement }: SqliteStatements): ActionStore {
  const mustGet = (id: string): PendingAction => {
    const row = statement(BY_ID).get(id) as ActionRow | undefined;
    if (!row) throw new StoreError(`action ${id} vanished right after it was stored`);
    return actionFromRow(row);
  };

  return {
    async createAction(action) {
      const insert = statement(`
        INSERT INTO pending_actions (id, operation, dedupe_key, target_label, requested_by, channel, message_ts,
          response_url, created_at, expires_at, status)
        VALUES (@id, @operation, @dedupeKey, @targetLabel, @requestedBy, @channel, @messageTs,
          @responseUrl, @createdAt, @expiresAt, 'pending')
        ON CONFLICT (dedupe_key) WHERE status IN ('pending', 'executing') DO NOTHING`);
      for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
        const result = insert.run({
          id: action.id,
          operation: JSON.stringify(action.operation),
          dedupeKey: action.dedupeKey,
          targetLabel: action.targetLabel,
          requestedBy: action.requestedBy,
          channel: action.channel,
          messageTs: action.messageTs,
          responseUrl: action.responseUrl,
          createdAt: millis(action.createdAt),
          expiresAt: millis(action.expiresAt),
        });
        if (result.changes === 1) return { action: mustGet(action.id), created: true };
        const open = statement(OPEN_BY_KEY).get(action.dedupeKey) as ActionRow | undefined;
        if (open) return { action: actionFromRow(open), created: false };
      }
      throw new StoreError(`could not create the action for ${action.dedupeKey}: it kept conflicting`);
    },

    async getAction(id) {
      const row = statement(BY_ID).get(id) as ActionRow | undefined;
      return row ? actionFromRow(row) : null;
    },

    async setActionMessage(id, channel, messageTs, responseUrl) {
      statement(`
        UPDATE pending_actions SET channel = @channel, message_ts = @messageTs,
          response_url = CASE WHEN @keepUrl = 1 THEN response_url ELSE @responseUrl END
        WHERE id = @id`).run({
        id,
        channel,
        messageTs,
        keepUrl: responseUrl === undefined ? 1 : 0,
        responseUrl: responseUrl ?? null,
      });
    },

    async transition(id, from, to, now, patch = {}) {
      const result = statement(`
        UPDATE pending_actions SET status = @to,
          confirmed_by = COALESCE(@confirmedBy, confirmed_by),
          outcome = COALESCE(@outcome, outcome),
          finished_at = COALESCE(@finishedAt, finished_at),
          executing_since = CASE WHEN @from = 'pending' AND @to = 'executing' THEN @now ELSE executing_since END
        WHERE id = @id AND status = @from AND (@from <> 'pending' OR @to = 'expired' OR expires_at > @now)`).run({
        id,
        from,
        to,
        now: millis(now),
        confirmedBy: patch.confirmedBy ?? null,
        outcome: patch.outcome ?? null,
        finishedAt: patch.finishedAt ? millis(patch.finishedAt) : null,
      });
      return result.changes === 1;
    },

    async listActions(filter) {
      const limit = rowLimit(filter.limit, -1);
      if (filter.status?.length === 0 || limit === 0) return [];
      const statuses = filter.status ?? [];
      const where = statuses.length > 0 ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : '';
      const rows = statement(`SELECT * FROM pending_actions ${where} ORDER BY created_at DESC, id DESC LIMIT ?`).all(
        ...statuses,
        limit,
      ) as ActionRow[];
      return rows.map(actionFromRow);
    },

    async countActionsByStatus() {
      const rows = statement('SELECT status, COUNT(*) AS count FROM pending_actions GROUP BY status').all() as {
        status: ActionStatus;
        count: number;
      }[];
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
    },

    async listExpired(now) {
      const rows = statement(
        `SELECT * FROM pending_actions WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at, id`,
      ).all(millis(now)) as ActionRow[];
      return rows.map(actionFromRow);
    },
  };
}
