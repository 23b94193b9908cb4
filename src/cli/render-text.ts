/**
 * Every Reply as plain text for the terminal (`exec`, the demo console): aligned tables, dates as
 * YYYY-MM-DD with the days left, pickers as numbered lists of the commands to type.
 */
import { describeOperation } from '../approvals/describe.js';
import type { Reply } from '../commands/reply.js';
import { digestToText } from '../digest/render-text.js';
import { describeDaysLeft, localDay } from '../licenses/expiry.js';
import type { LicenseRow, UnitUsage } from '../licenses/model.js';
import type { OrganizationUsage, UsageReport } from '../reports/model.js';
import type { PendingAction } from '../store/types.js';
import { forecastToText, trendToText } from './render-insight.js';
import { pendingToText } from './render-pending.js';
import { reportToText } from './render-report.js';
import { table } from './text-table.js';

export { table };

export interface TextOptions {
  /** Where dates are shown (the CLI uses the team's time zone). */
  timeZone: string;
}

function day(instant: string | null, timeZone: string): string {
  if (!instant) return '-';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : localDay(date, timeZone);
}

function dayWithLeft(instant: string | null, days: number | null, timeZone: string): string {
  return instant ? `${day(instant, timeZone)} (${describeDaysLeft(days)})` : 'no expiry';
}

function units(list: readonly UnitUsage[]): string {
  if (list.length === 0) return '-';
  return list.map((u) => `${u.used}/${u.licensed ?? '∞'} ${u.unit}`).join(', ');
}

function onOff(value: boolean | null): string {
  return value === null ? '?' : value ? 'on' : 'off';
}

function shortUid(uid: string): string {
  return uid.length > 8 ? uid.slice(0, 8) : uid;
}

function licenseTable(rows: readonly LicenseRow[], timeZone: string): string {
  return table(
    ['Kind', 'UID', 'Company', 'Type', 'Status', 'Expires', 'Support until', 'Units', 'Auto-update'],
    rows.map(({ license, daysLeft, supportDaysLeft }) => [
      license.kind,
      shortUid(license.uid),
      license.company ?? '-',
      license.type ?? '-',
      license.status,
      dayWithLeft(license.expirationDate, daysLeft, timeZone),
      license.supportExpirationDate ? dayWithLeft(license.supportExpirationDate, supportDaysLeft, timeZone) : '-',
      units(license.units),
      onOff(license.autoUpdateEnabled),
    ]),
  );
}

function pagingLine(paging: { offset: number; pageSize: number; total: number; nextCommandText?: string }): string {
  if (paging.total === 0) return '';
  const last = Math.min(paging.offset + paging.pageSize, paging.total);
  const next = paging.nextCommandText ? ` · next page: ${paging.nextCommandText}` : '';
  return `Showing ${paging.offset + 1}–${last} of ${paging.total}${next}`;
}

function topProducts(report: UsageReport): string {
  const products = [...report.products].sort((a, b) => b.totalPoints - a.totalPoints).slice(0, 3);
  return products.map((p) => `${p.productType} ${p.totalPoints}`).join(', ') || '-';
}

/** One row per organisation and server type; only workloads in use, summed over servers of that type. */
function usageTable(organizations: readonly OrganizationUsage[], names: Record<string, string>): string {
  const rows: string[][] = [];
  for (const org of organizations) {
    const byType = new Map<string, Map<string, { used: number; count: number; unit: string }>>();
    for (const server of org.servers) {
      const workloads = byType.get(server.serverType) ?? new Map();
      byType.set(server.serverType, workloads);
      for (const w of server.workloads) {
        const sum = workloads.get(w.description) ?? { used: 0, count: 0, unit: w.unitType };
        sum.used += w.usedUnits;
        sum.count += w.usedCount;
        workloads.set(w.description, sum);
      }
    }
    const name = names[org.organizationUid] ?? org.organizationUid;
    const inUse = [...byType.entries()]
      .map(
        ([type, workloads]) => [type, [...workloads.entries()].filter(([, w]) => w.used > 0 || w.count > 0)] as const,
      )
      .filter(([, workloads]) => workloads.length > 0);
    if (inUse.length === 0) rows.push([name, org.organizationType, '-', 'nothing in use']);
    for (const [type, workloads] of inUse) {
      const text = workloads.map(([d, w]) => `${d} ${w.used} ${w.unit.toLowerCase()} (${w.count})`).join(', ');
      rows.push([name, org.organizationType, type, text]);
    }
  }
  return table(['Organisation', 'Type', 'Server', 'In use: workload units (count)'], rows);
}

