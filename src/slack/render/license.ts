/** One license in detail, with the buttons the command offers (Update now, Auto-update, Install, Delete). */
import type { Reply } from '../../commands/reply.js';
import { KIND_LABELS } from '../../licenses/model.js';
import {
  actions,
  compact,
  context,
  fieldsSection,
  header,
  runCommandButton,
  type SlackMessage,
  section,
} from './block-kit.js';
import { formatAutoUpdate, formatUnits, licenseTitle, statusIcon } from './license-text.js';
import { code, escapeValue, fallback } from './limits.js';
import { formatExpiry, type RenderContext, timeZoneNote } from './render-context.js';

type LicenseReply = Extract<Reply, { type: 'license' }>;

function idList(ids: string[]): string {
  if (ids.length === 0) return '—';
  const shown = ids.slice(0, 5).map(code).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}

export function renderLicense(reply: LicenseReply, ctx: RenderContext): SlackMessage {
  const { license } = reply.row;
  const title = `${KIND_LABELS[license.kind]} license`;
  const fields = [
    `*Status*\n${statusIcon(license.status, reply.row.daysLeft)} ${escapeValue(license.status)}`,
    `*Type*\n${escapeValue([license.type, license.edition].filter(Boolean).join(' · ') || '—')}`,
    `*Expires*\n${formatExpiry(license.expirationDate, reply.row.daysLeft, ctx)}`,
    `*Support expires*\n${formatExpiry(license.supportExpirationDate, reply.row.supportDaysLeft, ctx)}`,
    `*Usage*\n${formatUnits(license.units)}`,
    `*Auto-update*\n${formatAutoUpdate(license.autoUpdateEnabled).replace('auto-update ', '')}`,
    `*License ids*\n${idList(license.licenseIds)}`,
    `*Support ids*\n${idList(license.supportIds)}`,
  ];
  if (license.kind === 'vbr' && license.sectionTypes.length > 0) {
    fields.push(`*Sections*\n${escapeValue(license.sectionTypes.join(', '))}`);
  }
  const buttons = reply.buttons.map((button, index) =>
    runCommandButton(button.label, button.commandText, index, button.style),
  );
  const blocks = compact([
    header(title),
    section(`${licenseTitle(reply.row)}\nTarget id ${code(license.uid)}`),
    fieldsSection(fields),
    license.statusMessage ? section(`*VSPC says:* ${escapeValue(license.statusMessage)}`) : null,
    actions(buttons, 'license_actions'),
    context(timeZoneNote(ctx)),
  ]);
  const summary = `${title} ${license.uid}: ${license.status}, expires ${formatExpiry(license.expirationDate, reply.row.daysLeft, ctx)}`;
  return { text: fallback(summary), blocks };
}
