/**
 * The one path of every write command: writes on, capability offered, caller allowed, target
 * resolved to exactly one license, then the approval desk creates (or finds) the pending action.
 * Nothing here calls VSPC's write endpoints: that happens on Confirm.
 */
import type { WriteOperation } from '../../approvals/operation.js';
import type { Capability } from '../../licenses/backend.js';
import type { License, LicenseKind } from '../../licenses/model.js';
import type { CommandContext } from '../context.js';
import { targetLabel } from '../labels.js';
import type { Reply } from '../reply.js';
import { refuseUnsupported } from './guards.js';
import { pickLicense } from './pick-license.js';

/** Checks that need no target: an error reply, or null to go on. */
export async function refuseWrite(
  ctx: CommandContext,
  probe: WriteOperation,
  capability?: { kind: LicenseKind; capability: Capability },
): Promise<Reply | null> {
  // Writes being off is Access's answer too (the CLI, acting for the VSPC credential holder, is exempt).
  if (capability) {
    const unsupported = refuseUnsupported(ctx, capability.kind, capability.capability);
    if (unsupported) return unsupported;
  }
  // Asked again by the desk with the real target; asking first spares a VSPC call and a picker.
  const reason = await ctx.access.refuseRequest(ctx.userId, ctx.channelId, probe);
  return reason === null ? null : { type: 'error', message: reason };
}

export async function askDesk(ctx: CommandContext, operation: WriteOperation, label: string): Promise<Reply> {
  const result = await ctx.approvals.request({
    operation,
    targetLabel: label,
    requestedBy: ctx.userId,
    channel: ctx.channelId,
  });
  if (result.status === 'refused') return { type: 'error', message: result.reason };
  return { type: 'actionCard', action: result.action, created: result.status === 'created' };
}

export interface LicenseWrite {
  kind: LicenseKind;
  target: string | null;
  capability: Capability;
  /** The operation for a license; also used with a placeholder uid to ask Access before resolving. */
  operation: (uid: string) => WriteOperation;
  /** The same command with a full UID: picker options. */
  commandFor: (uid: string) => string;
  /** A reason not to ask at all once the license is known (e.g. auto-update already on). */
  precheck?: (license: License) => Reply | null;
}

export async function requestLicenseWrite(ctx: CommandContext, write: LicenseWrite): Promise<Reply> {
  const refused = await refuseWrite(ctx, write.operation(write.target ?? '*'), {
    kind: write.kind,
    capability: write.capability,
  });
  if (refused) return refused;
  const picked = await pickLicense(ctx, write.kind, write.target, write.commandFor);
  if (!picked.ok) return picked.reply;
  const early = write.precheck?.(picked.license) ?? null;
  if (early) return early;
  return askDesk(ctx, write.operation(picked.license.uid), targetLabel(picked.license));
}
