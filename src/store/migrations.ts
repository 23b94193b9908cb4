/**
 * The schema, as an ordered list of versioned steps. Each step carries its SQLite and its PostgreSQL
 * text side by side so the two stores cannot drift apart: same tables, same columns, same constraints.
 * Append new steps; never edit one that has shipped (databases record the versions they applied).
 *
 * Times are epoch milliseconds in integer columns in both databases: comparisons such as
 * `expires_at > now` are then exact and use the caller's clock, never the database's.
 */
import { NOTIFICATIONS_TABLE } from './notification-claims.js';
import { usageMonthsBuiltColumn, usageMonthsTable } from './usage-months.js';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const SCHEMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

const ACTION_STATUSES = `('pending', 'executing', 'succeeded', 'failed', 'cancelled', 'expired', 'unknown')`;

/** Shared by both dialects: only the types in the marked places differ. */
function initialSchema(d: { json: string; blob: string; bool: string; false: string; serial: string }): string {
  return `
CREATE TABLE pending_actions (
  id TEXT PRIMARY KEY,
  operation ${d.json} NOT NULL,
  dedupe_key TEXT NOT NULL,
  target_label TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  channel TEXT,
  message_ts TEXT,
  response_url TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ${ACTION_STATUSES}),
  confirmed_by TEXT,
  finished_at BIGINT,
  outcome TEXT
);
-- One open action per target and operation, enforced by the database so it holds across replicas.
CREATE UNIQUE INDEX pending_actions_one_open ON pending_actions (dedupe_key) WHERE status IN ('pending', 'executing');
CREATE INDEX pending_actions_status_expiry ON pending_actions (status, expires_at);
CREATE INDEX pending_actions_created ON pending_actions (created_at);

CREATE TABLE files (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes ${d.blob} NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
  id ${d.serial},
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  event TEXT NOT NULL,
  what TEXT NOT NULL,
  target TEXT,
  action_id TEXT,
  outcome TEXT,
  request_id TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);

CREATE TABLE digest_records (
  channel TEXT NOT NULL,
  day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
  claimed_by TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  message_ts TEXT,
  attempts INTEGER NOT NULL,
  -- Set by releaseDigest: the (channel, day) may be claimed again.
  released ${d.bool} NOT NULL DEFAULT ${d.false},
  PRIMARY KEY (channel, day)
);
`;
}

const AUDIT_ENTRY_KEY = `ALTER TABLE audit_log ADD COLUMN entry_key TEXT;
CREATE UNIQUE INDEX audit_log_entry_key ON audit_log (entry_key);`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'pending actions, files, audit log, digest records',
    sqlite: initialSchema({
      json: 'TEXT',
      blob: 'BLOB',
      bool: 'INTEGER',
      false: '0',
      serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    }),
    postgres: initialSchema({
      json: 'JSONB',
      blob: 'BYTEA',
      bool: 'BOOLEAN',
      false: 'FALSE',
      serial: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    }),
  },
  {
    version: 2,
    name: 'pending actions: when each entered executing',
    // Set by `transition` on pending → executing. Recovery waits a grace period from it before it
    // calls an action VSPC has no record of "unknown": another replica may still be sending it.
    // Rows confirmed before this column existed stay NULL; readers fall back to expires_at, which
    // a confirm always precedes.
    sqlite: 'ALTER TABLE pending_actions ADD COLUMN executing_since BIGINT;',
    postgres: 'ALTER TABLE pending_actions ADD COLUMN executing_since BIGINT;',
  },
  {
    version: 3,
    name: 'notification claims: each notification about an action goes out once',
    sqlite: NOTIFICATIONS_TABLE,
    postgres: NOTIFICATIONS_TABLE,
  },
  {
    version: 4,
    name: 'usage months kept once final (usage insight)',
    sqlite: usageMonthsTable('TEXT'),
    postgres: usageMonthsTable('JSONB'),
  },
  {
    version: 5,
    name: 'usage months: the built month beside the reports (a trend reads only it)',
    // Rows kept before it keep built NULL and format 1; the insight layer builds them on first read.
    sqlite: usageMonthsBuiltColumn('TEXT'),
    postgres: usageMonthsBuiltColumn('JSONB'),
  },
  {
    version: 6,
    name: 'audit entries: a key each, so a write repeated after its answer was lost adds no second entry',
    // Entries written before it keep NULL, which never conflicts.
    sqlite: AUDIT_ENTRY_KEY,
    postgres: AUDIT_ENTRY_KEY,
  },
];
