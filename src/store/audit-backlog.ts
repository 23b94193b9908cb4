/**
 * Audit entries the database could not take (PostgreSQL down, a read-only SQLite file, a full disk)
 * are kept in memory, in order and with their own timestamps, and written once the store is back:
 * on the next audit append or read, or when the sweeper's round calls `flush()`. The bot told people
 * what happened, so the trail of it must not vanish with the outage.
 *
 * Every kept entry is logged whole at error level when it is kept, so it is in the log even if the
 * process dies before the database is back. The backlog is bounded (`limit`): an entry that finds it
 * full is logged and not kept. `close()` makes one last attempt and logs whatever is still waiting.
 * Each entry gets a key before its first attempt (migration 6): an INSERT whose commit succeeded but
 * whose answer was lost (the connection cut at that instant) is kept and written again, and the
 * second write adds nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.js';
import type { AuditEntry, Store } from './types.js';
import { storeUnavailable } from './unavailable.js';

/** About 2 MB of entries: hours of a busy bot's commands, clicks and outcomes. */
export const DEFAULT_AUDIT_BACKLOG_LIMIT = 5_000;
/** An entry the store refuses for another reason than being unavailable is dropped after this many tries. */
const MAX_REFUSALS = 3;

export interface AuditBacklog {
  /** Entries waiting for the database. */
  readonly size: number;
  /** Writes the waiting entries, oldest first, until one fails; how many were written. */
  flush(): Promise<number>;
}

interface Waiting {
  entry: AuditEntry;
  refusals: number;
}

/** `store` with an `appendAudit` that never rejects: what it cannot write now waits in the backlog. */
export function withAuditBacklog(
  store: Store,
  options: { logger: Logger; limit?: number },
): { store: Store; backlog: AuditBacklog } {
  const { logger } = options;
  const limit = options.limit ?? DEFAULT_AUDIT_BACKLOG_LIMIT;
  const waiting: Waiting[] = [];
  let flushing: Promise<number> | null = null;

  const logged = (entry: AuditEntry) => ({ ...entry, at: entry.at.toISOString() });

  /** `error`: why the store refused it; null when it was not tried because older entries still wait. */
  function keep(entry: AuditEntry, error: unknown): void {
    if (waiting.length >= limit) {
      logger.error(
        { ...(error ? { err: error } : {}), audit: logged(entry), waiting: waiting.length },
        'audit entry NOT kept: the database is not available and the in-memory audit backlog is full; this log line is its only record',
      );
      return;
    }
    waiting.push({ entry, refusals: 0 });
    logger.error(
      { ...(error ? { err: error } : {}), audit: logged(entry), waiting: waiting.length },
      error
        ? 'could not write the audit entry; kept in memory and written when the database is back'
        : 'audit entry kept in memory behind entries still waiting for the database',
    );
  }

  /** `wait` while the store is still unusable; the head leaves the backlog otherwise. */
  async function writeHead(head: Waiting): Promise<'written' | 'dropped' | 'wait'> {
    try {
      await store.appendAudit(head.entry);
      waiting.shift();
      return 'written';
    } catch (error) {
      if (storeUnavailable(error) || ++head.refusals < MAX_REFUSALS) return 'wait';
      // Not an outage: the store refuses this entry itself; holding it would hold every entry behind it.
      waiting.shift();
      logger.error(
        { err: error, audit: logged(head.entry) },
        'the store keeps refusing this audit entry; dropped from the backlog, this log line is its only record',
      );
      return 'dropped';
    }
  }

  async function drain(): Promise<number> {
    let written = 0;
    for (let head = waiting[0]; head; head = waiting[0]) {
      const result = await writeHead(head);
      if (result === 'wait') break;
      if (result === 'written') written++;
    }
    if (written > 0) {
      logger.warn(
        { written, waiting: waiting.length },
        'wrote audit entries kept while the database was not available',
      );
    }
    return written;
  }

  /** One attempt at a time; a caller arriving during one gets a fresh attempt after it (it may have started too early). */
  async function flush(): Promise<number> {
    if (flushing) await flushing;
    if (waiting.length === 0) return 0;
    flushing ??= drain().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  const backlog: AuditBacklog = {
    get size() {
      return waiting.length;
    },
    flush,
  };

  const wrapped: Store = {
    ...store,
    async appendAudit(unkeyed) {
      const entry = unkeyed.key ? unkeyed : { ...unkeyed, key: randomUUID() };
      if (waiting.length > 0) {
        // Behind the waiting ones, to keep the order; the caller does not wait for a database that is away.
        keep(entry, null);
        void flush();
        return;
      }
      try {
        await store.appendAudit(entry);
      } catch (error) {
        keep(entry, error);
      }
    },
    async listAudit(count) {
      // `/vspc audit` right after the database came back shows what happened while it was away.
      if (waiting.length > 0) await flush();
      return store.listAudit(count);
    },
    async close() {
      if (waiting.length > 0) await flush();
      for (const { entry } of waiting) {
        logger.error(
          { audit: logged(entry) },
          'audit entry never written: the process stops while the database is not available; this log line is its only record',
        );
      }
      await store.close();
    },
  };
  return { store: wrapped, backlog };
}
