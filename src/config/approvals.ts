/** Who may read, request and confirm, where writes may be asked for, and how long a request waits. */
import { z } from 'zod';
import { defineArea } from './area.js';
import { channelList, flag, idList, optionalString, positiveInt } from './values.js';

export interface RoleSettings {
  viewers: string[];
  operators: string[];
  approvers: string[];
  requireSecondPerson: boolean;
  writeChannels: string[];
}

export const approvalsArea = defineArea({
  vars: {
    VIEWERS: {
      purpose: 'who may run read commands (Slack user ids U… and user group ids S…); empty = everyone',
      example: 'S012AB3CD,U0123ABCD',
    },
    OPERATORS: { purpose: 'who may request writes; empty = the approvers', example: 'S0OPS1234' },
    APPROVERS: {
      purpose: 'who may confirm writes and finalize reports; empty = the requester confirms',
      example: 'U0LEAD123',
    },
    REQUIRE_SECOND_PERSON: { purpose: 'forbid confirming your own request', example: 'true' },
    WRITE_CHANNELS: { purpose: 'channel ids where writes may be requested; empty = any', example: 'C0LICENSES' },
    APPROVAL_TTL_MINUTES: { purpose: 'minutes before an unconfirmed action expires', example: '15' },
    APPROVAL_NOTIFY: {
      purpose:
        "how approvers are told a card waits (and reminded at half the TTL): thread (in the card's thread), dm, off",
      example: 'thread',
    },
  },
  schema: {
    VIEWERS: idList,
    OPERATORS: idList,
    APPROVERS: idList,
    REQUIRE_SECOND_PERSON: flag(false),
    WRITE_CHANNELS: channelList,
    APPROVAL_TTL_MINUTES: positiveInt(15, 7 * 24 * 60),
    APPROVAL_NOTIFY: optionalString
      .transform((v) => (v ?? 'thread').toLowerCase())
      .pipe(z.enum(['thread', 'dm', 'off'])),
  },
  settings(v): {
    roles: RoleSettings;
    approvalTtlMinutes: number;
    /** APPROVAL_NOTIFY: where approvers are told that a card waits for them. */
    approvalNotify: 'thread' | 'dm' | 'off';
  } {
    return {
      roles: {
        viewers: v.VIEWERS,
        operators: v.OPERATORS,
        approvers: v.APPROVERS,
        requireSecondPerson: v.REQUIRE_SECOND_PERSON,
        writeChannels: v.WRITE_CHANNELS,
      },
      approvalTtlMinutes: v.APPROVAL_TTL_MINUTES,
      approvalNotify: v.APPROVAL_NOTIFY,
    };
  },
});
