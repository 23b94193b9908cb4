/** The audit log on PostgreSQL: append-only, read newest first. */
import type pg from 'pg';
import { AUDIT_COLUMNS, type AuditRow, auditFromRow, auditValues, rowLimit } from '../rows.js';
import type { AuditStore } from '../types.js';

export function postgresAudit(pool: pg.Pool): AuditStore {
  return {
    async appendAudit(entry) {
      await pool.query(
        `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (entry_key) DO NOTHING`,
        auditValues(entry),
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
