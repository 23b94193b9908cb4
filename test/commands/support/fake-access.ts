/** Access with DESIGN.md §2's rules, small enough to read: lists of user ids, `cli` has every role. */
import type { Access, Role } from '../../../src/approvals/types.js';

export interface AccessLists {
  viewers?: string[];
  operators?: string[];
  approvers?: string[];
  writeChannels?: string[];
}

export function createFakeAccess(lists: AccessLists = {}): Access {
  const viewers = lists.viewers ?? [];
  const operators = lists.operators ?? [];
  const approvers = lists.approvers ?? [];
  const writeChannels = lists.writeChannels ?? [];
  const writesEnabled = operators.length > 0 || approvers.length > 0;
  const requesters = operators.length > 0 ? operators : approvers;

  async function rolesOf(userId: string): Promise<Role[]> {
    if (userId === 'cli') return ['viewer', 'operator', 'approver'];
    const roles: Role[] = [];
    if (viewers.length === 0 || viewers.includes(userId)) roles.push('viewer');
    if (requesters.includes(userId)) roles.push('operator');
    if (approvers.includes(userId)) roles.push('approver');
    return roles;
  }

  return {
    writesEnabled,
    rolesOf,
    async canRead(userId) {
      return (await rolesOf(userId)).includes('viewer');
    },
    async refuseRequest(userId, channel, operation) {
      if (!writesEnabled) return 'Writes are off: set APPROVERS or OPERATORS.';
      const roles = await rolesOf(userId);
      if (operation.op === 'reports.finalize' && approvers.length > 0 && !roles.includes('approver')) {
        return 'Finalizing reports needs an approver.';
      }
      if (!roles.includes('operator') && !roles.includes('approver')) return 'You are not an operator.';
      if (writeChannels.length > 0 && (channel === null || !writeChannels.includes(channel))) {
        return 'Changes can be asked for only in the licensing channel.';
      }
      return null;
    },
    async refuseConfirm() {
      return null;
    },
  };
}
