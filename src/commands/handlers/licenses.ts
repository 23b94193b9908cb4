/** `licenses [kind] [--expiring DAYS] [--status S] [--company NAME] [--page N]`: soonest expiry first. */
import { expiresWithin } from '../../licenses/expiry.js';
import { enumEquals, type LicenseRow } from '../../licenses/model.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { KIND_SHORT } from '../labels.js';
import { pageOf } from '../paging.js';
import type { Reply } from '../reply.js';
import { refuseRead, refuseUnsupported } from './guards.js';

/** The horizon of "expiring" in the summary when the user gave none. */
const SUMMARY_HORIZON_DAYS = 30;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summarise(rows: readonly LicenseRow[], horizon: number): string {
  if (rows.length === 0) return 'No licenses match.';
  const byStatus = new Map<string, number>();
  let expired = 0;
  let expiring = 0;
  for (const { license, daysLeft } of rows) {
    byStatus.set(license.status, (byStatus.get(license.status) ?? 0) + 1);
    if (daysLeft === null) continue;
    if (daysLeft < 0) expired++;
    else if (daysLeft <= horizon) expiring++;
  }
  const statuses = [...byStatus.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    `${plural(rows.length, 'license')}: ${statuses.map(([status, n]) => `${n} ${status}`).join(', ')}`,
    `${expiring} expiring within ${horizon} days`,
    `${expired} already expired`,
  ].join(' · ');
}

/** The unfiltered list's summary, once per shared row table (12,000 rows cost ms per command). */
const tableSummaries = new WeakMap<readonly LicenseRow[], Map<number, string>>();

function summariseTable(table: readonly LicenseRow[], horizon: number): string {
  const byHorizon = tableSummaries.get(table) ?? new Map<number, string>();
  tableSummaries.set(table, byHorizon);
  const summary = byHorizon.get(horizon) ?? summarise(table, horizon);
  byHorizon.set(horizon, summary);
  return summary;
}

function titleOf(cmd: CommandOf<'licenses'>): string {
  const parts = [cmd.kind === 'all' ? 'Licenses' : `${KIND_SHORT[cmd.kind]} licenses`];
  if (cmd.expiringDays !== null) parts.push(`expiring within ${cmd.expiringDays} days`);
  if (cmd.status !== null) parts.push(`status ${cmd.status}`);
  if (cmd.company !== null) parts.push(`company "${cmd.company}"`);
  return parts.join(' · ');
}

export async function handleLicenses(cmd: CommandOf<'licenses'>, ctx: CommandContext): Promise<Reply> {
  const refused = (await refuseRead(ctx)) ?? (cmd.kind === 'all' ? null : refuseUnsupported(ctx, cmd.kind, 'list'));
  if (refused) return refused;

  // The shared table, already in order; filtering keeps that order and copies only when asked to.
  const table = await ctx.inventory.rows(cmd.kind === 'all' ? undefined : [cmd.kind], ctx.clock(), ctx.timeZone);
  const company = cmd.company?.toLowerCase() ?? null;
  const { expiringDays, status } = cmd;
  const rows =
    expiringDays === null && status === null && company === null
      ? table
      : table.filter(
          (row) =>
            (expiringDays === null || expiresWithin(row, expiringDays)) &&
            (status === null || enumEquals(row.license.status, status)) &&
            (company === null || (row.license.company ?? '').toLowerCase().includes(company)),
        );

  const page = pageOf(rows, cmd);
  if (!page.ok) return page.reply;
  return {
    type: 'licenses',
    title: titleOf(cmd),
    summary: (rows === table ? summariseTable : summarise)(rows, expiringDays ?? SUMMARY_HORIZON_DAYS),
    rows: page.items,
    paging: page.paging,
  };
}
