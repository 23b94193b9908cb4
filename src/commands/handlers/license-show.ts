/** `license <kind> <target>`: one license with the buttons of what this VSPC lets us do to it. */
import { toRow } from '../../licenses/expiry.js';
import type { License } from '../../licenses/model.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { formatCommand } from '../format-command.js';
import type { Reply, ReplyButton } from '../reply.js';
import { refuseRead, refuseUnsupported } from './guards.js';
import { pickLicense } from './pick-license.js';

export function licenseButtons(license: License, ctx: CommandContext): ReplyButton[] {
  const { kind } = license;
  const target = kind === 'console' ? null : license.uid;
  const can = (capability: 'update' | 'install' | 'autoupdate' | 'delete') => ctx.backend.supports(kind, capability);
  const buttons: ReplyButton[] = [];
  if (can('update')) {
    buttons.push({
      label: 'Update now',
      style: 'primary',
      commandText: formatCommand({ name: 'license.update', kind, target, share: false }),
    });
  }
  if (can('autoupdate')) {
    // Unknown state (null) offers both.
    for (const enabled of [true, false]) {
      if (license.autoUpdateEnabled === enabled) continue;
      buttons.push({
        label: enabled ? 'Turn auto-update on' : 'Turn auto-update off',
        commandText: formatCommand({ name: 'license.autoupdate', kind, target, enabled, share: false }),
      });
    }
  }
  if (can('install')) {
    buttons.push({
      label: 'Install new file',
      commandText: formatCommand({ name: 'license.install', kind, target, share: false }),
    });
  }
  if ((kind === 'vbr' || kind === 'vone') && can('delete')) {
    buttons.push({
      label: 'Delete',
      style: 'danger',
      commandText: formatCommand({ name: 'license.delete', kind, target: license.uid, section: null, share: false }),
    });
  }
  return buttons;
}

export async function handleLicenseShow(cmd: CommandOf<'license.show'>, ctx: CommandContext): Promise<Reply> {
  const refused = (await refuseRead(ctx)) ?? refuseUnsupported(ctx, cmd.kind, 'list');
  if (refused) return refused;
  const picked = await pickLicense(ctx, cmd.kind, cmd.target, (uid) =>
    formatCommand({ name: 'license.show', kind: cmd.kind, target: cmd.kind === 'console' ? null : uid, share: false }),
  );
  if (!picked.ok) return picked.reply;
  // The list may be a few seconds old; the card should show VSPC's state now.
  const license = ctx.backend.supports(cmd.kind, 'get')
    ? await ctx.backend.getLicense(cmd.kind, picked.license.uid)
    : picked.license;
  return { type: 'license', row: toRow(license, ctx.clock(), ctx.timeZone), buttons: licenseButtons(license, ctx) };
}
