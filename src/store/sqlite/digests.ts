/** Digest claims on SQLite: one poster per channel and day, with a lease a dead claimer gives up. */
import { checkedLease } from '../digest-lease.js';
import { type DigestRow, digestFromRow, millis } from '../rows.js';
import { DEFAULT_DIGEST_LEASE_MS, type DigestStore } from '../types.js';
import type { SqliteStatements } from './statements.js';

export function sqliteDigests({ statement }: SqliteStatements): DigestStore {
  return {
    async claimDigest(channel, day, claimedBy, now, leaseMs = DEFAULT_DIGEST_LEASE_MS) {
      // One statement, run under SQLite's write lock: the WHERE sees the row as the previous winner left it.
      const result = statement(`
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
    },

    async getDigest(channel, day) {
      const row = statement('SELECT * FROM digest_records WHERE channel = ? AND day = ?').get(channel, day) as
        | DigestRow
        | undefined;
      return row ? digestFromRow(row) : null;
    },

    async finishDigest(channel, day, status, messageTs) {
      statement('UPDATE digest_records SET status = ?, message_ts = ? WHERE channel = ? AND day = ?').run(
        status,
        messageTs,
        channel,
        day,
      );
    },

    async releaseDigest(channel, day) {
      statement(`UPDATE digest_records SET released = 1 WHERE channel = ? AND day = ? AND status = 'failed'`).run(
        channel,
        day,
      );
    },
  };
}
