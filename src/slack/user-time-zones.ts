/**
 * Each user's time zone (`users.info` → `tz`), cached per user: dates are shown in the reader's zone.
 * A failed lookup answers the team's zone and is remembered for a shorter time.
 */
import type { WebClient } from '@slack/web-api';
import { type Clock, systemClock } from '../licenses/expiry.js';

const FAILURE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

export interface UserTimeZones {
  of(client: WebClient, userId: string, fallback: string): Promise<string>;
}

export function createUserTimeZones(options: { ttlMs?: number; clock?: Clock } = {}): UserTimeZones {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  const clock = options.clock ?? systemClock;
  const cache = new Map<string, { zone: string | null; until: number }>();

  async function lookup(client: WebClient, userId: string): Promise<string | null> {
    try {
      const result = await client.users.info({ user: userId });
      const zone = result.user?.tz;
      return typeof zone === 'string' && zone !== '' ? zone : null;
    } catch {
      return null;
    }
  }

  return {
    async of(client, userId, fallback) {
      const now = clock().getTime();
      const hit = cache.get(userId);
      if (hit && hit.until > now) return hit.zone ?? fallback;
      const zone = await lookup(client, userId);
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(userId, { zone, until: now + (zone ? ttlMs : FAILURE_TTL_MS) });
      return zone ?? fallback;
    },
  };
}
