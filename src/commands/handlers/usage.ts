/**
 * `usage [--org NAME|UID] [--type …] [--server …]`: current usage per organisation and server.
 * VSPC's usage answer carries UIDs only; names come from the usage reports, when there is one.
 */
import type { OrganizationUsage, UsageQuery } from '../../reports/model.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { pageOf } from '../paging.js';
import type { Reply } from '../reply.js';
import { isFullUid, isUidPrefix } from '../target-text.js';
import { refuseRead } from './guards.js';

async function organisationNames(ctx: CommandContext): Promise<Record<string, string>> {
  try {
    const reports = await ctx.backend.listReports({ kind: 'latest' });
    return Object.fromEntries(reports.map((r) => [r.organizationUid, r.organizationName]));
  } catch (error) {
    ctx.logger?.warn({ err: error }, 'could not read organisation names from the usage reports');
    return {};
  }
}

/** UID prefix, then exact name, then unique-or-not substring of the name (all of them shown). */
function matchOrg(rows: OrganizationUsage[], names: Record<string, string>, org: string): OrganizationUsage[] {
  const lower = org.toLowerCase();
  if (isUidPrefix(org)) {
    const hex = lower.replace(/-/g, '');
    const byUid = rows.filter((r) => r.organizationUid.toLowerCase().replace(/-/g, '').startsWith(hex));
    if (byUid.length > 0) return byUid;
  }
  const nameOf = (r: OrganizationUsage) => (names[r.organizationUid] ?? '').toLowerCase();
  const exact = rows.filter((r) => nameOf(r) === lower);
  return exact.length > 0 ? exact : rows.filter((r) => nameOf(r).includes(lower));
}

export async function handleUsage(cmd: CommandOf<'usage'>, ctx: CommandContext): Promise<Reply> {
  const refused = await refuseRead(ctx);
  if (refused) return refused;
  const query: UsageQuery = {
    ...(cmd.type ? { organizationType: cmd.type } : {}),
    ...(cmd.server ? { serverType: cmd.server } : {}),
    ...(cmd.org && isFullUid(cmd.org) ? { organizationUid: cmd.org } : {}),
  };
  const [all, names] = await Promise.all([ctx.backend.usage(query), organisationNames(ctx)]);
  let rows = all;
  if (cmd.org && !isFullUid(cmd.org)) {
    rows = matchOrg(all, names, cmd.org);
    if (rows.length === 0) {
      return {
        type: 'error',
        message: `No organisation matches "${cmd.org.slice(0, 60)}". Names are known for organisations with a usage report; otherwise give the organisation UID.`,
      };
    }
  }
  const label = (r: OrganizationUsage) => names[r.organizationUid] ?? r.organizationUid;
  const sorted = [...rows].sort((a, b) => label(a).localeCompare(label(b)));
  const page = pageOf(sorted, cmd);
  if (!page.ok) return page.reply;
  const shownNames = Object.fromEntries(
    page.items.filter((r) => names[r.organizationUid]).map((r) => [r.organizationUid, names[r.organizationUid]!]),
  );
  const count = `${rows.length} organisation${rows.length === 1 ? '' : 's'}`;
  return {
    type: 'usage',
    title: `Current usage · ${count}`,
    organizations: page.items,
    names: shownNames,
    paging: page.paging,
  };
}
