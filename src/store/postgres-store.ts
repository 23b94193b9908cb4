/**
 * The store for several replicas (pg Pool). Every compare-and-set is one statement, so PostgreSQL's
 * row locking decides the winner: `transition` is a conditional UPDATE, `createAction` and
 * `claimDigest` are inserts against unique indexes. Migrations run in one transaction under an
 * advisory lock, so replicas starting together apply them once.
 */
import pg from 'pg';
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import { checkedLease } from './digest-lease.js';
import { StoreError } from './errors.js';
import { assertFileIntact } from './file-integrity.js';
import { MIGRATIONS, SCHEMA_MIGRATIONS_TABLE } from './migrations.js';
import {
  type ActionRow,
  type AuditRow,
  actionFromRow,
  auditFromRow,
  type DigestRow,
  digestFromRow,
  type FileRow,
  fileFromRow,
  millis,
  rowLimit,
} from './rows.js';
import {
  type ActionStatus,
  type AuditEntry,
  DEFAULT_DIGEST_LEASE_MS,
  type DigestRecord,
  type NewPendingAction,
  type PendingAction,
  type Store,
  type StoredFile,
  type TransitionPatch,
} from './types.js';

/** Any fixed number works; all replicas must agree on it ("vspc" in ASCII). */
const MIGRATION_LOCK_KEY = 0x76737063;
const CREATE_ATTEMPTS = 5;

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  logger?: Logger;
}

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): PostgresStore {
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
  return new PostgresStore(pool);
}

const OPEN_BY_KEY = `SELECT * FROM pending_actions WHERE dedupe_key = $1 AND status IN ('pending', 'executing')`;

