/** `reports [latest|pending|all|YYYY-MM]`, `reports finalize`, `reports autoapprove on|off`, `report <id> [csv]`. */
import type { ParsedCommand, UsageError } from './command.js';
import { switchOf } from './kind-words.js';
import { readPage } from './parse-listings.js';
import { isError, readWholeNumber, splitArgs, unexpected, usageError } from './parse-options.js';
import { closest, quote } from './suggest.js';
import type { Token } from './tokenize.js';

const REPORT_WORDS = ['latest', 'pending', 'all', 'finalize', 'autoapprove'];
const MONTH_MESSAGE = 'month must be YYYY-MM with a month from 01 to 12';
const MAX_REPORT_ID = 2_147_483_647;

export function parseReports(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, { page: 'value' }, 'reports');
  if (isError(args)) return args;
  const [first, ...rest] = args.positionals;
  const word = first?.text.toLowerCase();

  if (word === 'finalize' || word === 'autoapprove' || word === 'auto-approve') {
    if (args.flags.has('page')) return usageError('reports', '--page is not an option of this command.');
    if (word === 'finalize') {
      return rest.length > 0 ? unexpected('reports.finalize', rest) : { name: 'reports.finalize', share };
    }
    const enabled = rest.length === 1 ? switchOf(rest[0]!.text) : null;
    if (enabled === null) return usageError('reports.autoapprove', 'Say on or off: reports autoapprove on|off.');
    return { name: 'reports.autoapprove', enabled, share };
  }
  if (rest.length > 0) return unexpected('reports', rest);
  const page = readPage(args.flags, 'reports');
  if (isError(page)) return page;
  if (word === undefined || word === 'latest') return { name: 'reports', scope: { kind: 'latest' }, page, share };
  if (word === 'pending') return { name: 'reports', scope: { kind: 'pending' }, page, share };
  if (word === 'all') return { name: 'reports', scope: { kind: 'all' }, page, share };
  if (/^\d/.test(word)) {
    const month = /^(\d{4})-(\d{2})$/.exec(word);
    const monthNumber = month ? Number(month[2]) : 0;
    if (!month || monthNumber < 1 || monthNumber > 12) {
      return usageError('reports', `${quote(word, 20)}: ${MONTH_MESSAGE}, e.g. 2026-04.`);
    }
    return { name: 'reports', scope: { kind: 'month', month: word }, page, share };
  }
  const near = closest(word, REPORT_WORDS);
  return usageError(
    'reports',
    `Unknown word ${quote(word, 20)} after "reports".${near ? ` Did you mean ${near}?` : ''} Use latest, pending, all, a month (YYYY-MM), finalize or autoapprove.`,
    near ? `reports ${near}` : undefined,
  );
}

export function parseReport(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, {}, 'report');
  if (isError(args)) return args;
  const [idToken, ...rest] = args.positionals;
  if (idToken === undefined) return usageError('report', 'Which report? Give its id (see: reports).', 'reports');
  const word = idToken.text.toLowerCase();
  if (REPORT_WORDS.includes(word)) {
    return usageError(
      'report',
      `Did you mean "reports ${word}"?`,
      ['reports', word, ...rest.map((t) => t.text)].join(' '),
    );
  }
  const reportId = readWholeNumber(idToken.text, 'The report id', 1, MAX_REPORT_ID, 'report');
  if (isError(reportId)) return reportId;
  const [format, ...extra] = rest;
  if (format && format.text.toLowerCase() !== 'csv') {
    const near = closest(format.text, ['csv']);
    return usageError('report', `Unknown word ${quote(format.text, 20)}.${near ? ' Did you mean csv?' : ''}`);
  }
  if (extra.length > 0) return unexpected('report', extra);
  return { name: 'report', reportId, csv: format !== undefined, share };
}
