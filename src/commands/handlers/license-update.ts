/** `license update <kind> [<target>]`: VSPC downloads and installs a fresh license, after confirmation. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { formatCommand } from '../format-command.js';
import type { Reply } from '../reply.js';
import { requestLicenseWrite } from './request-write.js';

export function handleLicenseUpdate(cmd: CommandOf<'license.update'>, ctx: CommandContext): Promise<Reply> {
  const { kind } = cmd;
  return requestLicenseWrite(ctx, {
    kind,
    target: cmd.target,
    capability: 'update',
    operation: (uid) => ({ op: 'license.update', kind, uid }),
    commandFor: (uid) => formatCommand({ ...cmd, target: kind === 'console' ? null : uid }),
  });
}
