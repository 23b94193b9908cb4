/** `usage`: current license usage per organization and server. */
import type { Reply } from '../../commands/reply.js';
import type { OrganizationUsage, ServerUsage } from '../../reports/model.js';
import { compact, context, header, type KnownBlock, type SlackMessage, section } from './block-kit.js';
import { code, escapeValue, fallback, LIMITS, plural, takeFitting, truncate } from './limits.js';
import { describeRange, pageNavigation, pagingOrWhole } from './paging.js';
import { formatPoints } from './report-text.js';

type UsageReply = Extract<Reply, { type: 'usage' }>;
const MAX_WORKLOADS_PER_SERVER = 6;

function serverLine(server: ServerUsage): string {
  const workloads = server.workloads
    .filter((w) => w.usedUnits > 0 || w.usedCount > 0)
    .slice(0, MAX_WORKLOADS_PER_SERVER)
    .map((w) => {
      const extra = [
        w.rentalUnits ? `${formatPoints(w.rentalUnits)} rental` : '',
        w.newUnits ? `${formatPoints(w.newUnits)} new` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `${escapeValue(w.description)} ${formatPoints(w.usedUnits)} ${escapeValue(w.unitType.toLowerCase())}${extra ? ` (${extra})` : ''}`;
    });
  const hidden = server.workloads.filter((w) => w.usedUnits > 0 || w.usedCount > 0).length - workloads.length;
  const list = workloads.length > 0 ? workloads.join(' · ') : 'nothing in use';
  return `• ${escapeValue(server.serverType)} ${code(server.serverUid.slice(0, 8))}: ${list}${hidden > 0 ? ` and ${hidden} more` : ''}`;
}

function organizationEntry(org: OrganizationUsage, names: Record<string, string>): string {
  const name = names[org.organizationUid] ?? org.organizationUid;
  const lines = org.servers.slice(0, 8).map(serverLine);
  if (org.servers.length > 8) lines.push(`• and ${plural(org.servers.length - 8, 'more server')}`);
  if (lines.length === 0) lines.push('• no servers report usage');
  return truncate(
    `*${escapeValue(name)}* (${escapeValue(org.organizationType)})\n${lines.join('\n')}`,
    LIMITS.sectionText,
  );
}

export function renderUsage(reply: UsageReply): SlackMessage {
  const entries = takeFitting(
    reply.organizations,
    (org) => organizationEntry(org, reply.names),
    LIMITS.blocksPerMessage - 4,
    LIMITS.messageTextBudget - reply.title.length,
  );
  const shown = entries.length;
  const range = describeRange(pagingOrWhole(reply.paging, reply.organizations.length, 'usage'), shown, 'organization');
  const hidden = reply.organizations.length - shown;
  const blocks: (KnownBlock | null)[] = [
    header(reply.title),
    context(range),
    ...entries.map((text) => section(text)),
    reply.organizations.length === 0 ? section('_No usage matches._') : null,
    hidden > 0
      ? context(
          `${plural(hidden, 'more organization')} did not fit in one Slack message: narrow with \`--org\`, \`--type\` or \`--server\`.`,
        )
      : null,
    pageNavigation(reply.paging),
  ];
  return { text: fallback(`${reply.title} (${range})`), blocks: compact(blocks) };
}
