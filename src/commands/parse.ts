/**
 * The grammar of `/vspc` (DESIGN.md §1): text → a command or a usage error. Pure, and it never
 * throws: typed text and button values both come through here, so anything may arrive.
 */
import type { CommandName, ParsedCommand, UsageError } from './command.js';
import { TOP_LEVEL_USAGE } from './grammar.js';
import { parseForecast, parseTrend } from './parse-insight.js';
import { parseLicense } from './parse-license.js';
import { parseLicenses, parseUsage } from './parse-listings.js';
import { isError, readWholeNumber, splitArgs, unexpected, usageError } from './parse-options.js';
import { parseReport, parseReports } from './parse-reports.js';
import { closest, quote } from './suggest.js';
import { type Token, tokenize } from './tokenize.js';

/** Slack's slash command text and button values stay well below this; longer input is a paste. */
export const MAX_COMMAND_LENGTH = 2000;
export const DEFAULT_AUDIT_LIMIT = 20;
export const MAX_AUDIT_LIMIT = 200;

type SubParser = (tokens: readonly Token[], share: boolean) => ParsedCommand | UsageError;

const TOP_WORDS: Record<string, SubParser> = {
  help: parseHelp,
  licenses: parseLicenses,
  license: parseLicense,
  reports: parseReports,
  report: parseReport,
  usage: parseUsage,
  trend: parseTrend,
  forecast: parseForecast,
  digest: parseDigest,
  audit: parseAudit,
  whoami: parseWhoami,
  pending: parsePending,
};

function topLevelError(message: string, suggestion?: string): UsageError {
  return { type: 'usageError', message, usage: TOP_LEVEL_USAGE, ...(suggestion ? { suggestion } : {}) };
}

export function parseCommand(text: string): ParsedCommand | UsageError {
  try {
    return parse(text);
  } catch {
    // A bug in the grammar must still give an answer, not a crash of the caller.
    return topLevelError('That command could not be read. Try "help".');
  }
}

function parse(text: string): ParsedCommand | UsageError {
  if (typeof text !== 'string') return topLevelError('No command text was given. Try "help".');
  if (text.length > MAX_COMMAND_LENGTH) {
    return topLevelError(
      `That is ${text.length} characters; a command is at most ${MAX_COMMAND_LENGTH}. Try "help" for the commands.`,
    );
  }
  const tokenized = tokenize(text);
  if (!tokenized.ok) return topLevelError(tokenized.message);
  let tokens = tokenized.tokens;
  if (tokens[0] && !tokens[0].quoted && tokens[0].text.toLowerCase() === '/vspc') tokens = tokens.slice(1);

  const isShare = (t: Token) => !t.quoted && t.text.toLowerCase() === '--share';
  const share = tokens.some(isShare);
  tokens = tokens.filter((t) => !isShare(t));

  const [first, ...rest] = tokens;
  if (first === undefined) return { name: 'help', topic: null, share };
  const word = first.text.toLowerCase();
  if (rest.some((t) => !t.quoted && (t.text === '--help' || t.text === '-h'))) {
    return { name: 'help', topic: topicOf(word), share };
  }
  const sub = first.quoted ? undefined : TOP_WORDS[word];
  if (sub) return sub(rest, share);

  if (word === '--help' || word === '-h' || word === '?') return { name: 'help', topic: null, share };
  const near = closest(word, Object.keys(TOP_WORDS));
  return topLevelError(
    `Unknown command ${quote(first.text, 30)}.${near ? ` Did you mean "${near}"?` : ''} Try "help".`,
    near ? [near, ...rest.map((t) => t.text)].join(' ') : undefined,
  );
}

/** A help topic is one plain word; anything else is no topic (help then shows everything). */
function topicOf(word: string | undefined): string | null {
  const topic = word?.toLowerCase() ?? '';
  return /^[a-z][a-z0-9.-]{0,29}$/.test(topic) ? topic : null;
}

function parseHelp(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  if (tokens.length > 1) return unexpected('help', tokens.slice(1));
  return { name: 'help', topic: topicOf(tokens[0]?.text), share };
}

function parseDigest(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, {}, 'digest');
  if (isError(args)) return args;
  const [mode, ...extra] = args.positionals;
  if (extra.length > 0) return unexpected('digest', extra);
  const word = mode?.text.toLowerCase() ?? 'preview';
  if (word === 'preview' || word === 'now') return { name: 'digest', mode: word, share };
  const near = closest(word, ['preview', 'now']);
  return usageError('digest', `Unknown word ${quote(word, 20)}.${near ? ` Did you mean ${near}?` : ''}`);
}

function parseAudit(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, {}, 'audit');
  if (isError(args)) return args;
  const [count, ...extra] = args.positionals;
  if (extra.length > 0) return unexpected('audit', extra);
  const limit = count ? readWholeNumber(count.text, 'N', 1, MAX_AUDIT_LIMIT, 'audit') : DEFAULT_AUDIT_LIMIT;
  if (isError(limit)) return limit;
  return { name: 'audit', limit, share };
}

function parseWhoami(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, {}, 'whoami');
  if (isError(args)) return args;
  return args.positionals.length > 0 ? unexpected('whoami', args.positionals) : { name: 'whoami', share };
}

function parsePending(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, {}, 'pending');
  if (isError(args)) return args;
  return args.positionals.length > 0 ? unexpected('pending', args.positionals) : { name: 'pending', share };
}

export type { CommandName, ParsedCommand, UsageError };
