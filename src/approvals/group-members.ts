/**
 * Slack user groups (`S…`) named in VIEWERS / OPERATORS / APPROVERS, resolved through an injected
 * lookup (`usergroups.users.list`) and cached for a while: the lookup is Tier 2 and every click asks.
 * A failed lookup is not cached, so the next click tries again; callers treat a failure as "no".
 */
import type { Clock } from '../licenses/expiry.js';

export type GroupMembersLookup = (groupId: string) => Promise<string[]>;

export interface GroupMembers {
  /** The members of `groupId`; rejects when Slack could not tell. */
  of(groupId: string): Promise<ReadonlySet<string>>;
}

export function cachedGroupMembers(lookup: GroupMembersLookup, options: { ttlMs: number; clock: Clock }): GroupMembers {
  const cache = new Map<string, { at: number; members: Promise<ReadonlySet<string>> }>();
  return {
    of(groupId) {
      const now = options.clock().getTime();
      const hit = cache.get(groupId);
      if (hit && now - hit.at < options.ttlMs) return hit.members;
      const members = lookup(groupId).then((ids) => new Set(ids) as ReadonlySet<string>);
      cache.set(groupId, { at: now, members });
      members.catch(() => {
        if (cache.get(groupId)?.members === members) cache.delete(groupId);
      });
      return members;
    },
  };
}

/** A user group id, as opposed to a user id (`U…`, `W…`). */
export function isGroupId(id: string): boolean {
  return id.startsWith('S');
}