function actionCard(action: PendingAction, created: boolean): string {
  const head = created ? 'Approval requested' : 'An open request for this already exists';
  return [
    `${head}: ${describeOperation(action.operation, action.targetLabel)}.`,
    `  Action id:     ${action.id}`,
    `  Status:        ${action.status}`,
    `  Requested by:  ${action.requestedBy}`,
    `  Expires:       ${action.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ].join('\n');
}

export function renderText(reply: Reply, options: TextOptions): string {
  const { timeZone } = options;
  switch (reply.type) {
    case 'help':
      return [
        reply.title,
        ...reply.sections.flatMap((section) => [
          '',
          section.title,
          ...section.entries.flatMap((e) => [`  ${e.usage}`, `      ${e.description}`]),
        ]),
        ...(reply.note ? ['', reply.note] : []),
      ].join('\n');
    case 'usageError':
      return [
        `Error: ${reply.message}`,
        ...(reply.suggestion ? [`Did you mean: ${reply.suggestion}`] : []),
        `Usage: ${reply.usage}`,
      ].join('\n');
    case 'error':
      return [`Error: ${reply.message}`, ...(reply.detail ? [`  ${reply.detail}`] : [])].join('\n');
    case 'notice':
      return reply.text;
    case 'licenses':
      return [
        reply.title,
        reply.summary,
        ...(reply.rows.length > 0 ? ['', licenseTable(reply.rows, timeZone), '', pagingLine(reply.paging)] : []),
      ].join('\n');
    case 'license': {
      const { license, daysLeft, supportDaysLeft } = reply.row;
      return [
        `${license.kind} license ${license.uid}`,
        `  Company:        ${license.company ?? '-'}`,
        `  Type / edition: ${license.type ?? '-'} / ${license.edition ?? '-'}`,
        `  Status:         ${license.status}${license.statusMessage ? ` (${license.statusMessage})` : ''}`,
        `  Expires:        ${dayWithLeft(license.expirationDate, daysLeft, timeZone)}`,
        `  Support until:  ${license.supportExpirationDate ? dayWithLeft(license.supportExpirationDate, supportDaysLeft, timeZone) : '-'}`,
        `  Units:          ${units(license.units)}`,
        `  Auto-update:    ${onOff(license.autoUpdateEnabled)}`,
        ...(license.licenseIds.length > 0 ? [`  License ids:    ${license.licenseIds.join(', ')}`] : []),
        ...(reply.buttons.length > 0
          ? ['', 'Actions:', ...reply.buttons.map((b) => `  ${b.label.padEnd(22)} ${b.commandText}`)]
          : []),
      ].join('\n');
    }
    case 'picker':
      return [
        reply.prompt,
        ...reply.options.flatMap((o, i) => [`  ${String(i + 1).padStart(2)}. ${o.label}`, `      ${o.commandText}`]),
      ].join('\n');
    case 'reports':
      return [
        reply.title,
        `Auto-approve: ${onOff(reply.autoApprove)}`,
        '',
        reply.reports.length === 0
          ? 'No usage reports.'
          : table(
              ['>ID', 'Owner', 'Interval', 'Status', '>Points', 'Top products'],
              reply.reports.map((r) => [
                String(r.reportId),
                r.organizationName,
                `${r.intervalStart} – ${r.intervalEnd}`,
                r.status,
                String(r.totalPoints),
                topProducts(r),
              ]),
            ),
        ...(reply.paging && reply.reports.length > 0 ? ['', pagingLine(reply.paging)] : []),
      ].join('\n');
    case 'report':
      return reportToText(reply);
    case 'trend':
      return trendToText(reply);
    case 'forecast':
      return forecastToText(reply.forecast);
    case 'file':
      return `${reply.title}: ${reply.filename} (${reply.bytes.byteLength} bytes). ${reply.comment}`;
    case 'usage':
      return [
        reply.title,
        '',
        reply.organizations.length === 0 ? 'No usage.' : usageTable(reply.organizations, reply.names),
        ...(reply.paging && reply.organizations.length > 0 ? ['', pagingLine(reply.paging)] : []),
      ].join('\n');
    case 'whoami':
      return [
        `You are ${reply.userId}. Roles: ${reply.roles.length > 0 ? reply.roles.join(', ') : 'none'}.`,
        'You may:',
        ...reply.may.map((m) => `  - ${m}`),
      ].join('\n');
    case 'audit':
      return reply.entries.length === 0
        ? 'The audit log is empty.'
        : table(
            ['At (UTC)', 'Actor', 'Event', 'What', 'Target', 'Outcome', 'Request id'],
            reply.entries.map((e) => [
              e.at.toISOString().slice(0, 19).replace('T', ' '),
              e.actor,
              e.event,
              e.what,
              e.target ?? '-',
              e.outcome ?? '-',
              e.requestId ?? e.actionId ?? '-',
            ]),
          );
    case 'actionCard':
      return actionCard(reply.action, reply.created);
    case 'pending':
      return pendingToText(reply.actions);
    case 'installModal':
      return [
        `Install a ${reply.kind} license file on one of:`,
        ...reply.targets.map((t, i) => `  ${String(i + 1).padStart(2)}. ${t.label}  (${t.uid})`),
        '',
        'Uploading a license file needs Slack: /vspc opens the upload form there.',
      ].join('\n');
    case 'digest':
      return digestToText(reply.digest);
  }
}
