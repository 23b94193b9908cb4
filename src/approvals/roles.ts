/**
 * Who may do what (DESIGN §2.2), from VIEWERS / OPERATORS / APPROVERS / REQUIRE_SECOND_PERSON /
 * WRITE_CHANNELS. Every check answers with the reason to show when it says no; anything that cannot
 * be established (a user group Slack would not resolve) is a no, never a yes.
 */
import type { RoleSettings } from '../config.js';
import type { Clock } from '../licenses/expiry.js';
import { channelMention, userMention } from '../mention.js';
import { cachedGroupMembers, type GroupMembersLookup } from './group-members.js';
import { type Membership, membershipOf } from './membership.js';
import type { WriteOperation } from './operation.js';
import type { Access, Role } from './types.js';

/** The CLI runs as the operator of the machine, who holds the VSPC credentials anyway. */
export const CLI_USER = 'cli';

export const WRITES_OFF_REASON =
  'Writes are off: nobody may change VSPC from Slack yet. To turn them on, set APPROVERS (who confirm changes) ' +
  'and, if requesting should be limited to others, OPERATORS (who request them) to Slack user ids (U…) or ' +
  'user group ids (S…), then restart the bot.';

export interface AccessDeps {
  /** Members of a Slack user group (`usergroups.users.list`). */
  groupMembers: GroupMembersLookup;
  clock: Clock;
  /** How long a resolved user group is trusted (default 5 minutes). */
  groupTtlMs?: number;
}

export function isFinalize(operation: WriteOperation): boolean {
  return operation.op === 'reports.finalize';
}

export function createAccess(settings: RoleSettings, deps: AccessDeps): Access {
  const groups = cachedGroupMembers(deps.groupMembers, { ttlMs: deps.groupTtlMs ?? 5 * 60_000, clock: deps.clock });
  const approversSet = settings.approvers.length > 0;
  const writesEnabled = approversSet || settings.operators.length > 0;
  /** With OPERATORS empty, the approvers are the ones who may request writes. */
  const requesters = settings.operators.length > 0 ? settings.operators : settings.approvers;

  const isApprover = (userId: string): Promise<Membership> =>
    approversSet ? membershipOf(userId, settings.approvers, groups) : Promise.resolve({ member: false, problem: null });
  const isRequester = (userId: string): Promise<Membership> => membershipOf(userId, requesters, groups);
  const isViewer = async (userId: string): Promise<Membership> => {
    if (settings.viewers.length === 0) return { member: true, problem: null };
    const viewer = await membershipOf(userId, settings.viewers, groups);
    if (viewer.member) return viewer;
    // Whoever may change licenses may also look at them.
    const [requester, approver] = await Promise.all([isRequester(userId), isApprover(userId)]);
    if (requester.member || approver.member) return { member: true, problem: null };
    return viewer;
  };

  return {
    writesEnabled,

    async rolesOf(userId) {
      if (userId === CLI_USER) return ['viewer', 'operator', 'approver'];
      const [viewer, requester, approver] = await Promise.all([
        isViewer(userId),
        writesEnabled ? isRequester(userId) : null,
        isApprover(userId),
      ]);
      const roles: Role[] = [];
      if (viewer.member) roles.push('viewer');
      if (requester?.member) roles.push('operator');
      if (approver.member) roles.push('approver');
      return roles;
    },

    async canRead(userId) {
      return userId === CLI_USER || (await isViewer(userId)).member;
    },

    async refuseRequest(userId, channel, operation) {
      // The CLI (and the demo console) act for whoever holds the VSPC credentials: role lists are about Slack users.
      if (userId === CLI_USER) return null;
      if (!writesEnabled) return WRITES_OFF_REASON;
      if (settings.writeChannels.length > 0 && (channel === null || !settings.writeChannels.includes(channel))) {
        const where = settings.writeChannels.map(channelMention).join(', ');
        return `Changes can only be requested in ${where} (WRITE_CHANNELS).`;
      }
      if (isFinalize(operation) && approversSet) {
        const approver = await isApprover(userId);
        if (approver.member) return null;
        return withProblem('Only approvers (APPROVERS) may finalize usage reports.', approver);
      }
      const requester = await isRequester(userId);
      if (requester.member) return null;
      const list = settings.operators.length > 0 ? 'OPERATORS' : 'APPROVERS';
      return withProblem(`You are not allowed to request changes: only the people in ${list} may.`, requester);
    },

    async refuseConfirm(userId, action) {
      if (userId === CLI_USER) return null;
      if (!writesEnabled) return WRITES_OFF_REASON;
      const own = userId === action.requestedBy;
      if (approversSet) {
        const approver = await isApprover(userId);
        if (!approver.member) {
          const what = isFinalize(action.operation) ? 'approve finalizing usage reports' : 'confirm changes';
          return withProblem(`Only approvers (APPROVERS) may ${what}.`, approver);
        }
        if (own && settings.requireSecondPerson) return SECOND_PERSON_REASON;
        return null;
      }
      // No approvers: the requester confirms their own request, unless a second person is required;
      // then another of the people who may request confirms it.
      if (!settings.requireSecondPerson) {
        return own
          ? null
          : `Only ${userMention(action.requestedBy)}, who asked for this, can confirm it (APPROVERS is not set).`;
      }
      if (own) return SECOND_PERSON_REASON;
      const requester = await isRequester(userId);
      if (requester.member) return null;
      return withProblem('You are not allowed to confirm changes.', requester);
    },
  };
}

const SECOND_PERSON_REASON = 'A second person has to confirm this: you asked for it, and REQUIRE_SECOND_PERSON is on.';

function withProblem(reason: string, membership: Membership): string {
  return membership.problem ? `${reason} (Could not check your membership: ${membership.problem}.)` : reason;
}
