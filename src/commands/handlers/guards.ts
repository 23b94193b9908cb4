/** Checks shared by handlers: may the caller read, and does this VSPC API offer the capability. */
import { type Capability, UnsupportedOperationError } from '../../licenses/backend.js';
import type { LicenseKind } from '../../licenses/model.js';
import type { CommandContext } from '../context.js';
import { NOT_A_VIEWER } from '../permissions.js';
import type { Reply } from '../reply.js';

/** An error reply when the caller may not read, else null. */
export async function refuseRead(ctx: CommandContext): Promise<Reply | null> {
  return (await ctx.access.canRead(ctx.userId)) ? null : { type: 'error', message: NOT_A_VIEWER };
}

export function refuseUnsupported(ctx: CommandContext, kind: LicenseKind, capability: Capability): Reply | null {
  if (ctx.backend.supports(kind, capability)) return null;
  return { type: 'error', message: new UnsupportedOperationError(kind, capability, ctx.backend.apiVersion).message };
}

/** Trend and forecast are built from the monthly usage reports, which VSPC API v2 does not have. */
export function refuseWithoutReports(ctx: CommandContext, command: 'trend' | 'forecast'): Reply | null {
  if (ctx.insight.supported) return null;
  return {
    type: 'error',
    message: `"${command}" is built from the monthly usage reports, and VSPC API ${ctx.backend.apiVersion} has no usage reports. It works when the bot talks to VSPC REST v3 (VSPC_API=v3).`,
  };
}
