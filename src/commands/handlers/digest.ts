/** `digest preview` (privately, built from VSPC now) and `digest now` (post it; operator or approver). */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { permissionsOf } from '../permissions.js';
import type { Reply } from '../reply.js';
import { refuseRead } from './guards.js';

export const DIGEST_NOT_CONFIGURED =
  'The digest is not configured: set DIGEST_CHANNEL (and optionally DIGEST_CRON, DIGEST_TIMEZONE) to turn it on.';

export async function handleDigest(cmd: CommandOf<'digest'>, ctx: CommandContext): Promise<Reply> {
  if (cmd.mode === 'preview') {
    const refused = await refuseRead(ctx);
    if (refused) return refused;
    if (!ctx.digest) return { type: 'error', message: DIGEST_NOT_CONFIGURED };
    return { type: 'digest', digest: await ctx.digest.preview() };
  }
  const { postDigest } = await permissionsOf(ctx);
  if (!postDigest) return { type: 'error', message: 'Posting the digest now needs an operator or an approver.' };
  if (!ctx.digest) return { type: 'error', message: DIGEST_NOT_CONFIGURED };
  return { type: 'notice', text: await ctx.digest.postNow(ctx.userId) };
}
