/**
 * A parsed command back to the text a user would type: what buttons, pickers and "Next page"
 * carry, so that a click is parsed like typing. `parseCommand(formatCommand(c))` gives `c` again.
 */
import type { ParsedCommand } from './command.js';
import { DEFAULT_TREND_MONTHS, DEFAULT_TREND_TOP } from './parse-insight.js';
import { isUidPrefix } from './target-text.js';

/** UIDs and UID prefixes go bare; anything else is quoted so it stays one value and never a keyword. */
export function quoteValue(value: string): string {
  if (isUidPrefix(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/"/g, "'")}"`;
}

function target(value: string | null): string[] {
  return value === null ? [] : [quoteValue(value)];
}

function page(value: number): string[] {
  return value > 1 ? ['--page', String(value)] : [];
}

function words(cmd: ParsedCommand): string[] {
  switch (cmd.name) {
    case 'help':
      return ['help', ...(cmd.topic ? [cmd.topic] : [])];
    case 'licenses':
      return [
        'licenses',
        ...(cmd.kind === 'all' ? [] : [cmd.kind]),
        ...(cmd.expiringDays === null ? [] : ['--expiring', String(cmd.expiringDays)]),
        ...(cmd.status === null ? [] : ['--status', cmd.status]),
        ...(cmd.company === null ? [] : ['--company', quoteValue(cmd.company)]),
        ...page(cmd.page),
      ];
    case 'license.show':
      return ['license', cmd.kind, ...target(cmd.target)];
    case 'license.update':
      return ['license', 'update', cmd.kind, ...target(cmd.target)];
    case 'license.install':
      return ['license', 'install', cmd.kind, ...target(cmd.target)];
    case 'license.autoupdate':
      return ['license', 'autoupdate', cmd.kind, ...target(cmd.target), cmd.enabled ? 'on' : 'off'];
    case 'license.delete':
      return [
        'license',
        'delete',
        cmd.kind,
        quoteValue(cmd.target),
        ...(cmd.section ? [cmd.section.toLowerCase()] : []),
      ];
    case 'reports':
      return ['reports', cmd.scope.kind === 'month' ? cmd.scope.month : cmd.scope.kind, ...page(cmd.page)];
    case 'report':
      return ['report', String(cmd.reportId), ...(cmd.csv ? ['csv'] : [])];
    case 'reports.finalize':
      return ['reports', 'finalize'];
    case 'reports.autoapprove':
      return ['reports', 'autoapprove', cmd.enabled ? 'on' : 'off'];
    case 'usage':
      return [
        'usage',
        ...(cmd.org === null ? [] : ['--org', quoteValue(cmd.org)]),
        ...(cmd.type === null ? [] : ['--type', cmd.type.toLowerCase()]),
        ...(cmd.server === null ? [] : ['--server', SERVER_WORDS[cmd.server]]),
        ...page(cmd.page),
      ];
    case 'trend':
      return [
        'trend',
        ...(cmd.months === DEFAULT_TREND_MONTHS ? [] : ['--months', String(cmd.months)]),
        ...(cmd.org === null ? [] : ['--org', quoteValue(cmd.org)]),
        ...(cmd.product === null ? [] : ['--product', cmd.product]),
        ...(cmd.top === DEFAULT_TREND_TOP ? [] : ['--top', String(cmd.top)]),
        ...(cmd.png === null ? [] : ['--png', quoteValue(cmd.png)]),
      ];
    case 'forecast':
      return ['forecast'];
    case 'digest':
      return ['digest', cmd.mode];
    case 'audit':
      return ['audit', String(cmd.limit)];
    case 'whoami':
      return ['whoami'];
    case 'pending':
      return ['pending'];
  }
}

const SERVER_WORDS: Record<NonNullable<Extract<ParsedCommand, { name: 'usage' }>['server']>, string> = {
  BackupAndReplication: 'vbr',
  CloudConnect: 'cc',
  VONE: 'vone',
  VB365: 'vb365',
  VSPC: 'vspc',
};

export function formatCommand(cmd: ParsedCommand): string {
  return [...words(cmd), ...(cmd.share ? ['--share'] : [])].join(' ');
}
