/**
 * Whether a store error means "the database cannot be used right now" (PostgreSQL down or restarting,
 * a SQLite file that is read-only, a full disk, an I/O error) rather than a bug: users are then told
 * so in plain words, and the bot recovers by itself once the database is back (the pg pool reconnects;
 * SQLite retries the file on the next statement).
 */

/**
 * PostgreSQL SQLSTATEs of a server going away or refusing connections (class 08, 57P0x) or out of a
 * resource for now (class 53: 53100 disk full, 53200 out of memory, 53300 too many connections,
 * e.g. while other replicas' pools fill up during a restart).
 */
const PG_UNAVAILABLE = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53000',
  '53100',
  '53200',
  '53300',
]);
/** Socket errors of the pg driver. */
const SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** better-sqlite3 `SqliteError.code`s (extended codes start with the primary one). */
const SQLITE_UNAVAILABLE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|LOCKED|PROTOCOL)/;
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function storeUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (PG_UNAVAILABLE.has(code) || SOCKET.has(code) || SQLITE_UNAVAILABLE.test(code))) {
    return true;
  }
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  return storeUnavailable(cause, depth + 1);
}

/** What a person is told when a command met an unusable database. */
export const STORE_UNAVAILABLE_REPLY =
  'The bot’s database is not available right now (PostgreSQL down or restarting, or the SQLite file read-only or its disk full), so nothing was recorded and nothing was sent to VSPC. An admin can see it in the log; try again in a minute.';
