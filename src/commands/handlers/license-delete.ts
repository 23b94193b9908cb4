/** `license delete vbr <target> [all|instance|socket]`, `license delete vone <target>`, after confirmation. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { formatCommand } from '../format-command.js';
import { targetLabel } from '../labels.js';
import type { Reply } from '../reply.js';
import { requestLicenseWrite } from './request-write.js';

export function handleLicenseDelete(cmd: CommandOf<'license.delete'>, ctx: CommandContext): Promise<Reply> {
  const { kind, section } = cmd;
  return requestLicenseWrite(ctx, {
    kind,
    target: cmd.target,
    capability: 'delete',
    operation: (uid) => ({ op: 'license.delete', kind, uid, section }),
    commandFor: (uid) => formatCommand({ ...cmd, target: uid }),
    precheck: (license) => {
      // VSPC lists the sections a VBR license has; asking to delete another one can only fail.
      const known = license.sectionTypes;
      if (section === null || known.length === 0 || known.some((s) => s.toLowerCase() === section.toLowerCase())) {
        return null;
      }
      return {
        type: 'error',
        message: `${targetLabel(license)} has no ${section} section; it has: ${known.join(', ')}.`,
      };
    },
  });
}
