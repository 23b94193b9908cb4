/**
 * Pending actions on PostgreSQL: `transition` is a conditional UPDATE and `createAction` an insert
 * against a partial unique index, so PostgreSQL's row locking decides every winner.
 */
import type pg from 'pg';
import { StoreError } from '../errors.js';
import { type ActionRow, actionFromRow, millis, rowLimit } from '../rows.js';
import type { ActionStatus, ActionStore } from '../types.js';

const CREATE_ATTEMPTS = 5;

const OPEN_BY_KEY = `SELECT * FROM pending_actions WHERE dedupe_key = $1 AND status IN ('pending', 'executing')`;

export function postgresActions(pool: pg.Pool): ActionStore {
  return {
    async createAction(action) {
      for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
        const inserted = await pool.query<ActionRow>(
          `INSERT INTO pending_actions (id, operation, dedupe_key, target_label, requested_by, channel, message_ts,
             response_url, created_at, expires_at, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending')
           ON CONFLICT (dedupe_key) WHERE status IN ('pending', 'executing') DO NOTHING
           RETURNING *`,
          [
            action.id,
            JSON.stringify(action.operation),
            action.dedupeKey,
            action.targetLabel,
            action.requestedBy,
            action.channel,
            action.messageTs,
            action.responseUrl,
            millis(action.createdAt),
            millis(action.expiresAt),
          ],
        );
        const row = inserted.rows[0];
        if (row) return { action: actionFromRow(row), created: true };
        // The open one can end between our insert and this read: then the next insert succeeds.
        const open = await pool.query<ActionRow>(OPEN_BY_KEY, [action.dedupeKey]);
        const existing = open.rows[0];
        if (existing) return { action: actionFromRow(existing), created: false };
      }
      throw new StoreError(`could not create the action for ${action.dedupeKey}: it kept conflicting`);
    },

    async getAction(id) {
      const { rows } = await pool.query<ActionRow>('SELECT * FROM pending_actions WHERE id = $1', [id]);
      return rows[0] ? actionFromRow(rows[0]) : null;
    },

    async setActionMessage(id, channel, messageTs, responseUrl) {
      await pool.query(
        `UPDATE pending_actions SET channel = $2, message_ts = $3,
           response_url = CASE WHEN $4::boolean THEN response_url ELSE $5 END
         WHERE id = $1`,
        [id, channel, messageTs, responseUrl === undefined, responseUrl ?? null],
      );
    },

    async transition(id, from, to, now, patch = {}) {
      const result = await pool.query(
        `UPDATE pending_actions SET status = $3,
           confirmed_by = COALESCE($5, confirmed_by),
           outcome = COALESCE($6, outcome),
           finished_at = COALESCE($7, finished_at),
           executing_since = CASE WHEN $2 = 'pending' AND $3 = 'executing' THEN $4 ELSE executing_since END
         WHERE id = $1 AND status = $2 AND ($2 <> 'pending' OR $3 = 'expired' OR expires_at > $4)`,
        [
          id,
          from,
          to,
          millis(now),
          patch.confirmedBy ?? null,
          patch.outcome ?? null,
          patch.finishedAt ? millis(patch.finishedAt) : null,
        ],
      );
      return result.rowCount === 1;
    },

    async listActions(filter) {
      const limit = rowLimit(filter.limit, -1);
      if (filter.status?.length === 0 || limit === 0) return [];
      const { rows } = await pool.query<ActionRow>(
        `SELECT * FROM pending_actions WHERE ($1::text[] IS NULL OR status = ANY($1::text[]))
         ORDER BY created_at DESC, id DESC LIMIT $2`,
        [filter.status ?? null, limit < 0 ? null : limit],
      );
      return rows.map(actionFromRow);
    },

    async countActionsByStatus() {
      const { rows } = await pool.query<{ status: ActionStatus; count: string }>(
        'SELECT status, COUNT(*) AS count FROM pending_actions GROUP BY status',
      );
      // COUNT(*) is a bigint, which pg hands over as a string.
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
    },

    async listExpired(now) {
      const { rows } = await pool.query<ActionRow>(
        `SELECT * FROM pending_actions WHERE status = 'pending' AND expires_at <= $1 ORDER BY expires_at, id`,
        [millis(now)],
      );
      return rows.map(actionFromRow);
    },
  };
}
