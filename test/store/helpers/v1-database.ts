/**
 * A database as the first released schema left it (migration 1 only), holding an action that was
 * confirmed back then: what an upgrade finds. Used to prove later migrations keep such rows readable.
 */
import { MIGRATIONS, SCHEMA_MIGRATIONS_TABLE } from '../../../src/store/migrations.js';
import type { NewPendingAction } from '../../../src/store/types.js';

export const FIRST_MIGRATION = (() => {
  const first = MIGRATIONS[0];
  if (first?.version !== 1) throw new Error('migration 1 is missing');
  return first;
})();

/** The statements that build the version-1 schema, in order; `dialect` picks the SQL text. */
export function v1Schema(dialect: 'sqlite' | 'postgres'): string[] {
  return [SCHEMA_MIGRATIONS_TABLE, FIRST_MIGRATION[dialect]];
}

export const RECORD_V1 = {
  sql: (p: (n: number) => string) =>
    `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${p(1)}, ${p(2)}, ${p(3)})`,
  values: (): unknown[] => [1, FIRST_MIGRATION.name, Date.now()],
};

/** An `executing` row written by the version-1 code: no executing_since column at all. */
export const INSERT_V1_EXECUTING = {
  sql: (p: (n: number) => string) =>
    `INSERT INTO pending_actions (id, operation, dedupe_key, target_label, requested_by, channel, message_ts,
       response_url, created_at, expires_at, status, confirmed_by)
     VALUES (${Array.from({ length: 10 }, (_, i) => p(i + 1)).join(', ')}, 'executing', ${p(11)})`,
  values: (action: NewPendingAction, confirmedBy: string): unknown[] => [
    action.id,
    JSON.stringify(action.operation),
    action.dedupeKey,
    action.targetLabel,
    action.requestedBy,
    action.channel,
    action.messageTs,
    action.responseUrl,
    action.createdAt.getTime(),
    action.expiresAt.getTime(),
    confirmedBy,
  ],
};
