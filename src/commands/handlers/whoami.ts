/** `whoami`: the caller's roles and, in words, what they may do here. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { permissionsOf } from '../permissions.js';
import type { Reply } from '../reply.js';

export async function handleWhoami(_cmd: CommandOf<'whoami'>, ctx: CommandContext): Promise<Reply> {
  const p = await permissionsOf(ctx);
  const may: string[] = [];
  if (p.read) may.push('see licenses, usage reports, usage and the audit log');
  if (p.writeRefusal === null) may.push('ask for license changes and report auto-approve (each needs a confirmation)');
  if (p.finalizeRefusal === null) may.push('ask to finalize the usage reports that wait for approval');
  if (p.confirm) may.push("confirm or approve others' requests");
  if (p.postDigest) may.push('post the digest now');
  if (may.length === 0)
    may.push('nothing here yet: ask a licensing admin to add you to VIEWERS, OPERATORS or APPROVERS');
  if (p.writeRefusal !== null && p.read) may.push(`not ask for changes: ${p.writeRefusal}`);
  return { type: 'whoami', userId: ctx.userId, roles: p.roles, may };
}
