/** Digest claims on PostgreSQL: one poster per channel and day across replicas, with a lease. */
import type pg from 'pg';
import { checkedLease } from '../digest-lease.js';
import { type DigestRow, digestFromRow, millis } from '../rows.js';
import { DEFAULT_DIGEST_LEASE_MS, type DigestStore } from '../types.js';

export function postgresDigests(pool: pg.Pool): DigestStore {
  return {
    async claimDigest(channel, day, claimedBy, now, leaseMs = DEFAULT_DIGEST_LEASE_MS) {
      // ON CONFLICT DO UPDATE locks the existing row and evaluates the WHERE on its newest version, so
      // of concurrent takers of a stale claim only the first sees it stale; the others see its fresh claim.
      const result = await pool.query(
        `INSERT INTO digest_records AS d (channel, day, status, claimed_by, claimed_at, message_ts, attempts, released)
         VALUES ($1, $2, 'claimed', $3, $4, NULL, 1, FALSE)
         ON CONFLICT (channel, day) DO UPDATE SET status = 'claimed', claimed_by = EXCLUDED.claimed_by,
           claimed_at = EXCLUDED.claimed_at, message_ts = NULL, attempts = d.attempts + 1, released = FALSE
         WHERE d.released OR d.status = 'failed' OR (d.status = 'claimed' AND d.claimed_at <= $5)`,
        [channel, day, claimedBy, millis(now), millis(now) - checkedLease(leaseMs)],
      );
      return result.rowCount === 1;
    },

    async getDigest(channel, day) {
      const { rows } = await pool.query<DigestRow>('SELECT * FROM digest_records WHERE channel = $1 AND day = $2', [
        channel,
        day,
      ]);
      return rows[0] ? digestFromRow(rows[0]) : null;
    },

    async finishDigest(channel, day, status, messageTs) {
      await pool.query('UPDATE digest_records SET status = $3, message_ts = $4 WHERE channel = $1 AND day = $2', [
        channel,
        day,
        status,
        messageTs,
      ]);
    },

    async releaseDigest(channel, day) {
      await pool.query(
        `UPDATE digest_records SET released = TRUE WHERE channel = $1 AND day = $2 AND status = 'failed'`,
        [channel, day],
      );
    },
  };
}
