/**
 * `license install <kind> [<target>]`: no request yet. The reply opens the upload modal (Slack) or
 * asks for a file (CLI) with the candidate targets; the pending action is made when the file is in.
 */
import type { License } from '../../licenses/model.js';
import { resolveTarget } from '../../licenses/resolve-target.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { optionLabel } from '../labels.js';
import type { Reply } from '../reply.js';
import { refuseWrite } from './request-write.js';

/** Slack's static_select holds at most 100 options. */
export const MAX_INSTALL_TARGETS = 100;

export async function handleLicenseInstall(cmd: CommandOf<'license.install'>, ctx: CommandContext): Promise<Reply> {
  const { kind } = cmd;
  const refused = await refuseWrite(
    ctx,
    { op: 'license.install', kind, uid: cmd.target ?? '*', fileId: '', fileName: '', size: 0, sha256: '' },
    { kind, capability: 'install' },
  );
  if (refused) return refused;

  const licenses = await ctx.inventory.list([kind]);
  const resolution = resolveTarget(licenses, kind, cmd.target);
  if (resolution.status === 'none') return { type: 'error', message: resolution.message };
  const candidates: License[] = resolution.status === 'one' ? [resolution.license] : resolution.licenses;
  const targets = [...candidates]
    .sort((a, b) => (a.company ?? '').localeCompare(b.company ?? '') || a.uid.localeCompare(b.uid))
    .slice(0, MAX_INSTALL_TARGETS)
    .map((license) => ({ label: optionLabel(license, ctx.timeZone), uid: license.uid }));
  return { type: 'installModal', kind, targets };
}
