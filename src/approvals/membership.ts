/**
 * Is a user in a role list (user ids and user group ids)? Direct entries are checked first so that
 * a listed user never depends on Slack answering; a group that cannot be resolved is reported, and
 * the caller denies with that reason.
 */
import { type GroupMembers, isGroupId } from './group-members.js';

export interface Membership {
  member: boolean;
  /** Why membership could not be established (a group lookup failed), when the answer is "no". */
  problem: string | null;
}

export async function membershipOf(userId: string, list: readonly string[], groups: GroupMembers): Promise<Membership> {
  if (list.includes(userId)) return { member: true, problem: null };
  const problems: string[] = [];
  for (const groupId of list.filter(isGroupId)) {
    try {
      if ((await groups.of(groupId)).has(userId)) return { member: true, problem: null };
    } catch (error) {
      problems.push(`user group ${groupId} could not be resolved (${messageOf(error)})`);
    }
  }
  return { member: false, problem: problems.length > 0 ? problems.join('; ') : null };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
