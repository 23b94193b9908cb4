/** The audit log on SQLite: append-only, read newest first. */
import { AUDIT_COLUMNS, type AuditRow, auditFromRow, auditValues, rowLimit } from '../rows.js';
import type { AuditStore } from '../types.js';
import type { SqliteStatements } from './statements.js';

export function sqliteAudit({ statement }: SqliteStatements): AuditStore {
  return {
    async appendAudit(entry) {
      statement(
        `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_key) DO NOTHING`,
      ).run(...auditValues(entry));
    },

    async listAudit(limit) {
      const rows = statement('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?').all(
        rowLimit(limit, 0),
      ) as AuditRow[];
      return rows.map(auditFromRow);
    },
  };
}
