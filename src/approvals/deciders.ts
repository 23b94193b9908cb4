/**
 * Who may decide an action (confirm it), as people to tell: the entries of APPROVERS with their user
 * groups expanded (as `roles.ts` resolves them), without the requester when a second person is
 * required. With APPROVERS empty the requester decides alone — or, with REQUIRE_SECOND_PERSON, the
 * other people who may request. A group Slack would not resolve is left out (and logged): telling
 * fewer people is better than not telling anyone.
 */
import type { RoleSettings } from '../config.js';
import type { Clock } from '../licenses/expiry.js';
import type { Logger } from '../log.js';
import type { PendingAction } from '../store/types.js';
import { cachedGroupMembers, type GroupMembersLookup, isGroupId } from './group-members.js';
import { CLI_USER } from './roles.js';

export interface Deciders {
  /** Slack user ids, each once, in the order of the role list. */
  of(action: Pick<PendingAction, 'requestedBy'>): Promise<string[]>;
}

export function createDeciders(
  settings: RoleSettings,
  deps: { groupMembers: GroupMembersLookup; clock: Clock; logger: Logger; groupTtlMs?: number },
): Deciders {
  const groups = cachedGroupMembers(deps.groupMembers, { ttlMs: deps.groupTtlMs ?? 5 * 60_000, clock: deps.clock });

  async function expand(list: readonly string[]): Promise<string[]> {
    const people: string[] = [];
    for (const entry of list) {
      if (!isGroupId(entry)) {
        people.push(entry);
        continue;
      }
      try {
        people.push(...(await groups.of(entry)));
      } catch (error) {
        deps.logger.warn({ err: error, group: entry }, 'could not resolve a user group of deciders; left out');
      }
    }
    return [...new Set(people)];
  }

  return {
    async of(action) {
      const { requestedBy } = action;
      const others = (ids: string[]) => ids.filter((id) => id !== requestedBy && id !== CLI_USER);
      if (settings.approvers.length > 0) {
        const approvers = await expand(settings.approvers);
        return settings.requireSecondPerson ? others(approvers) : approvers.filter((id) => id !== CLI_USER);
      }
      if (!settings.requireSecondPerson) return requestedBy === CLI_USER ? [] : [requestedBy];
      return others(await expand(settings.operators));
    },
  };
}
