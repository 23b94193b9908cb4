/**
 * The usage line and description of every command: the single source for `help`, for usage
 * errors and for the CLI. Order is the order `help` shows.
 */
import type { CommandName } from './command.js';

/** Who may run it: `read` needs a viewer, `write` an operator, `finalize` an approver, `post` an operator or approver. */
export type CommandAccess = 'read' | 'write' | 'finalize' | 'post';

export interface CommandUsage {
  name: CommandName;
  usage: string;
  description: string;
  access: CommandAccess;
  example: string;
}

export const KIND_WORDS = 'console|site|vbr|vone|vb365';

export const COMMAND_USAGES: readonly CommandUsage[] = [
  {
    name: 'licenses',
    usage: 'licenses [all|console|sites|vbr|vone|vb365] [--expiring DAYS] [--status S] [--company NAME] [--page N]',
    description: 'table of licenses, soonest expiry first',
    access: 'read',
    example: 'licenses vbr --expiring 30',
  },
  {
    name: 'license.show',
    usage: `license <${KIND_WORDS}> <UID, UID prefix or company>`,
    description: 'one license in detail, with its actions',
    access: 'read',
    example: 'license vbr "Acme Corp"',
  },
  {
    name: 'reports',
    usage: 'reports [latest|pending|all|YYYY-MM] [--page N]',
    description: 'monthly usage reports: owner, interval, status, points',
    access: 'read',
    example: 'reports pending',
  },
  {
    name: 'report',
    usage: 'report <reportId> [csv]',
    description: "one report's summary; csv gives VSPC's CSV file",
    access: 'read',
    example: 'report 1042 csv',
  },
  {
    name: 'usage',
    usage: 'usage [--org NAME|UID] [--type company|reseller|provider] [--server vbr|cc|vone|vb365|vspc] [--page N]',
    description: 'current usage per organisation and server',
    access: 'read',
    example: 'usage --server vbr',
  },
  {
    name: 'trend',
    usage: 'trend [--months N] [--org NAME|UID] [--product P] [--top K] [--png FILE]',
    description:
      'points per month from the usage reports (default 6 months, at most 24): total, top K organisations (default 5) and others, with the change month over month and a chart; --png FILE writes the chart (command line only)',
    access: 'read',
    example: 'trend --months 12 --top 3',
  },
  {
    name: 'forecast',
    usage: 'forecast',
    description: 'this month so far per organisation against the last report: expected points, difference, top movers',
    access: 'read',
    example: 'forecast',
  },
  {
    name: 'digest',
    usage: 'digest [preview|now]',
    description: "preview today's digest, or post it now",
    access: 'read',
    example: 'digest preview',
  },
  {
    name: 'audit',
    usage: 'audit [N]',
    description: 'the last N audit entries (default 20, at most 200)',
    access: 'read',
    example: 'audit 50',
  },
  {
    name: 'pending',
    usage: 'pending',
    description: 'every open action (waiting or running): what it does, who asked, when it expires, its card',
    access: 'read',
    example: 'pending',
  },
  { name: 'whoami', usage: 'whoami', description: 'your roles and what you may do', access: 'read', example: 'whoami' },
  {
    name: 'license.update',
    usage: `license update <${KIND_WORDS}> [<target>]`,
    description: 'ask VSPC to download and install a fresh license (confirm)',
    access: 'write',
    example: 'license update vbr 5f1c2a9e',
  },
  {
    name: 'license.install',
    usage: `license install <${KIND_WORDS}> [<target>]`,
    description: 'upload a license file and install it (confirm)',
    access: 'write',
    example: 'license install site',
  },
  {
    name: 'license.autoupdate',
    usage: `license autoupdate <${KIND_WORDS}> <target> on|off`,
    description: 'turn automatic license update on or off (confirm)',
    access: 'write',
    example: 'license autoupdate vone "Acme Corp" on',
  },
  {
    name: 'license.delete',
    usage: 'license delete vbr <target> [all|instance|socket] · license delete vone <target>',
    description: 'remove a license (confirm)',
    access: 'write',
    example: 'license delete vone 9a8b7c6d',
  },
  {
    name: 'reports.autoapprove',
    usage: 'reports autoapprove on|off',
    description: 'approve monthly usage reports automatically (confirm)',
    access: 'write',
    example: 'reports autoapprove off',
  },
  {
    name: 'reports.finalize',
    usage: 'reports finalize',
    description: 'approve the usage reports that wait for approval (approver)',
    access: 'finalize',
    example: 'reports finalize',
  },
  { name: 'help', usage: 'help [command]', description: 'this list', access: 'read', example: 'help licenses' },
];

export function usageOf(name: CommandName): string {
  return COMMAND_USAGES.find((c) => c.name === name)?.usage ?? 'help';
}

/** Every usage line, for an answer that cannot point at one command. */
export const TOP_LEVEL_USAGE =
  'licenses · license · reports · report · usage · trend · forecast · digest · audit · pending · whoami · help';
