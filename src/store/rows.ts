/**
 * Database rows ↔ the store's model, shared by both stores. Rows arrive with snake_case columns;
 * integers may come back as strings (PostgreSQL BIGINT through pg) and JSON as text (SQLite) or
 * already parsed (JSONB).
 */
import type { ActionStatus, AuditEntry, DigestRecord, PendingAction, StoredFile, StoredOperation } from './types.js';

type DbInteger = number | string | bigint;

export interface ActionRow {
  id: string;
  operation: string | StoredOperation;
  dedupe_key: string;
  target_label: string;
  requested_by: string;
  channel: string | null;
  message_ts: string | null;
  response_url: string | null;
  created_at: DbInteger;
  expires_at: DbInteger;
  status: string;
  confirmed_by: string | null;
  finished_at: DbInteger | null;
  outcome: string | null;
  /** Migration 2; undefined only if a caller selected fewer columns. */
  executing_since?: DbInteger | null;
}

export interface FileRow {
  id: string;
  name: string;
  size: DbInteger;
  sha256: string;
  bytes: Uint8Array;
  uploaded_by: string;
  created_at: DbInteger;
}

export interface AuditRow {
  id: DbInteger;
  at: DbInteger;
  actor: string;
  event: string;
  what: string;
  target: string | null;
  action_id: string | null;
  outcome: string | null;
  request_id: string | null;
}

export interface DigestRow {
  channel: string;
  day: string;
  status: string;
  claimed_by: string;
  claimed_at: DbInteger;
  message_ts: string | null;
  attempts: DbInteger;
}

/** Epoch milliseconds: the one time representation in both databases. */
export function millis(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date given to the store');
  return ms;
}

function toDate(value: DbInteger): Date {
  return new Date(Number(value));
}

export function actionFromRow(row: ActionRow): PendingAction {
  return {
    id: row.id,
    operation: typeof row.operation === 'string' ? (JSON.parse(row.operation) as StoredOperation) : row.operation,
    dedupeKey: row.dedupe_key,
    targetLabel: row.target_label,
    requestedBy: row.requested_by,
    channel: row.channel,
    messageTs: row.message_ts,
    responseUrl: row.response_url,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    status: row.status as ActionStatus,
    confirmedBy: row.confirmed_by,
    finishedAt: row.finished_at === null ? null : toDate(row.finished_at),
    outcome: row.outcome,
    executingSince:
      row.executing_since === undefined || row.executing_since === null ? null : toDate(row.executing_since),
  };
}

export function fileFromRow(row: FileRow): StoredFile {
  // Drivers hand back Buffers; callers get a plain Uint8Array view of the same memory.
  const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  return {
    id: row.id,
    name: row.name,
    size: Number(row.size),
    sha256: row.sha256,
    bytes,
    uploadedBy: row.uploaded_by,
    createdAt: toDate(row.created_at),
  };
}

/** The columns of an audit entry, in the order `auditValues` gives them: one place for both stores' INSERT. */
export const AUDIT_COLUMNS = 'at, actor, event, what, target, action_id, outcome, request_id, entry_key';

export function auditValues(entry: Omit<AuditEntry, 'id'>): unknown[] {
  return [
    millis(entry.at),
    entry.actor,
    entry.event,
    entry.what,
    entry.target,
    entry.actionId,
    entry.outcome,
    entry.requestId,
    entry.key ?? null,
  ];
}

/** The columns of a stored file, in the order `fileValues` gives them. */
export const FILE_COLUMNS = 'id, name, size, sha256, bytes, uploaded_by, created_at';

export function fileValues(file: StoredFile): unknown[] {
  // A Buffer view of the same memory: both drivers bind Buffers as blobs (bytea).
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return [file.id, file.name, file.size, file.sha256, bytes, file.uploadedBy, millis(file.createdAt)];
}

export function auditFromRow(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: toDate(row.at),
    actor: row.actor,
    event: row.event,
    what: row.what,
    target: row.target,
    actionId: row.action_id,
    outcome: row.outcome,
    requestId: row.request_id,
  };
}

export function digestFromRow(row: DigestRow): DigestRecord {
  return {
    channel: row.channel,
    day: row.day,
    status: row.status as DigestRecord['status'],
    claimedBy: row.claimed_by,
    claimedAt: toDate(row.claimed_at),
    messageTs: row.message_ts,
    attempts: Number(row.attempts),
  };
}

/** `listAudit(limit)` / `listActions({limit})`: a non-negative integer, whatever the caller passed. */
export function rowLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(0, Math.floor(limit));
}
