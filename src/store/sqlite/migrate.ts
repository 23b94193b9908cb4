/** Versioned migrations on SQLite, applied once even when several instances start on one file. */
import { MIGRATIONS, SCHEMA_MIGRATIONS_TABLE } from '../migrations.js';
import type { SqliteStatements } from './statements.js';

export function migrateSqlite({ db, statement }: SqliteStatements): void {
  const apply = db.transaction(() => {
    db.exec(SCHEMA_MIGRATIONS_TABLE);
    const rows = statement('SELECT version FROM schema_migrations').all() as { version: number }[];
    const applied = new Set(rows.map((row) => Number(row.version)));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    }
  });
  // IMMEDIATE takes the write lock before reading the applied versions: two instances migrating
  // at once run one after the other, and the second finds nothing left to do.
  apply.immediate();
}
