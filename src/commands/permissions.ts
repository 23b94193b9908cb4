/**
 * What the caller may do, asked of Access the same way the approval desk will ask: `help` and
 * `whoami` show exactly this, so neither offers a command that would be refused.
 */
import { WRITES_OFF_REASON } from '../approvals/roles.js';
import type { Role } from '../approvals/types.js';
import type { CommandContext } from './context.js';

export interface Permissions {
  roles: Role[];
  read: boolean;
  /** Why writes are refused to this caller here, or null when they may request them. */
  writeRefusal: string | null;
  finalizeRefusal: string | null;
  /** `digest now` needs an operator or an approver. */
  postDigest: boolean;
  confirm: boolean;
}

/** Access decides on who, where and which operation; the target of a real request is not known yet. */
const PROBE_WRITE = { op: 'license.update', kind: 'vbr', uid: '*' } as const;

export async function permissionsOf(ctx: CommandContext): Promise<Permissions> {
  const { access, userId, channelId } = ctx;
  const [roles, read, writeRefusal, finalizeRefusal] = await Promise.all([
    access.rolesOf(userId),
    access.canRead(userId),
    access.refuseRequest(userId, channelId, PROBE_WRITE),
    access.refuseRequest(userId, channelId, { op: 'reports.finalize' }),
  ]);
  return {
    roles,
    read,
    writeRefusal,
    finalizeRefusal,
    postDigest: roles.includes('operator') || roles.includes('approver'),
    confirm: roles.includes('approver'),
  };
}

/** The same words as the access rules use, whichever of them notices first. */
export const WRITES_OFF = WRITES_OFF_REASON;

export const NOT_A_VIEWER =
  'You may not read licensing data: you are not in VIEWERS. Ask a licensing admin to add you (or your user group).';
