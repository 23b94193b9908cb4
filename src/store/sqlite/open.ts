/**
 * The embedded store (better-sqlite3): one file, WAL, a busy timeout so that several processes (or
 * store instances) on the same file wait for each other instead of failing. Each table's part lives
 * in a file of its own beside this one; this opens the file and composes them.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ensureDirectory } from '../ensure-directory.js';
import { StoreError } from '../errors.js';
import type { Store } from '../types.js';
import { sqliteActions } from './actions.js';
import { sqliteAudit } from './audit.js';
import { sqliteDigests } from './digests.js';
import { sqliteFiles } from './files.js';
import { migrateSqlite } from './migrate.js';
import { sqliteNotifications } from './notifications.js';
import { type SqliteStatements, statementCache } from './statements.js';
import { sqliteUsageMonths } from './usage-months.js';

const BUSY_TIMEOUT_MS = 5000;

export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') {
    try {
      ensureDirectory(dirname(path));
    } catch (error) {
      throw new StoreError(
        `DATABASE_URL: cannot create the directory ${dirname(path)} for the SQLite database: ${reason(error)}`,
        { cause: error },
      );
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    // The timeout first: switching to WAL itself needs the lock another instance may hold.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return composeSqliteStore(statementCache(db));
  } catch (error) {
    db?.close();
    throw new StoreError(`DATABASE_URL: cannot open the SQLite database ${path}: ${reason(error)}`, { cause: error });
  }
}

function composeSqliteStore(sql: SqliteStatements): Store {
  let closed = false;
  return {
    async migrate() {
      migrateSqlite(sql);
    },
    ...sqliteActions(sql),
    ...sqliteFiles(sql),
    ...sqliteAudit(sql),
    ...sqliteDigests(sql),
    ...sqliteNotifications(sql),
    ...sqliteUsageMonths(sql),
    async ping() {
      try {
        return !closed && sql.statement('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      sql.db.close();
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
