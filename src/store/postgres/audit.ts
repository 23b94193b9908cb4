/** The audit log on PostgreSQL: append-only, read newest first. */
import type pg from 'pg';
import { type AuditRow, auditFromRow, millis, rowLimit } from '../rows.js';
import type { AuditStore } from '../types.js';

export function postgresAudit(pool: pg.Pool): AuditStore {
  return {
    async appendAudit(entry) {
      await pool.query(
        `INSERT INTO audit_log (at, actor, event, what, target, action_id, outcome, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          millis(entry.at),
          entry.actor,
          entry.event,
          entry.what,
          entry.target,
          entry.actionId,
          entry.outcome,
          entry.requestId,
        ],
      );
    },

    async listAudit(limit) {
      const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT $1', [
        rowLimit(limit, 0),
      ]);
      return rows.map(auditFromRow);
    },
  };
}
