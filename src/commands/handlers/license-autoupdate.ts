/** `license autoupdate <kind> <target> on|off`: JSON Patch of `/autoUpdateEnabled`, after confirmation. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { formatCommand } from '../format-command.js';
import { targetLabel } from '../labels.js';
import type { Reply } from '../reply.js';
import { requestLicenseWrite } from './request-write.js';

export function handleLicenseAutoupdate(cmd: CommandOf<'license.autoupdate'>, ctx: CommandContext): Promise<Reply> {
  const { kind, enabled } = cmd;
  return requestLicenseWrite(ctx, {
    kind,
    target: cmd.target,
    capability: 'autoupdate',
    operation: (uid) => ({ op: 'license.autoupdate', kind, uid, enabled }),
    commandFor: (uid) => formatCommand({ ...cmd, target: kind === 'console' ? null : uid }),
    precheck: (license) =>
      license.autoUpdateEnabled === enabled
        ? { type: 'notice', text: `Auto-update is already ${enabled ? 'on' : 'off'} for ${targetLabel(license)}.` }
        : null,
  });
}
