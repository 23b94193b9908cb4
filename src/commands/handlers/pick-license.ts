/**
 * Target → exactly one license, or the reply that says why not: none matched, or several did
 * (a picker whose options are the same command with each full UID; never a guess).
 */
import type { License, LicenseKind } from '../../licenses/model.js';
import { resolveTarget } from '../../licenses/resolve-target.js';
import type { CommandContext } from '../context.js';
import { KIND_SHORT, optionLabel } from '../labels.js';
import type { Reply } from '../reply.js';

/** A picker longer than this is no help (and Slack caps selects at 100 options). */
export const MAX_PICKER_OPTIONS = 25;

export type Picked = { ok: true; license: License } | { ok: false; reply: Reply };

export function pickerReply(
  kind: LicenseKind,
  target: string | null,
  matches: readonly License[],
  commandFor: (uid: string) => string,
  timeZone: string,
): Reply {
  const sorted = [...matches].sort(
    (a, b) => (a.company ?? '').localeCompare(b.company ?? '') || a.uid.localeCompare(b.uid),
  );
  const shown = sorted.slice(0, MAX_PICKER_OPTIONS);
  const what =
    target === null
      ? `There are ${matches.length} ${KIND_SHORT[kind]} licenses`
      : `"${target}" matches ${matches.length} ${KIND_SHORT[kind]} licenses`;
  const more =
    matches.length > shown.length
      ? ` Showing the first ${shown.length}; narrow it down with a longer UID prefix or the full company name.`
      : '';
  return {
    type: 'picker',
    prompt: `${what}. Which one?${more}`,
    options: shown.map((license) => ({ label: optionLabel(license, timeZone), commandText: commandFor(license.uid) })),
  };
}

export async function pickLicense(
  ctx: CommandContext,
  kind: LicenseKind,
  target: string | null,
  commandFor: (uid: string) => string,
): Promise<Picked> {
  const licenses = await ctx.inventory.list([kind]);
  const resolution = resolveTarget(licenses, kind, target);
  switch (resolution.status) {
    case 'one':
      return { ok: true, license: resolution.license };
    case 'none':
      return { ok: false, reply: { type: 'error', message: resolution.message } };
    case 'several':
      return { ok: false, reply: pickerReply(kind, target, resolution.licenses, commandFor, ctx.timeZone) };
  }
}
