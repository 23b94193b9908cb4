/**
 * Slash commands seen lately, so that a redelivery of the same invocation (Slack retry, same
 * trigger_id) is acknowledged and not run twice.
 */
import { type Clock, systemClock } from '../licenses/expiry.js';

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5000;

export interface CommandIdentity {
  userId: string;
  channelId: string;
  text: string;
  triggerId: string;
}

export interface RecentCommands {
  /** True the first time this invocation is seen, false for a repeat. */
  firstSighting(command: CommandIdentity): boolean;
}

export function createRecentCommands(clock: Clock = systemClock): RecentCommands {
  const seen = new Map<string, number>();
  return {
    firstSighting(command) {
      const now = clock().getTime();
      const key = JSON.stringify([command.userId, command.channelId, command.triggerId, command.text]);
      const until = seen.get(key);
      if (until !== undefined && until > now) return false;
      if (seen.size >= MAX_ENTRIES) {
        for (const [oldKey, oldUntil] of seen) if (oldUntil <= now) seen.delete(oldKey);
        // Still full of live entries: forget the oldest half rather than grow without bound.
        if (seen.size >= MAX_ENTRIES)
          for (const oldKey of [...seen.keys()].slice(0, MAX_ENTRIES / 2)) seen.delete(oldKey);
      }
      seen.set(key, now + TTL_MS);
      return true;
    },
  };
}