export class PostgresStore implements Store {
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Held until COMMIT/ROLLBACK: a second replica waits here, then finds every version applied.
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query(SCHEMA_MIGRATIONS_TABLE);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((row) => Number(row.version)));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createAction(action: NewPendingAction): Promise<{ action: PendingAction; created: boolean }> {
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      const inserted = await this.pool.query<ActionRow>(
        `INSERT INTO pending_actions (id, operation, dedupe_key, target_label, requested_by, channel, message_ts,
           response_url, created_at, expires_at, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending')
         ON CONFLICT (dedupe_key) WHERE status IN ('pending', 'executing') DO NOTHING
         RETURNING *`,
        [
          action.id,
          JSON.stringify(action.operation),
          action.dedupeKey,
          action.targetLabel,
          action.requestedBy,
          action.channel,
          action.messageTs,
          action.responseUrl,
          millis(action.createdAt),
          millis(action.expiresAt),
        ],
      );
      const row = inserted.rows[0];
      if (row) return { action: actionFromRow(row), created: true };
      // The open one can end between our insert and this read: then the next insert succeeds.
      const open = await this.pool.query<ActionRow>(OPEN_BY_KEY, [action.dedupeKey]);
      const existing = open.rows[0];
      if (existing) return { action: actionFromRow(existing), created: false };
    }
    throw new StoreError(`could not create the action for ${action.dedupeKey}: it kept conflicting`);
  }

  async getAction(id: string): Promise<PendingAction | null> {
    const { rows } = await this.pool.query<ActionRow>('SELECT * FROM pending_actions WHERE id = $1', [id]);
    return rows[0] ? actionFromRow(rows[0]) : null;
  }

  async setActionMessage(
    id: string,
    channel: string | null,
    messageTs: string | null,
    responseUrl?: string | null,
  ): Promise<void> {
    await this.pool.query(
      `UPDATE pending_actions SET channel = $2, message_ts = $3,
         response_url = CASE WHEN $4::boolean THEN response_url ELSE $5 END
       WHERE id = $1`,
      [id, channel, messageTs, responseUrl === undefined, responseUrl ?? null],
    );
  }

  async transition(
    id: string,
    from: ActionStatus,
    to: ActionStatus,
    now: Date,
    patch: TransitionPatch = {},
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE pending_actions SET status = $3,
         confirmed_by = COALESCE($5, confirmed_by),
         outcome = COALESCE($6, outcome),
         finished_at = COALESCE($7, finished_at),
         executing_since = CASE WHEN $2 = 'pending' AND $3 = 'executing' THEN $4 ELSE executing_since END
       WHERE id = $1 AND status = $2 AND ($2 <> 'pending' OR $3 = 'expired' OR expires_at > $4)`,
      [
        id,
        from,
        to,
        millis(now),
        patch.confirmedBy ?? null,
        patch.outcome ?? null,
        patch.finishedAt ? millis(patch.finishedAt) : null,
      ],
    );
    return result.rowCount === 1;
  }

  async listActions(filter: { status?: ActionStatus[]; limit?: number }): Promise<PendingAction[]> {
    const limit = rowLimit(filter.limit, -1);
    if (filter.status?.length === 0 || limit === 0) return [];
    const { rows } = await this.pool.query<ActionRow>(
      `SELECT * FROM pending_actions WHERE ($1::text[] IS NULL OR status = ANY($1::text[]))
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [filter.status ?? null, limit < 0 ? null : limit],
    );
    return rows.map(actionFromRow);
  }

  async listExpired(now: Date): Promise<PendingAction[]> {
    const { rows } = await this.pool.query<ActionRow>(
      `SELECT * FROM pending_actions WHERE status = 'pending' AND expires_at <= $1 ORDER BY expires_at, id`,
      [millis(now)],
    );
    return rows.map(actionFromRow);
  }

  async putFile(file: StoredFile): Promise<void> {
    assertFileIntact(file);
    const result = await this.pool.query(
      `INSERT INTO files (id, name, size, sha256, bytes, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [
        file.id,
        file.name,
        file.size,
        file.sha256,
        Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
        file.uploadedBy,
        millis(file.createdAt),
      ],
    );
    if (result.rowCount === 0) await this.assertSameFile(file);
  }

  /** Storing the same file twice is harmless; storing other bytes under a used id is not. */
  private async assertSameFile(file: StoredFile): Promise<void> {
    const { rows } = await this.pool.query<{ sha256: string }>('SELECT sha256 FROM files WHERE id = $1', [file.id]);
    if (rows[0]?.sha256.toLowerCase() !== file.sha256.toLowerCase()) {
      throw new StoreError(`file ${file.id} is already stored with different content`);
    }
  }

  async getFile(id: string): Promise<StoredFile | null> {
    const { rows } = await this.pool.query<FileRow>('SELECT * FROM files WHERE id = $1', [id]);
    if (!rows[0]) return null;
    const file = fileFromRow(rows[0]);
    assertFileIntact(file);
    return file;
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO audit_log (at, actor, event, what, target, action_id, outcome, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        millis(entry.at),
        entry.actor,
        entry.event,
        entry.what,
        entry.target,
        entry.actionId,
        entry.outcome,
        entry.requestId,
      ],
    );
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT $1', [
      rowLimit(limit, 0),
    ]);
    return rows.map(auditFromRow);
  }

  async claimDigest(
    channel: string,
    day: string,
    claimedBy: string,
    now: Date,
    leaseMs = DEFAULT_DIGEST_LEASE_MS,
  ): Promise<boolean> {
    // ON CONFLICT DO UPDATE locks the existing row and evaluates the WHERE on its newest version, so
    // of concurrent takers of a stale claim only the first sees it stale; the others see its fresh claim.
    const result = await this.pool.query(
      `INSERT INTO digest_records AS d (channel, day, status, claimed_by, claimed_at, message_ts, attempts, released)
       VALUES ($1, $2, 'claimed', $3, $4, NULL, 1, FALSE)
       ON CONFLICT (channel, day) DO UPDATE SET status = 'claimed', claimed_by = EXCLUDED.claimed_by,
         claimed_at = EXCLUDED.claimed_at, message_ts = NULL, attempts = d.attempts + 1, released = FALSE
       WHERE d.released OR d.status = 'failed' OR (d.status = 'claimed' AND d.claimed_at <= $5)`,
      [channel, day, claimedBy, millis(now), millis(now) - checkedLease(leaseMs)],
    );
    return result.rowCount === 1;
  }

  async getDigest(channel: string, day: string): Promise<DigestRecord | null> {
    const { rows } = await this.pool.query<DigestRow>('SELECT * FROM digest_records WHERE channel = $1 AND day = $2', [
      channel,
      day,
    ]);
    return rows[0] ? digestFromRow(rows[0]) : null;
  }

  async finishDigest(
    channel: string,
    day: string,
    status: 'posted' | 'failed',
    messageTs: string | null,
  ): Promise<void> {
    await this.pool.query('UPDATE digest_records SET status = $3, message_ts = $4 WHERE channel = $1 AND day = $2', [
      channel,
      day,
      status,
      messageTs,
    ]);
  }

  async releaseDigest(channel: string, day: string): Promise<void> {
    await this.pool.query(
      `UPDATE digest_records SET released = TRUE WHERE channel = $1 AND day = $2 AND status = 'failed'`,
      [channel, day],
    );
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
