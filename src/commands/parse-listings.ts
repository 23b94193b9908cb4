/** `licenses …` and `usage …`: the two filtered tables. */
import type { UsageQuery } from '../reports/model.js';
import type { ParsedCommand, UsageError } from './command.js';
import { readKindFilter } from './kind-words.js';
import { isError, readWholeNumber, splitArgs, unexpected, usageError } from './parse-options.js';
import { closest, quote } from './suggest.js';
import type { Token } from './tokenize.js';

export const MAX_PAGE = 10_000;
const MAX_EXPIRING_DAYS = 3650;
const KIND_STOP_WORDS = new Set(['all', 'console', 'site', 'sites', 'vbr', 'vone', 'vb365']);
const STATUSES = ['Valid', 'Warning', 'Error', 'Expired', 'Unlicensed', 'Unknown'];

export function readPage(flags: Map<string, string>, command: 'licenses' | 'reports' | 'usage'): number | UsageError {
  const text = flags.get('page');
  return text === undefined ? 1 : readWholeNumber(text, '--page', 1, MAX_PAGE, command);
}

export function parseLicenses(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(
    tokens,
    { expiring: 'value', status: 'value', company: 'name', page: 'value' },
    'licenses',
    KIND_STOP_WORDS,
  );
  if (isError(args)) return args;
  const [kindToken, ...extra] = args.positionals;
  if (extra.length > 0) {
    return unexpected(
      'licenses',
      extra,
      'To see one license: license <kind> <target>. Quote company names with spaces.',
    );
  }
  const kind = kindToken ? readKindFilter(kindToken.text, 'licenses') : 'all';
  if (isError(kind)) return kind;

  const expiringText = args.flags.get('expiring');
  const expiringDays =
    expiringText === undefined
      ? null
      : readWholeNumber(expiringText, '--expiring DAYS', 0, MAX_EXPIRING_DAYS, 'licenses');
  if (isError(expiringDays)) return expiringDays;

  const statusText = args.flags.get('status');
  let status: string | null = null;
  if (statusText !== undefined) {
    status = STATUSES.find((s) => s.toLowerCase() === statusText.toLowerCase()) ?? null;
    if (status === null) {
      const near = closest(statusText, STATUSES);
      return usageError(
        'licenses',
        `Unknown status ${quote(statusText, 20)}.${near ? ` Did you mean ${near}?` : ''} Statuses: ${STATUSES.join(', ')}.`,
      );
    }
  }
  const page = readPage(args.flags, 'licenses');
  if (isError(page)) return page;
  return { name: 'licenses', kind, expiringDays, status, company: args.flags.get('company') ?? null, page, share };
}

const ORG_TYPES: Record<string, NonNullable<UsageQuery['organizationType']>> = {
  company: 'Company',
  reseller: 'Reseller',
  provider: 'Provider',
};

const SERVER_TYPES: Record<string, NonNullable<UsageQuery['serverType']>> = {
  vbr: 'BackupAndReplication',
  cc: 'CloudConnect',
  vone: 'VONE',
  vb365: 'VB365',
  vspc: 'VSPC',
};

function readChoice<T>(text: string | undefined, choices: Record<string, T>, flag: string): T | null | UsageError {
  if (text === undefined) return null;
  const value = choices[text.toLowerCase()];
  if (value !== undefined) return value;
  const words = Object.keys(choices);
  const near = closest(text, words);
  return usageError(
    'usage',
    `--${flag} must be one of ${words.join(', ')}, not ${quote(text, 20)}.${near ? ` Did you mean ${near}?` : ''}`,
  );
}

export function parseUsage(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, { org: 'name', type: 'value', server: 'value', page: 'value' }, 'usage');
  if (isError(args)) return args;
  if (args.positionals.length > 0) {
    return unexpected('usage', args.positionals, 'Filter with --org, --type or --server.');
  }
  const type = readChoice(args.flags.get('type'), ORG_TYPES, 'type');
  if (isError(type)) return type;
  const server = readChoice(args.flags.get('server'), SERVER_TYPES, 'server');
  if (isError(server)) return server;
  const page = readPage(args.flags, 'usage');
  if (isError(page)) return page;
  return { name: 'usage', org: args.flags.get('org') ?? null, type, server, page, share };
}
