/**
 * The store for several replicas (pg Pool). Every compare-and-set is one statement, so PostgreSQL's
 * row locking decides the winner. Each table's part lives in a file of its own beside this one; this
 * opens the pool and composes them.
 */
import pg from 'pg';
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import type { Store } from '../types.js';
import { postgresActions } from './actions.js';
import { postgresAudit } from './audit.js';
import { postgresDigests } from './digests.js';
import { postgresFiles } from './files.js';
import { migratePostgres } from './migrate.js';
import { postgresNotifications } from './notifications.js';
import { postgresUsageMonths } from './usage-months.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  logger?: Logger;
}

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const logger = options.logger ?? silentLogger;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'vspc-license-bot',
  });
  // An idle client losing its server (restart, failover) must not crash the process; the next
  // query gets a fresh connection or a clear error.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'PostgreSQL connection lost'));
  return composePostgresStore(pool);
}

function composePostgresStore(pool: pg.Pool): Store {
  let closed = false;
  return {
    migrate: () => migratePostgres(pool),
    ...postgresActions(pool),
    ...postgresFiles(pool),
    ...postgresAudit(pool),
    ...postgresDigests(pool),
    ...postgresNotifications(pool),
    ...postgresUsageMonths(pool),
    async ping() {
      if (closed) return false;
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
