/** The audit log on SQLite: append-only, read newest first. */
import { type AuditRow, auditFromRow, millis, rowLimit } from '../rows.js';
import type { AuditStore } from '../types.js';
import type { SqliteStatements } from './statements.js';

export function sqliteAudit({ statement }: SqliteStatements): AuditStore {
  return {
    async appendAudit(entry) {
      statement(`
        INSERT INTO audit_log (at, actor, event, what, target, action_id, outcome, request_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
        millis(entry.at),
        entry.actor,
        entry.event,
        entry.what,
        entry.target,
        entry.actionId,
        entry.outcome,
        entry.requestId,
      );
    },

    async listAudit(limit) {
      const rows = statement('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?').all(
        rowLimit(limit, 0),
      ) as AuditRow[];
      return rows.map(auditFromRow);
    },
  };
}
