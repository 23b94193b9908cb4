/** The SQLite connection with its prepared statements, shared by the per-table parts of the store. */
import type Database from 'better-sqlite3';

export interface SqliteStatements {
  readonly db: Database.Database;
  /** Prepared once per SQL text: better-sqlite3 statements are reusable and cheap to keep. */
  statement(sql: string): Database.Statement;
}

export function statementCache(db: Database.Database): SqliteStatements {
  const statements = new Map<string, Database.Statement>();
  return {
    db,
    statement(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
