/**
 * A database as migration 4 left it (usage months kept as whole report snapshots, no built month),
 * holding months the way the code of that time wrote them: what an upgrade to migration 5 finds.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { parseDatabaseUrl } from '../../../src/store/database-url.js';
import { MIGRATIONS, SCHEMA_MIGRATIONS_TABLE } from '../../../src/store/migrations.js';

export interface V4UsageMonth {
  month: string;
  reports: unknown;
}

const V4 = MIGRATIONS.filter((m) => m.version <= 4);

/** Builds the version-4 schema at `databaseUrl` (sqlite: or postgres:) and writes `months` as format 1. */
export async function writeV4Database(databaseUrl: string, months: readonly V4UsageMonth[]): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  const record = (m: (typeof V4)[number]) => [m.version, m.name, Date.now()];
  if (target.kind === 'sqlite') {
    const db = new Database(target.path);
    db.exec(SCHEMA_MIGRATIONS_TABLE);
    for (const m of V4) {
      db.exec(m.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(...record(m));
    }
    const insert = db.prepare('INSERT INTO usage_months (month, format, reports, kept_at) VALUES (?, 1, ?, ?)');
    for (const m of months) insert.run(m.month, JSON.stringify(m.reports), 1);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(SCHEMA_MIGRATIONS_TABLE);
    for (const m of V4) {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', record(m));
    }
    for (const m of months) {
      await client.query('INSERT INTO usage_months (month, format, reports, kept_at) VALUES ($1, 1, $2::jsonb, 1)', [
        m.month,
        JSON.stringify(m.reports),
      ]);
    }
  } finally {
    await client.end();
  }
}
