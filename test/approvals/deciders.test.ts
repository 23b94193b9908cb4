/** Who is asked to decide an action: APPROVERS with groups expanded, or, without them, as the rules say. */
import { describe, expect, it } from 'vitest';
import { createDeciders } from '../../src/approvals/deciders.js';
import type { RoleSettings } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';

const roles = (over: Partial<RoleSettings>): RoleSettings => ({
  viewers: [],
  operators: [],
  approvers: [],
  requireSecondPerson: false,
  writeChannels: [],
  ...over,
});
const groups: Record<string, string[]> = { S0LEADS: ['U0BOB', 'U0ALICE', 'U0OPS'] };
const deciders = (over: Partial<RoleSettings>) =>
  createDeciders(roles(over), {
    groupMembers: async (id) => {
      const members = groups[id];
      if (!members) throw new Error('no_such_subteam');
      return members;
    },
    clock: () => new Date(),
    logger: silentLogger,
  });

describe('deciders', () => {
  it('APPROVERS with user groups expanded, each person once', async () => {
    expect(await deciders({ approvers: ['U0ALICE', 'S0LEADS'] }).of({ requestedBy: 'U0OPS' })).toEqual([
      'U0ALICE',
      'U0BOB',
      'U0OPS',
    ]);
  });

  it('without the requester when a second person is required; an unresolvable group is left out', async () => {
    const list = deciders({ approvers: ['S0LEADS', 'S0GONE'], requireSecondPerson: true });
    expect(await list.of({ requestedBy: 'U0OPS' })).toEqual(['U0BOB', 'U0ALICE']);
  });

  it('without APPROVERS: the requester alone, or the other operators when a second person is required', async () => {
    expect(await deciders({ operators: ['S0LEADS'] }).of({ requestedBy: 'U0OPS' })).toEqual(['U0OPS']);
    expect(await deciders({ operators: ['S0LEADS'], requireSecondPerson: true }).of({ requestedBy: 'U0OPS' })).toEqual([
      'U0BOB',
      'U0ALICE',
    ]);
    expect(await deciders({ operators: ['S0LEADS'] }).of({ requestedBy: 'cli' })).toEqual([]);
  });
});
