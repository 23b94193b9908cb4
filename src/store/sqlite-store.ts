/**
 * The embedded store (better-sqlite3): one file, WAL, a busy timeout so that several processes (or
 * store instances) on the same file wait for each other instead of failing. Every compare-and-set is
 * one SQL statement, which SQLite runs atomically across connections.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { checkedLease } from './digest-lease.js';
import { ensureDirectory } from './ensure-directory.js';
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

const BUSY_TIMEOUT_MS = 5000;
/** An open action can end between our failed insert and our read of it: then insert again. */
const CREATE_ATTEMPTS = 5;

export function openSqliteStore(path: string): SqliteStore {
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
    return new SqliteStore(db);
  } catch (error) {
    db?.close();
    throw new StoreError(`DATABASE_URL: cannot open the SQLite database ${path}: ${reason(error)}`, { cause: error });
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OPEN_BY_KEY = `SELECT * FROM pending_actions WHERE dedupe_key = ? AND status IN ('pending', 'executing')`;

export class SqliteStore implements Store {
  private closed = false;

  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Prepared once per SQL text: better-sqlite3 statements are reusable and cheap to keep. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async migrate(): Promise<void> {
    const apply = this.db.transaction(() => {
      this.db.exec(SCHEMA_MIGRATIONS_TABLE);
      const rows = this.statement('SELECT version FROM schema_migrations').all() as { version: number }[];
      const applied = new Set(rows.map((row) => Number(row.version)));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        this.db.exec(migration.sqlite);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, Date.now());
      }
    });
    // IMMEDIATE takes the write lock before reading the applied versions: two instances migrating
    // at once run one after the other, and the second finds nothing left to do.
    apply.immediate();
  }

  async createAction(action: NewPendingAction): Promise<{ action: PendingAction; created: boolean }> {
    const insert = this.statement(`
      INSERT INTO pending_actions (id, operation, dedupe_key, target_label, requested_by, channel, message_ts,
        response_url, created_at, expires_at, status)
      VALUES (@id, @operation, @dedupeKey, @targetLabel, @requestedBy, @channel, @messageTs,
        @responseUrl, @createdAt, @expiresAt, 'pending')
      ON CONFLICT (dedupe_key) WHERE status IN ('pending', 'executing') DO NOTHING`);
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      const result = insert.run({
        id: action.id,
        operation: JSON.stringify(action.operation),
        dedupeKey: action.dedupeKey,
        targetLabel: action.targetLabel,
        requestedBy: action.requestedBy,
        channel: action.channel,
        messageTs: action.messageTs,
        responseUrl: action.responseUrl,
        createdAt: millis(action.createdAt),
        expiresAt: millis(action.expiresAt),
      });
      if (result.changes === 1) return { action: this.mustGet(action.id), created: true };
      const open = this.statement(OPEN_BY_KEY).get(action.dedupeKey) as ActionRow | undefined;
      if (open) return { action: actionFromRow(open), created: false };
    }
    throw new StoreError(`could not create the action for ${action.dedupeKey}: it kept conflicting`);
  }

  async getAction(id: string): Promise<PendingAction | null> {
    const row = this.statement('SELECT * FROM pending_actions WHERE id = ?').get(id) as ActionRow | undefined;
    return row ? actionFromRow(row) : null;
  }

  private mustGet(id: string): PendingAction {
    const row = this.statement('SELECT * FROM pending_actions WHERE id = ?').get(id) as ActionRow | undefined;
    if (!row) throw new StoreError(`action ${id} vanished right after it was stored`);
    return actionFromRow(row);
  }

  async setActionMessage(
    id: string,
    channel: string | null,
    messageTs: string | null,
    responseUrl?: string | null,
  ): Promise<void> {
    this.statement(`
        UPDATE pending_actions SET channel = @channel, message_ts = @messageTs,
          response_url = CASE WHEN @keepUrl = 1 THEN response_url ELSE @responseUrl END
        WHERE id = @id`).run({
      id,
      channel,
      messageTs,
      keepUrl: responseUrl === undefined ? 1 : 0,
      responseUrl: responseUrl ?? null,
    });
  }

  async transition(
    id: string,
    from: ActionStatus,
    to: ActionStatus,
    now: Date,
    patch: TransitionPatch = {},
  ): Promise<boolean> {
    const result = this.statement(`
        UPDATE pending_actions SET status = @to,
          confirmed_by = COALESCE(@confirmedBy, confirmed_by),
          outcome = COALESCE(@outcome, outcome),
          finished_at = COALESCE(@finishedAt, finished_at),
          executing_since = CASE WHEN @from = 'pending' AND @to = 'executing' THEN @now ELSE executing_since END
        WHERE id = @id AND status = @from AND (@from <> 'pending' OR @to = 'expired' OR expires_at > @now)`).run({
      id,
      from,
      to,
      now: millis(now),
      confirmedBy: patch.confirmedBy ?? null,
      outcome: patch.outcome ?? null,
      finishedAt: patch.finishedAt ? millis(patch.finishedAt) : null,
    });
    return result.changes === 1;
  }

  async listActions(filter: { status?: ActionStatus[]; limit?: number }): Promise<PendingAction[]> {
    const limit = rowLimit(filter.limit, -1);
    if (filter.status?.length === 0 || limit === 0) return [];
    const statuses = filter.status ?? [];
    const where = statuses.length > 0 ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : '';
    const rows = this.statement(`SELECT * FROM pending_actions ${where} ORDER BY created_at DESC, id DESC LIMIT ?`).all(
      ...statuses,
      limit,
    ) as ActionRow[];
    return rows.map(actionFromRow);
  }

  async listExpired(now: Date): Promise<PendingAction[]> {
    const rows = this.statement(
      `SELECT * FROM pending_actions WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at, id`,
    ).all(millis(now)) as ActionRow[];
    return rows.map(actionFromRow);
  }

  async putFile(file: StoredFile): Promise<void> {
    assertFileIntact(file);
    const result = this.statement(`
        INSERT INTO files (id, name, size, sha256, bytes, uploaded_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`).run(
      file.id,
      file.name,
      file.size,
      file.sha256,
      Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      file.uploadedBy,
      millis(file.createdAt),
    );
    if (result.changes === 0) this.assertSameFile(file);
  }

  /** Storing the same file twice is harmless; storing other bytes under a used id is not. */
  private assertSameFile(file: StoredFile): void {
    const existing = this.statement('SELECT sha256 FROM files WHERE id = ?').get(file.id) as
      | { sha256: string }
      | undefined;
    if (existing?.sha256.toLowerCase() !== file.sha256.toLowerCase()) {
      throw new StoreError(`file ${file.id} is already stored with different content`);
    }
  }

  async getFile(id: string): Promise<StoredFile | null> {
    const row = this.statement('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined;
    if (!row) return null;
    const file = fileFromRow(row);
    assertFileIntact(file);
    return file;
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.statement(`
        INSERT INTO audit_log (at, actor, event, what, target, action_id, outcome, request_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      millis(entry.at),
      entry.actor,
      entry.event,
      entry.what,
      entry.target,
      entry.actionId,
      entry.outcome,
      entry.requestId,
    );
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    const rows = this.statement('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?').all(
      rowLimit(limit, 0),
    ) as AuditRow[];
    return rows.map(auditFromRow);
  }

  async claimDigest(
    channel: string,
    day: string,
    claimedBy: string,
    now: Date,
    leaseMs = DEFAULT_DIGEST_LEASE_MS,
  ): Promise<boolean> {
    // One statement, run under SQLite's write lock: the WHERE sees the row as the previous winner left it.
    const result = this.statement(`
        INSERT INTO digest_records (channel, day, status, claimed_by, claimed_at, message_ts, attempts, released)
        VALUES (@channel, @day, 'claimed', @claimedBy, @now, NULL, 1, 0)
        ON CONFLICT (channel, day) DO UPDATE SET status = 'claimed', claimed_by = excluded.claimed_by,
          claimed_at = excluded.claimed_at, message_ts = NULL, attempts = digest_records.attempts + 1, released = 0
        WHERE digest_records.released = 1 OR digest_records.status = 'failed'
          OR (digest_records.status = 'claimed' AND digest_records.claimed_at <= @staleBefore)`).run({
      channel,
      day,
      claimedBy,
      now: millis(now),
      staleBefore: millis(now) - checkedLease(leaseMs),
    });
    return result.changes === 1;
  }

  async getDigest(channel: string, day: string): Promise<DigestRecord | null> {
    const row = this.statement('SELECT * FROM digest_records WHERE channel = ? AND day = ?').get(channel, day) as
      | DigestRow
      | undefined;
    return row ? digestFromRow(row) : null;
  }

  async finishDigest(
    channel: string,
    day: string,
    status: 'posted' | 'failed',
    messageTs: string | null,
  ): Promise<void> {
    this.statement('UPDATE digest_records SET status = ?, message_ts = ? WHERE channel = ? AND day = ?').run(
      status,
      messageTs,
      channel,
      day,
    );
  }

  async releaseDigest(channel: string, day: string): Promise<void> {
    this.statement(`UPDATE digest_records SET released = 1 WHERE channel = ? AND day = ? AND status = 'failed'`).run(
      channel,
      day,
    );
  }

  async ping(): Promise<boolean> {
    try {
      return !this.closed && this.statement('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
